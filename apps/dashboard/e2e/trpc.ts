import type { Page } from '@playwright/test';

/**
 * A tRPC call with the page's cookies (a signed-in staff member's, say); superjson wraps input
 * and answer in { json }. Queries carry their input in the address, mutations in the body.
 */
export async function trpc<T>(page: Page, path: string, input?: unknown, mutation = false): Promise<T> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = mutation
    ? await page.request.post(`/api/trpc/${path}`, { data: { json: input } })
    : await page.request.get(`/api/trpc/${path}${query}`);
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: { json: { message: string } } };
  if (!body.result) throw new Error(`${path}: ${body.error?.json.message ?? response.status()}`);
  return body.result.data.json;
}

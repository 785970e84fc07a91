import type { APIRequestContext, Page } from '@playwright/test';

/**
 * A tRPC call with the page's cookies (a signed-in staff member's, say), or through a request
 * context of its own; superjson wraps input and answer in { json }. Queries carry their input in
 * the address, mutations in the body.
 */
export async function trpc<T>(
  from: Page | APIRequestContext,
  path: string,
  input?: unknown,
  mutation = false,
): Promise<T> {
  const request = 'request' in from ? from.request : from;
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = mutation
    ? await request.post(`/api/trpc/${path}`, { data: { json: input } })
    : await request.get(`/api/trpc/${path}${query}`);
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: { json: { message: string } } };
  if (!body.result) throw new Error(`${path}: ${body.error?.json.message ?? response.status()}`);
  return body.result.data.json;
}

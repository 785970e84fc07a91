import superjson from 'superjson';

/** Who calls: a server from startApiServer and the session cookie sent to it, if any. */
export type Caller = { name: string; url: string; cookie?: string };

/** What the caller got back: the raw body (what a client sees) and the tRPC error code, if any. */
export type Answer = { body: string; code: string | null; message: string };

/** Calls a procedure as a browser's tRPC client would: GET for queries, POST for mutations. */
export async function callOverHttp(
  caller: Caller,
  path: string,
  type: 'query' | 'mutation',
  input: unknown,
): Promise<Answer> {
  const serialized = JSON.stringify(superjson.serialize(input));
  const headers: Record<string, string> = caller.cookie ? { cookie: caller.cookie } : {};
  const response =
    type === 'query'
      ? await fetch(`${caller.url}/${path}${input === undefined ? '' : `?input=${encodeURIComponent(serialized)}`}`, {
          headers,
        })
      : await fetch(`${caller.url}/${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: serialized,
        });
  const body = await response.text();
  const parsed = JSON.parse(body) as { error?: { json?: { message?: string; data?: { code?: string } } } };
  const error = parsed.error?.json;
  return { body, code: error ? (error.data?.code ?? 'UNKNOWN') : null, message: error?.message ?? '' };
}

import { ChannelError, kindOfStatus } from './channel-error';

export const DEFAULT_TIMEOUT_MS = 10_000;

export type JsonCall = {
  provider: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Reads the provider's error code from its error body (the body itself is never kept). */
  errorCode: (json: unknown) => string | null;
};

/**
 * One POST to a provider that answers JSON. Every failure becomes a ChannelError: the status and
 * the provider's code only, since error bodies can echo the recipient or the text back.
 */
export async function postForJson(call: JsonCall): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(call.url, {
      method: 'POST',
      headers: call.headers,
      body: call.body,
      signal: AbortSignal.timeout(call.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new ChannelError(call.provider, timedOut ? 'timeout' : 'network', null, null);
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new ChannelError(call.provider, 'timeout', response.status, null);
    }
    if (response.ok) throw new ChannelError(call.provider, 'server', response.status, 'unreadable response');
  }
  if (!response.ok)
    throw new ChannelError(call.provider, kindOfStatus(response.status), response.status, call.errorCode(json));
  return json;
}

/** A string field of a JSON object, or null. */
export function stringField(json: unknown, field: string): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const value = (json as Record<string, unknown>)[field];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/**
 * How a provider call failed. `server` (5xx, 429), `timeout` and `network` may succeed when tried
 * again; `unauthorized` and `rejected` (a bad number, a missing field) will not.
 */
export type ChannelErrorKind = 'unauthorized' | 'rejected' | 'server' | 'timeout' | 'network';

const RETRYABLE: ReadonlySet<ChannelErrorKind> = new Set(['server', 'timeout', 'network']);

/**
 * A refusal or failure of a message provider. Carries the provider's status and error code, never
 * the recipient, the message text or credentials, so it is safe to log and to store as the
 * outbox row's error.
 */
export class ChannelError extends Error {
  override readonly name = 'ChannelError';
  constructor(
    readonly provider: string,
    readonly kind: ChannelErrorKind,
    readonly statusCode: number | null,
    readonly code: string | null,
  ) {
    const status = statusCode === null ? '' : ` (${statusCode})`;
    super(`${provider} ${kind}${status}${code === null ? '' : `: ${code}`}`);
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

/** The kind an HTTP status means for a message provider. */
export function kindOfStatus(status: number): ChannelErrorKind {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 429 || status >= 500) return 'server';
  return 'rejected';
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';

/** A fault a fake provider was told to produce for its next requests (for retry tests). */
export type Fault = { status: number } | { delayMs: number };

/** Faults queued by tests, taken one per request in order. */
export class FaultQueue {
  private readonly queue: Fault[] = [];

  /** The next `count` requests fail with this HTTP status. */
  failNext(count: number, status: number): void {
    for (let i = 0; i < count; i++) this.queue.push({ status });
  }

  /** The next `count` requests wait this long before being handled (to make clients time out). */
  delayNext(count: number, delayMs: number): void {
    for (let i = 0; i < count; i++) this.queue.push({ delayMs });
  }

  take(): Fault | undefined {
    return this.queue.shift();
  }
}

export type Callback = {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** The HTTP status the receiver answered, 0 when it could not be reached. */
  status: number;
};

const CALLBACK_TIMEOUT_MS = 5_000;

/** Posts provider callbacks one after another, in the order they were asked for, and records them. */
export class CallbackSender {
  readonly sent: Callback[] = [];
  private tail: Promise<void> = Promise.resolve();

  post(url: string, body: string, headers: Record<string, string>): Promise<void> {
    const run = this.tail.then(async () => {
      let status = 0;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
        });
        status = response.status;
        await response.arrayBuffer();
      } catch {
        status = 0;
      }
      this.sent.push({ url, body, headers, status });
    });
    this.tail = run;
    return run;
  }

  /** Resolves once every callback asked for so far has been attempted. */
  async settled(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.tail) {
      seen = this.tail;
      await seen;
    }
  }
}

export type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => Promise<void> | void;

/**
 * An HTTP server for a fake provider: reads the body, applies a queued fault, then hands over.
 * Returns its base URL and a close that also drops held (delayed) connections.
 */
export async function startFakeHttp(
  faults: FaultQueue,
  handler: Handler,
  options: {
    port?: number;
    host?: string;
    faultBody: (status: number) => unknown;
    /** Sees every request as it arrives, before a fault is injected (for counting retries). */
    onRequest?: (request: IncomingMessage) => void;
  },
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    options.onRequest?.(request);
    (async () => {
      const body = await text(request);
      const fault = faults.take();
      if (fault && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault && 'status' in fault) return sendJson(response, fault.status, options.faultBody(fault.status));
      await handler(request, response, body);
    })().catch(() => {
      if (!response.headersSent) sendJson(response, 500, options.faultBody(500));
      else response.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Answers already given per `Idempotency-Key`, as Stripe-style APIs keep them: a request repeating
 * a key gets the first answer again and creates nothing. Only successes are kept, so a request
 * that failed may be tried again.
 */
export class IdempotentAnswers {
  private readonly answers = new Map<string, { status: number; body: unknown }>();

  /** True when the request's key was seen: the first answer has been sent again. */
  replay(request: IncomingMessage, response: ServerResponse): boolean {
    const key = idempotencyKey(request);
    const answer = key === null ? undefined : this.answers.get(key);
    if (!answer) return false;
    sendJson(response, answer.status, answer.body);
    return true;
  }

  /** Sends a success and keeps it under the request's key. */
  send(request: IncomingMessage, response: ServerResponse, status: number, body: unknown): void {
    const key = idempotencyKey(request);
    if (key !== null) this.answers.set(key, { status, body });
    sendJson(response, status, body);
  }
}

export function idempotencyKey(request: IncomingMessage): string | null {
  const value = request.headers['idempotency-key'];
  return typeof value === 'string' && value !== '' ? value : null;
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

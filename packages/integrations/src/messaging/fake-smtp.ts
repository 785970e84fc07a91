import type { AddressInfo } from 'node:net';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedAttachment = { filename: string | null; contentType: string; content: Buffer };

export type ReceivedEmail = {
  /** The envelope (MAIL FROM / RCPT TO), what the server was told rather than the headers. */
  envelopeFrom: string | null;
  envelopeTo: string[];
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId: string | null;
  headers: Record<string, string>;
  attachments: ReceivedAttachment[];
  receivedAt: Date;
};

export type FakeSmtpOptions = {
  /** 0 or omitted: a free port the system picks. */
  port?: number;
  host?: string;
  /** Omitted: every user and password (or none) is accepted; given: only these. */
  auth?: { user: string; pass: string };
};

export type FakeSmtp = {
  host: string;
  port: number;
  /** Every message received, in order. */
  messages: ReceivedEmail[];
  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor(predicate: (email: ReceivedEmail) => boolean, timeoutMs?: number): Promise<ReceivedEmail>;
  /** The next `count` messages are refused with this SMTP reply code (451: try later, 550: never). */
  failNext(count: number, responseCode: number): void;
  /** The next `count` messages get their reply only after `ms` (for client timeouts). */
  delayNext(count: number, ms: number): void;
  close(): Promise<void>;
};

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((one) => one.value.map((address) => address.address ?? '')).filter(Boolean);
}

/**
 * A local SMTP server for development and tests (the `smtp-server` package): no TLS, accepts every
 * login unless told otherwise, parses each message with mailparser and keeps it in memory.
 */
export async function startFakeSmtp(options: FakeSmtpOptions = {}): Promise<FakeSmtp> {
  const messages: ReceivedEmail[] = [];
  const waiters = new Set<(email: ReceivedEmail) => void>();
  const faults: ({ responseCode: number } | { delayMs: number })[] = [];

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const expected = options.auth;
      if (expected && (auth.username !== expected.user || auth.password !== expected.pass)) {
        return callback(new Error('Invalid username or password'));
      }
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      const fault = faults.shift();
      simpleParser(stream)
        .then(async (parsed) => {
          if (fault && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
          if (fault && 'responseCode' in fault) {
            return callback(Object.assign(new Error('Message refused'), { responseCode: fault.responseCode }));
          }
          // A Message-ID already received is a retry of the same message: accepted, not kept twice.
          const messageId = parsed.messageId ?? null;
          if (messageId !== null && messages.some((one) => one.messageId === messageId)) return callback();
          const email: ReceivedEmail = {
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            envelopeTo: session.envelope.rcptTo.map((one) => one.address),
            from: addresses(parsed.from)[0] ?? '',
            to: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            messageId,
            headers: Object.fromEntries(
              [...parsed.headers].map(([name, value]) => [name, typeof value === 'string' ? value : String(value)]),
            ),
            attachments: parsed.attachments.map((file) => ({
              filename: file.filename ?? null,
              contentType: file.contentType,
              content: file.content,
            })),
            receivedAt: new Date(),
          };
          messages.push(email);
          for (const waiter of waiters) waiter(email);
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error('Unreadable message')));
    },
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    host,
    port,
    messages,
    waitFor(predicate, timeoutMs = 5_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = (email: ReceivedEmail) => {
          if (!predicate(email)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(email);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error('No matching email arrived in time'));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    failNext(count, responseCode) {
      for (let i = 0; i < count; i++) faults.push({ responseCode });
    },
    delayNext(count, ms) {
      for (let i = 0; i < count; i++) faults.push({ delayMs: ms });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

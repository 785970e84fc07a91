import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MessageChannel, OutgoingMessage } from './channel';
import { ChannelError, type ChannelErrorKind } from './channel-error';
import { DEFAULT_TIMEOUT_MS } from './http';

export type SmtpConfig = {
  host: string;
  port: number;
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  pass?: string;
  /** The sender, e.g. `"Carelane" <no-reply@clinic.example>`. */
  from: string;
  /** Per step (connect, greeting, each reply). */
  timeoutMs?: number;
};

/** The header that carries the outbox row's id, so a duplicate can be recognised downstream. */
export const NOTIFICATION_HEADER = 'X-Carelane-Notification';

/**
 * Email over SMTP with nodemailer. The Message-ID derives from the outbox row's idempotency key,
 * so a retried send after a lost reply is the same message to every mail system that deduplicates
 * by it (our fake SMTP server does).
 */
export class SmtpEmailChannel implements MessageChannel {
  readonly name = 'smtp';
  private readonly transport: Transporter;
  private readonly domain: string;

  constructor(private readonly config: SmtpConfig) {
    const timeout = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ...(config.user ? { auth: { user: config.user, pass: config.pass ?? '' } } : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    this.domain = /@([^>\s]+)>?\s*$/.exec(config.from)?.[1] ?? 'carelane.local';
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const messageId = messageIdFor(message.idempotencyKey, this.domain);
    try {
      await this.transport.sendMail({
        from: this.config.from,
        to: message.recipient,
        subject: message.subject ?? '',
        text: message.body,
        messageId,
        headers: { [NOTIFICATION_HEADER]: message.notificationId },
        attachments: (message.attachments ?? []).map((file) => ({
          filename: file.filename,
          contentType: file.contentType,
          content: file.content,
        })),
      });
    } catch (error) {
      throw toChannelError(this.name, error);
    }
    return { providerMessageId: messageId };
  }

  /** Releases the transport's connections. */
  close(): void {
    this.transport.close();
  }
}

/** A Message-ID stable for one idempotency key; hashed, since a key may hold characters a Message-ID may not. */
/** The address of a sender written as `"Name" <address>` or bare; null when there is none. */
export function senderAddress(from: string): string | null {
  return /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from)?.[1] ?? (/^[^<>\s]+@[^<>\s]+$/.test(from.trim()) ? from.trim() : null);
}

export function messageIdFor(idempotencyKey: string, domain: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@${domain}>`;
}

type SmtpFailure = { code?: unknown; responseCode?: unknown };

/**
 * Keeps nodemailer's code and the SMTP reply code only: its messages quote the server's reply,
 * which can name the recipient.
 */
function toChannelError(provider: string, error: unknown): ChannelError {
  const failure: SmtpFailure = typeof error === 'object' && error !== null ? error : {};
  const code = typeof failure.code === 'string' ? failure.code : null;
  const reply = typeof failure.responseCode === 'number' ? failure.responseCode : null;
  let kind: ChannelErrorKind;
  if (code === 'EAUTH' || code === 'ENOAUTH' || reply === 535) kind = 'unauthorized';
  else if (code === 'ETIMEDOUT') kind = 'timeout';
  else if (reply !== null) kind = reply >= 500 && reply !== 503 ? 'rejected' : 'server';
  else if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'EDNS' || code === 'ETLS') kind = 'network';
  else kind = 'server';
  return new ChannelError(provider, kind, reply, code);
}

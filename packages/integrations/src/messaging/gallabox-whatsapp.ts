import type { MessageChannel, OutgoingMessage } from './channel';
import { ChannelError } from './channel-error';
import { DEFAULT_TIMEOUT_MS, postForJson, stringField } from './http';

export type GallaboxConfig = {
  apiKey: string;
  apiSecret: string;
  /** The WhatsApp channel (business number) in the Gallabox account. */
  channelId: string;
  /** The fake server's URL in development and tests; omitted, the real Gallabox API. */
  baseUrl?: string;
  timeoutMs?: number;
};

const GALLABOX_API = 'https://server.gallabox.com';

/**
 * WhatsApp through Gallabox's developer API: one JSON POST per message with the key and secret
 * as headers. Session (free-text) messages only. Exactly-once rests on the worker's claim and the
 * recorded message id; the `Idempotency-Key` header is ignored by the real Gallabox but honoured
 * by our fake (as Stripe-style APIs do), which covers a worker killed between send and record.
 */
export class GallaboxWhatsAppChannel implements MessageChannel {
  readonly name = 'gallabox';
  private readonly url: string;

  constructor(private readonly config: GallaboxConfig) {
    this.url = `${(config.baseUrl ?? GALLABOX_API).replace(/\/$/, '')}/devapi/messages/whatsapp`;
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    // Gallabox wants the number as digits with the country code and no plus sign.
    const phone = message.recipient.replace(/\D/g, '');
    const json = await postForJson({
      provider: this.name,
      url: this.url,
      headers: {
        apiKey: this.config.apiKey,
        apiSecret: this.config.apiSecret,
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': message.idempotencyKey,
      },
      body: JSON.stringify({
        channelId: this.config.channelId,
        channelType: 'whatsapp',
        recipient: { name: phone, phone },
        whatsapp: { type: 'text', text: { body: message.body } },
      }),
      timeoutMs: this.config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      errorCode: (body) => stringField(body, 'code'),
    });
    const id = stringField(json, 'id');
    if (!id) throw new ChannelError(this.name, 'server', 200, 'no id in response');
    return { providerMessageId: id };
  }
}

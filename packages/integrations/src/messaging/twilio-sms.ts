import type { MessageChannel, OutgoingMessage } from './channel';
import { ChannelError } from './channel-error';
import { DEFAULT_TIMEOUT_MS, postForJson, stringField } from './http';

export type TwilioSmsConfig = {
  accountSid: string;
  authToken: string;
  /** The sending number in E.164, or a Messaging Service SID (`MG...`). */
  from: string;
  /** Where Twilio posts delivery status (`MessageStatus` delivered/failed...); omitted, none. */
  statusCallbackUrl?: string;
  /** The fake server's URL in development and tests; omitted, the real Twilio API. */
  baseUrl?: string;
  timeoutMs?: number;
};

const TWILIO_API = 'https://api.twilio.com';

/**
 * SMS through Twilio's Messages API. Plain fetch rather than the `twilio` SDK: this is one
 * form-encoded POST, and the SDK would add megabytes and its own retry rules for it.
 *
 * Exactly-once is mostly the worker's job: it claims a message before sending and records the
 * returned `sid`. The `Idempotency-Key` header covers the gap between Twilio accepting a message
 * and the worker recording it (a timeout, a killed worker): the real Twilio ignores it, our fake
 * honours it the way Stripe-style APIs do.
 */
export class TwilioSmsChannel implements MessageChannel {
  readonly name = 'twilio';
  private readonly url: string;
  private readonly authorization: string;

  constructor(private readonly config: TwilioSmsConfig) {
    const base = (config.baseUrl ?? TWILIO_API).replace(/\/$/, '');
    this.url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
    this.authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const form = new URLSearchParams({ To: message.recipient, Body: message.body });
    form.set(this.config.from.startsWith('MG') ? 'MessagingServiceSid' : 'From', this.config.from);
    if (this.config.statusCallbackUrl) form.set('StatusCallback', this.config.statusCallbackUrl);
    const json = await postForJson({
      provider: this.name,
      url: this.url,
      headers: {
        authorization: this.authorization,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'idempotency-key': message.idempotencyKey,
      },
      body: form.toString(),
      timeoutMs: this.config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      errorCode: (body) => stringField(body, 'code'),
    });
    const sid = stringField(json, 'sid');
    if (!sid) throw new ChannelError(this.name, 'server', 200, 'no sid in response');
    return { providerMessageId: sid };
  }
}

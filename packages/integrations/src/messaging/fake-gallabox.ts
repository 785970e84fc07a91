import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Callback,
  CallbackSender,
  FaultQueue,
  IdempotentAnswers,
  idempotencyKey,
  parseJson,
  sendJson,
  startFakeHttp,
} from './fake-http';

export type FakeGallaboxOptions = {
  apiKey: string;
  apiSecret: string;
  channelId: string;
  /** Where delivery webhooks go; omitted, none are sent. */
  webhookUrl?: string;
  /** The status sent by webhook right after a message is accepted; null, none. */
  autoStatus?: 'delivered' | 'failed' | null;
  port?: number;
  host?: string;
};

export type FakeWhatsApp = {
  id: string;
  phone: string;
  name: string;
  body: string;
  /** The `Idempotency-Key` header it came with, or null. */
  idempotencyKey: string | null;
  status: 'accepted' | 'delivered' | 'failed';
  createdAt: Date;
};

export type FakeGallabox = {
  /** Pass as `baseUrl` of GallaboxWhatsAppChannel. */
  url: string;
  messages: FakeWhatsApp[];
  /** Every delivery webhook posted (JSON body). */
  webhooks: Callback[];
  failNext(count: number, status: number): void;
  delayNext(count: number, ms: number): void;
  setWebhookUrl(url: string | undefined): void;
  /** Moves a message to delivered or failed and posts its webhook. */
  setStatus(id: string, status: 'delivered' | 'failed'): Promise<void>;
  settled(): Promise<void>;
  close(): Promise<void>;
};

type Body = {
  channelId?: unknown;
  channelType?: unknown;
  recipient?: { name?: unknown; phone?: unknown };
  whatsapp?: { type?: unknown; text?: { body?: unknown } };
};

function same(given: string | string[] | undefined, expected: string): boolean {
  const a = Buffer.from(typeof given === 'string' ? given : '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function gallaboxError(response: ServerResponse, status: number, code: string, message: string): void {
  sendJson(response, status, { statusCode: status, code, message });
}

/**
 * A local stand-in for Gallabox's WhatsApp send API (POST /devapi/messages/whatsapp with
 * `apiKey`/`apiSecret` headers) that stores messages and posts delivery webhooks.
 */
export async function startFakeGallabox(options: FakeGallaboxOptions): Promise<FakeGallabox> {
  const faults = new FaultQueue();
  const webhooks = new CallbackSender();
  const messages: FakeWhatsApp[] = [];
  const answers = new IdempotentAnswers();
  const autoStatus = options.autoStatus === undefined ? 'delivered' : options.autoStatus;
  let webhookUrl = options.webhookUrl;

  function postStatus(message: FakeWhatsApp): Promise<void> {
    if (!webhookUrl) return Promise.resolve();
    const event = {
      event: 'Message.Status',
      channelId: options.channelId,
      message: { id: message.id, status: message.status, recipient: { phone: message.phone } },
      timestamp: new Date().toISOString(),
    };
    return webhooks.post(webhookUrl, JSON.stringify(event), { 'content-type': 'application/json' });
  }

  function handle(request: IncomingMessage, response: ServerResponse, raw: string) {
    if (!same(request.headers.apikey, options.apiKey) || !same(request.headers.apisecret, options.apiSecret)) {
      return gallaboxError(response, 401, 'UNAUTHORIZED', 'Invalid apiKey or apiSecret');
    }
    if (request.method !== 'POST' || request.url !== '/devapi/messages/whatsapp') {
      return gallaboxError(response, 404, 'NOT_FOUND', 'Not found');
    }
    if (answers.replay(request, response)) return;
    const body = (parseJson(raw) ?? {}) as Body;
    const phone = body.recipient?.phone;
    const text = body.whatsapp?.text?.body;
    if (body.channelId !== options.channelId)
      return gallaboxError(response, 400, 'INVALID_CHANNEL', 'Unknown channelId');
    if (body.channelType !== 'whatsapp') return gallaboxError(response, 400, 'INVALID_CHANNEL_TYPE', 'Bad channelType');
    if (typeof phone !== 'string' || !/^[1-9]\d{7,14}$/.test(phone)) {
      return gallaboxError(response, 400, 'INVALID_PHONE', 'recipient.phone must be digits with the country code');
    }
    if (body.whatsapp?.type !== 'text' || typeof text !== 'string' || text === '') {
      return gallaboxError(response, 400, 'INVALID_MESSAGE', 'whatsapp.text.body is required');
    }
    const message: FakeWhatsApp = {
      id: randomBytes(12).toString('hex'),
      phone,
      name: typeof body.recipient?.name === 'string' ? body.recipient.name : '',
      body: text,
      idempotencyKey: idempotencyKey(request),
      status: 'accepted',
      createdAt: new Date(),
    };
    messages.push(message);
    answers.send(request, response, 202, { id: message.id, status: 'ACCEPTED' });
    if (autoStatus) {
      message.status = autoStatus;
      void postStatus(message);
    }
  }

  const http = await startFakeHttp(faults, handle, {
    ...options,
    faultBody: (status) =>
      status >= 500
        ? { statusCode: status, code: 'INTERNAL_ERROR', message: 'Something went wrong' }
        : { statusCode: status, code: 'RECIPIENT_BLOCKED', message: 'Recipient cannot receive messages' },
  });

  return {
    url: http.url,
    messages,
    webhooks: webhooks.sent,
    failNext: (count, status) => faults.failNext(count, status),
    delayNext: (count, ms) => faults.delayNext(count, ms),
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    async setStatus(id, status) {
      const message = messages.find((one) => one.id === id);
      if (!message) throw new Error(`No fake WhatsApp message ${id}`);
      message.status = status;
      await postStatus(message);
    },
    settled: () => webhooks.settled(),
    close: http.close,
  };
}

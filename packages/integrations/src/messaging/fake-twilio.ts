import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Callback,
  CallbackSender,
  FaultQueue,
  IdempotentAnswers,
  idempotencyKey,
  sendJson,
  startFakeHttp,
} from './fake-http';
import { twilioSignature } from './twilio-signature';

export type FakeTwilioOptions = {
  accountSid: string;
  authToken: string;
  /** The status posted to each message's StatusCallback right after it is accepted; null, none. */
  autoStatus?: 'delivered' | 'failed' | null;
  /** 0 or omitted: a free port the system picks. */
  port?: number;
  host?: string;
};

export type FakeSms = {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
  /** The `Idempotency-Key` header it came with, or null. */
  idempotencyKey: string | null;
  status: 'queued' | 'delivered' | 'failed';
  createdAt: Date;
};

export type FakeTwilio = {
  /** Pass as `baseUrl` of TwilioSmsChannel. */
  url: string;
  /** Every message accepted, in order. */
  messages: FakeSms[];
  /** Every request as it arrived, failed and repeated ones included (a repeat of a key is a retry). */
  requests: { idempotencyKey: string | null; at: Date }[];
  /** Every status callback posted (form body, `X-Twilio-Signature` among the headers). */
  callbacks: Callback[];
  /** The next `count` requests fail with this status (500: retryable, 400: permanent). */
  failNext(count: number, status: number): void;
  /** The next `count` requests are answered only after `ms` (for client timeouts). */
  delayNext(count: number, ms: number): void;
  /** Moves a message to delivered or failed and posts its status callback. */
  setStatus(sid: string, status: 'delivered' | 'failed'): Promise<void>;
  /** Resolves once every status callback started so far has been attempted. */
  settled(): Promise<void>;
  close(): Promise<void>;
};

const E164 = /^\+[1-9]\d{6,14}$/;

function twilioError(response: ServerResponse, status: number, code: number, message: string): void {
  sendJson(response, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

/**
 * A local stand-in for Twilio's Messages API: the same endpoint, form fields, Basic auth, JSON
 * answers and error shape, and status callbacks signed the way Twilio signs them.
 */
export async function startFakeTwilio(options: FakeTwilioOptions): Promise<FakeTwilio> {
  const faults = new FaultQueue();
  const callbacks = new CallbackSender();
  const messages: FakeSms[] = [];
  const requests: FakeTwilio['requests'] = [];
  const answers = new IdempotentAnswers();
  const autoStatus = options.autoStatus === undefined ? 'delivered' : options.autoStatus;
  const expectedAuth = Buffer.from(
    `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`,
  );
  const path = `/2010-04-01/Accounts/${options.accountSid}/Messages.json`;

  function postStatus(message: FakeSms): Promise<void> {
    if (!message.statusCallback) return Promise.resolve();
    const params: Record<string, string> = {
      AccountSid: options.accountSid,
      ApiVersion: '2010-04-01',
      From: message.from,
      To: message.to,
      MessageSid: message.sid,
      SmsSid: message.sid,
      MessageStatus: message.status,
      SmsStatus: message.status,
      ...(message.status === 'failed' ? { ErrorCode: '30003' } : {}),
    };
    return callbacks.post(message.statusCallback, new URLSearchParams(params).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(message.statusCallback, params, options.authToken),
    });
  }

  function handle(request: IncomingMessage, response: ServerResponse, raw: string) {
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expectedAuth.length || !timingSafeEqual(given, expectedAuth)) {
      return twilioError(response, 401, 20003, 'Authenticate');
    }
    if (request.method !== 'POST' || request.url !== path) {
      return twilioError(response, 404, 20404, 'The requested resource was not found');
    }
    if (answers.replay(request, response)) return;
    const form = new URLSearchParams(raw);
    const to = form.get('To') ?? '';
    const from = form.get('From') ?? form.get('MessagingServiceSid') ?? '';
    const body = form.get('Body') ?? '';
    if (!E164.test(to)) return twilioError(response, 400, 21211, "Invalid 'To' Phone Number");
    if (!from) return twilioError(response, 400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required");
    if (!body) return twilioError(response, 400, 21602, 'Message body is required.');
    const message: FakeSms = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to,
      from,
      body,
      statusCallback: form.get('StatusCallback'),
      idempotencyKey: idempotencyKey(request),
      status: 'queued',
      createdAt: new Date(),
    };
    messages.push(message);
    answers.send(request, response, 201, {
      sid: message.sid,
      account_sid: options.accountSid,
      to,
      from: form.get('From'),
      messaging_service_sid: form.get('MessagingServiceSid'),
      body,
      status: 'queued',
      num_segments: '1',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: message.createdAt.toUTCString(),
      error_code: null,
      error_message: null,
      price: null,
      uri: `${path.slice(0, -'.json'.length)}/${message.sid}.json`,
    });
    if (autoStatus) {
      message.status = autoStatus;
      void postStatus(message);
    }
  }

  const http = await startFakeHttp(faults, handle, {
    ...options,
    onRequest: (request) => requests.push({ idempotencyKey: idempotencyKey(request), at: new Date() }),
    faultBody: (status) => ({
      code: status >= 500 ? 20500 : 21610,
      message: status >= 500 ? 'An internal server error has occurred' : 'Attempt to send to unsubscribed recipient',
      status,
    }),
  });

  return {
    url: http.url,
    messages,
    requests,
    callbacks: callbacks.sent,
    failNext: (count, status) => faults.failNext(count, status),
    delayNext: (count, ms) => faults.delayNext(count, ms),
    async setStatus(sid, status) {
      const message = messages.find((one) => one.sid === sid);
      if (!message) throw new Error(`No fake SMS ${sid}`);
      message.status = status;
      await postStatus(message);
    },
    settled: () => callbacks.settled(),
    close: http.close,
  };
}

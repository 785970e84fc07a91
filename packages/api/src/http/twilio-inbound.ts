import { randomUUID } from 'node:crypto';
import { verifyTwilioSignature } from '@carelane/integrations/messaging/providers';
import type { Context } from '../context';
import type { ApiDeps } from '../deps';
import { answerSmsReply } from '../routers/confirmations/sms-reply';
import { problem } from './common';

/** An inbound SMS webhook is a few hundred bytes; anything far larger is not one. */
const MAX_BODY_BYTES = 64 * 1024;

export type TwilioInboundConfig = {
  authToken: string;
  /** The public URL Twilio was given for incoming messages; the request's own URL when unset (no proxy). */
  inboundUrl?: string | undefined;
};

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The reply Twilio sends back to the patient. */
export function twiml(sentence: string): Response {
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeXml(sentence)}</Message></Response>`,
    {
      status: 200,
      headers: { 'content-type': 'text/xml; charset=utf-8', 'cache-control': 'no-store' },
    },
  );
}

/**
 * `POST /api/webhooks/twilio/inbound`: a patient's SMS reply to a reminder ("1"/"YES" confirms,
 * "2"/"NO" cancels). `X-Twilio-Signature` is checked first; a bad one is 403 and changes nothing.
 */
export function createTwilioInboundHandler(
  getDeps: () => Promise<{ deps: ApiDeps; twilio: TwilioInboundConfig | undefined }>,
) {
  return async (req: Request): Promise<Response> => {
    const { deps, twilio } = await getDeps();
    if (!twilio) return problem(503, 'SMS is not set up on this server.');
    if (Number(req.headers.get('content-length') ?? '0') > MAX_BODY_BYTES) return problem(413, 'This is not an SMS.');
    const raw = await req.text();
    if (raw.length > MAX_BODY_BYTES) return problem(413, 'This is not an SMS.');
    const params = Object.fromEntries(new URLSearchParams(raw));
    const signature = req.headers.get('x-twilio-signature') ?? '';
    if (!verifyTwilioSignature(twilio.inboundUrl ?? req.url, params, signature, twilio.authToken)) {
      return problem(403, 'The signature does not match.');
    }
    const ctx: Context = {
      ...deps,
      principal: { kind: 'anonymous' },
      requestId: req.headers.get('x-request-id') ?? randomUUID(),
      ip: req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || null,
    };
    return twiml(await answerSmsReply(ctx, { from: params.From ?? '', body: params.Body ?? '' }));
  };
}

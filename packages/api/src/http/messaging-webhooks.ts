import { createHash, timingSafeEqual } from 'node:crypto';
import { isDeliveryStatus } from '@carelane/core';
import type { Database } from '@carelane/db';
import { verifyTwilioSignature } from '@carelane/integrations/messaging/providers';
import { recordDeliveryStatus } from '../messaging/delivery-status';
import { NO_STORE, problem } from './common';

/** Status callbacks are a few hundred bytes; anything far larger is not one. */
const MAX_BODY_BYTES = 64 * 1024;

async function readBody(req: Request): Promise<string | null> {
  if (Number(req.headers.get('content-length') ?? '0') > MAX_BODY_BYTES) return null;
  const raw = await req.text();
  return raw.length > MAX_BODY_BYTES ? null : raw;
}

export type TwilioStatusConfig = {
  authToken: string;
  /** The public URL Twilio was given as StatusCallback: the signature covers it, not the URL we see behind a proxy. */
  callbackUrl: string;
};

/**
 * `POST /api/webhooks/twilio/status`: checks `X-Twilio-Signature` over the configured public
 * URL and the form parameters, then records the status. A bad signature is 403 and changes nothing.
 */
export function createTwilioStatusHandler(
  getDeps: () => Promise<{ db: Database; twilio: TwilioStatusConfig | undefined }>,
) {
  return async (req: Request): Promise<Response> => {
    const { db, twilio } = await getDeps();
    if (!twilio) return problem(503, 'SMS is not set up on this server.');
    const raw = await readBody(req);
    if (raw === null) return problem(413, 'This is not a status callback.');
    const params = Object.fromEntries(new URLSearchParams(raw));
    const signature = req.headers.get('x-twilio-signature') ?? '';
    if (!verifyTwilioSignature(twilio.callbackUrl, params, signature, twilio.authToken)) {
      return problem(403, 'The signature does not match.');
    }
    const sid = params.MessageSid ?? '';
    const status = params.MessageStatus ?? '';
    if (!sid) return problem(400, 'MessageSid is missing.', 'MessageSid');
    // Statuses we do not track (accepted, scheduled, canceled...) are acknowledged and ignored.
    if (isDeliveryStatus(status)) {
      await recordDeliveryStatus(db, {
        provider: 'twilio',
        providerMessageId: sid,
        status,
        errorCode: params.ErrorCode || null,
        at: new Date(),
      });
    }
    return new Response(null, { status: 204, headers: NO_STORE });
  };
}

/** Equal secrets, compared in constant time (hashed first, so lengths never differ). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return given !== '' && timingSafeEqual(digest(given), digest(expected));
}

type GallaboxEvent = { event?: unknown; message?: { id?: unknown; status?: unknown }; timestamp?: unknown };

/**
 * `POST /api/webhooks/gallabox`: Gallabox signs nothing, so the webhook URL carries a shared
 * secret (`?secret=`, or an `X-Webhook-Secret` header), compared in constant time.
 */
export function createGallaboxWebhookHandler(
  getDeps: () => Promise<{ db: Database; webhookSecret: string | undefined }>,
) {
  return async (req: Request): Promise<Response> => {
    const { db, webhookSecret } = await getDeps();
    if (!webhookSecret) return problem(503, 'WhatsApp is not set up on this server.');
    const given = req.headers.get('x-webhook-secret') ?? new URL(req.url).searchParams.get('secret') ?? '';
    if (!sameSecret(given, webhookSecret)) return problem(403, 'The secret does not match.');
    const raw = await readBody(req);
    if (raw === null) return problem(413, 'This is not a status webhook.');
    let event: GallaboxEvent;
    try {
      event = JSON.parse(raw) as GallaboxEvent;
    } catch {
      return problem(400, 'The body is not JSON.');
    }
    const id = event.message?.id;
    const status = typeof event.message?.status === 'string' ? event.message.status.toLowerCase() : '';
    if (typeof id !== 'string' || id === '') return problem(400, 'message.id is missing.', 'message.id');
    if (event.event === 'Message.Status' && isDeliveryStatus(status)) {
      const at = typeof event.timestamp === 'string' ? new Date(event.timestamp) : new Date();
      await recordDeliveryStatus(db, {
        provider: 'gallabox',
        providerMessageId: id,
        status,
        at: Number.isNaN(at.getTime()) ? new Date() : at,
      });
    }
    return Response.json({ received: true }, { headers: NO_STORE });
  };
}

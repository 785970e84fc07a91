import { createHash } from 'node:crypto';
import { gatewayEvents } from '@carelane/db';
import type { ApiDeps } from '../deps';
import { NO_STORE, problem } from './common';

/** Razorpay's events are a few kilobytes; anything far larger is not one. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * `/api/webhooks/razorpay`: checks the signature on the raw body (timing-safe, in the gateway
 * adapter), records the event once by its id and answers at once; the worker applies it
 * (applyGatewayEvents). A bad signature or body changes nothing.
 */
export function createRazorpayWebhookHandler(getDeps: () => Promise<ApiDeps>) {
  return async (req: Request): Promise<Response> => {
    const deps = await getDeps();
    if (!deps.payments) return problem(503, 'Payments are not set up on this server.');
    const declared = Number(req.headers.get('content-length') ?? '0');
    if (declared > MAX_BODY_BYTES) return problem(413, 'This is not a payment event.');
    const raw = Buffer.from(await req.arrayBuffer());
    if (raw.length > MAX_BODY_BYTES) return problem(413, 'This is not a payment event.');
    const signature = req.headers.get('x-razorpay-signature') ?? '';
    if (!deps.payments.verifyWebhook(raw, signature)) return problem(400, 'The signature does not match.');
    let body: { event?: unknown };
    try {
      body = JSON.parse(raw.toString('utf8')) as { event?: unknown };
    } catch {
      return problem(400, 'The body is not JSON.');
    }
    if (typeof body.event !== 'string') return problem(400, 'The body names no event.');
    // Razorpay names each event; the body's hash stands in only if a sender leaves the header out.
    const eventId =
      req.headers.get('x-razorpay-event-id') ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
    await deps.db
      .insert(gatewayEvents)
      .values({ eventId: eventId.slice(0, 200), event: body.event.slice(0, 100), payload: body })
      .onConflictDoNothing();
    return Response.json({ received: true }, { headers: NO_STORE });
  };
}

import type { Context } from '../context';
import { type DeliveryDeps, type DeliveryOutcome, deliverNotification } from './deliver';

/** What delivery needs, from the API's context. */
export function deliveryDeps(
  ctx: Pick<Context, 'db' | 'channels' | 'secret' | 'bookingUrl' | 'emailFrom'>,
): DeliveryDeps {
  return {
    db: ctx.db,
    channels: ctx.channels,
    secret: ctx.secret,
    bookingUrl: ctx.bookingUrl,
    emailFrom: ctx.emailFrom,
  };
}

/**
 * Sends a message at once after its transaction committed (a sign-in code should not wait for the
 * worker's next pass). Whatever this attempt leaves behind, the worker retries.
 */
export function deliverNow(ctx: Parameters<typeof deliveryDeps>[0], id: string): Promise<DeliveryOutcome> {
  return deliverNotification(deliveryDeps(ctx), id).catch(() => 'retry' as const);
}

import { applyGatewayEvents, releaseUnpaidBookings } from '@carelane/api';
import type { Database } from '@carelane/db';
import type { MessageChannels } from '@carelane/integrations';
import { type DeliveryOptions, runDelivery } from './delivery';
import { runImports } from './imports';
import { sleep } from './sleep';

export type WorkerDeps = {
  db: Database;
  channels: MessageChannels;
  appSecret: string;
  /** Public origin of the booking site: confirm/cancel links in reminders point there. */
  bookingUrl: string;
  pollMs: number;
  /** Where uploaded patient imports are kept (shared with the dashboard). */
  dataDir: string;
  delivery: DeliveryOptions & { retryBaseMs?: number | undefined };
};

/**
 * Delivers the notifications outbox through pg-boss until `signal` aborts (see runDelivery): every
 * number of these processes may run at once. Patient imports and payment events run beside it.
 */
export async function runWorker(deps: WorkerDeps, signal: AbortSignal): Promise<void> {
  await Promise.all([deliver(deps, signal), runImports(deps, signal), applyPayments(deps, signal)]);
}

/**
 * Applies recorded payment gateway events (the webhook only records them, to answer at once),
 * then releases online bookings whose prepayment never came.
 */
async function applyPayments(deps: WorkerDeps, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      const applied = await applyGatewayEvents(deps.db);
      if (applied > 0) console.log(`worker: applied ${applied} payment event(s)`);
      const released = await releaseUnpaidBookings(deps.db);
      if (released > 0) console.log(`worker: released ${released} unpaid booking(s)`);
    } catch (err) {
      console.error(`worker: payment events pass failed (${err instanceof Error ? err.name : 'error'})`);
    }
    await sleep(deps.pollMs, signal);
  }
}

function deliver(deps: WorkerDeps, signal: AbortSignal): Promise<void> {
  const { leaseMs, retryBaseMs } = deps.delivery;
  return runDelivery(
    {
      db: deps.db,
      channels: deps.channels,
      secret: deps.appSecret,
      bookingUrl: deps.bookingUrl,
      policy: { leaseMs, ...(retryBaseMs === undefined ? {} : { retryBaseMs }) },
    },
    deps.delivery,
    signal,
  );
}

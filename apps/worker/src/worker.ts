import type { Database } from '@carelane/db';
import { deliverDueNotifications, type MessageChannels } from '@carelane/integrations';

export type WorkerDeps = { db: Database; channels: MessageChannels; appSecret: string; pollMs: number };

/**
 * Delivers the notifications outbox until `signal` aborts. Each message is claimed with a
 * single conditional UPDATE, so several workers (and the API's immediate attempt) never send
 * one twice. Job scheduling (reminders, imports) joins this loop with later work.
 */
export async function runWorker(deps: WorkerDeps, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      const sent = await deliverDueNotifications({ db: deps.db, channels: deps.channels, appSecret: deps.appSecret });
      if (sent > 0) console.log(`worker: delivered ${sent} notification(s)`);
    } catch (err) {
      console.error(`worker: delivery pass failed (${err instanceof Error ? err.name : 'error'})`);
    }
    await new Promise<void>((resolve) => {
      const onAbort = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, deps.pollMs);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

import { type DeliveryDeps, deliverNotification, markDueNotifications } from '@carelane/api';
import PgBoss from 'pg-boss';
import { sleep } from './sleep';

/** The pg-boss queue of outbox messages to deliver: one job per message, data `{ id }`. */
export const DELIVER_QUEUE = 'deliver-notification';

export type DeliveryOptions = {
  /** The database pg-boss keeps its jobs in (schema `pgboss`): the same as the outbox's. */
  databaseUrl: string;
  /** Jobs one fetch takes and works on at once (WORKER_BATCH). */
  batchSize: number;
  /** Fetch loops in this process (WORKER_CONCURRENCY): up to batchSize x this messages in hand. */
  concurrency: number;
  /** How often the relay looks for due messages. */
  relayMs: number;
  /** How long a claimed message belongs to its worker (DeliveryPolicy.leaseMs). */
  leaseMs: number;
};

/** Messages the relay marks per statement; a full batch is followed at once by the next. */
const RELAY_LIMIT = 500;

/**
 * Delivers the outbox through pg-boss until `signal` aborts: a relay turns due rows into jobs, and
 * pg-boss hands the jobs out to every worker process (SKIP LOCKED). deliverNotification's lease
 * claim is what makes a message go once: a duplicate or retried job finds it taken or done.
 */
export async function runDelivery(deps: DeliveryDeps, options: DeliveryOptions, signal: AbortSignal): Promise<void> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: 'pgboss',
    max: options.concurrency + 2,
    application_name: 'carelane-worker',
  });
  // Its errors can carry SQL with bound values: only the kind goes to the log.
  boss.on('error', (err) => console.error(`worker: pg-boss error (${err.name})`));
  await boss.start();
  // A job outlives the lease a little, so pg-boss gives up on it only after another worker could
  // already take the message over; the retries are for unexpected throws (a database outage):
  // provider failures are recorded and rescheduled on the row by deliverNotification itself.
  const jobOptions = {
    expireInSeconds: Math.ceil(options.leaseMs / 1000) + 30,
    retryLimit: 3,
    retryDelay: 5,
    retryBackoff: true,
  };
  await boss.createQueue(DELIVER_QUEUE, { name: DELIVER_QUEUE, ...jobOptions });
  // pg-boss waits out the polling interval after each batch, whatever it found: one loop tops out
  // at batchSize per half second, so a process runs several.
  for (let i = 0; i < options.concurrency; i++) {
    await boss.work<{ id: string }>(
      DELIVER_QUEUE,
      { batchSize: options.batchSize, pollingIntervalSeconds: 0.5 },
      async (jobs) => {
        await Promise.all(jobs.map((job) => deliverNotification(deps, job.data.id)));
      },
    );
  }
  await relay(boss, deps, options, jobOptions, signal);
  // Lets the deliveries in hand finish; a message still unfinished after this is taken over by
  // another worker when its lease runs out.
  await boss.stop({ graceful: true, wait: true, timeout: options.leaseMs });
}

async function relay(
  boss: PgBoss,
  deps: DeliveryDeps,
  options: DeliveryOptions,
  jobOptions: Omit<PgBoss.JobInsert, 'name'>,
  signal: AbortSignal,
): Promise<void> {
  while (!signal.aborted) {
    let full = false;
    try {
      // Marked first, then queued: a crash in between leaves rows marked without a job, and the
      // relay marks them again once they are older than a lease.
      const ids = await markDueNotifications(deps.db, { limit: RELAY_LIMIT, requeueAfterMs: options.leaseMs });
      if (ids.length > 0) await boss.insert(ids.map((id) => ({ name: DELIVER_QUEUE, data: { id }, ...jobOptions })));
      full = ids.length === RELAY_LIMIT;
    } catch (err) {
      console.error(`worker: relay pass failed (${err instanceof Error ? err.name : 'error'})`);
    }
    if (!full) await sleep(options.relayMs, signal);
  }
}

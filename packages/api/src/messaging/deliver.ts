import { channelRefusal, type MessageKind, NOTIFICATION_CHANNEL_NAMES } from '@carelane/core';
import { type Database, type DbOrTx, notificationAttempts, notifications, unseal } from '@carelane/db';
import { ChannelError, type MessageChannels } from '@carelane/integrations';
import { and, eq, lt, lte, or, sql } from 'drizzle-orm';
import { renderNotification } from './render';
import { loadMessageFacts, type MessageFacts } from './values';

type Notification = typeof notifications.$inferSelect;

export type DeliveryPolicy = {
  /** Tries per channel before it gives up (and falls back to the next channel). */
  maxAttempts: number;
  /** The first retry waits this long; each next one twice as long (30 s, 1 min, 2 min, 4 min). */
  retryBaseMs: number;
  /** How long a claimed message belongs to its worker; a killed worker's message is retried after it. */
  leaseMs: number;
};

const DEFAULT_FROM = 'no-reply@carelane.local';

export const DELIVERY_POLICY: DeliveryPolicy = { maxAttempts: 5, retryBaseMs: 30_000, leaseMs: 120_000 };

export type DeliveryDeps = {
  db: Database;
  channels: MessageChannels;
  /** The app secret: unseals OTPs and signs confirm/cancel links. */
  secret: string;
  bookingUrl: string;
  /** The sender named as organizer in calendar invitations. */
  emailFrom?: string | undefined;
  policy?: Partial<DeliveryPolicy> | undefined;
};

/**
 * sent: the provider took it. retry: it failed and will be tried again. failed: it gave up (a
 * fallback channel may carry it). cancelled: it should no longer go (consent withdrawn, visit
 * cancelled). skipped: not due, or another worker holds it, or it is done.
 */
export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'cancelled' | 'skipped';

/** Kinds about a visit that mean nothing once it is cancelled or has begun. */
const BEFORE_VISIT: ReadonlySet<string> = new Set<MessageKind>([
  'booking_confirmation',
  'reminder',
  'reschedule_notice',
]);

/** Kinds whose text carries a secret (a code, a form's access link): never kept after sending. */
const SECRET_KINDS: ReadonlySet<string> = new Set<MessageKind>(['otp_sign_in', 'form_link', 'password_reset']);

/**
 * Takes the message if it is due and free: pending and due, or claimed by a worker whose lease ran
 * out (it was killed mid-delivery). One UPDATE, so of all the workers racing exactly one wins.
 */
async function claim(db: Database, id: string, leaseMs: number): Promise<Notification | null> {
  const [claimed] = await db
    .update(notifications)
    .set({
      status: 'sending',
      attempts: sql`${notifications.attempts} + 1`,
      leaseUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
    })
    .where(
      and(
        eq(notifications.id, id),
        // The database's clock, as the defaults use: a JS Date can read as earlier than a row
        // written microseconds before.
        or(
          and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, sql`now()`)),
          and(eq(notifications.status, 'sending'), lt(notifications.leaseUntil, sql`now()`)),
        ),
      ),
    )
    .returning();
  return claimed ?? null;
}

/** Why the message should not go now, or null. */
function refusal(row: Notification, facts: MessageFacts): string | null {
  if (BEFORE_VISIT.has(row.kind)) {
    if (!facts.visit || facts.visit.status === 'cancelled') return 'The visit was cancelled.';
    if (facts.visit.startsAt.getTime() <= Date.now()) return 'The visit has already started.';
  }
  // Consent is read again at sending: a patient may have withdrawn it since the message was written.
  // A sign-in code goes to the number that asked for it.
  if (row.patientId && !row.staffUserId && row.kind !== 'otp_sign_in') {
    if (!facts.patientContact) return 'The patient record is gone.';
    return channelRefusal(facts.patientContact, row.channel);
  }
  return null;
}

/** A reason fit to store and show: provider errors say what happened; others only their type. */
function reasonOf(err: unknown): string {
  if (err instanceof ChannelError) return err.message;
  // Other errors (a database error, say) may carry bound values: keep only their name.
  return `Delivery failed (${err instanceof Error ? err.name : 'unknown error'})`;
}

/**
 * Writes the message again on the next channel of its fallback list, if there is one; returns `reason`
 * with a sentence saying so, for the failed message's error.
 */
export async function writeFallback(db: DbOrTx, row: Notification, reason: string): Promise<string> {
  const [next, ...rest] = row.fallback;
  if (!next) return reason;
  await db
    .insert(notifications)
    .values({
      organizationId: row.organizationId,
      channel: next.channel,
      kind: row.kind,
      language: row.language,
      idempotencyKey: `${row.idempotencyKey}>${next.channel}`,
      recipient: next.recipient,
      payload: row.payload,
      sealedPayload: row.sealedPayload,
      patientId: row.patientId,
      appointmentId: row.appointmentId,
      staffUserId: row.staffUserId,
      fallback: rest,
      createdById: row.createdById,
    })
    .onConflictDoNothing({ target: notifications.idempotencyKey });
  return `${reason.replace(/\.?$/, '.')} Sent by ${NOTIFICATION_CHANNEL_NAMES[next.channel]} instead.`;
}

/**
 * Delivers one outbox message: claim, record the attempt, check it should still go, render it from
 * the organization's template and the current facts, hand it to the channel with its idempotency
 * key, record the outcome. Safe to call from many workers at once.
 */
export async function deliverNotification(deps: DeliveryDeps, id: string): Promise<DeliveryOutcome> {
  const policy = { ...DELIVERY_POLICY, ...deps.policy };
  const { db } = deps;
  const row = await claim(db, id, policy.leaseMs);
  if (!row) return 'skipped';
  const channel = deps.channels[row.channel];
  // Only the holder of this attempt may write its outcome (a worker that outlived its lease may not).
  const mine = and(
    eq(notifications.id, id),
    eq(notifications.status, 'sending'),
    eq(notifications.attempts, row.attempts),
  );
  // A message claimed before (its worker died mid-call) has that attempt still in flight.
  if (row.attempts > 1) {
    await db
      .update(notificationAttempts)
      .set({ outcome: 'interrupted', finishedAt: new Date(), error: 'The worker stopped during this attempt.' })
      .where(and(eq(notificationAttempts.notificationId, id), eq(notificationAttempts.outcome, 'in_flight')));
  }
  const [attempt] = await db
    .insert(notificationAttempts)
    .values({ notificationId: id, attempt: row.attempts, channel: row.channel, provider: channel.name })
    .returning({ id: notificationAttempts.id });
  if (!attempt) throw new Error('Attempt insert returned no row');
  const finishAttempt = (outcome: string, extra: { error?: string; providerMessageId?: string } = {}) =>
    db
      .update(notificationAttempts)
      .set({ outcome, finishedAt: new Date(), ...extra })
      // A worker that outlived its lease finds its attempt already marked interrupted: left so.
      .where(and(eq(notificationAttempts.id, attempt.id), eq(notificationAttempts.outcome, 'in_flight')));

  const facts = await loadMessageFacts(db, row);
  const refused = refusal(row, facts);
  if (refused) {
    const error = await writeFallback(db, row, refused);
    await db
      .update(notifications)
      .set({ status: 'cancelled', error, sealedPayload: null, leaseUntil: null })
      .where(mine);
    await finishAttempt('cancelled', { error: refused });
    return 'cancelled';
  }

  try {
    const secret = row.sealedPayload ? unseal<Record<string, unknown>>(row.sealedPayload, deps.secret) : {};
    const renderDeps = {
      db,
      secret: deps.secret,
      bookingUrl: deps.bookingUrl,
      emailFrom: deps.emailFrom ?? DEFAULT_FROM,
    };
    const rendered = await renderNotification(renderDeps, row, secret, facts);
    // Built apart from the call so the key travels even to channels that do not read it.
    const message = {
      notificationId: row.id,
      idempotencyKey: row.idempotencyKey,
      channel: row.channel,
      recipient: row.recipient,
      subject: rendered.subject,
      body: rendered.body,
      attachments: rendered.attachments,
    };
    const result = await channel.send(message);
    const keep = !SECRET_KINDS.has(row.kind);
    await db
      .update(notifications)
      .set({
        status: 'sent',
        sentAt: new Date(),
        providerMessageId: result.providerMessageId,
        sealedPayload: null,
        error: null,
        leaseUntil: null,
        subject: keep ? (rendered.subject ?? null) : null,
        body: keep ? rendered.body : null,
      })
      .where(mine);
    await finishAttempt('sent', { providerMessageId: result.providerMessageId });
    return 'sent';
  } catch (err) {
    const reason = reasonOf(err);
    // A provider that refused this very message (a bad number, bad credentials) will refuse it
    // again: it gives up at once. Outages and timeouts are worth the retries.
    const permanent = err instanceof ChannelError && !err.retryable;
    if (!permanent && row.attempts < policy.maxAttempts) {
      const wait = policy.retryBaseMs * 2 ** (row.attempts - 1);
      await db
        .update(notifications)
        .set({
          status: 'pending',
          error: reason,
          leaseUntil: null,
          queuedAt: null,
          nextAttemptAt: sql`now() + make_interval(secs => ${wait / 1000})`,
        })
        .where(mine);
      await finishAttempt('failed', { error: reason });
      return 'retry';
    }
    const why = permanent ? reason : `Gave up after ${row.attempts} attempts: ${reason}`;
    const error = await writeFallback(db, row, why);
    await db.update(notifications).set({ status: 'failed', error, sealedPayload: null, leaseUntil: null }).where(mine);
    await finishAttempt(permanent ? 'rejected' : 'gave_up', { error: reason });
    return 'failed';
  }
}

import {
  creditedMinor,
  gatewayPaymentStatus,
  newPaymentState,
  type PaymentState,
  paymentEventEffect,
  prepaymentMinor,
  visitPaymentStatus,
} from '@carelane/core';
import {
  appointments,
  appointmentTypes,
  type Database,
  type DbOrTx,
  gatewayEvents,
  gatewayOrders,
  invoices,
  paymentLinks,
  payments,
  refunds,
} from '@carelane/db';
import { and, asc, eq, isNull, lt, notInArray, sql } from 'drizzle-orm';
import { visitBooked } from '../messaging/appointment-messages';
import { paymentReceipt } from '../messaging/receipt-message';
import { type Tenant, tenantOf, unscoped } from '../tenancy';
import { type ParsedGatewayEvent, parseGatewayEvent } from './gateway-event';
import { RELEASED_UNPAID_REASON } from './release-unpaid';

/**
 * What went wrong applying an event, safe to keep: Drizzle's own message repeats the query's
 * bound values (the payer's details), so a database error is kept by its SQLSTATE and message only.
 */
function describeFailure(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string')
    return `Database error ${cause.code}: ${String(cause.message).slice(0, 200)}`;
  return err instanceof Error ? err.message.slice(0, 300) : 'could not apply';
}

/** An event whose order or link is not known yet is tried again this many times (payment.captured can come first). */
const MAX_ATTEMPTS = 50;

type Owner = {
  organizationId: string;
  patientId: string;
  invoiceId: string | null;
  appointmentId: string | null;
  amountMinor: number;
};

/** The order or payment link a gateway payment was made for, and so whose money it is. */
async function findOwner(tx: DbOrTx, parsed: ParsedGatewayEvent): Promise<Owner | null> {
  const db = unscoped(tx, "the gateway's order or link id names whose money it is");
  if (parsed.orderId) {
    const [order] = await db.select().from(gatewayOrders).where(eq(gatewayOrders.gatewayOrderId, parsed.orderId));
    if (order) return order;
  }
  if (parsed.paymentLinkId) {
    const [link] = await db.select().from(paymentLinks).where(eq(paymentLinks.gatewayLinkId, parsed.paymentLinkId));
    if (link) return link;
  }
  return null;
}

/** The payments row of a gateway payment, locked; created (crediting nothing yet) on its first event. */
async function lockPayment(tx: DbOrTx, parsed: ParsedGatewayEvent) {
  const paymentId = parsed.event.paymentId;
  const byGatewayId = unscoped(tx, "the gateway's payment id names the payment, before its organization is known");
  const find = () => byGatewayId.select().from(payments).where(eq(payments.gatewayPaymentId, paymentId)).for('update');
  const [existing] = await find();
  if (existing) return existing;
  const owner = await findOwner(tx, parsed);
  if (!owner) return null;
  await tx
    .insert(payments)
    .values(
      tenantOf(owner.organizationId).row({
        patientId: owner.patientId,
        invoiceId: owner.invoiceId,
        appointmentId: owner.appointmentId,
        method: 'razorpay',
        amountMinor: owner.amountMinor,
        currency: parsed.event.currency,
        status: 'created',
        gatewayOrderId: parsed.orderId,
        gatewayPaymentId: paymentId,
        gatewayState: newPaymentState(paymentId),
      }),
    )
    .onConflictDoNothing();
  const [created] = await find();
  return created ?? null;
}

/** A refund heard from the gateway is kept as a row (made here or in Razorpay's dashboard), once by its id. */
async function recordGatewayRefund(tx: DbOrTx, tenant: Tenant, paymentId: string, parsed: ParsedGatewayEvent) {
  if (parsed.event.type !== 'refund.processed') return;
  const processedAt = new Date();
  await tx
    .insert(refunds)
    .values(
      tenant.row({
        paymentId,
        amountMinor: parsed.event.amountMinor,
        currency: parsed.event.currency,
        status: 'processed',
        gatewayRefundId: parsed.event.refundId,
        processedAt,
      }),
    )
    .onConflictDoUpdate({
      target: refunds.gatewayRefundId,
      targetWhere: sql`${refunds.gatewayRefundId} is not null`,
      set: { status: 'processed', processedAt: sql`coalesce(${refunds.processedAt}, now())` },
    });
}

/**
 * A visit's payment status from all its payments; a prepaid booking waiting as pending is
 * confirmed once they credit its prepayment.
 */
async function settleVisit(tx: DbOrTx, tenant: Tenant, appointmentId: string) {
  const [row] = await tx
    .select({ visit: appointments, type: appointmentTypes })
    .from(appointments)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .where(tenant.where(appointments, eq(appointments.id, appointmentId)))
    .for('update', { of: appointments });
  if (!row) return;
  const [sums] = await tx
    .select({
      credited: sql<number>`coalesce(sum(${payments.creditedMinor}), 0)::int`,
      refunded: sql<number>`coalesce(sum(${payments.amountMinor} - ${payments.creditedMinor}) filter (where ${payments.status} in ('captured', 'partially_refunded', 'refunded')), 0)::int`,
    })
    .from(payments)
    .where(tenant.where(payments, eq(payments.appointmentId, appointmentId)));
  const credited = sums?.credited ?? 0;
  const paymentStatus = visitPaymentStatus({
    feeMinor: row.visit.feeMinor,
    creditedMinor: credited,
    refundedMinor: sums?.refunded ?? 0,
  });
  const prepaid = credited > 0 && credited >= prepaymentMinor(row.type, row.visit.feeMinor);
  await tx
    .update(appointments)
    .set({
      paymentStatus,
      ...(prepaid && row.visit.status === 'pending' ? { status: 'confirmed', confirmedAt: new Date() } : {}),
    })
    .where(eq(appointments.id, appointmentId));
  const byPatient = row.visit.source === 'booking_site';
  if (prepaid && row.visit.status === 'pending') await visitBooked(tx, tenant, appointmentId, { byPatient });
  if (prepaid && row.visit.status === 'cancelled' && row.visit.cancellationReason === RELEASED_UNPAID_REASON) {
    if (await restoreReleasedVisit(tx, appointmentId)) await visitBooked(tx, tenant, appointmentId, { byPatient });
  }
}

/**
 * The money for a booking released as unpaid came after all: the booking is restored if its time
 * is still free (the exclusion constraint decides, inside a savepoint); otherwise it stays
 * cancelled and paid, for the clinic to refund.
 */
async function restoreReleasedVisit(tx: DbOrTx, appointmentId: string): Promise<boolean> {
  try {
    await tx.transaction((savepoint) =>
      savepoint
        .update(appointments)
        .set({ status: 'confirmed', confirmedAt: new Date(), cancelledAt: null, cancellationReason: null })
        .where(eq(appointments.id, appointmentId)),
    );
  } catch (err) {
    const code = err instanceof Error ? (err.cause as { code?: unknown } | undefined)?.code : undefined;
    if (code !== '23P01') throw err;
    return false;
  }
  return true;
}

/** Applies one event to its payment: core merges the facts; money moves by the change in credit only. */
async function applyOne(tx: DbOrTx, parsed: ParsedGatewayEvent): Promise<'applied' | 'waiting'> {
  const payment = await lockPayment(tx, parsed);
  if (!payment) return 'waiting';
  const tenant = tenantOf(payment.organizationId);
  await recordGatewayRefund(tx, tenant, payment.id, parsed);
  const before = (payment.gatewayState as PaymentState | null) ?? newPaymentState(parsed.event.paymentId);
  const effect = paymentEventEffect(before, parsed.event);
  if (!effect.changed) return 'applied';
  const state = effect.state;
  const credited = creditedMinor(state);
  await tx
    .update(payments)
    .set({
      gatewayState: state,
      status: gatewayPaymentStatus(state),
      amountMinor: Math.max(state.amountMinor, payment.amountMinor, credited, 1),
      creditedMinor: credited,
    })
    .where(eq(payments.id, payment.id));
  if (effect.creditDeltaMinor !== 0 && payment.invoiceId) {
    const delta = effect.creditDeltaMinor;
    await tx
      .update(invoices)
      .set(
        delta > 0
          ? { paidMinor: sql`${invoices.paidMinor} + ${delta}` }
          : { refundedMinor: sql`${invoices.refundedMinor} + ${-delta}` },
      )
      .where(eq(invoices.id, payment.invoiceId));
  }
  if (state.capturedMinor > 0) {
    const paid = { status: 'paid', paidAt: sql`coalesce(paid_at, now())` };
    if (payment.gatewayOrderId) {
      await tx.update(gatewayOrders).set(paid).where(eq(gatewayOrders.gatewayOrderId, payment.gatewayOrderId));
    }
    if (state.paymentLinkId) {
      await tx.update(paymentLinks).set(paid).where(eq(paymentLinks.gatewayLinkId, state.paymentLinkId));
    }
  }
  if (effect.creditDeltaMinor > 0) await paymentReceipt(tx, tenant, payment.id);
  if (payment.appointmentId) await settleVisit(tx, tenant, payment.appointmentId);
  return 'applied';
}

/**
 * Applies one fact about a gateway payment now, as the webhook's worker would (the Checkout
 * callback uses it after checking the signature). Idempotent: the later webhook changes nothing.
 */
export async function applyPaymentFact(db: Database, parsed: ParsedGatewayEvent): Promise<'applied' | 'waiting'> {
  return db.transaction((tx) => applyOne(tx, parsed));
}

/**
 * Applies recorded webhook events, oldest first; several workers may run it at once (SKIP LOCKED).
 * Each event is applied in its own transaction with its payment row locked, then marked processed
 * and its payload dropped. Returns how many were applied.
 */
export async function applyGatewayEvents(db: Database, limit = 100): Promise<number> {
  let applied = 0;
  const tried: string[] = [];
  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(gatewayEvents)
        .where(
          and(
            isNull(gatewayEvents.processedAt),
            lt(gatewayEvents.attempts, MAX_ATTEMPTS),
            tried.length > 0 ? notInArray(gatewayEvents.eventId, tried) : undefined,
          ),
        )
        .orderBy(asc(gatewayEvents.receivedAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return 'done' as const;
      tried.push(row.eventId);
      const parsed = parseGatewayEvent(row.payload);
      let result: 'applied' | 'waiting' | 'ignored' = 'ignored';
      let error: string | null = null;
      if (parsed) {
        try {
          result = await tx.transaction(async (inner) => applyOne(inner, parsed));
        } catch (err) {
          // A contradiction (another currency for the same payment) is recorded, not retried.
          error = describeFailure(err);
        }
      }
      if (result === 'waiting') {
        const last = row.attempts + 1 >= MAX_ATTEMPTS;
        await tx
          .update(gatewayEvents)
          .set({
            attempts: sql`${gatewayEvents.attempts} + 1`,
            error: last
              ? 'Gave up: no order or payment link of ours matches this payment.'
              : 'Its order or payment link is not known yet.',
            // Given up: the payer's details are not kept for nothing.
            ...(last ? { payload: null } : {}),
          })
          .where(eq(gatewayEvents.eventId, row.eventId));
        return 'waiting' as const;
      }
      await tx
        .update(gatewayEvents)
        .set({ processedAt: new Date(), payload: null, error, attempts: sql`${gatewayEvents.attempts} + 1` })
        .where(eq(gatewayEvents.eventId, row.eventId));
      return result === 'applied' ? ('applied' as const) : ('ignored' as const);
    });
    if (outcome === 'done') break;
    if (outcome === 'applied') applied++;
  }
  return applied;
}

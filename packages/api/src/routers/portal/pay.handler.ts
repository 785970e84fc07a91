import { prepaymentDueMinor } from '@carelane/core';
import {
  appointments,
  appointmentTypes,
  centres,
  gatewayOrders,
  organizations,
  patients,
  payments,
} from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, desc, eq, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import type { PatientContext } from '../../trpc';
import type { PayOwnInput } from './book.schema';

export const CHECKOUT_CALLBACK_PATH = '/api/payments/razorpay/callback';

const dayFormat = (zone: string) =>
  new Intl.DateTimeFormat('en-IN', {
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
  });

/**
 * Opens Razorpay Checkout for what a patient still owes in advance for their own pending visit:
 * an order for it (an open one of the same amount is used again, as Razorpay allows retries), and
 * the form the browser posts to the hosted Checkout. The callback and the webhook credit it.
 */
export async function payOwnHandler({ ctx, input }: { ctx: PatientContext; input: PayOwnInput }) {
  const gateway = ctx.payments;
  if (!gateway) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'Online payment is not available. Please pay at the clinic.',
    });
  }
  const { organizationId, patientId } = ctx.principal;
  const [row] = await ctx.db
    .select({
      visit: appointments,
      type: appointmentTypes,
      patient: patients,
      orgName: organizations.name,
      zone: centres.zone,
    })
    .from(appointments)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(centres, eq(centres.id, appointments.centreId))
    .innerJoin(organizations, eq(organizations.id, appointments.organizationId))
    .where(
      and(
        eq(appointments.id, input.appointmentId),
        eq(appointments.organizationId, organizationId),
        eq(appointments.patientId, patientId),
      ),
    );
  if (!row) throw notFound('Appointment');
  const { visit, type, patient } = row;
  if (visit.status !== 'pending') {
    const message =
      visit.status === 'cancelled'
        ? 'This appointment was cancelled, so there is nothing to pay. Please book again.'
        : 'This appointment needs no payment in advance.';
    throw new TRPCError({ code: 'CONFLICT', message });
  }
  const [credit] = await ctx.db
    .select({ credited: sql<number>`coalesce(sum(${payments.creditedMinor}), 0)::int` })
    .from(payments)
    .where(eq(payments.appointmentId, visit.id));
  const dueMinor = prepaymentDueMinor(type, visit.feeMinor, credit?.credited ?? 0);
  if (dueMinor <= 0) throw new TRPCError({ code: 'CONFLICT', message: 'This appointment is already paid.' });
  const [open] = await ctx.db
    .select()
    .from(gatewayOrders)
    .where(
      and(
        eq(gatewayOrders.appointmentId, visit.id),
        eq(gatewayOrders.status, 'created'),
        eq(gatewayOrders.amountMinor, dueMinor),
      ),
    )
    .orderBy(desc(gatewayOrders.createdAt))
    .limit(1);
  let orderId = open?.gatewayOrderId;
  if (!orderId) {
    const order = await gateway.createOrder({
      amountMinor: dueMinor,
      currency: visit.currency,
      receipt: `appt-${visit.id.slice(0, 8)}`,
      notes: { appointmentId: visit.id },
    });
    await ctx.db.insert(gatewayOrders).values({
      organizationId,
      patientId,
      gatewayOrderId: order.orderId,
      appointmentId: visit.id,
      amountMinor: dueMinor,
      currency: visit.currency,
    });
    orderId = order.orderId;
  }
  await audit(ctx, {
    action: 'payment.checkout',
    entity: 'appointment',
    entityId: visit.id,
    changes: { orderId: { to: orderId }, amountMinor: { to: dueMinor } },
  });
  const base = ctx.bookingUrl.replace(/\/$/, '');
  const checkout = gateway.checkoutForm({
    orderId,
    callbackUrl: `${base}${CHECKOUT_CALLBACK_PATH}`,
    cancelUrl: `${base}/appointments?payment=cancelled`,
    name: row.orgName,
    description: `${type.name}, ${dayFormat(row.zone).format(visit.startsAt)}`,
    prefill: {
      name: `${patient.firstName} ${patient.lastName}`.trim(),
      ...(patient.phone ? { contact: patient.phone } : {}),
      ...(patient.email ? { email: patient.email } : {}),
    },
  });
  return { ...checkout, amountMinor: dueMinor, currency: visit.currency };
}

import { addMinor, invoiceStatus, storedInvoiceStatus } from '@carelane/core';
import {
  appointments,
  appointmentTypes,
  centres,
  invoiceLines,
  invoices,
  organizations,
  paymentLinks,
  payments,
  refunds,
} from '@carelane/db';
import { and, asc, desc, eq, gt, inArray, isNull, ne, or } from 'drizzle-orm';
import { audit } from '../../audit';
import type { PatientContext } from '../../trpc';

type Visit = { id: string; startsAt: Date; zone: string; typeName: string };

/** "Consultation on 3 Dec", the date as the centre's calendar has it. */
function visitLabel(visit: Visit): string {
  const day = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', timeZone: visit.zone }).format(
    visit.startsAt,
  );
  return `${visit.typeName} on ${day}`;
}

/**
 * The signed-in patient's money with their clinic: issued and void invoices (never drafts) with
 * lines and balance, payments with their refunds, and the payment links still open to pay.
 */
export async function billingHandler({ ctx }: { ctx: PatientContext }) {
  const { patientId } = ctx.principal;
  const mine = <T extends typeof invoices | typeof payments | typeof paymentLinks>(table: T) =>
    ctx.tenant.where(table, eq(table.patientId, patientId));
  const [org, invoiceRows, paymentRows, linkRows] = await Promise.all([
    ctx.db
      .select({ currency: organizations.currency, zone: organizations.defaultZone })
      .from(organizations)
      .where(ctx.tenant.organization()),
    ctx.db
      .select()
      .from(invoices)
      .where(and(mine(invoices), ne(invoices.status, 'draft')))
      .orderBy(desc(invoices.issuedAt)),
    ctx.db
      .select({ payment: payments, invoiceNumber: invoices.number })
      .from(payments)
      .leftJoin(invoices, eq(invoices.id, payments.invoiceId))
      .where(mine(payments))
      .orderBy(desc(payments.receivedAt)),
    ctx.db
      .select({ link: paymentLinks, invoice: invoices })
      .from(paymentLinks)
      .leftJoin(invoices, eq(invoices.id, paymentLinks.invoiceId))
      .where(
        and(
          mine(paymentLinks),
          eq(paymentLinks.status, 'created'),
          or(isNull(paymentLinks.expiresAt), gt(paymentLinks.expiresAt, new Date())),
        ),
      )
      .orderBy(desc(paymentLinks.createdAt)),
  ]);

  const invoiceIds = invoiceRows.map((i) => i.id);
  const paymentIds = paymentRows.map((p) => p.payment.id);
  const visitIds = [
    ...new Set(
      [...paymentRows.map((p) => p.payment.appointmentId), ...linkRows.map((l) => l.link.appointmentId)].filter(
        (id): id is string => id !== null,
      ),
    ),
  ];
  const [lineRows, refundRows, visitRows] = await Promise.all([
    invoiceIds.length
      ? ctx.db
          .select()
          .from(invoiceLines)
          .where(ctx.tenant.where(invoiceLines, inArray(invoiceLines.invoiceId, invoiceIds)))
          .orderBy(asc(invoiceLines.position))
      : [],
    paymentIds.length
      ? ctx.db
          .select()
          .from(refunds)
          .where(ctx.tenant.where(refunds, inArray(refunds.paymentId, paymentIds)))
          .orderBy(asc(refunds.createdAt))
      : [],
    visitIds.length
      ? ctx.db
          .select({
            id: appointments.id,
            startsAt: appointments.startsAt,
            zone: centres.zone,
            typeName: appointmentTypes.name,
          })
          .from(appointments)
          .innerJoin(centres, eq(centres.id, appointments.centreId))
          .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
          .where(
            ctx.tenant.where(appointments, eq(appointments.patientId, patientId), inArray(appointments.id, visitIds)),
          )
      : [],
  ]);
  await audit(ctx, { action: 'patient.billing.read', entity: 'patient', entityId: patientId });

  const visits = new Map<string, Visit>(visitRows.map((v) => [v.id, v]));
  const visitOf = (id: string | null) => (id ? (visits.get(id) ?? null) : null);

  const listed = invoiceRows.map((invoice) => {
    // Patients are never shown drafts (the query leaves them out).
    const { status, balanceMinor } = storedInvoiceStatus(invoice);
    return {
      id: invoice.id,
      number: invoice.number,
      issuedOn: invoice.issuedOn,
      currency: invoice.currency,
      totalMinor: invoice.totalMinor,
      paidMinor: invoice.paidMinor,
      refundedMinor: invoice.refundedMinor,
      balanceMinor,
      status,
      lines: lineRows
        .filter((l) => l.invoiceId === invoice.id)
        .map((l) => ({ description: l.description, quantity: l.quantity, totalMinor: l.totalMinor })),
    };
  });

  const listedPayments = paymentRows.map(({ payment, invoiceNumber }) => {
    const visit = visitOf(payment.appointmentId);
    return {
      id: payment.id,
      receivedAt: payment.receivedAt,
      method: payment.method,
      amountMinor: payment.amountMinor,
      creditedMinor: payment.creditedMinor,
      currency: payment.currency,
      status: payment.status,
      invoiceNumber,
      appointmentStartsAt: visit?.startsAt ?? null,
      forLabel: invoiceNumber !== null ? `Invoice ${invoiceNumber}` : visit ? visitLabel(visit) : null,
      refunds: refundRows
        .filter((r) => r.paymentId === payment.id)
        .map((r) => ({ amountMinor: r.amountMinor, date: r.processedAt ?? r.createdAt, status: r.status })),
    };
  });

  // A link for an invoice paid meanwhile at the desk (or voided) is no longer something to pay.
  const openLinks = linkRows
    .filter(({ invoice }) => {
      if (!invoice) return true;
      if (invoice.status !== 'issued') return false;
      return invoiceStatus({ ...invoice, voided: false, issued: true }).balanceMinor > 0;
    })
    .map(({ link, invoice }) => {
      const visit = visitOf(link.appointmentId);
      return {
        id: link.id,
        amountMinor: link.amountMinor,
        currency: link.currency,
        shortUrl: link.shortUrl,
        expiresAt: link.expiresAt,
        invoiceId: link.invoiceId,
        forLabel: invoice ? `Invoice ${invoice.number}` : visit ? visitLabel(visit) : 'Your clinic',
      };
    });

  const owed = listed.filter((i) => i.status === 'issued' || i.status === 'partly_paid');
  return {
    currency: org[0]?.currency ?? owed[0]?.currency ?? 'INR',
    /** The clinic's zone, for dates the patient reads. */
    zone: org[0]?.zone ?? 'Asia/Kolkata',
    balanceMinor: addMinor(...owed.map((i) => i.balanceMinor)),
    invoices: listed,
    payments: listedPayments,
    openLinks,
  };
}

import { addMinor } from '@carelane/core';
import { invoices, payments, refunds } from '@carelane/db';
import { eq, inArray, isNotNull } from 'drizzle-orm';
import { audit } from '../../audit';
import type { StaffContext } from '../../trpc';
import { loadPatient } from '../patients/load';
import type { PatientBillingInput } from './invoices.schema';

type Entry = {
  at: Date;
  kind: 'invoice' | 'void' | 'payment' | 'refund';
  id: string;
  invoiceId: string | null;
  number: number | null;
  label: string;
  /** What it adds to what the patient owes: an invoice adds, a payment takes away. */
  amountMinor: number;
};

/** Statuses of a payment whose money arrived (later refunds are entries of their own). */
const RECEIVED = ['captured', 'partially_refunded', 'refunded'];

/**
 * A patient's account, oldest first: invoices as issued (and reversed when voided), payments
 * received and refunds given, with the running balance after each, in exact minor units.
 */
export async function statementHandler({ ctx, input }: { ctx: StaffContext; input: PatientBillingInput }) {
  const patient = await loadPatient(ctx.db, ctx, input.patientId).catch(async (error: unknown) => {
    await audit(ctx, {
      action: 'patient.statement.read',
      entity: 'patient',
      entityId: input.patientId,
      success: false,
    });
    throw error;
  });
  const [invoiceRows, paymentRows] = await Promise.all([
    ctx.db
      .select()
      .from(invoices)
      .where(ctx.tenant.where(invoices, eq(invoices.patientId, patient.id), isNotNull(invoices.issuedAt))),
    ctx.db
      .select()
      .from(payments)
      .where(ctx.tenant.where(payments, eq(payments.patientId, patient.id), inArray(payments.status, RECEIVED))),
  ]);
  const refundRows =
    paymentRows.length === 0
      ? []
      : await ctx.db
          .select()
          .from(refunds)
          .where(
            ctx.tenant.where(
              refunds,
              inArray(
                refunds.paymentId,
                paymentRows.map((p) => p.id),
              ),
              eq(refunds.status, 'processed'),
            ),
          );
  const numberOf = new Map(invoiceRows.map((i) => [i.id, i.number]));
  const paymentOf = new Map(paymentRows.map((p) => [p.id, p]));
  const entries: Entry[] = [];
  for (const i of invoiceRows) {
    if (!i.issuedAt) continue;
    const name = i.number === null ? 'Invoice' : `Invoice ${i.number}`;
    entries.push({
      at: i.issuedAt,
      kind: 'invoice',
      id: i.id,
      invoiceId: i.id,
      number: i.number,
      label: name,
      amountMinor: i.totalMinor,
    });
    if (i.status === 'void' && i.voidedAt) {
      entries.push({
        at: i.voidedAt,
        kind: 'void',
        id: i.id,
        invoiceId: i.id,
        number: i.number,
        label: `${name} void`,
        amountMinor: -i.totalMinor,
      });
    }
  }
  for (const p of paymentRows) {
    entries.push({
      at: p.receivedAt,
      kind: 'payment',
      id: p.id,
      invoiceId: p.invoiceId,
      number: p.invoiceId ? (numberOf.get(p.invoiceId) ?? null) : null,
      label: `Payment (${p.method})`,
      amountMinor: -p.amountMinor,
    });
  }
  for (const r of refundRows) {
    const invoiceId = paymentOf.get(r.paymentId)?.invoiceId ?? null;
    entries.push({
      at: r.processedAt ?? r.createdAt,
      kind: 'refund',
      id: r.id,
      invoiceId,
      number: invoiceId ? (numberOf.get(invoiceId) ?? null) : null,
      label: 'Refund',
      amountMinor: r.amountMinor,
    });
  }
  entries.sort((x, y) => x.at.getTime() - y.at.getTime());
  let balanceMinor = 0;
  const lines = entries.map((entry) => {
    balanceMinor = addMinor(balanceMinor, entry.amountMinor);
    return { ...entry, balanceMinor };
  });
  await audit(ctx, { action: 'patient.statement.read', entity: 'patient', entityId: patient.id });
  return { entries: lines, balanceMinor };
}

import { addMinor, fullName, storedInvoiceStatus } from '@carelane/core';
import { invoiceLines, invoices, patients, payments, refunds } from '@carelane/db';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import { loadPatient } from '../patients/load';
import type { InvoiceIdInput, PatientBillingInput } from './invoices.schema';

function withStatus(invoice: typeof invoices.$inferSelect) {
  const { status, balanceMinor } = storedInvoiceStatus(invoice);
  return { ...invoice, status, balanceMinor };
}

/** A patient's invoices (newest first, each with its status and balance), payments, and what they owe. Audited. */
export async function patientBillingHandler({ ctx, input }: { ctx: StaffContext; input: PatientBillingInput }) {
  const patient = await loadPatient(ctx.db, ctx, input.patientId);
  const mine = (table: typeof invoices | typeof payments) => ctx.tenant.where(table, eq(table.patientId, patient.id));
  const [invoiceRows, paymentRows] = await Promise.all([
    ctx.db.select().from(invoices).where(mine(invoices)).orderBy(desc(invoices.createdAt)),
    ctx.db.select().from(payments).where(mine(payments)).orderBy(desc(payments.receivedAt)),
  ]);
  await audit(ctx, { action: 'patient.billing.read', entity: 'patient', entityId: patient.id });
  const listed = invoiceRows.map(withStatus);
  const owed = listed.filter((i) => i.status !== 'draft' && i.status !== 'void' && i.balanceMinor > 0);
  return {
    invoices: listed,
    payments: paymentRows,
    balanceMinor: addMinor(...owed.map((i) => i.balanceMinor)),
  };
}

/** One invoice with its lines, payments and refunds, as the invoice page and its PDF show it. */
export async function invoiceByIdHandler({ ctx, input }: { ctx: StaffContext; input: InvoiceIdInput }) {
  const [row] = await ctx.db
    .select({ invoice: invoices, firstName: patients.firstName, lastName: patients.lastName, mrn: patients.mrn })
    .from(invoices)
    .innerJoin(patients, eq(patients.id, invoices.patientId))
    .where(ctx.tenant.where(invoices, eq(invoices.id, input.id)));
  if (!row) throw notFound('Invoice');
  const { invoice } = row;
  const patient = { id: invoice.patientId, name: fullName(row), mrn: row.mrn };
  await audit(ctx, { action: 'invoice.read', entity: 'invoice', entityId: invoice.id });
  const [lines, paid] = await Promise.all([
    ctx.db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoice.id))
      .orderBy(asc(invoiceLines.position)),
    ctx.db.select().from(payments).where(eq(payments.invoiceId, invoice.id)).orderBy(asc(payments.receivedAt)),
  ]);
  const given =
    paid.length === 0
      ? []
      : await ctx.db
          .select()
          .from(refunds)
          .where(
            inArray(
              refunds.paymentId,
              paid.map((p) => p.id),
            ),
          )
          .orderBy(asc(refunds.createdAt));
  return { ...withStatus(invoice), patient, lines, payments: paid, refunds: given };
}

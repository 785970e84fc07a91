import { linePaidShares } from '@carelane/core';
import { type DbOrTx, invoiceLines, invoices, procedures, staffUsers, treatments } from '@carelane/db';
import { asc, eq, inArray, ne } from 'drizzle-orm';
import { audit } from '../../audit';
import type { Tenant } from '../../tenancy';
import type { StaffContext } from '../../trpc';
import { loadPatient } from '../patients/load';
import type { TreatmentListInput } from './treatments.schema';

type Billed = { invoiceId: string; invoiceNumber: number | null; paidMinor: number };

/**
 * Where each treatment is billed, and how much of it is paid: its line's share of what its (live)
 * invoice holds, split across the invoice's lines by core's exact allocation.
 */
async function billingOf(db: DbOrTx, tenant: Tenant, treatmentIds: string[]): Promise<Map<string, Billed>> {
  const billed = new Map<string, Billed>();
  if (treatmentIds.length === 0) return billed;
  const onInvoices = await db
    .select({ invoiceId: invoiceLines.invoiceId })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(tenant.where(invoiceLines, inArray(invoiceLines.treatmentId, treatmentIds), ne(invoices.status, 'void')));
  const invoiceIds = [...new Set(onInvoices.map((row) => row.invoiceId))];
  if (invoiceIds.length === 0) return billed;
  const lines = await db
    .select({ line: invoiceLines, invoice: invoices })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(inArray(invoiceLines.invoiceId, invoiceIds))
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
  for (const invoiceId of invoiceIds) {
    const own = lines.filter((row) => row.invoice.id === invoiceId);
    const invoice = own[0]?.invoice;
    if (!invoice) continue;
    const shares = linePaidShares(
      own.map((row) => row.line.totalMinor),
      invoice.paidMinor,
      invoice.refundedMinor,
    );
    own.forEach((row, i) => {
      if (row.line.treatmentId && treatmentIds.includes(row.line.treatmentId)) {
        billed.set(row.line.treatmentId, { invoiceId, invoiceNumber: invoice.number, paidMinor: shares[i] ?? 0 });
      }
    });
  }
  return billed;
}

/**
 * A patient's treatments for the tooth chart and the list (by tooth, then oldest first), each
 * with the invoice it is billed on and how much of it is paid. Audited.
 */
export async function treatmentListHandler({ ctx, input }: { ctx: StaffContext; input: TreatmentListInput }) {
  const patient = await loadPatient(ctx.db, ctx, input.patientId);
  const rows = await ctx.db
    .select({
      id: treatments.id,
      tooth: treatments.tooth,
      description: treatments.description,
      procedureId: treatments.procedureId,
      procedureCode: procedures.code,
      priceMinor: treatments.priceMinor,
      discountMinor: treatments.discountMinor,
      currency: treatments.currency,
      status: treatments.status,
      performedOn: treatments.performedOn,
      notes: treatments.notes,
      planId: treatments.planId,
      appointmentId: treatments.appointmentId,
      createdBy: staffUsers.name,
      createdAt: treatments.createdAt,
    })
    .from(treatments)
    .leftJoin(procedures, eq(procedures.id, treatments.procedureId))
    .innerJoin(staffUsers, eq(staffUsers.id, treatments.createdById))
    .where(ctx.tenant.where(treatments, eq(treatments.patientId, patient.id)))
    .orderBy(asc(treatments.tooth), asc(treatments.createdAt));
  const billed = await billingOf(
    ctx.db,
    ctx.tenant,
    rows.map((row) => row.id),
  );
  await audit(ctx, { action: 'patient.treatments.read', entity: 'patient', entityId: patient.id });
  return rows.map((row) => ({ ...row, billing: billed.get(row.id) ?? null }));
}

import { feeLine, type InvoiceLineInput, invoiceTotals, localDate, treatmentBillingRefusal } from '@carelane/core';
import {
  appointments,
  appointmentTypes,
  centres,
  type DbOrTx,
  invoiceLines,
  invoices,
  organizations,
  procedures,
  treatmentPlans,
  treatments,
} from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, eq, ne } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import { fieldError } from '../../field-error';
import type { StaffContext } from '../../trpc';
import { loadPatient, requireLive } from '../patients/load';
import type { InvoiceCreateInput } from './invoices.schema';

type Line = InvoiceCreateInput['lines'][number];
type Resolved = InvoiceLineInput & {
  kind: 'appointment' | 'treatment' | 'late_cancellation_fee' | 'no_show_fee' | 'other';
  treatmentId: string | null;
  appointmentId: string | null;
};

/** CONFLICT when a treatment or visit is already billed on an invoice that is not void: never bill it twice. */
async function refuseBilledTwice(tx: DbOrTx, column: 'treatmentId' | 'appointmentId', id: string, what: string) {
  const [billed] = await tx
    .select({ number: invoices.number })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(
      and(
        eq(invoiceLines[column], id),
        ne(invoices.status, 'void'),
        // Fee lines refer to their visit too; they are checked by kind (refuseFeeTwice).
        column === 'appointmentId' ? eq(invoiceLines.kind, 'appointment') : undefined,
      ),
    )
    .limit(1);
  if (billed) {
    const on = billed.number === null ? 'a draft invoice' : `invoice ${billed.number}`;
    throw new TRPCError({
      code: 'CONFLICT',
      message: `This ${what} is already billed on ${on}. Void that invoice first to bill it again.`,
    });
  }
}

/** CONFLICT when this visit's late-cancellation or no-show fee is already on a live invoice. */
async function refuseFeeTwice(tx: DbOrTx, kind: 'late_cancellation_fee' | 'no_show_fee', appointmentId: string) {
  const [billed] = await tx
    .select({ number: invoices.number })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(and(eq(invoiceLines.appointmentId, appointmentId), eq(invoiceLines.kind, kind), ne(invoices.status, 'void')))
    .limit(1);
  if (billed) {
    const on = billed.number === null ? 'a draft invoice' : `invoice ${billed.number}`;
    throw new TRPCError({ code: 'CONFLICT', message: `This fee is already billed on ${on}.` });
  }
}

/** A line as billed: a treatment's or a visit's description and price, unless the line says otherwise. */
async function resolveLine(tx: DbOrTx, ctx: StaffContext, patientId: string, line: Line, i: number): Promise<Resolved> {
  const own = { quantity: line.quantity, ...(line.discount ? { discount: line.discount } : {}) };
  if (line.treatmentId) {
    const [row] = await tx
      .select({ treatment: treatments, taxRate: procedures.taxRateBasisPoints, planStatus: treatmentPlans.status })
      .from(treatments)
      .leftJoin(procedures, eq(procedures.id, treatments.procedureId))
      .leftJoin(treatmentPlans, eq(treatmentPlans.id, treatments.planId))
      .where(ctx.tenant.where(treatments, eq(treatments.id, line.treatmentId)));
    if (!row) throw notFound('Treatment');
    if (row.treatment.patientId !== patientId)
      throw fieldError(`lines.${i}.treatmentId`, 'That treatment is another patient’s');
    const t = row.treatment;
    const refusal = treatmentBillingRefusal({ status: t.status, planStatus: row.planStatus });
    if (refusal) throw fieldError(`lines.${i}.treatmentId`, refusal);
    await refuseBilledTwice(tx, 'treatmentId', t.id, 'treatment');
    return {
      ...own,
      kind: 'treatment',
      description: line.description ?? (t.tooth ? `${t.description} (tooth ${t.tooth})` : t.description),
      unitPriceMinor: line.unitPriceMinor ?? t.priceMinor,
      discount: line.discount ?? { kind: 'amount', amountMinor: t.discountMinor * line.quantity },
      taxRateBasisPoints: line.taxRateBasisPoints ?? row.taxRate ?? 0,
      treatmentId: t.id,
      appointmentId: null,
    };
  }
  if (line.appointmentId) {
    const [row] = await tx
      .select({ visit: appointments, type: appointmentTypes, zone: centres.zone })
      .from(appointments)
      .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
      .innerJoin(centres, eq(centres.id, appointments.centreId))
      .where(ctx.tenant.where(appointments, eq(appointments.id, line.appointmentId)));
    if (!row) throw notFound('Appointment');
    if (row.visit.patientId !== patientId)
      throw fieldError(`lines.${i}.appointmentId`, 'That visit is another patient’s');
    const when = localDate(row.visit.startsAt, row.zone);
    if (line.kind === 'late_cancellation_fee' || line.kind === 'no_show_fee') {
      const fee = feeLine(line.kind, row.visit, row.type, line.unitPriceMinor);
      if (!fee.ok) throw fieldError(`lines.${i}.kind`, fee.message);
      await refuseFeeTwice(tx, line.kind, row.visit.id);
      return {
        ...own,
        kind: line.kind,
        description: line.description ?? `${fee.label}: ${row.type.name} on ${when}`,
        unitPriceMinor: fee.amountMinor,
        taxRateBasisPoints: line.taxRateBasisPoints ?? 0,
        treatmentId: null,
        appointmentId: row.visit.id,
      };
    }
    await refuseBilledTwice(tx, 'appointmentId', row.visit.id, 'visit');
    return {
      ...own,
      kind: 'appointment',
      description: line.description ?? `${row.type.name} on ${when}`,
      unitPriceMinor: line.unitPriceMinor ?? row.visit.feeMinor,
      taxRateBasisPoints: line.taxRateBasisPoints ?? 0,
      treatmentId: null,
      appointmentId: row.visit.id,
    };
  }
  return {
    ...own,
    kind: line.kind ?? 'other',
    description: line.description ?? '',
    unitPriceMinor: line.unitPriceMinor ?? 0,
    taxRateBasisPoints: line.taxRateBasisPoints ?? 0,
    treatmentId: null,
    appointmentId: null,
  };
}

/** A draft invoice from treatments, visits and free lines, with totals computed exactly by core. */
export async function invoiceCreateHandler({ ctx, input }: { ctx: StaffContext; input: InvoiceCreateInput }) {
  return ctx.db.transaction(async (tx) => {
    const patient = await loadPatient(tx, ctx, input.patientId);
    await requireLive(tx, patient);
    if (input.centreId) {
      const [centre] = await tx
        .select({ id: centres.id })
        .from(centres)
        .where(ctx.tenant.where(centres, eq(centres.id, input.centreId)));
      if (!centre) throw notFound('Centre');
    }
    const [org] = await tx
      .select({ currency: organizations.currency })
      .from(organizations)
      .where(ctx.tenant.organization());
    const currency = org?.currency ?? 'INR';
    const lines: Resolved[] = [];
    for (const [i, line] of input.lines.entries()) lines.push(await resolveLine(tx, ctx, patient.id, line, i));
    const totals = invoiceTotals({
      currency,
      lines,
      ...(input.invoiceDiscount ? { invoiceDiscount: input.invoiceDiscount } : {}),
    });
    if (!totals.ok) throw fieldError(totals.field, totals.message);
    const [invoice] = await tx
      .insert(invoices)
      .values(
        ctx.tenant.row({
          centreId: input.centreId ?? null,
          patientId: patient.id,
          currency,
          subtotalMinor: totals.subtotalMinor,
          discountMinor: totals.discountMinor,
          taxMinor: totals.taxMinor,
          totalMinor: totals.totalMinor,
          notes: input.notes ?? null,
          createdById: ctx.principal.userId,
        }),
      )
      .returning();
    if (!invoice) throw new Error('Insert returned no row');
    await tx.insert(invoiceLines).values(
      lines.map((line, i) => {
        const computed = totals.lines[i];
        return ctx.tenant.row({
          invoiceId: invoice.id,
          position: i + 1,
          kind: line.kind,
          description: line.description,
          quantity: line.quantity,
          unitPriceMinor: line.unitPriceMinor,
          discountMinor: computed?.discountMinor ?? 0,
          taxRateBasisPoints: line.taxRateBasisPoints ?? 0,
          taxMinor: computed?.taxMinor ?? 0,
          totalMinor: computed?.totalMinor ?? 0,
          treatmentId: line.treatmentId,
          appointmentId: line.appointmentId,
        });
      }),
    );
    await audit(
      ctx,
      {
        action: 'invoice.create',
        entity: 'invoice',
        entityId: invoice.id,
        changes: { patientId: { to: patient.id }, totalMinor: { to: totals.totalMinor }, lines: { to: lines.length } },
      },
      tx,
    );
    return invoice;
  });
}

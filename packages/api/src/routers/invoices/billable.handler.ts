import { localDate, offeredFees } from '@carelane/core';
import {
  appointments,
  appointmentTypes,
  centres,
  invoiceLines,
  invoices,
  procedures,
  treatmentPlans,
  treatments,
} from '@carelane/db';
import { and, asc, eq, gt, inArray, ne, notExists, or, type SQL } from 'drizzle-orm';
import { audit } from '../../audit';
import type { StaffContext } from '../../trpc';
import { loadPatient } from '../patients/load';
import type { PatientBillingInput } from './invoices.schema';

type FeeKind = 'late_cancellation_fee' | 'no_show_fee';

/** Lines on an invoice that is not void: what they bill is billed. */
function onLiveInvoice(ctx: StaffContext, where: SQL | undefined) {
  return ctx.db
    .select({ id: invoiceLines.id })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(and(where, ne(invoices.status, 'void')));
}

/** A patient's visits with their type and their centre's zone (for the local date). */
function visitsOf(ctx: StaffContext) {
  return ctx.db
    .select({ visit: appointments, type: appointmentTypes, zone: centres.zone })
    .from(appointments)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .innerJoin(centres, eq(centres.id, appointments.centreId));
}

/**
 * What can still be billed for a patient: treatments under way or done, or planned in an accepted plan; visits held or
 * under way with a fee; late-cancellation and no-show fees their type's policy sets. Each only
 * while no live invoice has it. Reading it reads the record, so audited.
 */
export async function billableHandler({ ctx, input }: { ctx: StaffContext; input: PatientBillingInput }) {
  const patient = await loadPatient(ctx.db, ctx, input.patientId).catch(async (error: unknown) => {
    await audit(ctx, { action: 'patient.billable.read', entity: 'patient', entityId: input.patientId, success: false });
    throw error;
  });
  const [treatmentRows, visitRows, missedRows] = await Promise.all([
    ctx.db
      .select({ t: treatments, taxRate: procedures.taxRateBasisPoints })
      .from(treatments)
      .leftJoin(procedures, eq(procedures.id, treatments.procedureId))
      .where(
        ctx.tenant.where(
          treatments,
          eq(treatments.patientId, patient.id),
          // As core's treatmentBillingRefusal: work under way or done, or planned in an accepted plan.
          or(
            inArray(treatments.status, ['in_progress', 'done']),
            inArray(
              treatments.planId,
              ctx.db
                .select({ id: treatmentPlans.id })
                .from(treatmentPlans)
                .where(and(eq(treatmentPlans.patientId, patient.id), eq(treatmentPlans.status, 'accepted'))),
            ),
          ),
          notExists(onLiveInvoice(ctx, eq(invoiceLines.treatmentId, treatments.id))),
        ),
      )
      .orderBy(asc(treatments.createdAt)),
    visitsOf(ctx)
      .where(
        ctx.tenant.where(
          appointments,
          eq(appointments.patientId, patient.id),
          inArray(appointments.status, ['completed', 'checked_in']),
          gt(appointments.feeMinor, 0),
          notExists(
            onLiveInvoice(
              ctx,
              and(eq(invoiceLines.appointmentId, appointments.id), eq(invoiceLines.kind, 'appointment')),
            ),
          ),
        ),
      )
      .orderBy(asc(appointments.startsAt)),
    visitsOf(ctx)
      .where(
        ctx.tenant.where(
          appointments,
          eq(appointments.patientId, patient.id),
          or(
            eq(appointments.status, 'no_show'),
            and(eq(appointments.status, 'cancelled'), eq(appointments.lateCancellation, true)),
          ),
        ),
      )
      .orderBy(asc(appointments.startsAt)),
  ]);
  const missedIds = missedRows.map((r) => r.visit.id);
  const billedFees =
    missedIds.length === 0
      ? []
      : await ctx.db
          .select({ appointmentId: invoiceLines.appointmentId, kind: invoiceLines.kind })
          .from(invoiceLines)
          .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
          .where(
            and(
              inArray(invoiceLines.appointmentId, missedIds),
              inArray(invoiceLines.kind, ['late_cancellation_fee', 'no_show_fee']),
              ne(invoices.status, 'void'),
            ),
          );
  const billed = new Set(billedFees.map((f) => `${f.appointmentId}:${f.kind}`));
  await audit(ctx, { action: 'patient.billable.read', entity: 'patient', entityId: patient.id });
  return {
    treatments: treatmentRows.map(({ t, taxRate }) => ({
      id: t.id,
      date: t.performedOn ?? t.createdAt.toISOString().slice(0, 10),
      description: t.tooth ? `${t.description} (tooth ${t.tooth})` : t.description,
      status: t.status,
      // Before tax; the price, discount and tax rate let the invoice form preview the line exactly.
      amountMinor: Math.max(0, t.priceMinor - t.discountMinor),
      priceMinor: t.priceMinor,
      discountMinor: t.discountMinor,
      taxRateBasisPoints: taxRate ?? 0,
    })),
    visits: visitRows.map(({ visit, type, zone }) => {
      const date = localDate(visit.startsAt, zone);
      return { id: visit.id, date, description: `${type.name} on ${date}`, amountMinor: visit.feeMinor };
    }),
    fees: missedRows.flatMap(({ visit, type, zone }) => {
      const date = localDate(visit.startsAt, zone);
      return offeredFees(visit, type)
        .filter((fee) => !billed.has(`${visit.id}:${fee.kind}`))
        .map((fee) => ({
          id: visit.id,
          kind: fee.kind satisfies FeeKind,
          date,
          description: `${fee.label}: ${type.name} on ${date}`,
          amountMinor: fee.amountMinor,
        }));
    }),
  };
}

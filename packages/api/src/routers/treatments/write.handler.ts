import { checkPlanEditable, checkTreatmentTransition } from '@carelane/core';
import { appointments, type DbOrTx, invoiceLines, organizations, procedures, treatments } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { audit, diff } from '../../audit';
import { notFound } from '../../errors';
import { fieldError } from '../../field-error';
import type { StaffContext } from '../../trpc';
import { loadPatient, requireLive } from '../patients/load';
import { lockPlan, refuse } from '../treatment-plans/plan-rows';
import type { TreatmentCreateInput, TreatmentRemoveInput, TreatmentUpdateInput } from './treatments.schema';

async function loadTreatment(tx: DbOrTx, ctx: StaffContext, id: string) {
  const [row] = await tx
    .select()
    .from(treatments)
    .where(ctx.tenant.where(treatments, eq(treatments.id, id)))
    .for('update');
  if (!row) throw notFound('Treatment');
  return row;
}

/** Adds a treatment; from the price list, the name and price are the procedure's unless staff change the price. */
export async function treatmentCreateHandler({ ctx, input }: { ctx: StaffContext; input: TreatmentCreateInput }) {
  const { tenant } = ctx;
  return ctx.db.transaction(async (tx) => {
    const patient = await loadPatient(tx, ctx, input.patientId);
    await requireLive(tx, patient);
    let procedure: typeof procedures.$inferSelect | undefined;
    if (input.procedureId) {
      [procedure] = await tx
        .select()
        .from(procedures)
        .where(tenant.where(procedures, eq(procedures.id, input.procedureId)));
      if (!procedure) throw notFound('Procedure');
      if (procedure.perTooth && input.tooth == null)
        throw fieldError('tooth', `Choose the tooth for ${procedure.name}`);
    }
    if (input.appointmentId) {
      const [visit] = await tx
        .select({ patientId: appointments.patientId })
        .from(appointments)
        .where(tenant.where(appointments, eq(appointments.id, input.appointmentId)));
      if (!visit) throw notFound('Appointment');
      if (visit.patientId !== patient.id) throw fieldError('appointmentId', 'That visit belongs to another patient');
    }
    if (input.planId) {
      const plan = await lockPlan(tx, ctx, input.planId);
      if (plan.patientId !== patient.id) throw fieldError('planId', 'That plan belongs to another patient');
      refuse(checkPlanEditable(plan.status));
      if (input.status !== 'planned')
        throw fieldError('status', 'A treatment added to a plan stays planned until the patient accepts the plan');
    }
    const priceMinor = input.priceMinor ?? procedure?.priceMinor ?? 0;
    if (input.discountMinor > priceMinor)
      throw fieldError('discountMinor', 'The discount cannot be more than the price');
    const [org] = await tx
      .select({ currency: organizations.currency })
      .from(organizations)
      .where(tenant.organization());
    const values = {
      patientId: patient.id,
      procedureId: procedure?.id ?? null,
      appointmentId: input.appointmentId ?? null,
      planId: input.planId ?? null,
      tooth: input.tooth ?? null,
      description: input.description ?? procedure?.name ?? '',
      priceMinor,
      discountMinor: input.discountMinor,
      currency: procedure?.currency ?? org?.currency ?? 'INR',
      status: input.status,
      performedOn: input.performedOn ?? null,
      notes: input.notes ?? null,
      createdById: ctx.principal.userId,
    };
    const [row] = await tx.insert(treatments).values(tenant.row(values)).returning();
    if (!row) throw new Error('Insert returned no row');
    const { createdById: _c, notes, ...shown } = values;
    await audit(
      ctx,
      {
        action: 'treatment.create',
        entity: 'treatment',
        entityId: row.id,
        changes: { ...diff({}, shown), ...(notes ? { notes: {} } : {}) },
      },
      tx,
    );
    return row;
  });
}

/** Changes a treatment's status, tooth, price, discount, date or notes. */
export async function treatmentUpdateHandler({ ctx, input }: { ctx: StaffContext; input: TreatmentUpdateInput }) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadTreatment(tx, ctx, input.id);
    const { id, ...changes } = input;
    const plan = before.planId ? await lockPlan(tx, ctx, before.planId) : null;
    if (changes.status !== undefined && changes.status !== before.status)
      refuse(checkTreatmentTransition(before.status, changes.status, plan?.status ?? null));
    // What the patient agreed to (or declined) keeps its tooth and price.
    const agreed =
      (changes.tooth !== undefined && changes.tooth !== before.tooth) ||
      (changes.priceMinor !== undefined && changes.priceMinor !== before.priceMinor) ||
      (changes.discountMinor !== undefined && changes.discountMinor !== before.discountMinor);
    if (plan && agreed) refuse(checkPlanEditable(plan.status));
    const priceMinor = changes.priceMinor ?? before.priceMinor;
    const discountMinor = changes.discountMinor ?? before.discountMinor;
    if (discountMinor > priceMinor) throw fieldError('discountMinor', 'The discount cannot be more than the price');
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const [row] = await tx.update(treatments).set(set).where(eq(treatments.id, id)).returning();
    if (!row) throw notFound('Treatment');
    const { notes, ...rest } = diff(before, set);
    await audit(
      ctx,
      {
        action: 'treatment.update',
        entity: 'treatment',
        entityId: id,
        changes: { ...rest, ...(notes ? { notes: {} } : {}) },
      },
      tx,
    );
    return row;
  });
}

/** Removes a treatment entered by mistake: only one still planned and on no invoice. */
export async function treatmentRemoveHandler({ ctx, input }: { ctx: StaffContext; input: TreatmentRemoveInput }) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadTreatment(tx, ctx, input.id);
    if (row.planId) refuse(checkPlanEditable((await lockPlan(tx, ctx, row.planId)).status));
    if (row.status !== 'planned') {
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'Only a planned treatment can be removed. Mark it done or change its status instead.',
      });
    }
    const [billed] = await tx
      .select({ id: invoiceLines.id })
      .from(invoiceLines)
      .where(eq(invoiceLines.treatmentId, row.id))
      .limit(1);
    if (billed)
      throw new TRPCError({ code: 'CONFLICT', message: 'This treatment is on an invoice and cannot be removed.' });
    await tx.delete(treatments).where(eq(treatments.id, row.id));
    await audit(
      ctx,
      {
        action: 'treatment.remove',
        entity: 'treatment',
        entityId: row.id,
        changes: { description: { from: row.description } },
      },
      tx,
    );
    return { id: row.id };
  });
}

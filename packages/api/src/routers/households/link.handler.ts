import { fullName, INVERSE_RELATIONSHIP } from '@carelane/core';
import { households, patients } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq, inArray } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import { householdMembers, leaveHousehold } from '../patients/household-members';
import { loadPatient, requireLive } from '../patients/load';
import type { HouseholdLinkInput, HouseholdUnlinkInput } from './link.schema';

/**
 * Links two patients: a new household when neither has one (the related patient is its anchor),
 * else the one without a household joins the other's. Two different households are not merged
 * silently: the receptionist unlinks one first.
 */
export async function householdLinkHandler({ ctx, input }: { ctx: StaffContext; input: HouseholdLinkInput }) {
  return ctx.db.transaction(async (tx) => {
    const locked = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(ctx.tenant.where(patients, inArray(patients.id, [input.patientId, input.relatedPatientId])))
      .orderBy(patients.id)
      .for('update');
    if (locked.length < 2) throw notFound('Patient');
    const patient = await loadPatient(tx, ctx, input.patientId);
    const related = await loadPatient(tx, ctx, input.relatedPatientId);
    await requireLive(tx, patient);
    await requireLive(tx, related);

    let householdId = related.householdId ?? patient.householdId;
    if (patient.householdId && related.householdId && patient.householdId !== related.householdId) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `${fullName(patient)} already belongs to another household. Remove them from it first.`,
      });
    }
    if (!householdId) {
      const [created] = await tx
        .insert(households)
        .values(ctx.tenant.row({ name: `${related.lastName || related.firstName} household` }))
        .returning({ id: households.id });
      if (!created) throw new Error('Insert returned no row');
      householdId = created.id;
      await tx.update(patients).set({ householdId, householdRelationship: 'self' }).where(eq(patients.id, related.id));
    } else if (!related.householdId) {
      await tx
        .update(patients)
        .set({ householdId, householdRelationship: INVERSE_RELATIONSHIP[input.relationship] })
        .where(eq(patients.id, related.id));
    }
    // A patient already in the household keeps their place when the related patient joins them.
    if (!patient.householdId || patient.householdId === related.householdId) {
      await tx
        .update(patients)
        .set({ householdId, householdRelationship: input.relationship })
        .where(eq(patients.id, patient.id));
    }
    await audit(
      ctx,
      {
        action: 'household.link',
        entity: 'household',
        entityId: householdId,
        changes: {
          patientId: { to: patient.id },
          relatedPatientId: { to: related.id },
          relationship: { to: input.relationship },
        },
      },
      tx,
    );
    return { householdId, members: await householdMembers(tx, ctx.tenant, householdId) };
  });
}

/** Takes a patient out of their household; a household left with one member is dissolved. */
export async function householdUnlinkHandler({ ctx, input }: { ctx: StaffContext; input: HouseholdUnlinkInput }) {
  return ctx.db.transaction(async (tx) => {
    const patient = await loadPatient(tx, ctx, input.patientId, true);
    await requireLive(tx, patient);
    const householdId = patient.householdId;
    if (!householdId) return { householdId: null, members: [] };
    await leaveHousehold(tx, ctx.tenant, patient.id, householdId);
    await audit(
      ctx,
      {
        action: 'household.unlink',
        entity: 'household',
        entityId: householdId,
        changes: { patientId: { from: patient.id } },
      },
      tx,
    );
    return { householdId: null, members: [] };
  });
}

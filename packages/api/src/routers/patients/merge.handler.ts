import { fillEmptyFields, fullName } from '@carelane/core';
import {
  appointments,
  clinicalNotes,
  type DbOrTx,
  formRequests,
  formSubmissions,
  patients,
  slotHolds,
  waitlistEntries,
} from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq, inArray } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import type { Tenant } from '../../tenancy';
import type { StaffContext } from '../../trpc';
import { leaveHousehold } from './household-members';
import { changedFieldNames, type PatientRow, publicPatient } from './load';
import type { MergePatientsInput } from './merge.schema';

/** Fields a survivor takes from its duplicate when it has none of its own. Consents are never inferred. */
const FILLABLE = [
  'lastName',
  'phone',
  'email',
  'birthDate',
  'sex',
  'bloodGroup',
  'address',
  'emergencyContact',
  'healthPlan',
  'tags',
  'leadSource',
  'notes',
] as const satisfies readonly (keyof PatientRow)[];

/**
 * Everything that belongs to a patient moves to the survivor here, in one place. Forms,
 * treatments and payments join this list when their tables exist.
 */
async function moveRecords(tx: DbOrTx, tenant: Tenant, fromId: string, toId: string) {
  const move = async (
    table:
      | typeof appointments
      | typeof clinicalNotes
      | typeof waitlistEntries
      | typeof slotHolds
      | typeof formRequests
      | typeof formSubmissions,
  ) =>
    (
      await tx
        .update(table)
        .set({ patientId: toId })
        .where(tenant.where(table, eq(table.patientId, fromId)))
        .returning({ id: table.id })
    ).length;
  return {
    appointments: await move(appointments),
    clinicalNotes: await move(clinicalNotes),
    waitlistEntries: await move(waitlistEntries),
    slotHolds: await move(slotHolds),
    formRequests: await move(formRequests),
    formSubmissions: await move(formSubmissions),
  };
}

/**
 * Merges a duplicate record into the survivor in one transaction: its visits, notes and waitlist
 * wishes move, the survivor fills its empty fields from it, and the duplicate points at the
 * survivor and becomes read-only (it keeps its phone for history). Both records are audited.
 */
export async function mergePatientsHandler({ ctx, input }: { ctx: StaffContext; input: MergePatientsInput }) {
  const { tenant } = ctx;
  return ctx.db.transaction(async (tx) => {
    // Both rows locked in id order, so two merges of the same pair cannot deadlock.
    const locked = await tx
      .select()
      .from(patients)
      .where(tenant.where(patients, inArray(patients.id, [input.survivorId, input.duplicateId])))
      .orderBy(patients.id)
      .for('update');
    const survivor = locked.find((p) => p.id === input.survivorId);
    const duplicate = locked.find((p) => p.id === input.duplicateId);
    if (!survivor || !duplicate) throw notFound('Patient');
    if (survivor.mergedIntoId) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `${fullName(survivor)} (${survivor.mrn}) was itself merged into another record. Merge into that record instead.`,
      });
    }
    if (duplicate.mergedIntoId) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `${fullName(duplicate)} (${duplicate.mrn}) has already been merged.`,
      });
    }

    const moved = await moveRecords(tx, tenant, duplicate.id, survivor.id);
    // The duplicate steps out of live records first, so the survivor may take its phone.
    await tx.update(patients).set({ mergedIntoId: survivor.id }).where(eq(patients.id, duplicate.id));
    const filled: Partial<PatientRow> = fillEmptyFields(survivor, duplicate, FILLABLE);
    // The survivor takes the duplicate's place in its household unless it has one of its own.
    if (!survivor.householdId && duplicate.householdId) {
      filled.householdId = duplicate.householdId;
      filled.householdRelationship = duplicate.householdRelationship;
    }
    const [row] =
      Object.keys(filled).length > 0
        ? await tx.update(patients).set(filled).where(eq(patients.id, survivor.id)).returning()
        : [survivor];
    if (!row) throw notFound('Patient');
    if (duplicate.householdId) await leaveHousehold(tx, tenant, duplicate.id, duplicate.householdId);

    const counts = Object.fromEntries(Object.entries(moved).map(([k, n]) => [k, { to: n }]));
    await audit(
      ctx,
      {
        action: 'patient.merge',
        entity: 'patient',
        entityId: survivor.id,
        changes: { mergedFrom: { to: duplicate.id }, ...counts, ...changedFieldNames(survivor, filled) },
      },
      tx,
    );
    await audit(
      ctx,
      {
        action: 'patient.merged_into',
        entity: 'patient',
        entityId: duplicate.id,
        changes: { mergedIntoId: { from: null, to: survivor.id } },
      },
      tx,
    );
    return { survivor: publicPatient(row), moved };
  });
}

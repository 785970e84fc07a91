import { contactPhone, fullName, OCCUPYING_STATUSES } from '@carelane/core';
import { appointments, clinicalNotes, households, patients } from '@carelane/db';
import { and, asc, count, desc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import type { PatientByIdInput } from './by-id.schema';
import { householdMembers } from './household-members';
import { publicPatient } from './load';
import { visitsQuery } from './visits';

/**
 * One patient's record with their household, the number to reach them on, their next and last
 * visit and how many visits and notes they have. Another organization's patient is NOT_FOUND;
 * every read is audited.
 */
export async function patientByIdHandler({ ctx, input }: { ctx: StaffContext; input: PatientByIdInput }) {
  const { tenant } = ctx;
  const [row] = await ctx.db
    .select({ patient: patients, household: { id: households.id, name: households.name } })
    .from(patients)
    .leftJoin(households, eq(households.id, patients.householdId))
    .where(tenant.where(patients, eq(patients.id, input.id)));
  if (!row) {
    await audit(ctx, { action: 'patient.read', entity: 'patient', entityId: input.id, success: false });
    throw notFound('Patient');
  }
  const patient = row.patient;
  const now = new Date();
  const mine = tenant.where(appointments, eq(appointments.patientId, patient.id));
  const [members, upcoming, last, [visits], [notes], mergedInto] = await Promise.all([
    patient.householdId ? householdMembers(ctx.db, tenant, patient.householdId, patient.id) : [],
    visitsQuery(ctx)
      .where(and(mine, gte(appointments.startsAt, now), inArray(appointments.status, ['pending', 'confirmed'])))
      .orderBy(asc(appointments.startsAt))
      .limit(1),
    visitsQuery(ctx)
      .where(and(mine, lt(appointments.startsAt, now), inArray(appointments.status, [...OCCUPYING_STATUSES])))
      .orderBy(desc(appointments.startsAt))
      .limit(1),
    ctx.db.select({ n: count() }).from(appointments).where(mine),
    ctx.db
      .select({ n: count() })
      .from(clinicalNotes)
      .where(tenant.where(clinicalNotes, eq(clinicalNotes.patientId, patient.id), isNull(clinicalNotes.amendsId))),
    patient.mergedIntoId
      ? ctx.db
          .select({ id: patients.id, firstName: patients.firstName, lastName: patients.lastName, mrn: patients.mrn })
          .from(patients)
          .where(tenant.where(patients, eq(patients.id, patient.mergedIntoId)))
      : [],
  ]);
  await audit(ctx, { action: 'patient.read', entity: 'patient', entityId: patient.id });
  const survivor = mergedInto[0];
  return {
    ...publicPatient(patient),
    household: row.household,
    householdMembers: members,
    contactPhone: contactPhone({ phone: patient.phone, relationship: patient.householdRelationship }, members),
    upcomingAppointment: upcoming[0] ?? null,
    lastAppointment: last[0] ?? null,
    counts: { appointments: visits?.n ?? 0, notes: notes?.n ?? 0 },
    mergedInto: survivor ? { id: survivor.id, name: fullName(survivor), mrn: survivor.mrn } : null,
  };
}

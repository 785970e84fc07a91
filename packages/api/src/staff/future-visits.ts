import { fullName, localDate, localDateTimeParts } from '@carelane/core';
import { appointments, centres, type DbOrTx, patients } from '@carelane/db';
import { asc, eq, gte, inArray } from 'drizzle-orm';
import type { Tenant } from '../tenancy';

/**
 * A clinician's visits still to come (pending or confirmed), oldest first: what has to be moved to
 * someone else when they stop working here. Dates are the centre's own.
 */
export async function futureVisitsOf(tx: DbOrTx, tenant: Tenant, clinicianId: string, now = new Date()) {
  const rows = await tx
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      patientId: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      centreId: centres.id,
      centreName: centres.name,
      zone: centres.zone,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(centres, eq(centres.id, appointments.centreId))
    .where(
      tenant.where(
        appointments,
        eq(appointments.clinicianId, clinicianId),
        gte(appointments.startsAt, now),
        inArray(appointments.status, ['pending', 'confirmed']),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  return rows.map((r) => {
    const { date, time } = localDateTimeParts(r.startsAt, r.zone, 'en');
    return {
      id: r.id,
      startsAt: r.startsAt,
      /** The centre's calendar day (YYYY-MM-DD), for the calendar link. */
      day: localDate(r.startsAt, r.zone),
      dateLabel: date,
      timeLabel: time,
      patient: { id: r.patientId, name: fullName(r) },
      centre: { id: r.centreId, name: r.centreName },
    };
  });
}

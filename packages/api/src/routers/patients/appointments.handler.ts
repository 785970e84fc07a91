import { appointments } from '@carelane/db';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { audit } from '../../audit';
import { fieldError } from '../../field-error';
import type { StaffContext } from '../../trpc';
import type { PatientAppointmentsInput } from './appointments.schema';
import { loadPatient } from './load';
import { visitsQuery } from './visits';

/** "2026-01-02T03:04:05.000Z_<id>": the last row of a page; ties on the start broken by id. */
function readCursor(cursor: string): { startsAt: Date; id: string } {
  const [iso, id] = cursor.split('_');
  const startsAt = new Date(iso ?? '');
  if (!id || Number.isNaN(startsAt.getTime())) throw fieldError('cursor', 'This page marker is not valid');
  return { startsAt, id };
}

/** A patient's visits, newest first, a page at a time. Reading them is a read of the record, so audited. */
export async function patientAppointmentsHandler({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: PatientAppointmentsInput;
}) {
  const after = input.cursor ? readCursor(input.cursor) : null;
  const patient = await loadPatient(ctx.db, ctx, input.patientId).catch(async (error: unknown) => {
    await audit(ctx, {
      action: 'patient.appointments.read',
      entity: 'patient',
      entityId: input.patientId,
      success: false,
    });
    throw error;
  });
  const rows = await visitsQuery(ctx)
    .where(
      ctx.tenant.where(
        appointments,
        eq(appointments.patientId, patient.id),
        after
          ? or(
              lt(appointments.startsAt, after.startsAt),
              and(eq(appointments.startsAt, after.startsAt), lt(appointments.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(appointments.startsAt), desc(appointments.id))
    .limit(input.limit + 1);
  await audit(ctx, { action: 'patient.appointments.read', entity: 'patient', entityId: patient.id });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > input.limit && last ? `${last.startsAt.toISOString()}_${last.id}` : null;
  return { items, nextCursor };
}

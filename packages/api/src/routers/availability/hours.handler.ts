import { seesAllCentres } from '@carelane/auth';
import { addLocalDays, formatLocalTime, formatShortDay, localDate, localDayBounds } from '@carelane/core';
import { availabilityExceptions, availabilityRules, type DbOrTx, staffCentres, staffUsers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, asc, eq, gt, gte, inArray, isNull, lt, or } from 'drizzle-orm';
import { audit } from '../../audit';
import { conflictWithVisits, notFound } from '../../errors';
import { bookedVisitsIn } from '../../scheduling/working-time';
import { requireCentre, visibleCentres } from '../../scope';
import type { StaffContext } from '../../trpc';
import type {
  AddExceptionInput,
  ExceptionsInput,
  RemoveExceptionInput,
  SetWeeklyHoursInput,
  WeeklyHoursInput,
} from './hours.schema';

/**
 * A clinician whose hours the signed-in staff member may see or change: in their organization
 * and at a centre they can see (NOT_FOUND otherwise); a clinician may change only their own.
 */
async function requireClinician(db: DbOrTx, ctx: StaffContext, clinicianId: string, change: boolean) {
  const [clinician] = await db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, clinicianId), eq(staffUsers.role, 'clinician')));
  if (!clinician) throw notFound('Clinician');
  const centres = await db
    .select({ centreId: staffCentres.centreId })
    .from(staffCentres)
    .where(eq(staffCentres.staffUserId, clinician.id));
  const visible = new Set((await visibleCentres(db, ctx.principal)).map((c) => c.id));
  if (!seesAllCentres(ctx.principal.role) && !centres.some((c) => visible.has(c.centreId))) throw notFound('Clinician');
  if (change && ctx.principal.role === 'clinician' && ctx.principal.userId !== clinician.id) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Clinicians can change only their own hours.' });
  }
  return { ...clinician, centreIds: centres.map((c) => c.centreId) };
}

export async function weeklyHoursHandler({ ctx, input }: { ctx: StaffContext; input: WeeklyHoursInput }) {
  const clinician = await requireClinician(ctx.db, ctx, input.clinicianId, false);
  const centres = (await visibleCentres(ctx.db, ctx.principal)).filter((c) => clinician.centreIds.includes(c.id));
  const today = localDate(new Date(), centres[0]?.zone ?? 'UTC');
  const rules = await ctx.db
    .select()
    .from(availabilityRules)
    .where(
      and(
        eq(availabilityRules.clinicianId, clinician.id),
        or(isNull(availabilityRules.validTo), gte(availabilityRules.validTo, today)),
      ),
    )
    .orderBy(asc(availabilityRules.centreId), asc(availabilityRules.weekday), asc(availabilityRules.startTime));
  return {
    clinician: { id: clinician.id, name: clinician.name },
    centres,
    rules: rules.map((r) => ({
      id: r.id,
      centreId: r.centreId,
      weekday: r.weekday,
      start: r.startTime.slice(0, 5),
      end: r.endTime.slice(0, 5),
      mode: r.mode,
      validFrom: r.validFrom,
      validTo: r.validTo,
    })),
  };
}

/**
 * Replaces a clinician's weekly hours at a centre from a date on: rules running then are ended the
 * day before, later ones removed, the new week inserted. Past days keep the hours they had.
 */
export async function setWeeklyHoursHandler({ ctx, input }: { ctx: StaffContext; input: SetWeeklyHoursInput }) {
  const centre = await requireCentre(ctx.db, ctx.principal, input.centreId);
  const validFrom = input.validFrom ?? localDate(new Date(), centre.zone);
  return ctx.db.transaction(async (tx) => {
    const clinician = await requireClinician(tx, ctx, input.clinicianId, true);
    if (!clinician.centreIds.includes(centre.id)) throw notFound('Centre');
    const mine = and(eq(availabilityRules.clinicianId, clinician.id), eq(availabilityRules.centreId, centre.id));
    const before = await tx.select().from(availabilityRules).where(mine);
    await tx.delete(availabilityRules).where(and(mine, gte(availabilityRules.validFrom, validFrom)));
    await tx
      .update(availabilityRules)
      .set({ validTo: addLocalDays(validFrom, -1) })
      .where(
        and(
          mine,
          lt(availabilityRules.validFrom, validFrom),
          or(isNull(availabilityRules.validTo), gte(availabilityRules.validTo, validFrom)),
        ),
      );
    if (input.entries.length) {
      await tx.insert(availabilityRules).values(
        input.entries.map((e) =>
          ctx.tenant.row({
            clinicianId: clinician.id,
            centreId: centre.id,
            weekday: e.weekday,
            startTime: e.start,
            endTime: e.end,
            mode: e.mode,
            validFrom,
          }),
        ),
      );
    }
    await audit(
      ctx,
      {
        action: 'availability.set_weekly_hours',
        entity: 'staff_user',
        entityId: clinician.id,
        changes: {
          weeklyHours: {
            from: before.map((r) => `${r.weekday} ${r.startTime}-${r.endTime} ${r.validFrom}..${r.validTo ?? ''}`),
            to: input.entries.map((e) => `${e.weekday} ${e.start}-${e.end} from ${validFrom}`),
          },
        },
      },
      tx,
    );
    return { validFrom, count: input.entries.length };
  });
}

export async function exceptionsHandler({ ctx, input }: { ctx: StaffContext; input: ExceptionsInput }) {
  const clinician = await requireClinician(ctx.db, ctx, input.clinicianId, false);
  const zone =
    (await visibleCentres(ctx.db, ctx.principal)).find((c) => clinician.centreIds.includes(c.id))?.zone ?? 'UTC';
  const from = input.from ?? localDate(new Date(), zone);
  const start = localDayBounds(from, zone).start;
  const end = localDayBounds(addLocalDays(from, input.days), zone).start;
  return ctx.db
    .select()
    .from(availabilityExceptions)
    .where(
      ctx.tenant.where(
        availabilityExceptions,
        lt(availabilityExceptions.startsAt, end),
        gt(availabilityExceptions.endsAt, start),
        or(
          eq(availabilityExceptions.clinicianId, clinician.id),
          clinician.centreIds.length
            ? and(
                isNull(availabilityExceptions.clinicianId),
                inArray(availabilityExceptions.centreId, clinician.centreIds),
              )
            : undefined,
        ),
      ),
    )
    .orderBy(asc(availabilityExceptions.startsAt));
}

/**
 * Adds time off, extra hours or a centre's closure. Time off or a closure over visits still to
 * come is a CONFLICT listing them (`data.bookedVisits`) unless the input says they were seen; the
 * visits stay booked and the calendar flags them until they are moved or cancelled.
 */
export async function addExceptionHandler({ ctx, input }: { ctx: StaffContext; input: AddExceptionInput }) {
  let zone: string;
  if (input.kind === 'closure') {
    if (ctx.principal.role === 'clinician') {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Only managers can close a centre.' });
    }
    zone = (await requireCentre(ctx.db, ctx.principal, input.centreId ?? '')).zone;
  } else {
    const clinician = await requireClinician(ctx.db, ctx, input.clinicianId ?? '', true);
    // Time off may name one of the clinician's centres; never a centre of another organization.
    if (input.centreId && !clinician.centreIds.includes(input.centreId)) throw notFound('Centre');
    zone = (await visibleCentres(ctx.db, ctx.principal)).find((c) => clinician.centreIds.includes(c.id))?.zone ?? 'UTC';
  }
  const covered =
    input.kind === 'extra_hours'
      ? []
      : await bookedVisitsIn(ctx.db, ctx.tenant, {
          ...(input.kind === 'closure' ? { centreId: input.centreId } : { clinicianId: input.clinicianId }),
          start: input.startsAt,
          end: input.endsAt,
          now: new Date(),
        });
  if (covered.length && !input.bookedVisitsSeen) {
    const first = covered[0];
    const when = first
      ? ` The first is ${formatShortDay(first.startsAt.getTime(), zone)} at ${formatLocalTime(first.startsAt, zone)}.`
      : '';
    const what = input.kind === 'closure' ? 'This closure' : 'This time off';
    const count = covered.length === 1 ? '1 booked visit' : `${covered.length} booked visits`;
    throw conflictWithVisits(
      `${what} covers ${count}.${when} They stay booked and are flagged on the calendar until moved or cancelled. Confirm to save anyway.`,
      covered,
    );
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(availabilityExceptions)
      .values(
        ctx.tenant.row({
          clinicianId: input.kind === 'closure' ? null : (input.clinicianId ?? null),
          centreId: input.centreId ?? null,
          kind: input.kind,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          reason: input.reason ?? null,
        }),
      )
      .returning();
    if (!row) throw new Error('Insert returned no row');
    await audit(
      ctx,
      {
        action: `availability.add_${input.kind}`,
        entity: 'availability_exception',
        entityId: row.id,
        changes: {
          startsAt: { to: row.startsAt },
          endsAt: { to: row.endsAt },
          reason: { to: row.reason },
          // The visits it covers, which the person saw and chose to keep for now.
          ...(covered.length ? { bookedVisitsSeen: { to: covered.map((v) => v.id) } } : {}),
        },
      },
      tx,
    );
    return row;
  });
}

export async function removeExceptionHandler({ ctx, input }: { ctx: StaffContext; input: RemoveExceptionInput }) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(availabilityExceptions)
      .where(ctx.tenant.where(availabilityExceptions, eq(availabilityExceptions.id, input.id)));
    if (!row) throw notFound('Exception');
    if (row.clinicianId) await requireClinician(tx, ctx, row.clinicianId, true);
    else if (ctx.principal.role === 'clinician') {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Only managers can reopen a centre.' });
    } else if (row.centreId) await requireCentre(tx, ctx.principal, row.centreId);
    await tx.delete(availabilityExceptions).where(eq(availabilityExceptions.id, row.id));
    await audit(
      ctx,
      {
        action: `availability.remove_${row.kind}`,
        entity: 'availability_exception',
        entityId: row.id,
        changes: { startsAt: { from: row.startsAt }, endsAt: { from: row.endsAt } },
      },
      tx,
    );
    return { id: row.id };
  });
}

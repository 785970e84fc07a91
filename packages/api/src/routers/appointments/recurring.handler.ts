import { formatLocalTime, hoursGapReason, localDate, weeklyOccurrences, zonedTime } from '@carelane/core';
import { type DbOrTx, recurringSeries } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { audit } from '../../audit';
import { visitBooked } from '../../messaging/appointment-messages';
import { bookSlot } from '../../scheduling/book-slot';
import { clashReason, findClash, type SlotSpan } from '../../scheduling/clash';
import { prepareStaffBooking, staffSlot } from '../../scheduling/staff-booking';
import { loadWorkingTime, workingTimeGap } from '../../scheduling/working-time';
import type { StaffContext } from '../../trpc';
import type { RecurringInput } from './recurring.schema';

type Occurrence = { startsAt: Date; endsAt: Date; free: boolean; clash: string | null; appointmentId: string | null };

async function clashAt(db: DbOrTx, slot: SlotSpan, zone: string) {
  const clash = await findClash(db, slot);
  return clash ? `Clashes with ${clashReason(slot, clash, zone)}` : null;
}

/**
 * A weekly series: every occurrence is an ordinary appointment. `check` reports which dates are
 * free; `book` books those in one transaction, each behind its own savepoint so a clash skips
 * that date and keeps the rest. A date outside the clinician's working time (a break, a day off,
 * time off, a closure) is not free either, and is skipped the same way.
 */
export async function recurringHandler({ ctx, input }: { ctx: StaffContext; input: RecurringInput }) {
  const booking = await prepareStaffBooking(ctx, { ...input, overbook: false });
  const { centre, type, clinician } = booking;
  const zone = centre.zone;
  const firstDate = localDate(input.startsAt, zone);
  const [hh = 0, mm = 0] = formatLocalTime(input.startsAt, zone).split(':').map(Number);
  const dates = weeklyOccurrences(
    firstDate,
    input.everyWeeks,
    input.count ? { count: input.count } : { until: input.until ?? firstDate },
  );
  const planned = dates.map((date) => {
    const startsAt = zonedTime(date, hh, mm, zone);
    return { startsAt, endsAt: new Date(startsAt.getTime() + type.durationMinutes * 60_000) };
  });

  const spanOf = (p: { startsAt: Date; endsAt: Date }): SlotSpan => ({
    clinicianId: clinician.id,
    ...p,
    bufferBeforeMinutes: type.bufferBeforeMinutes,
    bufferAfterMinutes: type.bufferAfterMinutes,
  });

  const last = planned[planned.length - 1];
  const working = await loadWorkingTime(ctx.db, ctx.tenant, {
    clinicianId: clinician.id,
    centreId: centre.id,
    start: input.startsAt,
    end: last?.endsAt ?? input.startsAt,
  });
  /** Why a date is outside working time, as the series' list says it, or null. */
  const outside = (p: { startsAt: Date; endsAt: Date }) => {
    const gap = workingTimeGap(working, { ...p, mode: type.mode });
    return gap ? `Outside working hours (${hoursGapReason(gap, zone)})` : null;
  };

  if (input.action === 'check') {
    const occurrences: Occurrence[] = [];
    for (const p of planned) {
      const clash = outside(p) ?? (await clashAt(ctx.db, spanOf(p), zone));
      occurrences.push({ ...p, free: !clash, clash, appointmentId: null });
    }
    return { seriesId: null, occurrences };
  }

  return ctx.db.transaction(async (tx) => {
    const [series] = await tx
      .insert(recurringSeries)
      .values(
        ctx.tenant.row({
          everyWeeks: input.everyWeeks,
          occurrences: planned.length,
          createdById: ctx.principal.userId,
        }),
      )
      .returning({ id: recurringSeries.id });
    if (!series) throw new Error('Insert returned no row');
    const occurrences: Occurrence[] = [];
    for (const p of planned) {
      const notWorking = outside(p);
      if (notWorking) {
        occurrences.push({ ...p, free: false, clash: notWorking, appointmentId: null });
        continue;
      }
      try {
        const slot = staffSlot(ctx, booking, p.startsAt, { notes: input.notes ?? null, seriesId: series.id });
        const appointmentId = await bookSlot(tx, ctx, slot, async (_savepoint, row) => row.id);
        occurrences.push({ ...p, free: true, clash: null, appointmentId });
      } catch (err) {
        if (!(err instanceof TRPCError && err.code === 'CONFLICT')) throw err;
        occurrences.push({
          ...p,
          free: false,
          clash: await clashAt(tx, spanOf(p), zone),
          appointmentId: null,
        });
      }
    }
    const booked = occurrences.filter((o) => o.appointmentId);
    // Every visit gets its reminders; one confirmation (the first visit's) stands for the series.
    for (const [i, o] of booked.entries()) {
      if (o.appointmentId) await visitBooked(tx, ctx.tenant, o.appointmentId, { byPatient: false, confirm: i === 0 });
    }
    await audit(
      ctx,
      {
        action: 'appointment.create_series',
        entity: 'recurring_series',
        entityId: series.id,
        changes: {
          everyWeeks: { to: input.everyWeeks },
          booked: { to: booked.map((o) => o.startsAt) },
          skipped: { to: occurrences.filter((o) => !o.appointmentId).map((o) => o.startsAt) },
        },
      },
      tx,
    );
    return { seriesId: series.id, occurrences };
  });
}

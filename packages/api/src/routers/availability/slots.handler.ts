import type { DaySlots } from '@carelane/core';
import type { Context } from '../../context';
import { plainJson } from '../../plain-json';
import { slotsFromFacts } from '../../scheduling/find-slots';
import { readScheduleFacts } from '../../scheduling/schedule-cache';
import { publicTenant } from '../clinicians/public-organization';
import type { SlotsInput } from './slots.schema';

/**
 * Free start times for one clinician and type, grouped by local date in the centre's zone.
 * Public: the booking site shows them before sign-in.
 */
export async function slotsHandler({ ctx, input }: { ctx: Context; input: SlotsInput }) {
  const p = ctx.principal;
  const request = {
    organizationId: publicTenant(ctx).organizationId,
    clinicianId: input.clinicianId,
    typeId: input.typeId,
    from: input.from,
    days: input.days,
    now: new Date(),
    audience: p.kind === 'staff' ? ('staff' as const) : ('patient' as const),
    patientId: p.kind === 'patient' ? p.patientId : undefined,
  };
  const result = slotsFromFacts(await readScheduleFacts(ctx, request), request);
  return plainJson({
    zone: result.zone,
    from: result.from,
    to: result.to,
    clinician: result.clinician,
    type: {
      id: result.type.id,
      name: result.type.name,
      durationMinutes: result.type.durationMinutes,
      mode: result.type.mode,
      priceMinor: result.type.priceMinor,
      currency: result.type.currency,
    },
    // Bare epoch milliseconds: hundreds of slots per answer, and serialising objects (or Dates)
    // cost four times as much. Clients show them in `zone` (formatLocalTime in @carelane/core).
    days: result.days.map(startsOf),
  });
}

const startsByDay = new WeakMap<DaySlots, { date: string; starts: number[] }>();
/** A day's start times, made once per day of a cached search rather than once per request. */
function startsOf(day: DaySlots) {
  let starts = startsByDay.get(day);
  if (!starts) {
    starts = { date: day.date, starts: day.slots.map((s) => s.start) };
    startsByDay.set(day, starts);
  }
  return starts;
}

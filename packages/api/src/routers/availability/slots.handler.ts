import { formatLocalTime } from '@carelane/core';
import type { Context } from '../../context';
import { publicOrganizationId } from '../clinicians/directory.handler';
import { findSlots } from './find-slots';
import type { SlotsInput } from './slots.schema';

/**
 * Free start times for one clinician and type, grouped by local date in the centre's zone.
 * Public: the booking site shows them before sign-in.
 */
export async function slotsHandler({ ctx, input }: { ctx: Context; input: SlotsInput }) {
  const p = ctx.principal;
  const result = await findSlots(ctx.db, {
    organizationId: publicOrganizationId(ctx),
    clinicianId: input.clinicianId,
    typeId: input.typeId,
    from: input.from,
    days: input.days,
    now: new Date(),
    audience: p.kind === 'staff' ? 'staff' : 'patient',
    patientId: p.kind === 'patient' ? p.patientId : undefined,
  });
  return {
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
    days: result.days.map((day) => ({
      date: day.date,
      // Epoch milliseconds rather than Dates: hundreds of slots serialise without per-item metadata.
      slots: day.slots.map((s) => ({ start: s.start, label: formatLocalTime(new Date(s.start), result.zone) })),
    })),
  };
}

import {
  type AppointmentSource,
  type AppointmentStatus,
  type ConsultationMode,
  localDate,
  type PaymentStatus,
  zonedTime,
} from '@carelane/core';
import type { Faker } from '@faker-js/faker';
import type { appointments } from '../schema';
import {
  addMinutes,
  between,
  CURRENCY,
  chance,
  DAY,
  dayRange,
  isoWeekday,
  MINUTE,
  toMinutes,
  weighted,
  ZONE,
} from './helpers';
import type { BuiltClinician, BuiltOrganization, BuiltType } from './organization';
import type { SeedPatient } from './patients';

type AppointmentRow = typeof appointments.$inferInsert;

/** An appointment placed on purpose (the demo patient's history), in the first slot of a day. */
export type ForcedBooking = {
  clinicianKey: string;
  offset: number;
  typeKey: string;
  patientId: string;
  status: AppointmentStatus;
};

export type AppointmentOptions = {
  org: BuiltOrganization;
  patients: readonly SeedPatient[];
  now: Date;
  from: number;
  to: number;
  /** Share of free steps that get booked, by day offset from today. */
  fill: (offset: number) => number;
  /** Days a clinician (or a whole centre) does not work. */
  blocked: readonly { date: string; clinicianId?: string; centreId?: string }[];
  forced?: readonly ForcedBooking[];
  /** Patients that random bookings never pick. */
  reserved?: ReadonlySet<string>;
  /** Today, every working clinician gets at least this many bookings before gaps are left. */
  minToday?: number;
  /** Staff id recorded as creator of desk bookings, by centre key. */
  deskStaff: ReadonlyMap<string, string>;
};

const MIN_AGE: Record<string, number> = { Psychotherapy: 14, Dentistry: 3 };

const CANCELLATION_REASONS = [
  ['Patient asked to reschedule', 5],
  ['Patient unwell', 3],
  ['Travelling out of town', 2],
  ['Work commitment', 2],
  ['Booked by mistake', 1],
  ['Clinician unavailable', 1],
  ['Family emergency', 1],
] as const;

const DESK_NOTES = [
  'First visit: please collect ID and previous reports',
  'Prefers an early slot',
  'Needs wheelchair access',
  'Insurance pre-authorisation pending',
  'Will pay by UPI',
  'Accompanied by a parent',
] as const;

/**
 * Walks each clinician's working day in steps, booking some steps and leaving gaps, so one
 * clinician's active appointments never overlap (the exclusion constraint would refuse them).
 */
export function buildAppointments(faker: Faker, options: AppointmentOptions): AppointmentRow[] {
  const { org, now } = options;
  const today = localDate(now, ZONE);
  const rows: AppointmentRow[] = [];
  const busy = new Set<string>();
  const forced = new Map((options.forced ?? []).map((f) => [`${f.clinicianKey}|${f.offset}`, f]));

  for (const clinician of org.clinicians) {
    const primary = clinician.specialisations[0];
    const ownTypes = org.types.filter((t) => t.specialisation === primary);
    const gap = primary === 'General practice' ? 15 : primary === 'Dentistry' ? 30 : 60;
    for (const { offset, date } of dayRange(today, options.from, options.to)) {
      const off = options.blocked.some(
        (b) => b.date === date && (b.clinicianId === clinician.id || b.centreId === clinician.centreId),
      );
      if (off) continue;
      const weekday = isoWeekday(date);
      const rules = clinician.rules
        .filter((r) => r.days.includes(weekday))
        .sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
      let pending = forced.get(`${clinician.key}|${offset}`);
      let booked = 0;
      for (const rule of rules) {
        const mode: ConsultationMode = rule.mode ?? 'in_person';
        const types = ownTypes.filter((t) => t.mode === mode);
        if (types.length === 0) continue;
        let cursor = toMinutes(rule.start);
        const end = toMinutes(rule.end);
        while (cursor < end) {
          const forcedType = pending ? types.find((t) => t.key === pending?.typeKey) : undefined;
          const mustBook = offset === 0 && booked < (options.minToday ?? 0);
          if (!forcedType && !mustBook && !chance(faker, options.fill(offset))) {
            cursor += gap;
            continue;
          }
          const type =
            forcedType ??
            weighted(
              faker,
              types.map((t) => [t, t.weight] as const),
            );
          const startMinute = cursor + type.bufferBeforeMinutes;
          const endMinute = startMinute + type.durationMinutes;
          if (endMinute > end) {
            cursor += gap;
            continue;
          }
          const startsAt = zonedTime(date, Math.floor(startMinute / 60), startMinute % 60, ZONE);
          const row =
            forcedType && pending
              ? book(faker, options, {
                  clinician,
                  type,
                  date,
                  startsAt,
                  patientId: pending.patientId,
                  status: pending.status,
                })
              : book(faker, options, { clinician, type, date, startsAt, busy, offset });
          if (forcedType) pending = undefined;
          if (row) {
            rows.push(row);
            booked++;
            cursor = Math.ceil((endMinute + type.bufferAfterMinutes) / 5) * 5;
          } else {
            cursor += gap;
          }
        }
      }
    }
  }
  return rows;
}

type Slot = {
  clinician: BuiltClinician;
  type: BuiltType;
  date: string;
  startsAt: Date;
  patientId?: string;
  status?: AppointmentStatus;
  busy?: Set<string>;
  offset?: number;
};

function book(faker: Faker, options: AppointmentOptions, slot: Slot): AppointmentRow | null {
  const { now } = options;
  const { clinician, type, startsAt } = slot;
  const endsAt = addMinutes(startsAt, type.durationMinutes);
  const source = pickSource(faker, type, startsAt <= now);
  const createdAt = bookedAt(faker, source, startsAt, now);

  let patientId = slot.patientId;
  if (!patientId) {
    const picked = pickPatient(faker, options, slot, createdAt);
    if (!picked) return null;
    patientId = picked;
  }
  const status = slot.status ?? pickStatus(faker, startsAt, endsAt, now, slot.offset ?? 0);
  const id = faker.string.uuid();
  const latest = new Date(Math.min(startsAt.getTime(), now.getTime()));
  const confirmedAt =
    status === 'pending' || status === 'cancelled'
      ? null
      : source === 'walk_in'
        ? createdAt
        : between(faker, createdAt, latest);
  const prepaid = type.requiresPrepayment || (source === 'booking_site' && chance(faker, 0.35));
  let paymentStatus: PaymentStatus = 'unpaid';
  if (status === 'completed') {
    paymentStatus = prepaid
      ? 'paid'
      : weighted(faker, [
          ['paid', 85],
          ['partly_paid', 4],
          ['waived', 3],
          ['unpaid', 8],
        ] as const);
  } else if (status === 'cancelled') {
    paymentStatus = prepaid ? 'refunded' : 'unpaid';
  } else if (prepaid) {
    paymentStatus = 'paid';
  }
  const cancelled = status === 'cancelled';
  return {
    id,
    organizationId: options.org.id,
    centreId: clinician.centreId,
    clinicianId: clinician.id,
    patientId,
    typeId: type.id,
    startsAt,
    endsAt,
    bufferBeforeMinutes: type.bufferBeforeMinutes,
    bufferAfterMinutes: type.bufferAfterMinutes,
    status,
    source,
    mode: type.mode,
    feeMinor: type.priceMinor,
    currency: CURRENCY,
    paymentStatus,
    confirmedAt,
    videoUrl: type.mode === 'online' ? `https://meet.jit.si/carelane-${id.replace(/-/g, '').slice(0, 12)}` : null,
    notes: chance(faker, 0.08) ? faker.helpers.arrayElement(DESK_NOTES) : null,
    cancellationReason: cancelled ? weighted(faker, CANCELLATION_REASONS) : null,
    cancelledAt: cancelled ? between(faker, createdAt, latest) : null,
    overbooked: false,
    createdById: source === 'booking_site' ? null : (options.deskStaff.get(clinician.centreKey) ?? null),
    createdAt,
  };
}

function pickSource(faker: Faker, type: BuiltType, started: boolean): AppointmentSource {
  if (type.mode === 'online')
    return weighted(faker, [
      ['booking_site', 6],
      ['dashboard', 2],
      ['phone', 2],
    ] as const);
  if (!type.onlineBookable) {
    return weighted(faker, [
      ['dashboard', 5],
      ['phone', 4],
      ['walk_in', started ? 1 : 0],
    ] as const);
  }
  return weighted(faker, [
    ['booking_site', 4],
    ['dashboard', 3],
    ['phone', 3],
    ['walk_in', started ? 2 : 0],
  ] as const);
}

/** When the booking was made: shortly before for walk-ins, hours to weeks before otherwise. */
function bookedAt(faker: Faker, source: AppointmentSource, startsAt: Date, now: Date): Date {
  if (source === 'walk_in') return addMinutes(startsAt, -faker.number.int({ min: 5, max: 45 }));
  const leadDays = weighted(faker, [
    [0, 20],
    [faker.number.int({ min: 1, max: 3 }), 40],
    [faker.number.int({ min: 4, max: 14 }), 30],
    [faker.number.int({ min: 15, max: 30 }), 10],
  ] as const);
  const created = new Date(startsAt.getTime() - leadDays * DAY - faker.number.int({ min: 60, max: 660 }) * MINUTE);
  if (created <= now) return created;
  return addMinutes(now, -faker.number.int({ min: 5, max: 3 * 24 * 60 }));
}

function pickStatus(faker: Faker, startsAt: Date, endsAt: Date, now: Date, offset: number): AppointmentStatus {
  const t = now.getTime();
  if (endsAt.getTime() <= t) {
    if (offset === 0) {
      // Today's earlier visits: mostly done; the last half hour may still be open at the desk.
      if (t - endsAt.getTime() < 30 * MINUTE && chance(faker, 0.3)) return 'checked_in';
      return weighted(faker, [
        ['completed', 90],
        ['no_show', 4],
        ['cancelled', 6],
      ] as const);
    }
    return weighted(faker, [
      ['completed', 82],
      ['no_show', 6],
      ['cancelled', 12],
    ] as const);
  }
  if (startsAt.getTime() <= t) return 'checked_in';
  if (startsAt.getTime() - t <= 20 * MINUTE) return chance(faker, 0.5) ? 'checked_in' : 'confirmed';
  if (offset === 0)
    return weighted(faker, [
      ['confirmed', 60],
      ['pending', 33],
      ['cancelled', 7],
    ] as const);
  if (offset <= 7)
    return weighted(faker, [
      ['confirmed', 45],
      ['pending', 50],
      ['cancelled', 5],
    ] as const);
  return weighted(faker, [
    ['confirmed', 30],
    ['pending', 64],
    ['cancelled', 6],
  ] as const);
}

function pickPatient(faker: Faker, options: AppointmentOptions, slot: Slot, createdAt: Date): string | null {
  const minAge = MIN_AGE[slot.type.specialisation] ?? 0;
  for (let attempt = 0; attempt < 25; attempt++) {
    const p = faker.helpers.arrayElement(options.patients);
    if (options.reserved?.has(p.id)) continue;
    if (slot.type.mode === 'in_person' && p.centreKey !== slot.clinician.centreKey) continue;
    if (p.age < minAge || p.createdAt > createdAt) continue;
    const key = `${p.id}|${slot.date}`;
    if (slot.busy?.has(key)) continue;
    slot.busy?.add(key);
    return p.id;
  }
  return null;
}

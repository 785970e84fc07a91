import type { StaffRole } from './constants';

export const APPOINTMENT_STATUSES = [
  'pending',
  'confirmed',
  'checked_in',
  'completed',
  'cancelled',
  'no_show',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  checked_in: 'Checked in',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

/** Statuses that occupy the clinician's time (the exclusion constraint's predicate agrees). */
export const OCCUPYING_STATUSES: readonly AppointmentStatus[] = [
  'pending',
  'confirmed',
  'checked_in',
  'completed',
  'no_show',
];

const TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  pending: ['confirmed', 'cancelled', 'checked_in', 'no_show'],
  confirmed: ['checked_in', 'cancelled', 'no_show'],
  checked_in: ['completed'],
  completed: [],
  cancelled: [],
  no_show: [],
};

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: AppointmentStatus): readonly AppointmentStatus[] {
  return TRANSITIONS[from];
}

/** Who may move an appointment into each status (staff). */
const ROLES_FOR: Record<Exclude<AppointmentStatus, 'pending'>, readonly StaffRole[]> = {
  confirmed: ['admin', 'manager', 'centre_manager', 'care_coordinator', 'front_desk', 'clinician'],
  checked_in: ['admin', 'manager', 'centre_manager', 'care_coordinator', 'front_desk', 'clinician'],
  completed: ['admin', 'manager', 'centre_manager', 'clinician'],
  no_show: ['admin', 'manager', 'centre_manager', 'care_coordinator', 'front_desk', 'clinician'],
  cancelled: ['admin', 'manager', 'centre_manager', 'care_coordinator', 'front_desk', 'clinician'],
};

export type TransitionCheck = { ok: true } | { ok: false; reason: string; code: 'FORBIDDEN' | 'CONFLICT' };

/**
 * Whether a staff member in `role` may move an appointment from `from` to `to` at `now`:
 * the status machine, the role table, and the clock (nobody is a no-show before their start).
 */
export function checkStaffTransition(
  role: StaffRole,
  from: AppointmentStatus,
  to: AppointmentStatus,
  startsAt: Date,
  now: Date,
): TransitionCheck {
  if (!canTransition(from, to)) {
    return {
      ok: false,
      code: 'CONFLICT',
      reason: `A ${APPOINTMENT_STATUS_LABELS[from].toLowerCase()} appointment cannot be marked ${APPOINTMENT_STATUS_LABELS[to].toLowerCase()}.`,
    };
  }
  if (to === 'pending' || !ROLES_FOR[to].includes(role)) {
    return { ok: false, code: 'FORBIDDEN', reason: 'Your role cannot make this change.' };
  }
  if (to === 'no_show' && now < startsAt) {
    return { ok: false, code: 'CONFLICT', reason: 'A patient cannot be a no-show before the appointment starts.' };
  }
  return { ok: true };
}

/** A patient's cancellation is late when it comes within `windowHours` of the start. */
export function isLateCancellation(startsAt: Date, now: Date, windowHours: number): boolean {
  return startsAt.getTime() - now.getTime() < windowHours * 3_600_000;
}

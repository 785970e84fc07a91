import { describe, expect, it } from 'vitest';
import {
  APPOINTMENT_STATUSES,
  canTransition,
  checkStaffTransition,
  isLateCancellation,
  nextStatuses,
} from '../src/appointment-status';

describe('appointment status machine', () => {
  it('follows pending -> confirmed -> checked_in -> completed', () => {
    expect(canTransition('pending', 'confirmed')).toBe(true);
    expect(canTransition('confirmed', 'checked_in')).toBe(true);
    expect(canTransition('checked_in', 'completed')).toBe(true);
  });
  it('final states have no way out', () => {
    for (const s of ['completed', 'cancelled', 'no_show'] as const) expect(nextStatuses(s)).toEqual([]);
  });
  it('never goes back to pending', () => {
    for (const s of APPOINTMENT_STATUSES) expect(canTransition(s, 'pending')).toBe(false);
  });
});

describe('staff transitions', () => {
  const start = new Date('2030-01-01T10:00:00Z');
  const before = new Date('2030-01-01T09:00:00Z');
  const after = new Date('2030-01-01T10:05:00Z');

  it('front desk checks a patient in; only clinical roles complete', () => {
    expect(checkStaffTransition('front_desk', 'confirmed', 'checked_in', start, before)).toEqual({ ok: true });
    expect(checkStaffTransition('front_desk', 'checked_in', 'completed', start, after)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(checkStaffTransition('clinician', 'checked_in', 'completed', start, after)).toEqual({ ok: true });
  });

  it('no-show only after the start', () => {
    expect(checkStaffTransition('front_desk', 'confirmed', 'no_show', start, before)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(checkStaffTransition('front_desk', 'confirmed', 'no_show', start, after)).toEqual({ ok: true });
  });

  it('a finished appointment cannot be cancelled', () => {
    const check = checkStaffTransition('admin', 'completed', 'cancelled', start, after);
    expect(check).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(check.ok === false && check.reason).toBe('A completed appointment cannot be marked cancelled.');
  });

  it('late cancellation is inside the window', () => {
    expect(isLateCancellation(start, new Date('2029-12-31T11:00:00Z'), 24)).toBe(true);
    expect(isLateCancellation(start, new Date('2029-12-31T09:00:00Z'), 24)).toBe(false);
    expect(isLateCancellation(start, before, 0)).toBe(false);
  });
});

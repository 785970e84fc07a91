import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES, canTransition, nextStatuses } from '../src/appointment-status';

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

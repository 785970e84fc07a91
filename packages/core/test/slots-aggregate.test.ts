import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateSlots, type ClinicianSlots, computeSlots } from '../src/slots';
import { MINUTE, queryArb } from './slots-fixtures';

const BASE = Date.UTC(2026, 0, 5, 9);
const key = (date: string, start: number, end: number) => `${date}|${start}|${end}`;

// Small grids so that clinicians often share slots; unsorted and repeated slots on purpose.
const clinicianArb = fc.record({
  days: fc.array(
    fc.record({
      date: fc.constantFrom('2026-01-05', '2026-01-06', '2026-01-07'),
      slots: fc.array(
        fc
          .record({ step: fc.integer({ min: 0, max: 12 }), length: fc.constantFrom(15, 30) })
          .map(({ step, length }) => ({
            start: BASE + step * 15 * MINUTE,
            end: BASE + (step * 15 + length) * MINUTE,
          })),
        { maxLength: 10 },
      ),
    }),
    { maxLength: 4 },
  ),
});
const clinicianListArb = fc
  .array(clinicianArb, { maxLength: 6 })
  .map((list) => list.map((c, i): ClinicianSlots => ({ clinicianId: `c${i}`, days: c.days })));

describe('aggregateSlots', () => {
  it('is exactly the union, each slot listing exactly the clinicians free then, in input order', () => {
    fc.assert(
      fc.property(clinicianListArb, (perClinician) => {
        const expected = new Map<string, string[]>();
        for (const { clinicianId, days } of perClinician) {
          for (const { date, slots } of days) {
            for (const s of slots) {
              const ids = expected.get(key(date, s.start, s.end)) ?? [];
              if (!ids.includes(clinicianId)) ids.push(clinicianId);
              expected.set(key(date, s.start, s.end), ids);
            }
          }
        }
        const actual = new Map<string, string[]>();
        for (const { date, slots } of aggregateSlots(perClinician)) {
          expect(slots.length).toBeGreaterThan(0);
          for (const s of slots) {
            expect(actual.has(key(date, s.start, s.end))).toBe(false);
            actual.set(key(date, s.start, s.end), s.clinicianIds);
          }
        }
        expect(actual).toEqual(expected);
      }),
    );
  });

  it('orders dates and, within a date, slots by start then end', () => {
    fc.assert(
      fc.property(clinicianListArb, (perClinician) => {
        const days = aggregateSlots(perClinician);
        const dates = days.map((d) => d.date);
        expect(dates).toEqual([...new Set(dates)].sort());
        for (const { slots } of days) {
          const order = slots.map((s) => [s.start, s.end] as const);
          expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
        }
      }),
    );
  });

  it('unites real engine output: every clinician free at a start is listed', () => {
    fc.assert(
      fc.property(fc.array(queryArb, { minLength: 1, maxLength: 4 }), (queries) => {
        const perClinician = queries.map((q, i) => ({ clinicianId: `c${i}`, days: computeSlots(q) }));
        const merged = aggregateSlots(perClinician);
        const total = (days: { slots: unknown[] }[]) => days.reduce((n, d) => n + d.slots.length, 0);
        const listed = merged.reduce((n, d) => n + d.slots.reduce((m, s) => m + s.clinicianIds.length, 0), 0);
        expect(listed).toBe(perClinician.reduce((n, c) => n + total(c.days), 0));
      }),
      { numRuns: 50 },
    );
  });

  it('lists a clinician passed twice once, and keeps the first-seen order', () => {
    const slot = { start: BASE, end: BASE + 30 * MINUTE };
    const later = { start: BASE + 30 * MINUTE, end: BASE + 60 * MINUTE };
    const result = aggregateSlots([
      { clinicianId: 'b', days: [{ date: '2026-01-05', slots: [later, slot] }] },
      { clinicianId: 'a', days: [{ date: '2026-01-05', slots: [slot] }] },
      { clinicianId: 'b', days: [{ date: '2026-01-05', slots: [slot] }] },
    ]);
    expect(result).toEqual([
      {
        date: '2026-01-05',
        slots: [
          { ...slot, clinicianIds: ['b', 'a'] },
          { ...later, clinicianIds: ['b'] },
        ],
      },
    ]);
    expect(aggregateSlots([])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { computeSlots, type DaySlots, type SlotQuery, type WeeklyRule } from '../src/slots';
import { formatLocalTime } from '../src/time';

const at = (iso: string) => Date.parse(iso);
const busyAt = (start: string, end: string, bufferBeforeMinutes = 0, bufferAfterMinutes = 0) => ({
  start: at(start),
  end: at(end),
  bufferBeforeMinutes,
  bufferAfterMinutes,
});
const iso = (t: number) => new Date(t).toISOString();

function rule(weekday: number, start: string, end: string, zone = 'UTC', extra: Partial<WeeklyRule> = {}): WeeklyRule {
  return { weekday, start, end, validFrom: '2026-01-01', validTo: null, zone, ...extra };
}

function query(overrides: Partial<SlotQuery>): SlotQuery {
  return {
    zone: 'UTC',
    rules: [],
    exceptions: [],
    busy: [],
    durationMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    intervalMinutes: 30,
    minimumNoticeMinutes: 0,
    horizonDays: 400,
    now: at('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

/** Each day as 'date: HH:MM HH:MM ...' in `zone`. */
const local = (days: DaySlots[], zone: string) =>
  days.map((d) => `${d.date}: ${d.slots.map((s) => formatLocalTime(new Date(s.start), zone)).join(' ')}`);

// 2026-01-05 is a Monday; every DST date below is a Sunday.
describe('computeSlots across DST changes', () => {
  it.each([
    ['America/New_York', '2026-03-08', '2026-03-08T13:00:00.000Z'],
    ['America/New_York', '2026-11-01', '2026-11-01T14:00:00.000Z'],
    ['Europe/London', '2026-03-29', '2026-03-29T08:00:00.000Z'],
    ['Europe/London', '2026-10-25', '2026-10-25T09:00:00.000Z'],
  ])('a 09:00–12:00 rule in %s on %s still runs 09:00–12:00 local', (zone, date, firstInstant) => {
    const days = computeSlots(query({ zone, rules: [rule(7, '09:00', '12:00', zone)], from: date, to: date }));
    expect(local(days, zone)).toEqual([`${date}: 09:00 09:30 10:00 10:30 11:00 11:30`]);
    expect(iso(days[0]?.slots[0]?.start ?? 0)).toBe(firstInstant);
  });

  it('Asia/Kolkata has no DST: 09:00 IST is 03:30Z all year', () => {
    for (const date of ['2026-01-05', '2026-07-06']) {
      const days = computeSlots(
        query({ zone: 'Asia/Kolkata', rules: [rule(1, '09:00', '10:00', 'Asia/Kolkata')], from: date, to: date }),
      );
      expect(days[0]?.slots.map((s) => iso(s.start))).toEqual([`${date}T03:30:00.000Z`, `${date}T04:00:00.000Z`]);
    }
  });

  it('a rule reaching into the spring-forward gap keeps the hours that exist', () => {
    const zone = 'America/New_York';
    const on = (start: string, end: string) =>
      computeSlots(query({ zone, rules: [rule(7, start, end, zone)], from: '2026-03-08', to: '2026-03-08' }));
    // 01:30 EST to 03:30 EDT is one real hour: 01:30 then, 30 minutes later, 03:00.
    expect(local(on('01:30', '03:30'), zone)).toEqual(['2026-03-08: 01:30 03:00']);
    expect(on('01:30', '03:30')[0]?.slots.map((s) => iso(s.start))).toEqual([
      '2026-03-08T06:30:00.000Z',
      '2026-03-08T07:00:00.000Z',
    ]);
    // A start inside the gap begins when the clock reaches 03:00; hours wholly inside it do not happen.
    expect(local(on('02:00', '04:00'), zone)).toEqual(['2026-03-08: 03:00 03:30']);
    expect(on('02:00', '02:45')).toEqual([]);
  });

  it('a rule across the fall-back hour runs from the first 01:00 to 03:00: three real hours', () => {
    const zone = 'America/New_York';
    const days = computeSlots(
      query({ zone, rules: [rule(7, '01:00', '03:00', zone)], from: '2026-11-01', to: '2026-11-01' }),
    );
    expect(local(days, zone)).toEqual(['2026-11-01: 01:00 01:30 01:00 01:30 02:00 02:30']);
  });

  it('groups by local date in the query zone, not the rule zone', () => {
    // Monday 00:00–01:00 in Kolkata is Sunday 18:30–19:30 UTC.
    const days = computeSlots(
      query({ rules: [rule(1, '00:00', '01:00', 'Asia/Kolkata')], from: '2026-01-04', to: '2026-01-05' }),
    );
    expect(local(days, 'UTC')).toEqual(['2026-01-04: 18:30 19:00']);
  });
});

describe('computeSlots: buffers, exceptions, notice, horizon, validity, mode', () => {
  const monday = { from: '2026-01-05', to: '2026-01-05' };

  it('widens busy blocks by their own buffers and the new slot by the type buffers', () => {
    const busy = [
      busyAt('2026-01-05T09:00:00Z', '2026-01-05T09:30:00Z', 0, 10),
      busyAt('2026-01-05T11:00:00Z', '2026-01-05T11:30:00Z', 10, 0),
    ];
    const base = query({ ...monday, rules: [rule(1, '09:00', '12:00')], busy, intervalMinutes: 5 });
    const times = (q: SlotQuery) => local(computeSlots(q), 'UTC')[0]?.split(' ').slice(1) ?? [];
    // Busy until 09:40 with its buffer; the new type needs 5 minutes before: 09:45. Its slot must end by 10:50,
    // and after 11:30 its own 5 minutes would push it past closing (the appointment must fit; buffers need not).
    const buffered = times({ ...base, bufferBeforeMinutes: 5 });
    expect(buffered[0]).toBe('09:45');
    expect(buffered.at(-1)).toBe('10:20');
    expect(times(base)[0]).toBe('09:40');
    expect(times(base).slice(-2)).toEqual(['10:20', '11:30']);
    expect(times({ ...base, bufferAfterMinutes: 10 }).slice(-2)).toEqual(['10:10', '11:30']);
  });

  it('time off removes part of a day, and extra hours cannot override it', () => {
    const days = computeSlots(
      query({
        ...monday,
        rules: [rule(1, '09:00', '17:00')],
        exceptions: [
          { kind: 'time_off', start: at('2026-01-05T12:00:00Z'), end: at('2026-01-05T13:30:00Z') },
          { kind: 'extra_hours', start: at('2026-01-05T12:30:00Z'), end: at('2026-01-05T13:00:00Z') },
        ],
      }),
    );
    expect(local(days, 'UTC')).toEqual([
      '2026-01-05: 09:00 09:30 10:00 10:30 11:00 11:30 13:30 14:00 14:30 15:00 15:30 16:00 16:30',
    ]);
  });

  it('a closure removes a whole day', () => {
    const days = computeSlots(
      query({
        rules: [1, 2, 3].map((d) => rule(d, '09:00', '10:00')),
        exceptions: [{ kind: 'closure', start: at('2026-01-06T00:00:00Z'), end: at('2026-01-07T00:00:00Z') }],
        from: '2026-01-05',
        to: '2026-01-07',
      }),
    );
    expect(local(days, 'UTC')).toEqual(['2026-01-05: 09:00 09:30', '2026-01-07: 09:00 09:30']);
  });

  it('extra hours add a Sunday', () => {
    const days = computeSlots(
      query({
        rules: [1, 2, 3, 4, 5, 6].map((d) => rule(d, '09:00', '10:00', 'Asia/Kolkata')),
        zone: 'Asia/Kolkata',
        exceptions: [{ kind: 'extra_hours', start: at('2026-01-11T04:30:00Z'), end: at('2026-01-11T06:30:00Z') }],
        from: '2026-01-10',
        to: '2026-01-11',
      }),
    );
    expect(local(days, 'Asia/Kolkata')).toEqual(['2026-01-10: 09:00 09:30', '2026-01-11: 10:00 10:30 11:00 11:30']);
  });

  it('minimum notice: nothing before now + notice, on the grid counted from the range start', () => {
    const days = computeSlots(
      query({
        rules: [rule(1, '09:00', '11:00')],
        now: at('2026-01-05T09:07:00Z'),
        minimumNoticeMinutes: 60,
        intervalMinutes: 15,
        durationMinutes: 15,
      }),
    );
    expect(local(days, 'UTC')[0]).toBe('2026-01-05: 10:15 10:30 10:45');
  });

  it('horizon: a start exactly at now + horizon is in, the next one is out', () => {
    const days = computeSlots(
      query({
        rules: [1, 2, 3, 4].map((d) => rule(d, '09:00', '10:00')),
        now: at('2026-01-05T09:00:00Z'),
        horizonDays: 2,
      }),
    );
    expect(local(days, 'UTC')).toEqual(['2026-01-05: 09:00 09:30', '2026-01-06: 09:00 09:30', '2026-01-07: 09:00']);
  });

  it('validFrom and validTo bound a rule, both inclusive', () => {
    const days = computeSlots(
      query({
        rules: [rule(1, '09:00', '09:30', 'UTC', { validFrom: '2026-01-12', validTo: '2026-01-19' })],
        to: '2026-02-28',
      }),
    );
    expect(days.map((d) => d.date)).toEqual(['2026-01-12', '2026-01-19']);
  });

  it('mode picks the rules of that mode and the rules without one', () => {
    const rules = [
      rule(1, '09:00', '09:30', 'UTC', { mode: 'in_person' }),
      rule(2, '09:00', '09:30', 'UTC', { mode: 'online' }),
      rule(3, '09:00', '09:30'),
    ];
    const dates = (mode?: 'online' | 'in_person') =>
      computeSlots(query({ rules, mode, from: '2026-01-05', to: '2026-01-07' })).map((d) => d.date);
    expect(dates('online')).toEqual(['2026-01-06', '2026-01-07']);
    expect(dates('in_person')).toEqual(['2026-01-05', '2026-01-07']);
    expect(dates()).toEqual(['2026-01-05', '2026-01-06', '2026-01-07']);
  });

  it('joins ranges that touch, so the grid runs on from the first one', () => {
    const rules = [rule(1, '09:00', '10:00'), rule(1, '10:00', '10:30')];
    const exceptions = [
      { kind: 'extra_hours' as const, start: at('2026-01-05T10:30:00Z'), end: at('2026-01-05T11:00:00Z') },
    ];
    const days = computeSlots(query({ ...monday, rules, exceptions, intervalMinutes: 45 }));
    expect(local(days, 'UTC')).toEqual(['2026-01-05: 09:00 09:45 10:30']);
  });

  it('accepts rules, exceptions and busy blocks in any order', () => {
    const busy = [
      busyAt('2026-01-05T10:00:00Z', '2026-01-05T10:30:00Z'),
      busyAt('2026-01-05T09:00:00Z', '2026-01-05T09:30:00Z'),
    ];
    const days = computeSlots(
      query({ ...monday, rules: [rule(1, '10:00', '11:00'), rule(1, '09:00', '10:00')], busy }),
    );
    expect(local(days, 'UTC')).toEqual(['2026-01-05: 09:30 10:30']);
  });

  it('refuses nonsense instead of looping or guessing', () => {
    expect(() => computeSlots(query({ intervalMinutes: 0 }))).toThrow(RangeError);
    expect(() => computeSlots(query({ durationMinutes: -5 }))).toThrow(RangeError);
    expect(() => computeSlots(query({ bufferAfterMinutes: Number.NaN }))).toThrow(RangeError);
    expect(() => computeSlots(query({ zone: 'Nowhere/Special' }))).toThrow(RangeError);
    expect(() => computeSlots(query({ rules: [rule(8, '09:00', '10:00')] }))).toThrow(RangeError);
    expect(() => computeSlots(query({ rules: [rule(1, '10:00', '09:00')] }))).toThrow(RangeError);
    expect(() => computeSlots(query({ from: '2026-13-01' }))).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { formatLocalTime } from '../src';
import { channelOrder, inQuietHours, planReminders, remindersToCancel, replanReminders } from '../src/messaging';

const NIGHT = { start: '21:00', end: '08:00' };
const iso = (s: string) => new Date(s);
const plan = (over: Partial<Parameters<typeof planReminders>[0]> & { startsAt: Date }) =>
  planReminders({
    bookedAt: iso('2026-11-01T00:00:00Z'),
    now: iso('2026-11-01T00:00:00Z'),
    schedule: [1440, 120],
    zone: 'Asia/Kolkata',
    quietHours: NIGHT,
    ...over,
  }).map((r) => ({ offset: r.offset, sendAt: r.sendAt.toISOString() }));

describe('planReminders in Asia/Kolkata with quiet hours 21:00-08:00', () => {
  it('sends the day before and two hours before, sorted', () => {
    // 10:00 IST on 10 December
    expect(plan({ startsAt: iso('2026-12-10T04:30:00Z') })).toEqual([
      { offset: 1440, sendAt: '2026-12-09T04:30:00.000Z' },
      { offset: 120, sendAt: '2026-12-10T02:30:00.000Z' },
    ]);
  });

  it('moves a reminder at 07:00 to the end of quiet hours, 08:00', () => {
    const [, two] = plan({ startsAt: iso('2026-12-10T03:30:00Z') }); // 09:00 IST
    expect(two).toEqual({ offset: 120, sendAt: '2026-12-10T02:30:00.000Z' });
  });

  it('moves it to 20:59 the evening before when 08:00 leaves less than 30 minutes', () => {
    const [, two] = plan({ startsAt: iso('2026-12-10T02:45:00Z') }); // 08:15 IST
    expect(two).toEqual({ offset: 120, sendAt: '2026-12-09T15:29:00.000Z' });
    expect(formatLocalTime(iso(two?.sendAt ?? ''), 'Asia/Kolkata')).toBe('20:59');
  });

  it('drops reminders that cannot leave quiet hours after a late-evening booking', () => {
    // booked 21:30 IST for 08:15 IST next morning: 20:59 is before the booking, 08:00 too close
    expect(plan({ startsAt: iso('2026-12-10T02:45:00Z'), bookedAt: iso('2026-12-09T16:00:00Z') })).toEqual([]);
  });

  it('drops a reminder due within 15 minutes of booking, keeps one at 15', () => {
    const startsAt = iso('2026-12-10T06:30:00Z'); // 12:00 IST; the 2-hour reminder at 10:00 IST
    expect(plan({ startsAt, bookedAt: iso('2026-12-10T04:20:00Z') })).toEqual([]);
    expect(plan({ startsAt, bookedAt: iso('2026-12-10T04:15:00Z') })).toEqual([
      { offset: 120, sendAt: '2026-12-10T04:30:00.000Z' },
    ]);
  });

  it('never sends a reminder whose time is past', () => {
    const startsAt = iso('2026-12-10T06:30:00Z');
    expect(plan({ startsAt, now: iso('2026-12-09T07:00:00Z') })).toEqual([
      { offset: 120, sendAt: '2026-12-10T04:30:00.000Z' },
    ]);
    expect(plan({ startsAt, now: iso('2026-12-10T07:00:00Z') })).toEqual([]);
  });

  it('ignores offsets at or after the start and repeated offsets', () => {
    expect(plan({ startsAt: iso('2026-12-10T06:30:00Z'), schedule: [0, -60, 90, 90] })).toEqual([
      { offset: 90, sendAt: '2026-12-10T05:00:00.000Z' },
    ]);
  });

  it('sends two reminders that quiet hours push onto the same minute once', () => {
    // 09:00 IST: 06:00 and 07:00 both move to 08:00; the earlier offset is kept
    expect(plan({ startsAt: iso('2026-12-10T03:30:00Z'), schedule: [180, 120] })).toEqual([
      { offset: 180, sendAt: '2026-12-10T02:30:00.000Z' },
    ]);
  });

  it('without quiet hours sends at night too', () => {
    expect(plan({ startsAt: iso('2026-12-10T03:30:00Z'), schedule: [120], quietHours: null })).toEqual([
      { offset: 120, sendAt: '2026-12-10T01:30:00.000Z' },
    ]);
  });

  it('quiet hours within a day (13:00-14:00) move a 13:30 reminder to 14:00', () => {
    const lunch = { start: '13:00', end: '14:00' };
    expect(plan({ startsAt: iso('2026-12-10T10:00:00Z'), schedule: [120], quietHours: lunch })).toEqual([
      { offset: 120, sendAt: '2026-12-10T08:30:00.000Z' },
    ]);
    expect(inQuietHours(iso('2026-12-10T08:30:00Z'), 'Asia/Kolkata', lunch)).toBe(false);
  });
});

describe('quiet hours', () => {
  it('refuses times that are not HH:mm', () => {
    for (const bad of ['24:00', '8:00', '08:60', '']) {
      expect(() => inQuietHours(iso('2026-12-10T00:00:00Z'), 'UTC', { start: bad, end: '08:00' })).toThrow(RangeError);
    }
  });

  it('start equal to end means no quiet hours', () => {
    expect(inQuietHours(iso('2026-12-10T00:00:00Z'), 'UTC', { start: '00:00', end: '00:00' })).toBe(false);
  });
});

describe('planReminders across New York DST changes', () => {
  const ny = (startsAt: string, schedule: number[], quietHours: typeof NIGHT | null = NIGHT) =>
    plan({
      startsAt: iso(startsAt),
      bookedAt: iso('2026-01-01T00:00:00Z'),
      now: iso('2026-01-01T00:00:00Z'),
      schedule,
      zone: 'America/New_York',
      quietHours,
    });

  it('the day before keeps the wall clock: 23 hours before after spring forward', () => {
    // Monday 9 March 2026 10:00 EDT; Sunday 8 March 10:00 EDT is 23 hours earlier
    expect(ny('2026-03-09T14:00:00Z', [1440])).toEqual([{ offset: 1440, sendAt: '2026-03-08T14:00:00.000Z' }]);
  });

  it('and 25 hours before across fall back', () => {
    // Sunday 1 November 2026 10:00 EST; Saturday 10:00 EDT
    expect(ny('2026-11-01T15:00:00Z', [1440])).toEqual([{ offset: 1440, sendAt: '2026-10-31T14:00:00.000Z' }]);
  });

  it('other offsets are exact durations', () => {
    expect(ny('2026-03-08T14:00:00Z', [600], null)).toEqual([{ offset: 600, sendAt: '2026-03-08T04:00:00.000Z' }]);
  });

  it('the end of quiet hours on the spring-forward morning is 08:00 EDT', () => {
    // 09:00 EDT on 8 March; three hours before is 06:00 EDT, in quiet hours
    const [r] = ny('2026-03-08T13:00:00Z', [180]);
    expect(r).toEqual({ offset: 180, sendAt: '2026-03-08T12:00:00.000Z' });
  });

  it('the start of quiet hours the evening before fall back is 20:59 EDT', () => {
    // 08:10 EST on 1 November; 06:10 is quiet and 08:00 too close, so 20:59 EDT on 31 October
    const [r] = ny('2026-11-01T13:10:00Z', [120]);
    expect(r).toEqual({ offset: 120, sendAt: '2026-11-01T00:59:00.000Z' });
  });
});

describe('moving and cancelling', () => {
  const sent = { offset: 1440, sendAt: iso('2026-12-09T04:30:00Z'), sentAt: iso('2026-12-09T04:30:05Z') };
  const due = { offset: 120, sendAt: iso('2026-12-10T02:30:00Z'), sentAt: null };

  it('cancelling stops every reminder not yet sent, overdue ones too', () => {
    expect(remindersToCancel([sent, due])).toEqual([due]);
  });

  it('moving cancels the unsent reminders and plans afresh from the move', () => {
    const moved = replanReminders([sent, due], {
      startsAt: iso('2026-12-12T06:30:00Z'),
      bookedAt: iso('2026-12-10T00:00:00Z'),
      now: iso('2026-12-10T00:00:00Z'),
      schedule: [1440, 120],
      zone: 'Asia/Kolkata',
      quietHours: NIGHT,
    });
    expect(moved.cancel).toEqual([due]);
    expect(moved.plan.map((r) => r.sendAt.toISOString())).toEqual([
      '2026-12-11T06:30:00.000Z',
      '2026-12-12T04:30:00.000Z',
    ]);
  });
});

describe('channelOrder', () => {
  const patient = {
    firstName: 'Asha',
    phone: '+919876500001',
    email: 'asha@example.com',
    consentSms: true,
    consentWhatsapp: true,
    consentEmail: true,
  };

  it('follows the organization order, each channel once', () => {
    expect(channelOrder(patient, ['email', 'whatsapp', 'email', 'sms'])).toEqual(['email', 'whatsapp', 'sms']);
  });

  it('leaves out channels without consent or an address', () => {
    expect(channelOrder({ ...patient, consentWhatsapp: false, email: null }, ['whatsapp', 'sms', 'email'])).toEqual([
      'sms',
    ]);
  });

  it('never uses a channel the organization did not list', () => {
    expect(channelOrder(patient, ['sms'])).toEqual(['sms']);
    expect(channelOrder({ ...patient, consentSms: false }, ['sms'])).toEqual([]);
  });
});

import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type AppointmentIcsInput, appointmentIcs } from '../src/messaging/ics';

const base: AppointmentIcsInput = {
  uid: '3f2b8c1e-9a4d-4e7b-8f10-2c3d4e5f6a7b@carelane',
  startsAt: new Date('2026-12-10T04:30:00Z'),
  endsAt: new Date('2026-12-10T05:00:00Z'),
  summary: 'Consultation with Dr. Meera',
  description: 'Sunrise Health Clinics\nPlease arrive 10 minutes early; bring your reports, if any.',
  location: 'Sunrise Indiranagar, 12 CMH Road, Bengaluru',
  organizer: { name: 'Sunrise Health Clinics', email: 'appointments@sunrise.example' },
  attendee: { name: 'Asha Rao', email: 'asha@example.com' },
  url: 'https://book.sunrise.example/appointments/3f2b8c1e',
  method: 'REQUEST',
  sequence: 0,
  stamp: new Date('2026-12-01T09:15:00Z'),
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const HINDI = '🦷 डॉ. मीरा के साथ परामर्श; दंत चिकित्सा, जाँच\\ और सफ़ाई — कृपया 10 मिनट पहले पहुँचें।\nधन्यवाद';

describe('appointmentIcs', () => {
  it('parses back with every field, times in UTC', () => {
    const text = appointmentIcs(base);
    const { calendar, vevent, event } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(base.uid);
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe(base.summary);
    expect(event.description).toBe(base.description);
    expect(event.location).toBe(base.location);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-10T04:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-10T05:00:00.000Z');
    expect(vevent.getFirstPropertyValue('url')).toBe(base.url);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(vevent.getFirstPropertyValue('organizer'))).toBe('mailto:appointments@sunrise.example');
    // ical-generator spells the scheme MAILTO for attendees; URI schemes are case-insensitive
    expect(String(vevent.getFirstPropertyValue('attendee')).toLowerCase()).toBe('mailto:asha@example.com');
    expect(text).toContain('DTSTART:20261210T043000Z');
    expect(text).toContain('DTSTAMP:20261201T091500Z');
    expect(text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
  });

  it('escapes , ; \\ and newlines and folds long Hindi text at 75 octets, not characters', () => {
    const text = appointmentIcs({ ...base, summary: HINDI, description: HINDI.repeat(4), location: HINDI });
    const lines = text.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // Folding happened, and never inside a character: no line holds half of a surrogate pair.
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) expect(line).not.toMatch(LONE_SURROGATE);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('परामर्श\\; दंत चिकित्सा\\, जाँच\\\\ और');
    expect(unfolded).toContain('पहुँचें।\\nधन्यवाद');
    const { event } = parse(text);
    expect(event.summary).toBe(HINDI);
    expect(event.description).toBe(HINDI.repeat(4));
    expect(event.location).toBe(HINDI);
  });

  it('never folds inside a four-octet character, whatever the offset', () => {
    for (let pad = 0; pad < 4; pad++) {
      const summary = `${'x'.repeat(pad)}${'🦷'.repeat(40)}`;
      const text = appointmentIcs({ ...base, summary });
      for (const line of text.split('\r\n')) {
        expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        expect(line).not.toMatch(LONE_SURROGATE);
      }
      expect(parse(text).event.summary).toBe(summary);
    }
  });

  it('a cancellation has the same UID, a higher SEQUENCE, METHOD:CANCEL and STATUS:CANCELLED', () => {
    const { calendar, vevent, event } = parse(appointmentIcs({ ...base, method: 'CANCEL', sequence: 1 }));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.uid).toBe(base.uid);
    expect(event.sequence).toBe(1);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('leaves out URL and ATTENDEE when not given', () => {
    const text = appointmentIcs({ ...base, url: undefined, attendee: undefined });
    expect(text).not.toMatch(/^URL/m);
    expect(text).not.toMatch(/^ATTENDEE/m);
    expect(parse(text).event.uid).toBe(base.uid);
  });
});

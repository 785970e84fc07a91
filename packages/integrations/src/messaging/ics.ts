import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export type AppointmentIcsInput = {
  /** Stable for the appointment's life (e.g. "<appointment id>@<clinic domain>"): a calendar
   * updates or removes the event it already holds by this id. */
  uid: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description: string;
  location: string;
  organizer: { name: string; email: string };
  attendee?: { name: string; email: string };
  url?: string;
  method: 'REQUEST' | 'CANCEL';
  /** Raised on every change, so the calendar takes the newest version (a cancellation included). */
  sequence: number;
  /** When this version was written (DTSTAMP); defaults to now. */
  stamp?: Date;
};

/**
 * An RFC 5545 calendar file for an appointment, as attached to booking and reminder emails. Times
 * are written in UTC; ical-generator escapes text (, ; \ and newlines) and folds lines at 75
 * octets of UTF-8. A cancellation is METHOD:CANCEL with STATUS:CANCELLED, the same UID and a
 * higher SEQUENCE, which makes calendars drop the event.
 */
export function appointmentIcs(input: AppointmentIcsInput): string {
  const cancel = input.method === 'CANCEL';
  const calendar = ical({
    prodId: { company: 'Carelane', product: 'Carelane', language: 'EN' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    stamp: input.stamp ?? new Date(),
    start: input.startsAt,
    end: input.endsAt,
    summary: input.summary,
    description: input.description,
    location: input.location,
    organizer: input.organizer,
    attendees: input.attendee ? [{ ...input.attendee, rsvp: false }] : [],
    url: input.url ?? null,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

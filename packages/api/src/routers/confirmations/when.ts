import { localDateTimeParts } from '@carelane/core';

/** "Tue 3 Dec" and "6:00 pm" at the centre, as reminders word them. */
export function visitWhen(startsAt: Date, zone: string) {
  return localDateTimeParts(startsAt, zone, 'en');
}

import type { MessageLanguage } from './kinds';

/**
 * Dates and times as messages say them, in the centre's zone whatever zone the server runs in:
 * English "Tue 3 Dec" and "6:00 pm"; Hindi "मंगल 3 दिस॰" and "शाम 6:00" (the time of day in
 * words, as Hindi speakers say it). Every name comes from Intl (ICU), none is written here.
 */

const LOCALES: Record<MessageLanguage, string> = { en: 'en-GB', hi: 'hi-IN' };

const formatters = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formattersFor(zone: string, language: MessageLanguage) {
  const key = `${language} ${zone}`;
  let found = formatters.get(key);
  if (!found) {
    const locale = LOCALES[language];
    found = {
      date: new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }),
      // en-GB with hour12 would say "0:00 pm" at noon; hourCycle h12 says "12:00 pm".
      time:
        language === 'hi'
          ? new Intl.DateTimeFormat(locale, { timeZone: zone, hour: 'numeric', minute: '2-digit', dayPeriod: 'short' })
          : new Intl.DateTimeFormat(locale, { timeZone: zone, hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }),
    };
    formatters.set(key, found);
  }
  return found;
}

/**
 * The `date` and `time` template values of an instant. The date is assembled from its parts so
 * both languages read "weekday day month" without the comma hi-IN puts after the weekday.
 */
export function localDateTimeParts(
  instant: Date,
  zone: string,
  language: MessageLanguage,
): { date: string; time: string } {
  const { date, time } = formattersFor(zone, language);
  const parts = date.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('weekday')} ${part('day')} ${part('month')}`, time: time.format(instant) };
}

/** "Tue 3 Dec, 6:00 pm" / "मंगल 3 दिस॰, शाम 6:00". */
export function formatLocalDateTime(instant: Date, zone: string, language: MessageLanguage): string {
  const { date, time } = localDateTimeParts(instant, zone, language);
  return `${date}, ${time}`;
}

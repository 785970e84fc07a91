import type { FormRequestState, NotificationChannel } from '@carelane/core';

/** An instant on the clinic's clock (the viewer's computer may be set to another zone). */
export function formWhen(value: Date | string, zone: string | undefined): string {
  return new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(
    new Date(value),
  );
}

/** Each state's words and colours; text carries the meaning, colour only helps (all pass AA contrast). */
export const FORM_STATES: Record<FormRequestState, { label: string; className: string }> = {
  sent: { label: 'Sent', className: 'bg-sky-100 text-sky-900 ring-sky-300' },
  opened: { label: 'Opened', className: 'bg-amber-100 text-amber-900 ring-amber-300' },
  submitted: { label: 'Submitted', className: 'bg-emerald-100 text-emerald-900 ring-emerald-300' },
  expired: { label: 'Expired', className: 'bg-slate-100 text-slate-700 ring-slate-300' },
  revoked: { label: 'Revoked', className: 'bg-slate-200 text-slate-800 ring-slate-400' },
  locked: { label: 'Locked', className: 'bg-red-100 text-red-900 ring-red-300' },
};

export const CHANNEL_LABELS: Record<NotificationChannel, string> = { sms: 'SMS', whatsapp: 'WhatsApp', email: 'email' };

/** "SMS and WhatsApp" from stored channel names; one the dashboard does not know is shown as stored. */
export function channelNames(channels: readonly string[]): string {
  const names = channels.map((c) => (c in CHANNEL_LABELS ? CHANNEL_LABELS[c as NotificationChannel] : c));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

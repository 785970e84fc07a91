import { NOTIFICATION_CHANNEL_NAMES as CHANNEL_NAMES, type NotificationChannel } from './constants';

/** What a patient record says about reaching them on each channel. */
export type ContactConsent = {
  firstName: string;
  phone: string | null;
  email: string | null;
  consentSms: boolean;
  consentWhatsapp: boolean;
  consentEmail: boolean;
};

/**
 * Why a message may not go to the patient on this channel (no consent, nowhere to send it), as a
 * sentence for the front desk; null when it may. Consent is checked before the address, because
 * without consent the address does not matter.
 */
export function channelRefusal(patient: ContactConsent, channel: NotificationChannel): string | null {
  const consent = { sms: patient.consentSms, whatsapp: patient.consentWhatsapp, email: patient.consentEmail }[channel];
  if (!consent) return `${patient.firstName} has not agreed to ${CHANNEL_NAMES[channel]} messages.`;
  if (channel === 'email' && !patient.email) return `${patient.firstName} has no email address on record.`;
  if (channel !== 'email' && !patient.phone) return `${patient.firstName} has no phone number on record.`;
  return null;
}

/** Where a message on this channel goes: the email address or the phone number. */
export function channelRecipient(patient: ContactConsent, channel: NotificationChannel): string | null {
  return channel === 'email' ? patient.email : patient.phone;
}

/**
 * The first channel in `order` the patient may be reached on (consent and address), or null.
 * Organizations get their own fallback order with the messaging work; this is the default.
 */
export function firstAllowedChannel(
  patient: ContactConsent,
  order: readonly NotificationChannel[] = ['whatsapp', 'sms', 'email'],
): NotificationChannel | null {
  return order.find((channel) => channelRefusal(patient, channel) === null) ?? null;
}

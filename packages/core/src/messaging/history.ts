import { type ContactConsent, channelRefusal } from '../consent';
import type { NotificationChannel } from '../constants';

/**
 * A recipient as the Messages page shows it: a phone number keeps its last 4 digits, an email its
 * first letter and its domain ("a***@x.com"). Enough to tell two recipients apart, not to reach one.
 */
export function maskRecipient(recipient: string): string {
  const at = recipient.lastIndexOf('@');
  if (at >= 0) {
    const first = recipient.slice(0, 1);
    return `${at > 0 ? first : ''}***${recipient.slice(at)}`;
  }
  const digits = recipient.replace(/\D/g, '');
  return `•••• ${digits.slice(-4)}`;
}

/** Kinds about a visit that only make sense while the visit is still ahead and not cancelled. */
const VISIT_KINDS: ReadonlySet<string> = new Set(['booking_confirmation', 'reminder']);

export type ResendFacts = {
  kind: string;
  channel: NotificationChannel;
  /** The patient the message went to today, or null for a staff notice. */
  patient: ContactConsent | null;
  /** The visit the message is about, or null. */
  appointment: { status: string; startsAt: Date } | null;
  now: Date;
};

/**
 * Why a message may not be sent again, as a sentence for the front desk; null when it may. Sign-in
 * codes carry a secret and expire; a patient who withdrew consent is not written to; a reminder or
 * confirmation of a visit that is cancelled or over would mislead.
 */
export function resendRefusal(facts: ResendFacts): string | null {
  if (facts.kind === 'otp_sign_in') return 'Sign-in codes are never resent; the patient can ask for a new one.';
  if (facts.patient) {
    const refusal = channelRefusal(facts.patient, facts.channel);
    if (refusal) return refusal;
  }
  if (VISIT_KINDS.has(facts.kind) && facts.appointment) {
    if (facts.appointment.status === 'cancelled') return 'The visit was cancelled, so this message would mislead.';
    if (facts.appointment.startsAt.getTime() <= facts.now.getTime()) {
      return 'The visit has already taken place, so this message is no longer useful.';
    }
  }
  return null;
}

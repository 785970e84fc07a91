import { type ContactConsent, channelRefusal } from '../consent';
import type { NotificationChannel } from '../constants';

/**
 * The channels to try for a message, in order: the organization's fallback order, each channel
 * once, keeping only those the patient agreed to and has an address for. The first is where the
 * message goes; the rest are tried in turn when a channel fails. Empty: the message cannot go.
 */
export function channelOrder(
  patient: ContactConsent,
  orgFallbackOrder: readonly NotificationChannel[],
): NotificationChannel[] {
  return [...new Set(orgFallbackOrder)].filter((channel) => channelRefusal(patient, channel) === null);
}

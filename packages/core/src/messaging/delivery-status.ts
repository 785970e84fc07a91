/** What a provider's status callback can say about a message, Twilio's words (Gallabox's map onto them). */
export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'undelivered', 'failed', 'read'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * How far along a message is. Delivered, undelivered and failed are alternative ends, so once
 * one is known the others are late or contradictory reports and are ignored; only 'read' goes further.
 */
const RANK: Record<DeliveryStatus, number> = { queued: 0, sent: 1, delivered: 2, undelivered: 2, failed: 2, read: 3 };

export function isDeliveryStatus(value: string): value is DeliveryStatus {
  return (DELIVERY_STATUSES as readonly string[]).includes(value);
}

/**
 * The delivery status after a callback reports `reported`, or null when nothing changes:
 * callbacks arrive out of order, so a status never moves backwards (a late 'sent' after
 * 'delivered' is dropped).
 */
export function nextDeliveryStatus(current: string | null, reported: DeliveryStatus): DeliveryStatus | null {
  const now = current !== null && isDeliveryStatus(current) ? RANK[current] : -1;
  return RANK[reported] > now ? reported : null;
}

export function isDeliveryFailure(status: DeliveryStatus): boolean {
  return status === 'failed' || status === 'undelivered';
}

export function isDelivered(status: DeliveryStatus): boolean {
  return status === 'delivered' || status === 'read';
}

/** Twilio's most common delivery error codes, in words a receptionist can act on. */
const TWILIO_ERRORS: Record<string, string> = {
  '30001': 'too many messages queued',
  '30002': 'account suspended',
  '30003': 'unreachable',
  '30004': 'blocked by the recipient',
  '30005': 'unknown number',
  '30006': 'landline or unreachable carrier',
  '30007': 'filtered as spam by the carrier',
  '30008': 'unknown error',
};

const PROVIDER_NAMES: Record<string, string> = { twilio: 'Twilio', gallabox: 'WhatsApp (Gallabox)' };

/** The reason stored on a message its provider could not deliver, e.g. "Twilio could not deliver it (error 30003: unreachable)". */
export function deliveryFailureReason(provider: string, errorCode: string | null | undefined): string {
  const name = PROVIDER_NAMES[provider] ?? provider;
  if (!errorCode) return `${name} could not deliver it`;
  const meaning = provider === 'twilio' ? TWILIO_ERRORS[errorCode] : undefined;
  return `${name} could not deliver it (error ${errorCode}${meaning ? `: ${meaning}` : ''})`;
}

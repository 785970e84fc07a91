import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  deliveryFailureReason,
  nextDeliveryStatus,
} from '../src/messaging/delivery-status';

const ORDER: Record<DeliveryStatus, number> = { queued: 0, sent: 1, delivered: 2, undelivered: 2, failed: 2, read: 3 };

function replay(statuses: DeliveryStatus[]): string | null {
  let current: string | null = null;
  for (const status of statuses) current = nextDeliveryStatus(current, status) ?? current;
  return current;
}

describe('nextDeliveryStatus', () => {
  it('moves forward and ignores late or contradictory reports', () => {
    expect(nextDeliveryStatus(null, 'sent')).toBe('sent');
    expect(nextDeliveryStatus('sent', 'delivered')).toBe('delivered');
    expect(nextDeliveryStatus('delivered', 'sent')).toBeNull();
    expect(nextDeliveryStatus('delivered', 'delivered')).toBeNull();
    expect(nextDeliveryStatus('delivered', 'read')).toBe('read');
    expect(nextDeliveryStatus('read', 'delivered')).toBeNull();
    expect(nextDeliveryStatus('sent', 'failed')).toBe('failed');
    expect(nextDeliveryStatus('delivered', 'failed')).toBeNull();
    expect(nextDeliveryStatus('failed', 'delivered')).toBeNull();
  });

  it('treats a stored value it does not know as no status yet', () => {
    expect(nextDeliveryStatus('something-else', 'queued')).toBe('queued');
  });

  it('never moves backwards and ends at the furthest status reported, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DELIVERY_STATUSES), { maxLength: 12 }), (statuses) => {
        let current: string | null = null;
        for (const status of statuses) {
          const next = nextDeliveryStatus(current, status);
          if (next !== null) {
            expect(current === null || ORDER[next] > ORDER[current as DeliveryStatus]).toBe(true);
            current = next;
          }
        }
        const furthest = Math.max(-1, ...statuses.map((one) => ORDER[one]));
        const final = replay(statuses);
        expect(final === null ? -1 : ORDER[final as DeliveryStatus]).toBe(furthest);
      }),
    );
  });
});

describe('deliveryFailureReason', () => {
  it('names the provider and explains known Twilio codes', () => {
    expect(deliveryFailureReason('twilio', '30003')).toBe('Twilio could not deliver it (error 30003: unreachable)');
    expect(deliveryFailureReason('twilio', '39999')).toBe('Twilio could not deliver it (error 39999)');
    expect(deliveryFailureReason('gallabox', null)).toBe('WhatsApp (Gallabox) could not deliver it');
  });
});

import fc from 'fast-check';
import { validatePaymentVerification, validateWebhookSignature } from 'razorpay/dist/utils/razorpay-utils';
import { describe, expect, it } from 'vitest';
import { RazorpayGateway } from '../src/payments/razorpay';
import { hmacHex } from '../src/payments/signatures';

const gatewayFor = (keySecret: string, webhookSecret: string) =>
  new RazorpayGateway({ keyId: 'rzp_test_key', keySecret, webhookSecret, baseUrl: 'http://127.0.0.1:9' });

const secret = fc.string({ minLength: 1, maxLength: 40 });
const id = fc.stringMatching(/^[A-Za-z0-9]{14}$/);

/** A valid signature, the same with one hex digit changed, cut short, or made longer. */
function variants(valid: string) {
  const last = valid.at(-1) === '0' ? '1' : '0';
  return { valid, tampered: `${valid.slice(0, -1)}${last}`, short: valid.slice(0, -2), long: `${valid}00` };
}

describe('Razorpay signatures agree with the official SDK helpers', () => {
  it('webhook bodies: valid, tampered and wrong-length signatures', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), secret, (body, webhookSecret) => {
        const gateway = gatewayFor('key-secret', webhookSecret);
        for (const signature of Object.values(variants(hmacHex(body, webhookSecret)))) {
          const sdk = validateWebhookSignature(body, signature, webhookSecret);
          expect(gateway.verifyWebhook(body, signature)).toBe(sdk);
          expect(gateway.verifyWebhook(Buffer.from(body), signature)).toBe(sdk);
        }
        expect(gateway.verifyWebhook(body, hmacHex(body, webhookSecret))).toBe(true);
      }),
    );
  });

  it('a body changed after signing fails for both', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), secret, (body, extra, webhookSecret) => {
        const signature = hmacHex(body, webhookSecret);
        const gateway = gatewayFor('key-secret', webhookSecret);
        expect(gateway.verifyWebhook(body + extra, signature)).toBe(false);
        expect(validateWebhookSignature(body + extra, signature, webhookSecret)).toBe(false);
      }),
    );
  });

  it('payment signatures of an order', () => {
    fc.assert(
      fc.property(id, id, secret, (order, payment, keySecret) => {
        const orderId = `order_${order}`;
        const paymentId = `pay_${payment}`;
        const gateway = gatewayFor(keySecret, 'webhook-secret');
        for (const signature of Object.values(variants(hmacHex(`${orderId}|${paymentId}`, keySecret)))) {
          const sdk = validatePaymentVerification({ order_id: orderId, payment_id: paymentId }, signature, keySecret);
          expect(gateway.verifyPaymentSignature({ orderId, paymentId, signature })).toBe(sdk);
        }
        const valid = hmacHex(`${orderId}|${paymentId}`, keySecret);
        expect(gateway.verifyPaymentSignature({ orderId, paymentId, signature: valid })).toBe(true);
        // Another key's signature, or the ids swapped, are refused.
        expect(gatewayFor(`${keySecret}x`, 'w').verifyPaymentSignature({ orderId, paymentId, signature: valid })).toBe(
          false,
        );
        expect(gateway.verifyPaymentSignature({ orderId: paymentId, paymentId: orderId, signature: valid })).toBe(
          false,
        );
      }),
    );
  });

  it('payment link callback signatures', () => {
    fc.assert(
      fc.property(id, id, fc.string({ maxLength: 40 }), secret, (link, payment, referenceId, keySecret) => {
        const input = { paymentLinkId: `plink_${link}`, referenceId, status: 'paid', paymentId: `pay_${payment}` };
        const gateway = gatewayFor(keySecret, 'webhook-secret');
        const valid = hmacHex(`${input.paymentLinkId}|${referenceId}|paid|${input.paymentId}`, keySecret);
        for (const signature of Object.values(variants(valid))) {
          const sdk = validatePaymentVerification(
            {
              payment_link_id: input.paymentLinkId,
              payment_link_reference_id: referenceId,
              payment_link_status: 'paid',
              payment_id: input.paymentId,
            },
            signature,
            keySecret,
          );
          expect(gateway.verifyPaymentLinkSignature({ ...input, signature })).toBe(sdk);
        }
      }),
    );
  });

  it('an empty or non-hex signature is simply false', () => {
    const gateway = gatewayFor('k', 'w');
    expect(gateway.verifyWebhook('{}', '')).toBe(false);
    expect(gateway.verifyWebhook('{}', 'é'.repeat(32))).toBe(false);
    expect(gateway.verifyPaymentSignature({ orderId: 'order_1', paymentId: 'pay_1', signature: '' })).toBe(false);
  });
});

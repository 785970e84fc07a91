import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmacHex(message: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(message).digest('hex');
}

/** Compares in constant time; a signature of another length is simply wrong. */
export function signatureMatches(message: string | Buffer, signature: string, secret: string): boolean {
  const expected = Buffer.from(hmacHex(message, secret), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** What Checkout signs with the key secret after an order is paid. */
export function paymentSignaturePayload(orderId: string, paymentId: string): string {
  return `${orderId}|${paymentId}`;
}

/** What the payment link callback signs with the key secret. */
export function paymentLinkSignaturePayload(link: {
  paymentLinkId: string;
  referenceId: string;
  status: string;
  paymentId: string;
}): string {
  return `${link.paymentLinkId}|${link.referenceId}|${link.status}|${link.paymentId}`;
}

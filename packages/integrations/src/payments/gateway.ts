/** What the API calls to take money online; Razorpay is the one implementation (real or fake server). */
export type GatewayOrder = {
  orderId: string;
  amountMinor: number;
  currency: string;
  status: 'created' | 'attempted' | 'paid';
};

export type GatewayPayment = {
  id: string;
  orderId: string | null;
  amountMinor: number;
  amountRefundedMinor: number;
  currency: string;
  status: 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';
  method: string | null;
  errorCode: string | null;
  errorDescription: string | null;
  createdAt: Date;
};

export type GatewayPaymentLink = {
  id: string;
  shortUrl: string;
  status: 'created' | 'partially_paid' | 'expired' | 'cancelled' | 'paid';
};

export type GatewayRefund = {
  id: string;
  paymentId: string;
  amountMinor: number;
  status: 'pending' | 'processed' | 'failed';
};

export type CreateOrderInput = {
  amountMinor: number;
  currency: string;
  receipt: string;
  notes?: Record<string, string>;
};

export type CreatePaymentLinkInput = {
  amountMinor: number;
  currency: string;
  description: string;
  customer: { name?: string; contact?: string; email?: string };
  referenceId: string;
  /** The link stops working at this instant (Razorpay wants it at least 15 minutes ahead). */
  expireBy?: Date;
  callbackUrl?: string;
  /** Carelane sends links through its own outbox, so Razorpay's SMS/email stay off by default. */
  notify?: boolean;
  notes?: Record<string, string>;
};

export type CreateRefundInput = {
  paymentId: string;
  /** Omitted: the whole amount not yet refunded. */
  amountMinor?: number;
  notes?: Record<string, string>;
};

/** Razorpay's hosted (redirect) Checkout: the patient's browser posts these fields to `action`. */
export type CheckoutFormInput = {
  orderId: string;
  /** Razorpay posts the payment id, order id and signature (or the error) here. */
  callbackUrl: string;
  /** Where "Cancel" on the checkout page goes. */
  cancelUrl?: string;
  /** The clinic's name as the payee. */
  name: string;
  description: string;
  prefill?: { name?: string; contact?: string; email?: string };
};

export type CheckoutForm = { action: string; fields: Record<string, string> };

export type PaymentSignatureInput = { orderId: string; paymentId: string; signature: string };

export type PaymentLinkSignatureInput = {
  paymentLinkId: string;
  referenceId: string;
  status: string;
  paymentId: string;
  signature: string;
};

export interface PaymentGateway {
  createOrder(input: CreateOrderInput): Promise<GatewayOrder>;
  fetchPayment(paymentId: string): Promise<GatewayPayment>;
  createPaymentLink(input: CreatePaymentLinkInput): Promise<GatewayPaymentLink>;
  createRefund(input: CreateRefundInput): Promise<GatewayRefund>;
  /** Stops an unpaid link (once its visit is paid another way). */
  cancelPaymentLink(linkId: string): Promise<GatewayPaymentLink>;
  /** The form that opens hosted Checkout for an order; no request is made. */
  checkoutForm(input: CheckoutFormInput): CheckoutForm;
  /** Checks the signature Checkout hands back after a payment of an order. */
  verifyPaymentSignature(input: PaymentSignatureInput): boolean;
  /** Checks the signature on the callback after a payment link is paid. */
  verifyPaymentLinkSignature(input: PaymentLinkSignatureInput): boolean;
  /** Checks `X-Razorpay-Signature` against the exact bytes received. */
  verifyWebhook(rawBody: string | Buffer, signature: string): boolean;
}

export type GatewayErrorKind = 'unauthorized' | 'bad_request' | 'unavailable' | 'server';

/**
 * A refusal or failure of the gateway. Carries Razorpay's error code and field, never request
 * bodies or credentials, so it is safe to log.
 */
export class PaymentGatewayError extends Error {
  override readonly name = 'PaymentGatewayError';
  constructor(
    readonly kind: GatewayErrorKind,
    readonly statusCode: number | null,
    readonly code: string,
    readonly description: string,
    readonly field: string | null = null,
  ) {
    super(`Payment gateway ${kind}${statusCode === null ? '' : ` (${statusCode})`}: ${code}`);
  }
}

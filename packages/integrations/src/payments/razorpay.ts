import Razorpay from 'razorpay';
import type {
  CheckoutForm,
  CheckoutFormInput,
  CreateOrderInput,
  CreatePaymentLinkInput,
  CreateRefundInput,
  GatewayOrder,
  GatewayPayment,
  GatewayPaymentLink,
  GatewayRefund,
  PaymentGateway,
  PaymentLinkSignatureInput,
  PaymentSignatureInput,
} from './gateway';
import { PaymentGatewayError } from './gateway';
import { paymentLinkSignaturePayload, paymentSignaturePayload, signatureMatches } from './signatures';

export type RazorpayConfig = {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  /** The fake server's URL in development and tests; omitted, the SDK's own host (the real Razorpay). */
  baseUrl?: string;
};

// The SDK keeps its axios instance untyped; this is the one place Carelane reaches into it.
type SdkInternals = { api: { rq: { defaults: { baseURL?: string; timeout?: number } } } };

const TIMEOUT_MS = 15_000;
const RAZORPAY_HOST = 'https://api.razorpay.com';

/** The payment gateway through the official Razorpay SDK. */
export class RazorpayGateway implements PaymentGateway {
  private readonly client: Razorpay;

  constructor(private readonly config: RazorpayConfig) {
    this.client = new Razorpay({ key_id: config.keyId, key_secret: config.keySecret });
    const internals = this.client as unknown as SdkInternals;
    if (config.baseUrl !== undefined) internals.api.rq.defaults.baseURL = config.baseUrl;
    internals.api.rq.defaults.timeout = TIMEOUT_MS;
  }

  async createOrder(input: CreateOrderInput): Promise<GatewayOrder> {
    const order = await call(() =>
      this.client.orders.create({
        amount: input.amountMinor,
        currency: input.currency,
        receipt: input.receipt,
        notes: input.notes ?? {},
      }),
    );
    return {
      orderId: order.id,
      amountMinor: Number(order.amount),
      currency: order.currency,
      status: order.status,
    };
  }

  async fetchPayment(paymentId: string): Promise<GatewayPayment> {
    const payment = await call(() => this.client.payments.fetch(paymentId));
    return {
      id: payment.id,
      orderId: payment.order_id ?? null,
      amountMinor: Number(payment.amount),
      amountRefundedMinor: payment.amount_refunded ?? 0,
      currency: payment.currency,
      status: payment.status,
      method: payment.method ?? null,
      errorCode: payment.error_code ?? null,
      errorDescription: payment.error_description ?? null,
      createdAt: new Date(payment.created_at * 1000),
    };
  }

  async createPaymentLink(input: CreatePaymentLinkInput): Promise<GatewayPaymentLink> {
    const notify = input.notify ?? false;
    const link = await call(() =>
      this.client.paymentLink.create({
        amount: input.amountMinor,
        currency: input.currency,
        description: input.description,
        customer: input.customer,
        reference_id: input.referenceId,
        ...(input.expireBy ? { expire_by: Math.floor(input.expireBy.getTime() / 1000) } : {}),
        ...(input.callbackUrl ? { callback_url: input.callbackUrl, callback_method: 'get' } : {}),
        notify: { sms: notify, email: notify },
        reminder_enable: false,
        notes: input.notes ?? {},
      }),
    );
    return { id: link.id, shortUrl: link.short_url, status: link.status };
  }

  async createRefund(input: CreateRefundInput): Promise<GatewayRefund> {
    const refund = await call(() =>
      this.client.payments.refund(input.paymentId, {
        ...(input.amountMinor === undefined ? {} : { amount: input.amountMinor }),
        notes: input.notes ?? {},
      }),
    );
    return {
      id: refund.id,
      paymentId: refund.payment_id,
      amountMinor: Number(refund.amount),
      status: refund.status,
    };
  }

  async cancelPaymentLink(linkId: string): Promise<GatewayPaymentLink> {
    const link = await call(() => this.client.paymentLink.cancel(linkId));
    return { id: link.id, shortUrl: link.short_url, status: link.status };
  }

  checkoutForm(input: CheckoutFormInput): CheckoutForm {
    const prefill = input.prefill ?? {};
    const fields: Record<string, string> = {
      key_id: this.config.keyId,
      order_id: input.orderId,
      name: input.name,
      description: input.description,
      callback_url: input.callbackUrl,
      ...(input.cancelUrl ? { cancel_url: input.cancelUrl } : {}),
      ...(prefill.name ? { 'prefill[name]': prefill.name } : {}),
      ...(prefill.contact ? { 'prefill[contact]': prefill.contact } : {}),
      ...(prefill.email ? { 'prefill[email]': prefill.email } : {}),
    };
    return { action: `${(this.config.baseUrl ?? RAZORPAY_HOST).replace(/\/$/, '')}/v1/checkout/embedded`, fields };
  }

  verifyPaymentSignature(input: PaymentSignatureInput): boolean {
    const payload = paymentSignaturePayload(input.orderId, input.paymentId);
    return signatureMatches(payload, input.signature, this.config.keySecret);
  }

  verifyPaymentLinkSignature(input: PaymentLinkSignatureInput): boolean {
    return signatureMatches(paymentLinkSignaturePayload(input), input.signature, this.config.keySecret);
  }

  verifyWebhook(rawBody: string | Buffer, signature: string): boolean {
    return signatureMatches(rawBody, signature, this.config.webhookSecret);
  }
}

type SdkError = { statusCode: number | string; error?: { code?: string; description?: string; field?: string } };

function isSdkError(value: unknown): value is SdkError {
  return typeof value === 'object' && value !== null && 'statusCode' in value;
}

/** Turns the SDK's thrown plain objects (or axios' network errors) into one typed error. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!isSdkError(error)) {
      // The SDK's error handler itself throws a TypeError when there was no response at all;
      // a plain Error is the SDK refusing an argument (an empty id) before sending anything.
      if (error instanceof TypeError) throw new PaymentGatewayError('unavailable', null, 'NETWORK_ERROR', 'No answer');
      throw new PaymentGatewayError('bad_request', null, 'BAD_REQUEST_ERROR', 'A required id is missing');
    }
    const status = Number(error.statusCode);
    const kind = status === 401 ? 'unauthorized' : status >= 500 ? 'server' : 'bad_request';
    throw new PaymentGatewayError(
      kind,
      status,
      error.error?.code ?? 'UNKNOWN',
      error.error?.description ?? '',
      typeof error.error?.field === 'string' ? error.error.field : null,
    );
  }
}

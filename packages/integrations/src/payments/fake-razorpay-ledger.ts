import {
  type ErrorBody,
  errorBody,
  newId,
  newPayment,
  notesOf,
  nowSeconds,
  type OrderEntity,
  type PaymentEntity,
  type PaymentLinkEntity,
  type RefundEntity,
} from './fake-razorpay-entities';
import type { DeliveryOptions, WebhookSender } from './fake-razorpay-webhooks';
import { hmacHex, paymentLinkSignaturePayload, paymentSignaturePayload } from './signatures';

/** A refusal in Razorpay's words, answered as `status` with `body`. */
export class FakeRazorpayError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.error.description);
  }
}

function refuse(description: string, field?: string): never {
  throw new FakeRazorpayError(400, errorBody('BAD_REQUEST_ERROR', description, field));
}

export type PayOptions = DeliveryOptions & { succeed: boolean };

export type PayResult = {
  payment: PaymentEntity;
  /** What Checkout hands the merchant, signed with the key secret; null when the payment failed. */
  signature: string | null;
  /** Settles once the webhooks of this payment were attempted. */
  delivered: Promise<void>;
};

const snapshot = <T>(entity: T) => ({ entity: structuredClone(entity) as object });

/** The fake's in-memory accounts: orders, payments, links, refunds and the webhooks they cause. */
export class FakeLedger {
  readonly orders = new Map<string, OrderEntity>();
  readonly payments = new Map<string, PaymentEntity>();
  readonly paymentLinks = new Map<string, PaymentLinkEntity>();
  readonly refunds = new Map<string, RefundEntity>();

  constructor(
    private readonly keySecret: string,
    private readonly webhooks: WebhookSender,
    private readonly baseUrl: () => string,
  ) {}

  createOrder(body: Record<string, unknown>): OrderEntity {
    const amount = minorAmount(body.amount, 'amount');
    const currency = currencyOf(body.currency);
    const receipt = body.receipt === undefined || body.receipt === null ? null : String(body.receipt);
    if (receipt !== null && receipt.length > 40) refuse('receipt: the length must be no more than 40.', 'receipt');
    const order: OrderEntity = {
      id: newId('order'),
      entity: 'order',
      amount,
      amount_paid: 0,
      amount_due: amount,
      currency,
      receipt,
      offer_id: null,
      status: 'created',
      attempts: 0,
      notes: notesOf(body.notes),
      created_at: nowSeconds(),
    };
    this.orders.set(order.id, order);
    return order;
  }

  pay(orderId: string, options: PayOptions, payer?: { email?: string; contact?: string }): PayResult {
    const order = this.found(this.orders, orderId);
    if (order.status === 'paid') refuse('Order has already been paid', 'order_id');
    const payment = newPayment(order, options.succeed, payer);
    this.payments.set(payment.id, payment);
    order.attempts += 1;
    if (!options.succeed) {
      order.status = 'attempted';
      const delivered = this.webhooks.send(
        [{ event: 'payment.failed', payload: { payment: snapshot(payment) } }],
        options,
      );
      return { payment, signature: null, delivered };
    }
    Object.assign(order, { status: 'paid', amount_paid: order.amount, amount_due: 0 });
    const authorized = { ...payment, status: 'authorized', captured: false };
    const delivered = this.webhooks.send(
      [
        { event: 'payment.authorized', payload: { payment: snapshot(authorized) } },
        { event: 'payment.captured', payload: { payment: snapshot(payment) } },
        { event: 'order.paid', payload: { payment: snapshot(payment), order: snapshot(order) } },
      ],
      options,
    );
    return { payment, signature: hmacHex(paymentSignaturePayload(order.id, payment.id), this.keySecret), delivered };
  }

  createPaymentLink(body: Record<string, unknown>): PaymentLinkEntity {
    const amount = minorAmount(body.amount, 'amount');
    const currency = currencyOf(body.currency);
    const referenceId = typeof body.reference_id === 'string' ? body.reference_id : '';
    if (referenceId !== '' && [...this.paymentLinks.values()].some((link) => link.reference_id === referenceId)) {
      refuse(`Payment Link with reference id ${referenceId} already exists`, 'reference_id');
    }
    const expireBy = typeof body.expire_by === 'number' ? body.expire_by : 0;
    if (expireBy !== 0 && expireBy < nowSeconds() + 15 * 60) {
      refuse('expire_by should be at least 15 minutes after current time', 'expire_by');
    }
    const customer = typeof body.customer === 'object' && body.customer !== null ? body.customer : {};
    const notify = typeof body.notify === 'object' && body.notify !== null ? body.notify : {};
    const id = newId('plink');
    const now = nowSeconds();
    const link: PaymentLinkEntity = {
      id,
      accept_partial: false,
      amount,
      amount_paid: 0,
      callback_method: typeof body.callback_method === 'string' ? body.callback_method : '',
      callback_url: typeof body.callback_url === 'string' ? body.callback_url : '',
      cancelled_at: 0,
      created_at: now,
      currency,
      customer: structuredClone(customer),
      description: typeof body.description === 'string' ? body.description : '',
      expire_by: expireBy,
      expired_at: 0,
      first_min_partial_amount: 0,
      notes: Array.isArray(notesOf(body.notes)) ? null : (notesOf(body.notes) as Record<string, string>),
      notify: { email: false, sms: false, whatsapp: false, ...notify },
      payments: null,
      reference_id: referenceId,
      reminder_enable: body.reminder_enable === true,
      reminders: [],
      short_url: `${this.baseUrl()}/i/${id}`,
      status: 'created',
      updated_at: now,
      upi_link: false,
      user_id: '',
    };
    this.paymentLinks.set(id, link);
    return link;
  }

  cancelPaymentLink(linkId: string): PaymentLinkEntity {
    const link = this.found(this.paymentLinks, linkId);
    if (link.status !== 'created') refuse(`Payment link is ${link.status}`, 'id');
    const now = nowSeconds();
    Object.assign(link, { status: 'cancelled', cancelled_at: now, updated_at: now });
    return link;
  }

  payLink(linkId: string, options: PayOptions): PayResult {
    const link = this.found(this.paymentLinks, linkId);
    if (link.status !== 'created') refuse(`Payment link is ${link.status}`, 'id');
    if (link.expire_by > 0 && link.expire_by < nowSeconds()) refuse('Payment link is expired', 'id');
    const order = this.createOrder({ amount: link.amount, currency: link.currency });
    // The link's own webhooks stand in for the order's when it is paid.
    const paid = this.pay(order.id, { ...options, succeed: options.succeed }, link.customer);
    if (!options.succeed) return paid;
    const { payment } = paid;
    const now = nowSeconds();
    Object.assign(link, { status: 'paid', amount_paid: link.amount, updated_at: now });
    link.payments = [
      {
        amount: payment.amount,
        created_at: now,
        method: payment.method,
        payment_id: payment.id,
        plink_id: link.id,
        status: 'captured',
        updated_at: now,
      },
    ];
    const signature = hmacHex(
      paymentLinkSignaturePayload({
        paymentLinkId: link.id,
        referenceId: link.reference_id,
        status: link.status,
        paymentId: payment.id,
      }),
      this.keySecret,
    );
    const linkEvents = this.webhooks.send(
      [
        {
          event: 'payment_link.paid',
          payload: { payment_link: snapshot(link), order: snapshot(order), payment: snapshot(payment) },
        },
      ],
      options,
    );
    return { payment, signature, delivered: Promise.all([paid.delivered, linkEvents]).then(() => undefined) };
  }

  refund(paymentId: string, body: Record<string, unknown>): { refund: RefundEntity; delivered: Promise<void> } {
    const payment = this.found(this.payments, paymentId);
    if (!payment.captured) refuse('The payment has not been captured', 'payment_id');
    const left = payment.amount - payment.amount_refunded;
    if (left === 0) refuse('The payment has been fully refunded already', 'payment_id');
    const amount = body.amount === undefined ? left : minorAmount(body.amount, 'amount', 1);
    if (amount > left) refuse('The refund amount provided is greater than amount captured', 'amount');
    const refund: RefundEntity = {
      id: newId('rfnd'),
      entity: 'refund',
      amount,
      currency: payment.currency,
      payment_id: payment.id,
      notes: notesOf(body.notes),
      receipt: null,
      acquirer_data: { arn: null },
      created_at: nowSeconds(),
      batch_id: null,
      status: 'processed',
      speed_processed: 'normal',
      speed_requested: 'normal',
    };
    this.refunds.set(refund.id, refund);
    payment.amount_refunded += amount;
    payment.refund_status = payment.amount_refunded === payment.amount ? 'full' : 'partial';
    if (payment.refund_status === 'full') payment.status = 'refunded';
    const delivered = this.webhooks.send([
      { event: 'refund.processed', payload: { refund: snapshot(refund), payment: snapshot(payment) } },
    ]);
    return { refund, delivered };
  }

  found<T>(map: Map<string, T>, id: string): T {
    const entity = map.get(id);
    if (entity === undefined) refuse('The id provided does not exist', 'id');
    return entity;
  }
}

function minorAmount(value: unknown, field: string, minimum = 100): number {
  const amount = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) refuse(`The ${field} must be an integer.`, field);
  if (amount < minimum) refuse(`The ${field} must be at least ${minimum} (in the smallest unit).`, field);
  return amount;
}

function currencyOf(value: unknown): string {
  if (value === undefined) return 'INR';
  if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) refuse('The currency provided is invalid.', 'currency');
  return value;
}

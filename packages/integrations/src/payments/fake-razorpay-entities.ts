import { randomInt } from 'node:crypto';

// Entities as the real API returns them (see razorpay/dist/types), kept as plain JSON objects.
export type Notes = Record<string, string | number>;

export type OrderEntity = {
  id: string;
  entity: 'order';
  amount: number;
  amount_paid: number;
  amount_due: number;
  currency: string;
  receipt: string | null;
  offer_id: null;
  status: 'created' | 'attempted' | 'paid';
  attempts: number;
  notes: Notes | [];
  created_at: number;
};

export type PaymentEntity = {
  id: string;
  entity: 'payment';
  amount: number;
  currency: string;
  status: 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';
  order_id: string;
  invoice_id: null;
  international: boolean;
  method: string;
  amount_refunded: number;
  refund_status: null | 'partial' | 'full';
  captured: boolean;
  description: string | null;
  card_id: null;
  bank: null;
  wallet: null;
  vpa: string;
  email: string;
  contact: string;
  notes: Notes | [];
  fee: number | null;
  tax: number | null;
  error_code: string | null;
  error_description: string | null;
  error_source: string | null;
  error_step: string | null;
  error_reason: string | null;
  acquirer_data: { rrn: string | null; upi_transaction_id: string | null };
  created_at: number;
};

export type PaymentLinkEntity = {
  id: string;
  accept_partial: boolean;
  amount: number;
  amount_paid: number;
  callback_method: string;
  callback_url: string;
  cancelled_at: number;
  created_at: number;
  currency: string;
  customer: { name?: string; contact?: string; email?: string };
  description: string;
  expire_by: number;
  expired_at: number;
  first_min_partial_amount: number;
  notes: Notes | null;
  notify: { email: boolean; sms: boolean; whatsapp: boolean };
  payments: Array<{
    amount: number;
    created_at: number;
    method: string;
    payment_id: string;
    plink_id: string;
    status: 'captured' | 'failed';
    updated_at: number;
  }> | null;
  reference_id: string;
  reminder_enable: boolean;
  reminders: [];
  short_url: string;
  status: 'created' | 'partially_paid' | 'expired' | 'cancelled' | 'paid';
  updated_at: number;
  upi_link: boolean;
  user_id: string;
};

export type RefundEntity = {
  id: string;
  entity: 'refund';
  amount: number;
  currency: string;
  payment_id: string;
  notes: Notes | [];
  receipt: null;
  acquirer_data: { arn: string | null };
  created_at: number;
  batch_id: null;
  status: 'pending' | 'processed' | 'failed';
  speed_processed: 'instant' | 'normal';
  speed_requested: 'normal' | 'optimum';
};

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Razorpay ids: a prefix and 14 base62 characters, e.g. `order_Ny3xG1TqVh2Pw8`. */
export function newId(prefix: 'order' | 'pay' | 'plink' | 'rfnd' | 'acc' | ''): string {
  let id = '';
  for (let i = 0; i < 14; i += 1) id += ID_CHARS[randomInt(ID_CHARS.length)];
  return prefix === '' ? id : `${prefix}_${id}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Razorpay returns notes as `[]` when there are none. */
export function notesOf(value: unknown): Notes | [] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const notes: Notes = {};
  for (const [key, note] of Object.entries(value)) {
    if (typeof note === 'string' || typeof note === 'number') notes[key] = note;
  }
  return Object.keys(notes).length === 0 ? [] : notes;
}

export type ErrorBody = {
  error: {
    code: string;
    description: string;
    source: string;
    step: string;
    reason: string;
    metadata: Record<string, string>;
    field?: string;
  };
};

export function errorBody(code: string, description: string, field?: string): ErrorBody {
  return {
    error: {
      code,
      description,
      source: field ? 'business' : 'NA',
      step: field ? 'payment_initiation' : 'NA',
      reason: field ? 'input_validation_failed' : 'NA',
      metadata: {},
      ...(field ? { field } : {}),
    },
  };
}

export function newPayment(
  order: OrderEntity,
  succeed: boolean,
  payer: { email?: string; contact?: string } = {},
): PaymentEntity {
  return {
    id: newId('pay'),
    entity: 'payment',
    amount: order.amount,
    currency: order.currency,
    status: succeed ? 'captured' : 'failed',
    order_id: order.id,
    invoice_id: null,
    international: false,
    method: 'upi',
    amount_refunded: 0,
    refund_status: null,
    captured: succeed,
    description: null,
    card_id: null,
    bank: null,
    wallet: null,
    vpa: succeed ? 'success@razorpay' : 'failure@razorpay',
    email: payer.email ?? 'void@razorpay.com',
    contact: payer.contact ?? '+919000090000',
    notes: [],
    // Razorpay's 2% plus 18% GST on the fee, in paise.
    fee: succeed ? Math.floor((order.amount * 236) / 10_000) : null,
    tax: succeed ? Math.floor((order.amount * 36) / 10_000) : null,
    error_code: succeed ? null : 'BAD_REQUEST_ERROR',
    error_description: succeed ? null : 'Payment failed',
    error_source: succeed ? null : 'customer',
    error_step: succeed ? null : 'payment_authentication',
    error_reason: succeed ? null : 'payment_failed',
    acquirer_data: { rrn: succeed ? String(randomInt(1e11, 1e12 - 1)) : null, upi_transaction_id: null },
    created_at: nowSeconds(),
  };
}

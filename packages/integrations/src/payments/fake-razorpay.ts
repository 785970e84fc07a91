import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { checkoutPage, messagePage, postToCallbackPage, resultPage } from './fake-razorpay-checkout';
import { errorBody, newId, type RefundEntity } from './fake-razorpay-entities';
import { FakeLedger, FakeRazorpayError, type PayOptions, type PayResult } from './fake-razorpay-ledger';
import { type Delivery, type DeliveryOptions, WebhookSender } from './fake-razorpay-webhooks';

export type FakeRazorpayOptions = {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  webhookUrl?: string;
  /** 0 or omitted: a free port the system picks. */
  port?: number;
  host?: string;
};

export type CheckoutOptions = { callbackUrl?: string; callbackMethod?: 'post' | 'get' };

export type FakeRazorpay = {
  /** Pass as `baseUrl` of RazorpayGateway. */
  url: string;
  ledger: FakeLedger;
  /** Every webhook sent, in the order sent. */
  deliveries: Delivery[];
  setWebhookUrl(url: string | undefined): void;
  /** The local checkout page of an order (what Razorpay Checkout shows the patient). */
  checkoutUrl(orderId: string, options?: CheckoutOptions): string;
  /** Pays (or fails) an order as Checkout would and waits for its webhooks. */
  pay(orderId: string, options: PayOptions): Promise<{ paymentId: string; orderId: string; signature: string | null }>;
  /** Pays a payment link as its page would and waits for its webhooks. */
  payLink(linkId: string, options?: Partial<PayOptions>): Promise<{ paymentId: string; signature: string | null }>;
  /** Refunds as from the Razorpay dashboard and waits for the `refund.processed` webhook. */
  refund(paymentId: string, options?: { amountMinor?: number } & DeliveryOptions): Promise<RefundEntity>;
  /** Resolves once every webhook started so far has been attempted. */
  settled(): Promise<void>;
  close(): Promise<void>;
};

/**
 * A local stand-in for Razorpay, for development and tests: the REST endpoints Carelane uses with
 * Razorpay's request and response shapes, Basic auth by key, a checkout page that can succeed or
 * fail, and webhooks signed with the webhook secret.
 */
export async function startFakeRazorpay(options: FakeRazorpayOptions): Promise<FakeRazorpay> {
  const webhooks = new WebhookSender(newId('acc'), options.webhookSecret, options.webhookUrl);
  let url = '';
  const ledger = new FakeLedger(options.keySecret, webhooks, () => url);
  const expectedAuth = Buffer.from(`Basic ${Buffer.from(`${options.keyId}:${options.keySecret}`).toString('base64')}`);

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof FakeRazorpayError) return sendJson(response, error.status, error.body);
      if (!response.headersSent) sendJson(response, 500, errorBody('SERVER_ERROR', 'The server encountered an error'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await text(request);
    const address = new URL(request.url ?? '/', 'http://fake');
    const [section, id, action] = address.pathname.slice(1).split('/');
    // Hosted Checkout is a browser form post with the key id, not an authenticated API call.
    if (address.pathname === '/v1/checkout/embedded' && request.method === 'POST') {
      return handleEmbeddedCheckout(response, raw);
    }
    if (section === 'v1') return handleApi(request, response, raw, address.pathname.slice(3));
    if (section === 'checkout' && id !== undefined && action === undefined) {
      return handleCheckout(request, response, raw, address, id);
    }
    if (section === 'i' && id !== undefined && action === undefined) {
      return handleLinkPage(request, response, raw, id);
    }
    sendHtml(response, 404, messagePage('Not found'));
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, raw: string, path: string) {
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expectedAuth.length || !timingSafeEqual(given, expectedAuth)) {
      return sendJson(response, 401, errorBody('BAD_REQUEST_ERROR', 'Authentication failed'));
    }
    const body = parseJson(raw);
    const [, collection, id, action] = path.split('/');
    const method = request.method;
    if (method === 'POST' && collection === 'orders' && id === undefined) {
      return sendJson(response, 200, ledger.createOrder(body));
    }
    if (method === 'GET' && collection === 'orders' && id && !action) {
      return sendJson(response, 200, ledger.found(ledger.orders, id));
    }
    if (method === 'GET' && collection === 'payments' && id && !action) {
      return sendJson(response, 200, ledger.found(ledger.payments, id));
    }
    if (method === 'POST' && collection === 'payments' && id && action === 'refund') {
      return sendJson(response, 200, ledger.refund(id, body).refund);
    }
    if (method === 'POST' && collection === 'payment_links' && id === undefined) {
      return sendJson(response, 200, ledger.createPaymentLink(body));
    }
    if (method === 'POST' && collection === 'payment_links' && id && action === 'cancel') {
      return sendJson(response, 200, ledger.cancelPaymentLink(id));
    }
    if (method === 'GET' && collection === 'payment_links' && id && !action) {
      return sendJson(response, 200, ledger.found(ledger.paymentLinks, id));
    }
    sendJson(response, 400, errorBody('BAD_REQUEST_ERROR', 'The requested URL was not found on the server.'));
  }

  /** Razorpay's redirect Checkout entry: the merchant's form fields, then the same page as /checkout/:id. */
  function handleEmbeddedCheckout(response: ServerResponse, raw: string) {
    const form = new URLSearchParams(raw);
    if (form.get('key_id') !== options.keyId) return sendHtml(response, 401, messagePage('Unknown key'));
    const orderId = form.get('order_id') ?? '';
    const order = ledger.orders.get(orderId);
    if (!order) return sendHtml(response, 404, messagePage('No such order'));
    if (order.status === 'paid') return sendHtml(response, 409, messagePage('This order is already paid'));
    const action = new URL(`/checkout/${orderId}`, url);
    const callbackUrl = form.get('callback_url');
    if (callbackUrl) action.searchParams.set('callback_url', callbackUrl);
    const title = [form.get('name'), form.get('description')].filter(Boolean).join(': ');
    const page = checkoutPage({
      title: title || `Order ${order.receipt ?? order.id}`,
      ...amountOf(order),
      action: `${action.pathname}${action.search}`,
      cancelUrl: form.get('cancel_url') ?? undefined,
    });
    sendHtml(response, 200, page);
  }

  async function handleCheckout(
    request: IncomingMessage,
    response: ServerResponse,
    raw: string,
    address: URL,
    orderId: string,
  ) {
    const order = ledger.orders.get(orderId);
    if (!order) return sendHtml(response, 404, messagePage('No such order'));
    if (order.status === 'paid') return sendHtml(response, 409, messagePage('This order is already paid'));
    if (request.method !== 'POST') {
      const action = `/checkout/${orderId}${address.search}`;
      return sendHtml(
        response,
        200,
        checkoutPage({ title: `Order ${order.receipt ?? order.id}`, ...amountOf(order), action }),
      );
    }
    const succeed = new URLSearchParams(raw).get('outcome') === 'pay';
    const paid = ledger.pay(orderId, { succeed });
    void paid.delivered;
    const fields = succeed
      ? { razorpay_payment_id: paid.payment.id, razorpay_order_id: orderId, razorpay_signature: paid.signature ?? '' }
      : failureFields(paid, orderId);
    const callbackUrl = address.searchParams.get('callback_url');
    if (callbackUrl === null)
      return sendHtml(response, 200, resultPage(succeed ? 'Payment successful' : 'Payment failed', fields));
    if (address.searchParams.get('callback_method') === 'get') return redirect(response, callbackUrl, fields);
    sendHtml(response, 200, postToCallbackPage(callbackUrl, fields));
  }

  async function handleLinkPage(request: IncomingMessage, response: ServerResponse, raw: string, linkId: string) {
    const link = ledger.paymentLinks.get(linkId);
    if (!link) return sendHtml(response, 404, messagePage('No such payment link'));
    if (link.status !== 'created') return sendHtml(response, 409, messagePage(`This payment link is ${link.status}`));
    if (request.method !== 'POST') {
      const page = checkoutPage({
        title: link.description,
        amountMinor: link.amount,
        currency: link.currency,
        action: `/i/${linkId}`,
      });
      return sendHtml(response, 200, page);
    }
    const succeed = new URLSearchParams(raw).get('outcome') === 'pay';
    const paid = ledger.payLink(linkId, { succeed });
    void paid.delivered;
    if (!succeed) return sendHtml(response, 200, messagePage('Payment failed'));
    const fields = linkCallbackFields(linkId, paid);
    if (link.callback_url === '') return sendHtml(response, 200, resultPage('Payment successful', fields));
    redirect(response, link.callback_url, fields);
  }

  function linkCallbackFields(linkId: string, paid: PayResult): Record<string, string> {
    const link = ledger.found(ledger.paymentLinks, linkId);
    return {
      razorpay_payment_id: paid.payment.id,
      razorpay_payment_link_id: link.id,
      razorpay_payment_link_reference_id: link.reference_id,
      razorpay_payment_link_status: link.status,
      razorpay_signature: paid.signature ?? '',
    };
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  url = `http://${options.host ?? '127.0.0.1'}:${port}`;

  return {
    url,
    ledger,
    deliveries: webhooks.deliveries,
    setWebhookUrl: (webhookUrl) => {
      webhooks.webhookUrl = webhookUrl;
    },
    checkoutUrl: (orderId, checkout = {}) => {
      const address = new URL(`/checkout/${orderId}`, url);
      if (checkout.callbackUrl) address.searchParams.set('callback_url', checkout.callbackUrl);
      if (checkout.callbackMethod) address.searchParams.set('callback_method', checkout.callbackMethod);
      return address.toString();
    },
    async pay(orderId, payOptions) {
      const paid = ledger.pay(orderId, payOptions);
      await paid.delivered;
      return { paymentId: paid.payment.id, orderId, signature: paid.signature };
    },
    async payLink(linkId, payOptions = {}) {
      const paid = ledger.payLink(linkId, { ...payOptions, succeed: payOptions.succeed ?? true });
      await paid.delivered;
      return { paymentId: paid.payment.id, signature: paid.signature };
    },
    async refund(paymentId, refundOptions = {}) {
      const body = refundOptions.amountMinor === undefined ? {} : { amount: refundOptions.amountMinor };
      const { refund, delivered } = ledger.refund(paymentId, body);
      await delivered;
      return refund;
    },
    settled: () => webhooks.settled(),
    close: async () => {
      await webhooks.settled();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function amountOf(order: { amount: number; currency: string }) {
  return { amountMinor: order.amount, currency: order.currency };
}

function failureFields(paid: PayResult, orderId: string): Record<string, string> {
  const { payment } = paid;
  return {
    'error[code]': payment.error_code ?? '',
    'error[description]': payment.error_description ?? '',
    'error[source]': payment.error_source ?? '',
    'error[step]': payment.error_step ?? '',
    'error[reason]': payment.error_reason ?? '',
    'error[metadata]': JSON.stringify({ payment_id: payment.id, order_id: orderId }),
  };
}

function parseJson(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below like any other malformed body
  }
  throw new FakeRazorpayError(400, errorBody('BAD_REQUEST_ERROR', 'The request body is not valid JSON'));
}

function sendJson(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
}

function redirect(response: ServerResponse, target: string, fields: Record<string, string>): void {
  const address = new URL(target);
  for (const [name, value] of Object.entries(fields)) address.searchParams.set(name, value);
  response.writeHead(303, { Location: address.toString() }).end();
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeRazorpay, startFakeRazorpay } from '../src/payments/fake-razorpay';
import { PaymentGatewayError } from '../src/payments/gateway';
import { RazorpayGateway } from '../src/payments/razorpay';

const keys = {
  keyId: 'rzp_test_Carelane01',
  keySecret: 'key-secret-for-tests',
  webhookSecret: 'webhook-secret-for-tests',
};

type Received = { body: string; signature: string; eventId: string; event: string; json: Record<string, unknown> };
let received: Received[] = [];
let receiver: Server;
let fake: FakeRazorpay;
let gateway: RazorpayGateway;

beforeAll(async () => {
  receiver = createServer(async (request, response) => {
    const body = await text(request);
    const json = JSON.parse(body) as Record<string, unknown>;
    received.push({
      body,
      signature: String(request.headers['x-razorpay-signature']),
      eventId: String(request.headers['x-razorpay-event-id']),
      event: String(json.event),
      json,
    });
    response.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/razorpay`;
  fake = await startFakeRazorpay({ ...keys, webhookUrl });
  gateway = new RazorpayGateway({ ...keys, baseUrl: fake.url });
});
afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
  received = [];
});

describe('RazorpayGateway against the fake Razorpay server', () => {
  it('creates an order, pays it on checkout, and signs the result and every webhook', async () => {
    const order = await gateway.createOrder({
      amountMinor: 150_000,
      currency: 'INR',
      receipt: 'appt-1',
      notes: { appointmentId: 'a1' },
    });
    expect(order).toEqual({
      orderId: expect.stringMatching(/^order_[A-Za-z0-9]{14}$/),
      amountMinor: 150_000,
      currency: 'INR',
      status: 'created',
    });

    const paid = await fake.pay(order.orderId, { succeed: true });
    expect(paid.paymentId).toMatch(/^pay_[A-Za-z0-9]{14}$/);
    expect(
      gateway.verifyPaymentSignature({
        orderId: order.orderId,
        paymentId: paid.paymentId,
        signature: paid.signature ?? '',
      }),
    ).toBe(true);

    expect(received.map((one) => one.event)).toEqual(['payment.authorized', 'payment.captured', 'order.paid']);
    for (const one of received) {
      expect(gateway.verifyWebhook(one.body, one.signature)).toBe(true);
      expect(gateway.verifyWebhook(`${one.body} `, one.signature)).toBe(false);
      expect(one.json).toMatchObject({
        entity: 'event',
        account_id: expect.stringMatching(/^acc_/),
        created_at: expect.any(Number),
      });
    }
    expect(new Set(received.map((one) => one.eventId)).size).toBe(3);
    const orderPaid = received[2]?.json as {
      contains: string[];
      payload: { order: { entity: { status: string; amount_paid: number } } };
    };
    expect(orderPaid.contains).toEqual(['payment', 'order']);
    expect(orderPaid.payload.order.entity).toMatchObject({ status: 'paid', amount_paid: 150_000 });

    const payment = await gateway.fetchPayment(paid.paymentId);
    expect(payment).toMatchObject({
      id: paid.paymentId,
      orderId: order.orderId,
      amountMinor: 150_000,
      currency: 'INR',
      status: 'captured',
      amountRefundedMinor: 0,
    });
  });

  it('the checkout page succeeds or fails through its form and posts back like Checkout', async () => {
    const order = await gateway.createOrder({ amountMinor: 50_000, currency: 'INR', receipt: 'appt-2' });
    const pageUrl = fake.checkoutUrl(order.orderId, {
      callbackUrl: 'http://booking.test/pay/done',
      callbackMethod: 'get',
    });
    const page = await fetch(pageUrl);
    const html = await page.text();
    expect(html).toContain('>Pay</button>');
    expect(html).toContain('>Fail</button>');
    expect(html).toContain('INR 500.00');

    const failed = await fetch(pageUrl, {
      method: 'POST',
      body: new URLSearchParams({ outcome: 'fail' }),
      redirect: 'manual',
    });
    expect(failed.status).toBe(303);
    const failure = new URL(failed.headers.get('location') ?? '');
    expect(failure.searchParams.get('error[reason]')).toBe('payment_failed');
    await fake.settled();
    expect(received.map((one) => one.event)).toEqual(['payment.failed']);
    const failedId = JSON.parse(failure.searchParams.get('error[metadata]') ?? '{}').payment_id as string;
    expect(await gateway.fetchPayment(failedId)).toMatchObject({ status: 'failed', errorCode: 'BAD_REQUEST_ERROR' });

    const ok = await fetch(pageUrl, {
      method: 'POST',
      body: new URLSearchParams({ outcome: 'pay' }),
      redirect: 'manual',
    });
    const back = new URL(ok.headers.get('location') ?? '');
    expect(back.origin + back.pathname).toBe('http://booking.test/pay/done');
    const paymentId = back.searchParams.get('razorpay_payment_id') ?? '';
    expect(back.searchParams.get('razorpay_order_id')).toBe(order.orderId);
    expect(
      gateway.verifyPaymentSignature({
        orderId: order.orderId,
        paymentId,
        signature: back.searchParams.get('razorpay_signature') ?? '',
      }),
    ).toBe(true);

    // Redirect mode by default: an auto-submitted form posting the same fields.
    const order2 = await gateway.createOrder({ amountMinor: 50_000, currency: 'INR', receipt: 'appt-3' });
    const posted = await fetch(fake.checkoutUrl(order2.orderId, { callbackUrl: 'http://booking.test/pay/done' }), {
      method: 'POST',
      body: new URLSearchParams({ outcome: 'pay' }),
    });
    const form = await posted.text();
    expect(form).toContain('action="http://booking.test/pay/done"');
    expect(form).toContain('name="razorpay_signature"');
    await fake.settled();
  });

  it('hosted Checkout: the adapter form opens the order page, which posts the signed result back', async () => {
    const order = await gateway.createOrder({ amountMinor: 75_000, currency: 'INR', receipt: 'appt-9' });
    const form = gateway.checkoutForm({
      orderId: order.orderId,
      callbackUrl: 'http://booking.test/api/payments/razorpay/callback',
      cancelUrl: 'http://booking.test/appointments',
      name: 'Sunrise Health',
      description: 'Consultation on 3 Dec',
      prefill: { name: 'Asha Rao', contact: '+919876500001' },
    });
    expect(form.action).toBe(`${fake.url}/v1/checkout/embedded`);
    expect(form.fields).toMatchObject({ key_id: keys.keyId, order_id: order.orderId, 'prefill[name]': 'Asha Rao' });
    const real = new RazorpayGateway(keys).checkoutForm({
      orderId: 'order_X',
      callbackUrl: 'https://c.test',
      name: 'N',
      description: 'D',
    });
    expect(real.action).toBe('https://api.razorpay.com/v1/checkout/embedded');

    const page = await fetch(form.action, { method: 'POST', body: new URLSearchParams(form.fields) });
    const html = await page.text();
    expect(html).toContain('Sunrise Health: Consultation on 3 Dec');
    expect(html).toContain('INR 750.00');
    expect(html).toContain('href="http://booking.test/appointments"');
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#38;', '&') ?? '';
    const paid = await fetch(new URL(action, fake.url), {
      method: 'POST',
      body: new URLSearchParams({ outcome: 'pay' }),
    });
    const callback = await paid.text();
    expect(callback).toContain('action="http://booking.test/api/payments/razorpay/callback"');
    const paymentId = /name="razorpay_payment_id" value="([^"]+)"/.exec(callback)?.[1] ?? '';
    const signature = /name="razorpay_signature" value="([^"]+)"/.exec(callback)?.[1] ?? '';
    expect(gateway.verifyPaymentSignature({ orderId: order.orderId, paymentId, signature })).toBe(true);

    const wrongKey = await fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams({ ...form.fields, key_id: 'rzp_test_other' }),
    });
    expect(wrongKey.status).toBe(401);
    await fake.settled();
  });

  it('an unpaid payment link can be cancelled, and then cannot be paid', async () => {
    const link = await gateway.createPaymentLink({
      amountMinor: 10_000,
      currency: 'INR',
      description: 'Visit',
      customer: {},
      referenceId: `cancel-${Date.now()}`,
    });
    expect(await gateway.cancelPaymentLink(link.id)).toMatchObject({ id: link.id, status: 'cancelled' });
    await expect(gateway.cancelPaymentLink(link.id)).rejects.toBeInstanceOf(PaymentGatewayError);
    await expect(fake.payLink(link.id)).rejects.toThrow(/cancelled/);
  });

  it('a payment link is created without Razorpay notifying anyone, paid, and signed', async () => {
    const link = await gateway.createPaymentLink({
      amountMinor: 80_000,
      currency: 'INR',
      description: 'Invoice INV-7',
      customer: { name: 'Test Patient', contact: '+919000000001', email: 'patient@example.test' },
      referenceId: 'inv-7',
      expireBy: new Date(Date.now() + 3_600_000),
      callbackUrl: 'http://booking.test/links/done',
    });
    expect(link).toEqual({
      id: expect.stringMatching(/^plink_/),
      shortUrl: `${fake.url}/i/${link.id}`,
      status: 'created',
    });
    expect(fake.ledger.paymentLinks.get(link.id)?.notify).toEqual({ email: false, sms: false, whatsapp: false });

    const paid = await fake.payLink(link.id);
    expect(
      gateway.verifyPaymentLinkSignature({
        paymentLinkId: link.id,
        referenceId: 'inv-7',
        status: 'paid',
        paymentId: paid.paymentId,
        signature: paid.signature ?? '',
      }),
    ).toBe(true);
    expect(received.map((one) => one.event)).toEqual([
      'payment.authorized',
      'payment.captured',
      'order.paid',
      'payment_link.paid',
    ]);
    const linkPaid = received[3]?.json as {
      payload: { payment_link: { entity: { status: string; reference_id: string } } };
    };
    expect(linkPaid.payload.payment_link.entity).toMatchObject({ status: 'paid', reference_id: 'inv-7' });
    expect(received.every((one) => gateway.verifyWebhook(one.body, one.signature))).toBe(true);

    await expect(
      gateway.createPaymentLink({
        amountMinor: 100,
        currency: 'INR',
        description: 'x',
        customer: {},
        referenceId: 'inv-7',
      }),
    ).rejects.toMatchObject({ kind: 'bad_request', field: 'reference_id' });
    const soon = new Date(Date.now() + 60_000);
    const tooSoon = {
      amountMinor: 100,
      currency: 'INR',
      description: 'x',
      customer: {},
      referenceId: 'inv-8',
      expireBy: soon,
    };
    await expect(gateway.createPaymentLink(tooSoon)).rejects.toMatchObject({ kind: 'bad_request', field: 'expire_by' });
  });

  it('refunds in part, then the rest, never more than was paid', async () => {
    const order = await gateway.createOrder({ amountMinor: 100_000, currency: 'INR', receipt: 'appt-4' });
    const { paymentId } = await fake.pay(order.orderId, { succeed: true });
    received = [];

    const part = await gateway.createRefund({ paymentId, amountMinor: 30_000, notes: { reason: 'partial' } });
    expect(part).toEqual({ id: expect.stringMatching(/^rfnd_/), paymentId, amountMinor: 30_000, status: 'processed' });
    await expect(gateway.createRefund({ paymentId, amountMinor: 70_001 })).rejects.toMatchObject({
      kind: 'bad_request',
      field: 'amount',
    });
    const rest = await gateway.createRefund({ paymentId });
    expect(rest.amountMinor).toBe(70_000);
    await fake.settled();

    expect(received.map((one) => one.event)).toEqual(['refund.processed', 'refund.processed']);
    const last = received[1]?.json as {
      payload: { payment: { entity: { status: string; amount_refunded: number; refund_status: string } } };
    };
    expect(last.payload.payment.entity).toMatchObject({
      status: 'refunded',
      amount_refunded: 100_000,
      refund_status: 'full',
    });
    expect(await gateway.fetchPayment(paymentId)).toMatchObject({ status: 'refunded', amountRefundedMinor: 100_000 });
  });

  it('a wrong key is a typed unauthorized error; a missing server is unavailable', async () => {
    const wrong = new RazorpayGateway({ ...keys, keySecret: 'not-the-secret', baseUrl: fake.url });
    const error = await wrong
      .createOrder({ amountMinor: 10_000, currency: 'INR', receipt: 'r' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentGatewayError);
    expect(error).toMatchObject({
      kind: 'unauthorized',
      statusCode: 401,
      code: 'BAD_REQUEST_ERROR',
      description: 'Authentication failed',
    });
    expect(String((error as Error).message)).not.toContain('not-the-secret');

    const raw = await fetch(`${fake.url}/v1/orders/order_x`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toEqual({
      error: {
        code: 'BAD_REQUEST_ERROR',
        description: 'Authentication failed',
        source: 'NA',
        step: 'NA',
        reason: 'NA',
        metadata: {},
      },
    });

    await expect(gateway.fetchPayment('pay_DoesNotExist00')).rejects.toMatchObject({
      kind: 'bad_request',
      field: 'id',
    });
    await expect(gateway.createOrder({ amountMinor: 99, currency: 'INR', receipt: 'r' })).rejects.toMatchObject({
      field: 'amount',
    });

    await expect(gateway.fetchPayment('')).rejects.toMatchObject({ kind: 'bad_request' });

    const nowhere = new RazorpayGateway({ ...keys, baseUrl: 'http://127.0.0.1:9' });
    await expect(nowhere.fetchPayment('pay_x')).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('can deliver each event twice and out of order, byte-identical with the same event id', async () => {
    const order = await gateway.createOrder({ amountMinor: 20_000, currency: 'INR', receipt: 'appt-5' });
    await fake.pay(order.orderId, { succeed: true, duplicate: true, outOfOrder: true });
    expect(received.map((one) => one.event)).toEqual([
      'order.paid',
      'order.paid',
      'payment.captured',
      'payment.captured',
      'payment.authorized',
      'payment.authorized',
    ]);
    for (let i = 0; i < received.length; i += 2) {
      expect(received[i]?.eventId).toBe(received[i + 1]?.eventId);
      expect(received[i]?.body).toBe(received[i + 1]?.body);
    }
    expect(fake.deliveries.slice(-6).every((one) => one.status === 200)).toBe(true);
  });
});

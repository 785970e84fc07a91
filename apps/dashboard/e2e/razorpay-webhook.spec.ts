import { expect, test } from '@playwright/test';
import { URLS } from '../../../e2e/helpers';

// pnpm start runs a local fake Razorpay when no keys are given, and the dashboard checks its
// webhooks' signatures: an unsigned or wrongly signed event is refused (503 would mean no gateway).
test('the Razorpay webhook endpoint is set up and refuses an event without a valid signature', async ({ request }) => {
  const body = JSON.stringify({ event: 'payment.captured', payload: {} });
  const unsigned = await request.post(`${URLS.dashboard}/api/webhooks/razorpay`, {
    data: body,
    headers: { 'content-type': 'application/json' },
  });
  expect(unsigned.status()).toBe(400);
  const forged = await request.post(`${URLS.dashboard}/api/webhooks/razorpay`, {
    data: body,
    headers: {
      'content-type': 'application/json',
      'x-razorpay-signature': 'a'.repeat(64),
      'x-razorpay-event-id': 'evt_forged',
    },
  });
  expect(forged.status()).toBe(400);
  expect(await forged.json()).toMatchObject({ message: 'The signature does not match.' });
});

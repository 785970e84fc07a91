import type { Database } from '@carelane/db';
import { type FakeRazorpay, RazorpayGateway, startFakeRazorpay } from '@carelane/integrations/payments';
import type { ApiDeps } from '../src/deps';
import { createRazorpayWebhookHandler } from '../src/http/razorpay-webhook';
import { deps, serveRequests } from './fixtures';

/**
 * The local fake Razorpay, the real SDK adapter pointed at it, and our webhook endpoint on a
 * local port that the fake delivers to: the whole payment path of a test file.
 */
export async function startPayments(db: Database, keys: { keyId: string; keySecret: string; webhookSecret: string }) {
  const fake: FakeRazorpay = await startFakeRazorpay(keys);
  const gateway = new RazorpayGateway({ ...keys, baseUrl: fake.url });
  const apiDeps = async (overrides: Partial<ApiDeps> = {}) => deps(db, { payments: gateway, ...overrides });
  const hook = await serveRequests(createRazorpayWebhookHandler(() => apiDeps()));
  fake.setWebhookUrl(hook.url);
  return {
    fake,
    gateway,
    async close() {
      await fake.close();
      await new Promise((resolve) => hook.server.close(resolve));
    },
  };
}

import { createRazorpayWebhookHandler } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const POST = createRazorpayWebhookHandler(async () => (await runtime()).deps);

import { createCheckoutCallbackHandler } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const POST = createCheckoutCallbackHandler(async () => (await runtime()).deps);

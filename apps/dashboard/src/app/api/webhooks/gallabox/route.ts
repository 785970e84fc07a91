import { createGallaboxWebhookHandler } from '@carelane/api';
import { env } from '@/env';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const POST = createGallaboxWebhookHandler(async () => ({
  db: (await runtime()).deps.db,
  webhookSecret: env().GALLABOX_WEBHOOK_SECRET,
}));

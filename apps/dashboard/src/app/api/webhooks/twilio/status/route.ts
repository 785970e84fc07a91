import { createTwilioStatusHandler } from '@carelane/api';
import { twilioStatusConfig } from '@/env';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const POST = createTwilioStatusHandler(async () => ({
  db: (await runtime()).deps.db,
  twilio: twilioStatusConfig(),
}));

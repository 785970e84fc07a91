import { createTwilioInboundHandler } from '@carelane/api';
import { twilioInboundConfig } from '@/env';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const POST = createTwilioInboundHandler(async () => ({
  deps: (await runtime()).deps,
  twilio: twilioInboundConfig(),
}));

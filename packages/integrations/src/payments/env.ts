import { z } from 'zod';

/** Razorpay's keys; `pnpm start` fills them with a local fake's when no real keys are given (see razorpayConfigFromEnv). */
export const razorpayEnvShape = {
  RAZORPAY_KEY_ID: z.string().min(1).optional(),
  RAZORPAY_KEY_SECRET: z.string().min(1).optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().min(1).optional(),
  RAZORPAY_BASE_URL: z.url().optional(),
};

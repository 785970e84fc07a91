import type { RazorpayConfig } from './razorpay';

/** The RAZORPAY_* variables as an app's env module parsed them. */
export type RazorpayEnv = {
  RAZORPAY_KEY_ID?: string | undefined;
  RAZORPAY_KEY_SECRET?: string | undefined;
  RAZORPAY_WEBHOOK_SECRET?: string | undefined;
  RAZORPAY_BASE_URL?: string | undefined;
};

/** The gateway's keys when configured (all three together), shared by the apps' env modules. */
export function razorpayConfigFromEnv(e: RazorpayEnv, app: string): RazorpayConfig | undefined {
  if (!e.RAZORPAY_KEY_ID) return undefined;
  if (!e.RAZORPAY_KEY_SECRET || !e.RAZORPAY_WEBHOOK_SECRET) {
    throw new Error(
      `Invalid ${app} configuration: RAZORPAY_KEY_ID needs RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET`,
    );
  }
  return {
    keyId: e.RAZORPAY_KEY_ID,
    keySecret: e.RAZORPAY_KEY_SECRET,
    webhookSecret: e.RAZORPAY_WEBHOOK_SECRET,
    ...(e.RAZORPAY_BASE_URL ? { baseUrl: e.RAZORPAY_BASE_URL } : {}),
  };
}

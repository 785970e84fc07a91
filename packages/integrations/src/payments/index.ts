// Online payments: a separate entry point, so only code that takes payments loads the Razorpay SDK.

export { type RazorpayEnv, razorpayConfigFromEnv } from './config';
export { razorpayEnvShape } from './env';
export { type CheckoutOptions, type FakeRazorpay, type FakeRazorpayOptions, startFakeRazorpay } from './fake-razorpay';
export type { PayOptions } from './fake-razorpay-ledger';
export type { Delivery, DeliveryOptions, WebhookEvent } from './fake-razorpay-webhooks';
export * from './gateway';
export { type RazorpayConfig, RazorpayGateway } from './razorpay';

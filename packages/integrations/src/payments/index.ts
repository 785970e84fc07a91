// Online payments: a separate entry point, so only code that takes payments loads the Razorpay SDK.
export { type FakeRazorpay, type FakeRazorpayOptions, startFakeRazorpay } from './fake-razorpay';
export * from './gateway';
export { type RazorpayConfig, RazorpayGateway } from './razorpay';

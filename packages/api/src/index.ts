export { type Context, createContext } from './context';
export type { ApiDeps } from './deps';
export {
  createInvoicePdfHandler,
  createPatientInvoicePdfHandler,
  createPatientReceiptPdfHandler,
  createReceiptPdfHandler,
} from './files/billing-pdf-route';
export { createFormLogoHandler } from './files/form-logo';
export { createOrganizationLogoHandlers } from './files/logo';
export { createSubmissionPdfHandler } from './files/submission-pdf-route';
export { checkHealth, type Health } from './health';
export { createHealthHandler, createTrpcHandler } from './http';
export {
  DELIVERY_POLICY,
  type DeliveryDeps,
  type DeliveryOutcome,
  type DeliveryPolicy,
  deliverNotification,
} from './messaging/deliver';
export { deliverDueNotifications, dueNotificationIds } from './messaging/deliver-due';
export { type DeliveryReport, recordDeliveryStatus } from './messaging/delivery-status';
export { LocalChannel, localChannels, recentLocalMessages } from './messaging/local-channel';
export { markDueNotifications, type RelayOptions } from './messaging/relay';
export {
  createGallaboxWebhookHandler,
  createTwilioStatusHandler,
  type TwilioStatusConfig,
} from './messaging/status-webhooks';
export { applyGatewayEvents } from './payments/apply-events';
export { createCheckoutCallbackHandler } from './payments/checkout-callback';
export { RELEASED_UNPAID_REASON, releaseUnpaidBookings } from './payments/release-unpaid';
export { createRazorpayWebhookHandler } from './payments/webhook';
export { createTwilioInboundHandler, type TwilioInboundConfig } from './routers/confirmations/twilio-inbound';
export { expireUnstartedImports } from './routers/patient-imports/cleanup';
export { createPatientExportHandler } from './routers/patient-imports/export';
export { runNextPatientImport } from './routers/patient-imports/job';
export { createImportReportHandler } from './routers/patient-imports/report';
export { createImportUploadHandler } from './routers/patient-imports/upload';
export { type AppRouter, appRouter } from './routers/root';
export { type ApiRuntime, createApiRuntime, type RuntimeConfig } from './runtime';
export { createCallerFactory } from './trpc';

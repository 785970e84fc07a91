export { type Context, createContext } from './context';
export type { ApiDeps } from './deps';
export { checkHealth, type Health } from './health';
export { createAuditExportHandler } from './http/audit-export';
export {
  createInvoicePdfHandler,
  createPatientInvoicePdfHandler,
  createPatientReceiptPdfHandler,
  createReceiptPdfHandler,
} from './http/billing-pdf';
export { createClinicianPhotoHandlers } from './http/clinician-photo';
export { createFormLogoHandler } from './http/form-logo';
export { createImportReportHandler } from './http/import-report';
export { createImportUploadHandler } from './http/import-upload';
export {
  createGallaboxWebhookHandler,
  createTwilioStatusHandler,
  type TwilioStatusConfig,
} from './http/messaging-webhooks';
export { createOrganizationLogoHandlers } from './http/organization-logo';
export { createPatientExportHandler } from './http/patient-export';
export { createCheckoutCallbackHandler } from './http/razorpay-checkout';
export { createRazorpayWebhookHandler } from './http/razorpay-webhook';
export { createSubmissionPdfHandler } from './http/submission-pdf';
export { createHealthHandler, createTrpcHandler } from './http/trpc';
export { createTwilioInboundHandler, type TwilioInboundConfig } from './http/twilio-inbound';
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
export { applyGatewayEvents } from './payments/apply-events';
export { RELEASED_UNPAID_REASON, releaseUnpaidBookings } from './payments/release-unpaid';
export { expireUnstartedImports } from './routers/patient-imports/cleanup';
export { runNextPatientImport } from './routers/patient-imports/job';
export { type AppRouter, appRouter } from './routers/root';
export { type ApiRuntime, createApiRuntime, type RuntimeConfig } from './runtime';
export { SiteNotReadyError } from './site-organization';
export { createCallerFactory } from './trpc';

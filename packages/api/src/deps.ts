import type { AuthAudience, RateLimits } from '@carelane/auth';
import type { Database } from '@carelane/db';
import type { MessageChannels, VideoLinkProvider } from '@carelane/integrations';
import type { FileStore } from '@carelane/integrations/files';
import type { PaymentGateway } from '@carelane/integrations/payments';
import type { ScheduleCache } from './scheduling/schedule-cache';

/** What the API needs from its host app, built once per process. */
export type ApiDeps = {
  db: Database;
  /** The app secret: signs session cookies, keys OTP hashes and sealed outbox payloads. */
  secret: string;
  rateLimits: RateLimits;
  channels: MessageChannels;
  videoLinks: VideoLinkProvider;
  /** Which app mounts the router: decides the session cookie and what sign-in codes are for. */
  audience: AuthAudience;
  /** Public origin of the booking site, for links in messages (never the request's Host). */
  bookingUrl: string;
  /** The address emails come from (organizer of calendar invitations); absent = a local default. */
  emailFrom?: string | undefined;
  /** Public origin of the dashboard, which serves patients' form links; absent where links are not made. */
  formsUrl?: string | undefined;
  /** The organization a public site serves (the booking site); null for the dashboard. */
  siteOrganizationId: string | null;
  /** Schedules read for the public slot search, dropped on every change; absent = always read. */
  scheduleCache?: ScheduleCache | undefined;
  /** Where logos and signatures are kept; absent where nothing is stored. */
  files?: FileStore | undefined;
  /** Razorpay (or the local fake): orders, links, refunds and webhook signatures. */
  payments?: PaymentGateway | undefined;
  /** The data folder (uploaded imports live under it); absent where nothing is uploaded. */
  dataDir?: string | undefined;
};

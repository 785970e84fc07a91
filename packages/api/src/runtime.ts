import { type AuthAudience, createAuthOptions, createRateLimits } from '@carelane/auth';
import { createDb } from '@carelane/db';
import { JitsiVideoLinks } from '@carelane/integrations';
import type { S3Config } from '@carelane/integrations/files';
import {
  type MessagingConfig,
  providerChannels,
  senderAddress,
  unconfiguredChannels,
} from '@carelane/integrations/messaging/providers';
import { type RazorpayConfig, RazorpayGateway } from '@carelane/integrations/payments';
import type { NextAuthOptions } from 'next-auth';
import type { ApiDeps } from './deps';
import { createFileStore } from './files/store';
import { localChannels } from './messaging/local-channel';
import { ScheduleCache } from './scheduling/schedule-cache';
import { findSiteOrganization } from './site-organization';

export type RuntimeConfig = {
  databaseUrl: string;
  secret: string;
  audience: AuthAudience;
  /** The organization the booking site serves, by slug; unset, the only organization there is. */
  siteOrganizationSlug?: string | undefined;
  secureCookies: boolean;
  /** Public origin of the booking site, for links in messages. */
  bookingUrl: string;
  /** Public origin of the dashboard, for patients' form links. */
  formsUrl?: string | undefined;
  /** The data folder, shared with the worker (uploaded imports). */
  dataDir?: string | undefined;
  /** An S3-compatible bucket for logos and signatures instead of the data folder. */
  s3?: S3Config | undefined;
  /** Razorpay keys (with `baseUrl`, the local fake's address in development). */
  razorpay?: RazorpayConfig | undefined;
  /**
   * Message providers (SMTP, Twilio, Gallabox). A channel without one goes to the local
   * (development) channel, or in production is refused with the reason.
   */
  messaging?: MessagingConfig | undefined;
  production?: boolean | undefined;
};

export type ApiRuntime = { deps: ApiDeps; authOptions: NextAuthOptions };

/** Everything an app needs to serve the API and sign-in, built once per process. */
export async function createApiRuntime(config: RuntimeConfig): Promise<ApiRuntime> {
  const { db, close } = createDb(config.databaseUrl);
  let siteOrganizationId: string | null = null;
  if (config.audience === 'patient') {
    // A booking site without its organization serves nothing yet (SiteNotReadyError): keep no pool open.
    siteOrganizationId = await findSiteOrganization(db, config.siteOrganizationSlug).catch(async (err: unknown) => {
      await close();
      throw err;
    });
  }
  const rateLimits = createRateLimits(db);
  const deps: ApiDeps = {
    db,
    secret: config.secret,
    rateLimits,
    channels: providerChannels(config.messaging ?? {}, config.production ? unconfiguredChannels() : localChannels(db)),
    emailFrom: senderAddress(config.messaging?.email?.from ?? '') ?? undefined,
    videoLinks: new JitsiVideoLinks(),
    audience: config.audience,
    siteOrganizationId,
    bookingUrl: config.bookingUrl,
    formsUrl: config.formsUrl,
    scheduleCache: await new ScheduleCache(db).start(),
    dataDir: config.dataDir,
    files: createFileStore({ s3: config.s3, dataDir: config.dataDir }),
    payments: config.razorpay ? new RazorpayGateway(config.razorpay) : undefined,
  };
  const authOptions = createAuthOptions({
    audience: config.audience,
    db,
    secret: config.secret,
    rateLimits,
    organizationId: siteOrganizationId ?? undefined,
    secureCookies: config.secureCookies,
  });
  return { deps, authOptions };
}

import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure, staffProcedure } from '../../trpc';
import { bookingSiteHandler } from './booking-site.handler';
import { messagingSettingsHandler, updateMessagingSettingsHandler } from './messaging-settings.handler';
import { messagingSettingsInput } from './messaging-settings.schema';
import { settingsHandler } from './settings.handler';
import { updateOrganizationHandler } from './update.handler';
import { updateOrganizationInput } from './update.schema';

export const organizationRouter = {
  /** Every staff member may read the organization's details; the logo itself is served over HTTP. */
  settings: staffProcedure('profile:read').query(settingsHandler),
  /** The booking site's clinic and who may book there; anyone may read it. */
  bookingSite: publicProcedure.query(bookingSiteHandler),
  update: staffProcedure('settings:manage').input(updateOrganizationInput).mutation(updateOrganizationHandler),
  messagingSettings: staffProcedure('messages:read').query(messagingSettingsHandler),
  updateMessagingSettings: staffProcedure('messaging:manage')
    .input(messagingSettingsInput)
    .mutation(updateMessagingSettingsHandler),
} satisfies TRPCRouterRecord;

import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { messagingSettingsHandler, updateMessagingSettingsHandler } from './messaging-settings.handler';
import { messagingSettingsInput } from './messaging-settings.schema';
import { settingsHandler } from './settings.handler';
import { updateOrganizationHandler } from './update.handler';
import { updateOrganizationInput } from './update.schema';

export const organizationRouter = {
  /** Every staff member may read the organization's details; the logo itself is served over HTTP. */
  settings: staffProcedure('profile:read').query(settingsHandler),
  update: staffProcedure('settings:manage').input(updateOrganizationInput).mutation(updateOrganizationHandler),
  messagingSettings: staffProcedure('messages:read').query(messagingSettingsHandler),
  updateMessagingSettings: staffProcedure('messaging:manage')
    .input(messagingSettingsInput)
    .mutation(updateMessagingSettingsHandler),
} satisfies TRPCRouterRecord;

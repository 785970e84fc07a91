import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure, staffProcedure } from '../../trpc';
import { directoryHandler } from './directory.handler';
import { directoryInput } from './directory.schema';
import { clinicianIdInput, updateProfileInput } from './edit.schema';
import { forEditHandler } from './for-edit.handler';
import { listCliniciansHandler } from './list.handler';
import { profileHandler } from './profile.handler';
import { profileInput } from './profile.schema';
import { updateProfileHandler } from './update-profile.handler';

export const cliniciansRouter = {
  directory: publicProcedure.input(directoryInput).query(directoryHandler),
  profile: publicProcedure.input(profileInput).query(profileHandler),
  /** Active clinicians of the organization, for "Offered by" and booking choices. */
  list: staffProcedure('appointments:read').query(listCliniciansHandler),
  /** A clinician's profile for editing: admins and managers anyone's, a clinician their own. */
  forEdit: staffProcedure('clinician_profiles:edit').input(clinicianIdInput).query(forEditHandler),
  updateProfile: staffProcedure('clinician_profiles:edit').input(updateProfileInput).mutation(updateProfileHandler),
} satisfies TRPCRouterRecord;

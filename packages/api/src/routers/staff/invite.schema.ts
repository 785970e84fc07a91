import { z } from 'zod';
import { staffCentreIds, staffEmail, staffName, staffPhone, staffRole } from './fields';

export const inviteStaffInput = z.object({
  name: staffName,
  email: staffEmail,
  phone: staffPhone,
  role: staffRole,
  centreIds: staffCentreIds,
});
export type InviteStaffInput = z.infer<typeof inviteStaffInput>;

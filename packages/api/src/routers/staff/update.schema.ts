import { z } from 'zod';
import { staffCentreIds, staffName, staffPhone, staffRole } from './fields';

export const updateStaffInput = z.object({
  userId: z.uuid('Not a staff id'),
  name: staffName,
  phone: staffPhone,
  role: staffRole,
  centreIds: staffCentreIds,
});
export type UpdateStaffInput = z.infer<typeof updateStaffInput>;

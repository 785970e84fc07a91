import { LINK_RELATIONSHIPS } from '@carelane/core';
import { z } from 'zod';

/** "patientId is the <relationship> of relatedPatientId". */
export const householdLinkInput = z
  .object({
    patientId: z.uuid('Not a patient id'),
    relatedPatientId: z.uuid('Not a patient id'),
    relationship: z.enum(LINK_RELATIONSHIPS, 'Choose parent, child, spouse, guardian, sibling or other'),
  })
  .refine((v) => v.patientId !== v.relatedPatientId, {
    path: ['relatedPatientId'],
    message: 'Choose another patient to link with',
  });
export type HouseholdLinkInput = z.infer<typeof householdLinkInput>;

export const householdUnlinkInput = z.object({ patientId: z.uuid('Not a patient id') });
export type HouseholdUnlinkInput = z.infer<typeof householdUnlinkInput>;

import { ianaZone } from '@carelane/core';
import { z } from 'zod';

/** The organization's details as an admin edits them; also the dashboard form's validator. */
export const organizationFields = z.object({
  name: z
    .string({ error: 'Enter the organization name' })
    .trim()
    .min(2, 'Enter the organization name')
    .max(120, 'Keep the name under 120 characters'),
  zone: z.string({ error: 'Choose a time zone' }).transform((value, ctx) => {
    const zone = ianaZone(value);
    if (zone) return zone;
    ctx.addIssue({ code: 'custom', message: 'Choose a time zone from the list, like Asia/Kolkata', input: value });
    return z.NEVER;
  }),
});

export const updateOrganizationInput = organizationFields;
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationInput>;

import { ianaZone, isCurrencyCode, ONLINE_BOOKING_POLICIES, SITE_SLUG } from '@carelane/core';
import { z } from 'zod';

/** Free text that may be left empty: trimmed, and an empty answer is stored as "not set". */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((value) => value || null)
    .nullable()
    .optional();

/**
 * The organization's details as an admin edits them; also the dashboard form's validator.
 * Name and zone are always sent; any other field left out stays as it is. The phone and the
 * tax registration are read in the organization's country, so the handler checks them.
 */
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
  addressLine: optionalText(200, 'Keep the address under 200 characters'),
  city: optionalText(80, 'Keep the city under 80 characters'),
  postalCode: optionalText(12, 'Keep the postal code under 12 characters'),
  phone: optionalText(32, 'Enter a phone number like 98765 43210'),
  email: z
    .string()
    .trim()
    .max(200, 'Keep the email under 200 characters')
    .refine((value) => value === '' || z.email().safeParse(value).success, 'Enter an email like clinic@example.com')
    .transform((value) => value.toLowerCase() || null)
    .nullable()
    .optional(),
  taxId: optionalText(30, 'Enter the registration number without extra text'),
  currency: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .refine(isCurrencyCode, 'Enter a three-letter ISO currency code, like INR')
    .optional(),
  slug: z
    .string()
    .trim()
    .transform((value) => value.toLowerCase())
    .pipe(
      z
        .string()
        .min(3, 'Use at least 3 characters')
        .max(60, 'Keep the address under 60 characters')
        .regex(SITE_SLUG, 'Use lowercase letters, digits and hyphens, like sunrise-health'),
    )
    .optional(),
  onlineBooking: z.enum(ONLINE_BOOKING_POLICIES, 'Choose who may book online').optional(),
  requireAdminTwoFactor: z.boolean('Choose whether admins need two-factor sign-in').optional(),
});

export const updateOrganizationInput = organizationFields;
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationInput>;

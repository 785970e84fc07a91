import { ianaZone } from '@carelane/core';
import { z } from 'zod';

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .max(max, `Keep the ${label} under ${max} characters`);

/** Optional text: an empty answer is stored as "not set". */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((value) => value || null)
    .nullable();

/** A centre as an admin or manager edits it; also the dashboard dialog's validator. */
export const centreFields = z.object({
  name: text('centre name', 80).refine((name) => name.length >= 2, 'Enter the centre name'),
  addressLine: text('address', 200),
  city: text('city', 80),
  postalCode: optionalText(12, 'Keep the postal code under 12 characters'),
  /** Read in the organization's country by the handler. */
  phone: optionalText(32, 'Enter a phone number like 98765 43210'),
  zone: z.string({ error: 'Choose a time zone' }).transform((value, ctx) => {
    const zone = ianaZone(value);
    if (zone) return zone;
    ctx.addIssue({ code: 'custom', message: 'Choose a time zone from the list, like Asia/Kolkata', input: value });
    return z.NEVER;
  }),
  mapUrl: z
    .string()
    .trim()
    .max(500, 'Keep the map link under 500 characters')
    .refine((value) => value === '' || isHttpsUrl(value), 'Enter a map link starting with https://')
    .transform((value) => value || null)
    .nullable(),
  openingDays: z
    .array(z.number().int().min(1, 'Choose days from Monday to Sunday').max(7, 'Choose days from Monday to Sunday'))
    .min(1, 'Choose at least one opening day')
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
});

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export const createCentreInput = centreFields;
export type CreateCentreInput = z.infer<typeof createCentreInput>;

export const updateCentreInput = centreFields.extend({ centreId: z.uuid('Choose a centre') });
export type UpdateCentreInput = z.infer<typeof updateCentreInput>;

export const centreIdInput = z.object({ centreId: z.uuid('Choose a centre') });
export type CentreIdInput = z.infer<typeof centreIdInput>;

import { CLINIC_KINDS, ianaZone, passwordLengthProblem } from '@carelane/core';
import { z } from 'zod';

/**
 * What a new organization is made from: the organization, its first centre and its first admin.
 * One schema for the first-run setup page (through the API) and `pnpm carelane org:create`.
 * The password's length is checked here; the server adds the common-password rule.
 */

/** A booking-site address: lowercase letters, digits and single hyphens between them. */
const SLUG_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const countryNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** Codes Intl names that are not countries: unions, the UN, outlying regions, pseudo-locales, unknown. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

/** Whether `code` is an ISO 3166-1 alpha-2 country code (IN, GB, US, ...). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && countryNames.of(code) !== undefined;
}

/** Every country as a choice, by English name. */
export function countryChoices(): Array<{ value: string; label: string }> {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const codes = [...letters].flatMap((a) => [...letters].map((b) => a + b)).filter(isCountryCode);
  return codes
    .map((code) => ({ value: code, label: countryNames.of(code) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Every currency the runtime knows as a choice: "INR · Indian Rupee". */
export function currencyChoices(): Array<{ value: string; label: string }> {
  const names = new Intl.DisplayNames(['en'], { type: 'currency' });
  return Intl.supportedValuesOf('currency').map((code) => ({
    value: code,
    label: `${code} · ${names.of(code) ?? code}`,
  }));
}

/** Whether `code` is an ISO 4217 currency code the runtime knows (INR, USD, ...). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}

const text = (label: string, max: number) =>
  z.string().trim().min(1, `Enter the ${label}`).max(max, `The ${label} can be at most ${max} characters`);

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `The ${label} can be at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

const zone = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const known = ianaZone(value);
    if (!known) ctx.addIssue({ code: 'custom', message: 'Choose a time zone from the list, like Asia/Kolkata' });
    return known ?? value;
  });

export const newOrganizationSchema = z.object({
  name: text('organization name', 120),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, 'The booking-site address needs at least 3 characters')
    .max(60, 'The booking-site address can be at most 60 characters')
    .regex(SLUG_SHAPE, 'Use lowercase letters, digits and single hyphens, like sunrise-clinic'),
  country: z.string().trim().toUpperCase().refine(isCountryCode, 'Choose a country (a two-letter code like IN)'),
  currency: z.string().trim().toUpperCase().refine(isCurrencyCode, 'Choose a currency (a three-letter code like INR)'),
  zone,
  /** Which default medical-history questionnaire the clinic starts with. */
  kind: z.enum(CLINIC_KINDS).default('general'),
});

export const newCentreSchema = z.object({
  name: text('centre name', 120),
  addressLine: text('address', 300),
  city: text('city', 120),
  postalCode: optionalText('postal code', 20),
  /** Read in the organization's country when the organization is created. */
  phone: optionalText('phone', 32),
  /** The centre's zone; the organization's when left out. */
  zone: zone.optional(),
});

export const newAdminSchema = z.object({
  name: text('name', 120),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'The email can be at most 254 characters')
    .pipe(z.email('Enter an email like name@example.com')),
  // Length only here (it is all the browser and the CLI can know); the server checks the rest.
  password: z.string().superRefine((value, ctx) => {
    const problem = passwordLengthProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
});

export const onboardingShape = { organization: newOrganizationSchema, centre: newCentreSchema, admin: newAdminSchema };
export const onboardingSchema = z.object(onboardingShape);

export type OnboardingInput = z.input<typeof onboardingSchema>;
export type Onboarding = z.output<typeof onboardingSchema>;

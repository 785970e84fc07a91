import { localDate, MESSAGE_LANGUAGES } from '@carelane/core';
import { z } from 'zod';

const name = (what: string) =>
  z
    .string({ error: `Enter your ${what}` })
    .trim()
    .min(1, `Enter your ${what}`)
    .max(80, `Keep your ${what} under 80 characters`);

/** An optional text field: an empty box is null. */
const optional = (field: z.ZodType<string>) =>
  field.optional().transform((value) => (value === undefined || value === '' ? null : value));

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'That email is too long')
  .refine((v) => v === '' || z.email().safeParse(v).success, 'Enter an email like name@example.com, or leave it empty');

const birthDate = z
  .string()
  .trim()
  .refine((v) => v === '' || z.iso.date().safeParse(v).success, {
    message: 'Enter your date of birth like 1990-05-31',
    abort: true,
  })
  .refine((v) => v === '' || v >= '1900-01-01', 'Enter a date of birth after 1900')
  // Today in the zone furthest ahead, so no one's real birthday is "in the future".
  .refine(
    (v) => v === '' || v <= localDate(new Date(), 'Pacific/Kiritimati'),
    'Your date of birth cannot be in the future',
  );

/** What a new patient tells the clinic. The phone is not here: it comes from the proof. */
export const registerInput = z.object({
  proof: z.string().min(1, 'Request a new code').max(200, 'Request a new code'),
  firstName: name('first name'),
  lastName: name('last name'),
  email: optional(email),
  birthDate: optional(birthDate),
  consentSms: z.boolean().default(false),
  consentWhatsapp: z.boolean().default(false),
  /** Kept only with an email address to send to. */
  consentEmail: z.boolean().default(false),
  language: z.enum(MESSAGE_LANGUAGES, { error: 'Choose English or Hindi' }).default('en'),
});
export type RegisterInput = z.infer<typeof registerInput>;

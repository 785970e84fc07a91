import { BLOOD_GROUPS, birthDateProblem, MESSAGE_LANGUAGES, SEXES } from '@carelane/core';
import { z } from 'zod';

/** Trimmed text where a blank means "none". */
const text = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((v) => v || null)
    .nullable()
    .optional();

/** Any common way of writing a number; the server reads it in the organization's country. */
const phone = z
  .string()
  .trim()
  .regex(/^$|^[+(]?[\d\s().-]{4,32}$/, 'Enter a phone number like +91 98765 43210')
  .transform((v) => v || null)
  .nullable()
  .optional();

/** Text inside a JSON field (address, plan...), where a blank is simply left out. */
const part = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((v) => v || undefined)
    .optional();

/** A date input: YYYY-MM-DD, or blank for none. */
const isoDate = (message: string) => z.union([z.literal('').transform(() => null), z.iso.date(message)]);

export const addressFields = z.object({
  line1: part(200, 'Keep the address line under 200 characters'),
  line2: part(200, 'Keep the address line under 200 characters'),
  city: part(80, 'Keep the city under 80 characters'),
  state: part(80, 'Keep the state under 80 characters'),
  postalCode: part(20, 'Keep the postal code under 20 characters'),
  country: part(80, 'Keep the country under 80 characters'),
});

export const emergencyContactFields = z.object({
  name: z.string().trim().min(1, 'Give the contact a name').max(120, 'Keep the name under 120 characters'),
  phone: z
    .string()
    .trim()
    .regex(/^[+(]?[\d\s().-]{4,32}$/, 'Enter a phone number like +91 98765 43210'),
  relationship: part(40, 'Keep the relationship under 40 characters'),
});

export const healthPlanFields = z.object({
  insurer: z.string().trim().min(1, 'Name the insurer').max(120, 'Keep the insurer under 120 characters'),
  plan: part(120, 'Keep the plan under 120 characters'),
  memberId: part(60, 'Keep the member id under 60 characters'),
  validTo: isoDate('Use a date like 2027-03-31')
    .transform((v) => v ?? undefined)
    .optional(),
});

/** Every field of a patient record as staff edit it; the same schema validates the dashboard form. */
export const patientFields = z.object({
  firstName: z.string().trim().min(1, 'Enter the first name').max(80, 'Keep the first name under 80 characters'),
  lastName: z.string().trim().max(80, 'Keep the last name under 80 characters').optional(),
  phone,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'That email is too long')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'Enter an email like name@example.com')
    .transform((v) => v || null)
    .nullable()
    .optional(),
  birthDate: isoDate('Use a date like 1990-04-25')
    .superRefine((v, c) => {
      const problem = v && birthDateProblem(v);
      if (problem) c.addIssue({ code: 'custom', message: problem });
    })
    .nullable()
    .optional(),
  sex: z.enum(SEXES, 'Choose female, male, other or unknown').nullable().optional(),
  bloodGroup: z.enum(BLOOD_GROUPS, 'Choose a blood group like O+').nullable().optional(),
  address: addressFields.nullable().optional(),
  emergencyContact: emergencyContactFields.nullable().optional(),
  healthPlan: healthPlanFields.nullable().optional(),
  tags: z
    .array(z.string().trim().min(1, 'A tag cannot be empty').max(40, 'Keep tags under 40 characters'))
    .max(20, 'At most 20 tags')
    .transform((tags) => [...new Set(tags)])
    .optional(),
  leadSource: text(80, 'Keep the lead source under 80 characters'),
  consentSms: z.boolean().optional(),
  consentWhatsapp: z.boolean().optional(),
  consentEmail: z.boolean().optional(),
  /** The language messages reach the patient in; the database default is English. */
  language: z.enum(MESSAGE_LANGUAGES, 'Choose English or Hindi').optional(),
  notes: text(2000, 'Keep the notes under 2,000 characters'),
});
export type PatientFields = z.infer<typeof patientFields>;

export const createPatientInput = patientFields;
export type CreatePatientInput = z.infer<typeof createPatientInput>;

/** Only the fields sent change. */
export const updatePatientInput = z.object({
  id: z.uuid('Not a patient id'),
  values: patientFields.partial(),
});
export type UpdatePatientInput = z.infer<typeof updatePatientInput>;

export const patientIdInput = z.object({ id: z.uuid('Not a patient id') });
export type PatientIdInput = z.infer<typeof patientIdInput>;

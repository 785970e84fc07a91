import { z } from 'zod';

/** A list of short words (specialisations, qualifications, languages): trimmed, each once. */
const tags = (what: string) =>
  z
    .array(z.string().trim().min(1, `An empty ${what} entry`).max(80, `Keep each ${what} entry under 80 characters`))
    .max(20, `At most 20 ${what}`)
    .transform((list) => [...new Map(list.map((t) => [t.toLowerCase(), t])).values()]);

/** Empty text is no text. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullable()
    .transform((v) => (v ? v : null));

export const clinicianIdInput = z.object({ clinicianId: z.uuid('Not a clinician id') });
export type ClinicianIdInput = z.infer<typeof clinicianIdInput>;

/** The profile as staff edit it. `listed` and `directoryOrder` are for admins and managers only. */
export const profileFields = z.object({
  title: optionalText(80, 'Keep the title under 80 characters'),
  specialisations: tags('specialisations'),
  qualifications: tags('qualifications'),
  languages: tags('languages'),
  bio: optionalText(2000, 'Keep the bio under 2000 characters'),
  feeMinor: z
    .number({ error: 'Enter the consultation fee' })
    .int('Whole paise')
    .min(0, 'The fee cannot be negative')
    .max(100_000_000, 'That fee is too high'),
  modes: z
    .array(z.enum(['in_person', 'online']))
    .min(1, 'Choose in person, online or both')
    .transform((modes) => [...new Set(modes)]),
  /** The appointment types this clinician offers (active types of the organization). */
  typeIds: z.array(z.uuid('Not an appointment type id')).max(500),
  listed: z.boolean().optional(),
  directoryOrder: z
    .number({ error: 'Enter a number' })
    .int('A whole number')
    .min(0, 'At least 0')
    .max(9999, 'At most 9999')
    .optional(),
});

export const updateProfileInput = clinicianIdInput.extend(profileFields.shape);
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

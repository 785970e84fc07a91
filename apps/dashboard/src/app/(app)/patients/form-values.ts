import { type PatientFields, patientFields } from '@carelane/api/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';

/** The form's own values: what the inputs hold (text, ticks), before the API's schema reads them. */
export type FormValues = {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  birthDate: string;
  sex: string;
  bloodGroup: string;
  address: { line1: string; line2: string; city: string; state: string; postalCode: string; country: string };
  emergencyContact: { name: string; phone: string; relationship: string };
  healthPlan: { insurer: string; plan: string; memberId: string; validTo: string };
  tags: string;
  leadSource: string;
  consentSms: boolean;
  consentWhatsapp: boolean;
  consentEmail: boolean;
  language: string;
  notes: string;
};

const blankToNull = (v: unknown) => (v === '' ? null : v);
/** A group left wholly blank means "none", not "a contact without a name". */
const blankGroupToNull = (v: unknown) =>
  v && typeof v === 'object' && Object.values(v).every((x) => x === '' || x == null) ? null : v;

const shape = patientFields.shape;

/**
 * The API's schema with the form's blanks read as "none" and tags typed as a comma list; every
 * rule and message is the API's own.
 */
export const patientFormSchema = patientFields.extend({
  birthDate: z.preprocess(blankToNull, shape.birthDate),
  sex: z.preprocess(blankToNull, shape.sex),
  bloodGroup: z.preprocess(blankToNull, shape.bloodGroup),
  emergencyContact: z.preprocess(blankGroupToNull, shape.emergencyContact),
  healthPlan: z.preprocess((v) => {
    const plan = blankGroupToNull(v);
    return plan && typeof plan === 'object' && 'validTo' in plan && plan.validTo === ''
      ? { ...plan, validTo: null }
      : plan;
  }, shape.healthPlan),
  tags: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(shape.tags.unwrap()),
});

export const EMPTY_FORM: FormValues = {
  firstName: '',
  lastName: '',
  phone: '',
  email: '',
  birthDate: '',
  sex: '',
  bloodGroup: '',
  address: { line1: '', line2: '', city: '', state: '', postalCode: '', country: '' },
  emergencyContact: { name: '', phone: '', relationship: '' },
  healthPlan: { insurer: '', plan: '', memberId: '', validTo: '' },
  tags: '',
  leadSource: '',
  consentSms: false,
  consentWhatsapp: false,
  consentEmail: false,
  language: 'en',
  notes: '',
};

type Stored = {
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  birthDate: string | null;
  sex: string | null;
  bloodGroup: string | null;
  address: Partial<Record<keyof FormValues['address'], string>> | null;
  emergencyContact: { name: string; phone: string; relationship?: string | null } | null;
  healthPlan: { insurer: string; plan?: string | null; memberId?: string | null; validTo?: string | null } | null;
  tags: string[];
  leadSource: string | null;
  consentSms: boolean;
  consentWhatsapp: boolean;
  consentEmail: boolean;
  language?: string;
  notes: string | null;
};

/** A stored record as the form shows it. */
export function toFormValues(p: Stored): FormValues {
  const a = p.address ?? {};
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    phone: p.phone ?? '',
    email: p.email ?? '',
    birthDate: p.birthDate ?? '',
    sex: p.sex ?? '',
    bloodGroup: p.bloodGroup ?? '',
    address: {
      line1: a.line1 ?? '',
      line2: a.line2 ?? '',
      city: a.city ?? '',
      state: a.state ?? '',
      postalCode: a.postalCode ?? '',
      country: a.country ?? '',
    },
    emergencyContact: {
      name: p.emergencyContact?.name ?? '',
      phone: p.emergencyContact?.phone ?? '',
      relationship: p.emergencyContact?.relationship ?? '',
    },
    healthPlan: {
      insurer: p.healthPlan?.insurer ?? '',
      plan: p.healthPlan?.plan ?? '',
      memberId: p.healthPlan?.memberId ?? '',
      validTo: p.healthPlan?.validTo ?? '',
    },
    tags: p.tags.join(', '),
    leadSource: p.leadSource ?? '',
    consentSms: p.consentSms,
    consentWhatsapp: p.consentWhatsapp,
    consentEmail: p.consentEmail,
    language: p.language ?? 'en',
    notes: p.notes ?? '',
  };
}

/** The preprocessing steps take unknown input, so the form's own value type is stated here. */
export const patientFormResolver = zodResolver(patientFormSchema) as unknown as Resolver<
  FormValues,
  unknown,
  PatientFields
>;

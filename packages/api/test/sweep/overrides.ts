import { DEFAULT_QUESTIONNAIRES, DEFAULT_TEMPLATES } from '@carelane/core';
import type { IdPicker } from './generate';
import type { Clinic } from './world';

/**
 * Identifiers of the other organization that are not UUIDs, so the generator cannot know them:
 * merged over the generated input, and the procedure counts as taking an id.
 */
export const FOREIGN_IDENTIFIERS: Record<string, (other: Clinic) => Record<string, unknown>> = {
  'clinicians.profile': (other) => ({ slug: other.clinicianSlug }),
  'confirmations.show': (other) => ({ token: other.confirmToken }),
  'confirmations.respond': (other) => ({ token: other.confirmToken }),
};

/**
 * Top-level fields the generator gets wrong for a procedure (rules JSON Schema cannot say), given
 * instead of generated; ids in them come from `id` like generated ones.
 */
export const OVERRIDES: Record<string, (id: IdPicker) => Record<string, unknown>> = {
  'appointments.createRecurring': () => ({ count: 2 }),
  'centres.create': () => ({ zone: 'Asia/Kolkata', mapUrl: null, phone: null }),
  'centres.update': () => ({ zone: 'Asia/Kolkata', mapUrl: null, phone: null }),
  // A line is for a treatment or for a visit, not both.
  'invoices.create': (id) => ({ lines: [{ treatmentId: id('treatmentId') }, { appointmentId: id('appointmentId') }] }),
  'messageTemplates.save': () => ({ body: DEFAULT_TEMPLATES.en.otp_sign_in.sms.body }),
  'organization.update': () => ({ zone: 'Asia/Kolkata' }),
  'organization.updateMessagingSettings': () => ({ quietHours: null }),
  'forms.publish': () => ({ questions: DEFAULT_QUESTIONNAIRES.general.questions }),
  'setup.complete': () => ({
    organization: { name: 'Sweep', slug: 'sweep-clinic', country: 'IN', currency: 'INR', zone: 'Asia/Kolkata' },
    centre: { name: 'Main', addressLine: '1 MG Road', city: 'Pune' },
    admin: { name: 'Sweep Admin', email: 'sweep.admin@example.com', password: 'river-lantern-42' },
  }),
};

/**
 * Id fields that may answer for another organization's row exactly as for a row that does not
 * exist, rather than NOT_FOUND: filters of a list (an unknown centre lists nothing) and ids to take
 * out of a list. The sweep checks the answer is the same as for a random id.
 */
export const AS_MISSING: Record<string, string[]> = {
  'calendar.view': ['clinicianId'],
  'clinicians.directory': ['centreId'],
  'invoices.list': ['centreId'],
  'messages.list': ['patientId'],
  'patients.list': ['clinicianId'],
  'patients.count': ['clinicianId'],
  'treatmentPlans.update': ['removeTreatmentIds'],
  'waitlist.list': ['clinicianId'],
};

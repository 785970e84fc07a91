import type { Database } from '@carelane/db';
import { sql } from 'drizzle-orm';

/** Where the rows of each kind a procedure can take an id of live: table, id column, and when made. */
const KINDS = {
  patient: ['patients', 'id', 'created_at'],
  household: ['households', 'id', 'created_at'],
  appointment: ['appointments', 'id', 'created_at'],
  recurringSeries: ['recurring_series', 'id', 'created_at'],
  appointmentType: ['appointment_types', 'id', 'created_at'],
  centre: ['centres', 'id', 'created_at'],
  staff: ['staff_users', 'id', 'created_at'],
  clinician: ['clinician_profiles', 'staff_user_id', 'created_at'],
  availabilityRule: ['availability_rules', 'id', 'created_at'],
  availabilityException: ['availability_exceptions', 'id', 'created_at'],
  hold: ['slot_holds', 'id', 'created_at'],
  waitlistEntry: ['waitlist_entries', 'id', 'created_at'],
  waitlistOffer: ['waitlist_offers', 'id', 'created_at'],
  invoice: ['invoices', 'id', 'created_at'],
  payment: ['payments', 'id', 'created_at'],
  refund: ['refunds', 'id', 'created_at'],
  paymentLink: ['payment_links', 'id', 'created_at'],
  gatewayOrder: ['gateway_orders', 'id', 'created_at'],
  procedure: ['procedures', 'id', 'created_at'],
  treatment: ['treatments', 'id', 'created_at'],
  treatmentPlan: ['treatment_plans', 'id', 'created_at'],
  clinicalNote: ['clinical_notes', 'id', 'created_at'],
  questionnaire: ['questionnaire_versions', 'id', 'created_at'],
  formRequest: ['form_requests', 'id', 'created_at'],
  formSubmission: ['form_submissions', 'id', 'submitted_at'],
  notification: ['notifications', 'id', 'created_at'],
  messageTemplate: ['message_templates', 'id', 'created_at'],
  patientImport: ['patient_imports', 'id', 'created_at'],
  file: ['files', 'id', 'created_at'],
} as const satisfies Record<string, readonly [table: string, column: string, made: string]>;

export type Kind = keyof typeof KINDS;
export const ALL_KINDS = Object.keys(KINDS) as Kind[];

/** An organization's ids of every kind, oldest first (the clinic's main patient, centre, clinician). */
export type IdsByKind = Record<Kind, string[]>;

export async function idsByKind(db: Database, organizationId: string): Promise<IdsByKind> {
  const entries = await Promise.all(
    ALL_KINDS.map(async (kind) => {
      const [table, column, made] = KINDS[kind];
      const rows = await db.execute<{ id: string }>(
        sql`select ${sql.identifier(column)}::text as id from ${sql.identifier(table)}
            where organization_id = ${organizationId} order by ${sql.identifier(made)}, 1`,
      );
      return [kind, rows.map((row) => row.id)] as const;
    }),
  );
  return Object.fromEntries(entries) as IdsByKind;
}

/** Id fields named after what they point at, wherever they appear in an input. */
const BY_FIELD: Record<string, Kind> = {
  patientId: 'patient',
  relatedPatientId: 'patient',
  survivorId: 'patient',
  duplicateId: 'patient',
  clinicianId: 'clinician',
  offeredBy: 'clinician',
  typeIds: 'appointmentType',
  userId: 'staff',
  actorId: 'staff',
  centreId: 'centre',
  centreIds: 'centre',
  typeId: 'appointmentType',
  appointmentId: 'appointment',
  invoiceId: 'invoice',
  paymentId: 'payment',
  procedureId: 'procedure',
  treatmentId: 'treatment',
  treatmentIds: 'treatment',
  addTreatmentIds: 'treatment',
  removeTreatmentIds: 'treatment',
  planId: 'treatmentPlan',
  noteId: 'clinicalNote',
  offerId: 'waitlistOffer',
};

/** A bare `id` is the procedure's own record: by procedure first, then by its router. */
const ID_BY_PROCEDURE: Record<string, Kind> = {
  'availability.removeException': 'availabilityException',
  'forms.revokeLink': 'formRequest',
  'forms.submission': 'formSubmission',
};
const ID_BY_ROUTER: Record<string, Kind> = {
  appointments: 'appointment',
  appointmentTypes: 'appointmentType',
  invoices: 'invoice',
  messages: 'notification',
  patientImports: 'patientImport',
  patients: 'patient',
  procedures: 'procedure',
  treatmentPlans: 'treatmentPlan',
  treatments: 'treatment',
  waitlist: 'waitlistEntry',
};

/** The kind of row a UUID field of a procedure's input names; undefined when nobody said. */
export function kindOf(path: string, field: string): Kind | undefined {
  if (field !== 'id') return BY_FIELD[field];
  return ID_BY_PROCEDURE[path] ?? ID_BY_ROUTER[path.split('.')[0] ?? ''];
}

import { fullName } from '@carelane/core';
import {
  appointments,
  auditLog,
  clinicalNotes,
  formRequests,
  formSubmissions,
  invoices,
  notifications,
  patients,
  payments,
  staffUsers,
  treatmentPlans,
  treatments,
  waitlistEntries,
} from '@carelane/db';
import { eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { TenantTable } from '../../tenancy';
import type { StaffContext } from '../../trpc';

type PatientOwned = { table: PgTable & TenantTable & { id: AnyPgColumn; patientId: AnyPgColumn }; label: string };

/** Kinds of record that belong to one patient, by the audit log's entity name. */
const PATIENT_OWNED: Record<string, PatientOwned> = {
  appointment: { table: appointments, label: 'Appointment' },
  invoice: { table: invoices, label: 'Invoice' },
  payment: { table: payments, label: 'Payment' },
  clinical_note: { table: clinicalNotes, label: 'Clinical note' },
  form_request: { table: formRequests, label: 'Form link' },
  form_submission: { table: formSubmissions, label: 'Form answers' },
  treatment: { table: treatments, label: 'Treatment' },
  treatment_plan: { table: treatmentPlans, label: 'Treatment plan' },
  waitlist_entry: { table: waitlistEntries, label: 'Waitlist entry' },
  notification: { table: notifications, label: 'Message' },
};

/** What other kinds of record are called; one missing is shown from its own name. */
const ENTITY_LABELS: Record<string, string> = {
  patient: 'Patient',
  staff_user: 'Staff member',
  auth_session: 'Session',
  organization: 'Organization',
  appointment_type: 'Appointment type',
  availability_exception: 'Time off or closure',
  household: 'Household',
  message_template: 'Message template',
  patient_import: 'Patient import',
  procedure: 'Procedure',
  questionnaire_version: 'Questionnaire',
  recurring_series: 'Recurring appointments',
  waitlist_offer: 'Waitlist offer',
  ...Object.fromEntries(Object.entries(PATIENT_OWNED).map(([entity, owned]) => [entity, owned.label])),
};

export function entityLabel(entity: string): string {
  const known = ENTITY_LABELS[entity];
  if (known) return known;
  const words = entity.replace(/[_.-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The kinds of record the entity filter offers. */
export const ENTITY_OPTIONS = Object.keys(ENTITY_LABELS)
  .map((entity) => ({ value: entity, label: entityLabel(entity) }))
  .sort((a, b) => a.label.localeCompare(b.label));

/**
 * Entries about one patient: on their record itself, and on every visit, bill, payment, note,
 * form, treatment, waitlist entry and message of theirs. The sub-queries are the tenant's rows.
 */
export function aboutPatient(ctx: StaffContext, patientId: string): SQL {
  const { db, tenant } = ctx;
  const owned = Object.entries(PATIENT_OWNED).map(
    ([entity, { table }]) =>
      sql`(${auditLog.entity} = ${entity} and ${auditLog.entityId} in (${db
        .select({ id: sql`${table.id}::text` })
        .from(table)
        .where(tenant.where(table, eq(table.patientId, patientId)))}))`,
  );
  return or(sql`(${auditLog.entity} = 'patient' and ${auditLog.entityId} = ${patientId})`, ...owned) as SQL;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AuditRecord = {
  entity: string;
  entityId: string | null;
  /** The kind of record: "Invoice". */
  kind: string;
  /** Which one: "Asha Rao (MRN 0042)", "Invoice 17 · Asha Rao"; the kind alone when it is gone or unnamed. */
  label: string;
  /** The dashboard page that shows it, when there is one. */
  href: string | null;
  patient: { id: string; name: string; mrn: string } | null;
};

/** Labels and links for the records of a page of entries, a few batched reads for the whole page. */
export async function describeRecords(
  ctx: StaffContext,
  entries: { entity: string; entityId: string | null }[],
): Promise<(e: { entity: string; entityId: string | null }) => AuditRecord> {
  const { db, tenant } = ctx;
  const idsOf = (entity: string) => [
    ...new Set(
      entries
        .filter((e) => e.entity === entity && e.entityId && UUID.test(e.entityId))
        .map((e) => e.entityId as string),
    ),
  ];

  // Which patient each patient-owned record belongs to.
  const ownerOf = new Map<string, string | null>();
  await Promise.all(
    Object.entries(PATIENT_OWNED).map(async ([entity, { table }]) => {
      const ids = idsOf(entity);
      if (ids.length === 0) return;
      const rows = await db
        .select({ id: sql<string>`${table.id}::text`, patientId: sql<string>`${table.patientId}::text` })
        .from(table)
        .where(tenant.where(table, inArray(table.id, ids)));
      for (const row of rows) ownerOf.set(`${entity}:${row.id}`, row.patientId);
    }),
  );
  const patientIds = [...new Set([...idsOf('patient'), ...[...ownerOf.values()].filter((id) => id !== null)])];
  const invoiceIds = idsOf('invoice');
  const staffIds = idsOf('staff_user');
  const [patientRows, invoiceRows, staffRows] = await Promise.all([
    patientIds.length
      ? db
          .select({ id: patients.id, firstName: patients.firstName, lastName: patients.lastName, mrn: patients.mrn })
          .from(patients)
          .where(tenant.where(patients, inArray(patients.id, patientIds)))
      : [],
    invoiceIds.length
      ? db
          .select({ id: invoices.id, number: invoices.number })
          .from(invoices)
          .where(tenant.where(invoices, inArray(invoices.id, invoiceIds)))
      : [],
    staffIds.length
      ? db
          .select({ id: staffUsers.id, name: staffUsers.name })
          .from(staffUsers)
          .where(tenant.where(staffUsers, inArray(staffUsers.id, staffIds)))
      : [],
  ]);
  const patientsById = new Map(patientRows.map((p) => [p.id, { id: p.id, name: fullName(p), mrn: p.mrn }]));
  const invoiceNumbers = new Map(invoiceRows.map((i) => [i.id, i.number]));
  const staffNames = new Map(staffRows.map((s) => [s.id, s.name]));

  return ({ entity, entityId }) => {
    const kind = entityLabel(entity);
    const base = { entity, entityId, kind, label: kind, href: null, patient: null };
    if (!entityId) return base;
    // An id that names none of the clinic's records (someone tried another clinic's id) is not repeated.
    const missing = { ...base, entityId: null, label: `${kind} (not found)` };
    if (entity === 'patient') {
      const patient = patientsById.get(entityId) ?? null;
      return patient
        ? { ...base, label: `${patient.name} (MRN ${patient.mrn})`, href: `/patients/${patient.id}`, patient }
        : missing;
    }
    if (entity === 'staff_user') {
      const name = staffNames.get(entityId);
      return name ? { ...base, label: name, href: '/staff' } : missing;
    }
    if (entity === 'organization') return { ...base, href: '/settings' };
    if (!(entity in PATIENT_OWNED)) return base;
    const ownerId = ownerOf.get(`${entity}:${entityId}`);
    if (ownerId === undefined) return missing;
    const patient = ownerId ? (patientsById.get(ownerId) ?? null) : null;
    if (!patient) return base;
    const number = entity === 'invoice' ? invoiceNumbers.get(entityId) : undefined;
    const what = number ? `${kind} ${number}` : entity === 'invoice' ? 'Draft invoice' : kind;
    const href =
      entity === 'invoice'
        ? `/invoices/${entityId}`
        : entity === 'form_submission'
          ? `/patients/${patient.id}/forms/${entityId}`
          : `/patients/${patient.id}`;
    return { ...base, label: `${what} · ${patient.name}`, href, patient };
  };
}

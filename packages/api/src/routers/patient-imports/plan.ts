import { type ImportablePatient, type ImportedPatient, importChanges } from '@carelane/core';
import { type DbOrTx, patients } from '@carelane/db';
import { isNull, sql } from 'drizzle-orm';
import type { Tenant } from '../../tenancy';

export type RowPlan =
  | { action: 'create'; rowNumber: number; patient: ImportedPatient }
  | { action: 'update'; rowNumber: number; patientId: string; changes: Partial<ImportablePatient> }
  | { action: 'unchanged'; rowNumber: number; patientId: string };

const importable = {
  id: patients.id,
  phone: patients.phone,
  firstName: patients.firstName,
  lastName: patients.lastName,
  email: patients.email,
  birthDate: patients.birthDate,
  sex: patients.sex,
  bloodGroup: patients.bloodGroup,
  address: patients.address,
  tags: patients.tags,
  healthPlan: patients.healthPlan,
  leadSource: patients.leadSource,
  notes: patients.notes,
};

/**
 * What each row does: a phone no live patient of the organization holds creates one; otherwise
 * the row updates that patient, or changes nothing. `lock` holds the matched patients until the
 * batch's transaction ends, so a concurrent edit waits rather than being overwritten unseen.
 */
export async function planRows(
  db: DbOrTx,
  tenant: Tenant,
  rows: { rowNumber: number; patient: ImportedPatient }[],
  lock = false,
): Promise<RowPlan[]> {
  if (rows.length === 0) return [];
  const query = db
    .select(importable)
    .from(patients)
    .where(
      tenant.where(
        patients,
        isNull(patients.mergedIntoId),
        // One array parameter, unnested: the planner probes the phone index per row even while the
        // table's statistics still describe it before the import (`= any` then meant a scan that
        // compared every patient with every phone of the batch).
        sql`${patients.phone} in (select unnest(${sql.param(rows.map((r) => r.patient.phone))}::text[]))`,
      ),
    );
  const existing = await (lock ? query.for('update') : query);
  const byPhone = new Map(existing.map((p) => [p.phone, p]));
  return rows.map(({ rowNumber, patient }) => {
    const match = byPhone.get(patient.phone);
    if (!match) return { action: 'create', rowNumber, patient };
    const changes = importChanges(match, patient);
    return Object.keys(changes).length > 0
      ? { action: 'update', rowNumber, patientId: match.id, changes }
      : { action: 'unchanged', rowNumber, patientId: match.id };
  });
}

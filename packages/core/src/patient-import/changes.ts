import type { Sex } from '../constants';
import type { ImportedPatient } from './row';

/** The fields of a stored patient an import may change. */
export type ImportablePatient = {
  firstName: string;
  lastName: string;
  email: string | null;
  birthDate: string | null;
  sex: Sex | null;
  bloodGroup: string | null;
  address: Record<string, string | undefined> | null;
  tags: string[];
  healthPlan: { insurer: string; plan?: string; memberId?: string; validTo?: string } | null;
  leadSource: string | null;
  notes: string | null;
};

/**
 * What an imported row changes on the patient already holding its phone: each field the row
 * fills and the record holds differently; address parts are merged and tags added, never
 * removed, so importing the same row twice changes nothing the second time.
 */
export function importChanges(existing: ImportablePatient, row: ImportedPatient): Partial<ImportablePatient> {
  const changes: Partial<ImportablePatient> = {};
  const scalars = ['firstName', 'lastName', 'email', 'birthDate', 'sex', 'bloodGroup', 'leadSource', 'notes'] as const;
  for (const field of scalars) {
    const value = row[field];
    // A row with a first name only leaves the stored last name alone.
    if (value === undefined || (field === 'lastName' && value === '')) continue;
    if (existing[field] !== value) Object.assign(changes, { [field]: value });
  }
  if (row.address) {
    const merged = { ...(existing.address ?? {}), ...row.address };
    const before = existing.address ?? {};
    if (Object.entries(merged).some(([key, value]) => before[key] !== value)) changes.address = merged;
  }
  // Another insurer replaces the plan (its plan name and member id were the old insurer's).
  if (row.healthPlan && existing.healthPlan?.insurer !== row.healthPlan.insurer) changes.healthPlan = row.healthPlan;
  if (row.tags) {
    const tags = [...new Set([...existing.tags, ...row.tags])].sort();
    if (row.tags.some((tag) => !existing.tags.includes(tag))) changes.tags = tags;
  }
  return changes;
}

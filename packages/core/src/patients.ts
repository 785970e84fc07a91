export const BLOOD_GROUPS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'] as const;
export type BloodGroup = (typeof BLOOD_GROUPS)[number];

/** How a patient relates to another when households are linked ('self' is the household's anchor). */
export const HOUSEHOLD_RELATIONSHIPS = ['self', 'parent', 'child', 'spouse', 'guardian', 'sibling', 'other'] as const;
export type HouseholdRelationship = (typeof HOUSEHOLD_RELATIONSHIPS)[number];
export const LINK_RELATIONSHIPS = ['parent', 'child', 'spouse', 'guardian', 'sibling', 'other'] as const;
export type LinkRelationship = (typeof LINK_RELATIONSHIPS)[number];

/** "A is B's parent" read from B's side. */
export const INVERSE_RELATIONSHIP: Record<LinkRelationship, LinkRelationship> = {
  parent: 'child',
  child: 'parent',
  guardian: 'child',
  spouse: 'spouse',
  sibling: 'sibling',
  other: 'other',
};

/**
 * The latest calendar date it is anywhere on Earth (UTC+14): a birth date after it is surely in
 * the future, whatever the clinic's zone.
 */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** Why a birth date (YYYY-MM-DD) cannot be right, or null. */
export function birthDateProblem(date: string, now: Date = new Date()): string | null {
  if (date > latestToday(now)) return 'The birth date cannot be in the future';
  if (date < '1900-01-01') return 'The birth date is before 1900';
  return null;
}

export type HouseholdMember = { id: string; phone: string | null; relationship: HouseholdRelationship | null };

/**
 * The number to reach a patient on: their own, else a guardian's, else a parent's; a child with
 * neither is reached through the household's anchor ('self'). A guardian's phone stands for a
 * minor's.
 */
export function contactPhone(
  patient: { phone: string | null; relationship: HouseholdRelationship | null },
  members: readonly HouseholdMember[],
): { phone: string; viaPatientId: string | null } | null {
  if (patient.phone) return { phone: patient.phone, viaPatientId: null };
  const order: HouseholdRelationship[] = ['guardian', 'parent'];
  if (patient.relationship === 'child') order.push('self');
  for (const relationship of order) {
    const member = members.find((m) => m.relationship === relationship && m.phone);
    if (member?.phone) return { phone: member.phone, viaPatientId: member.id };
  }
  return null;
}

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

/**
 * When duplicates merge, the survivor keeps what it has and takes from the duplicate only what
 * it lacks; tags are the union of both.
 */
export function fillEmptyFields<T extends Record<string, unknown>>(
  survivor: T,
  duplicate: T,
  fields: readonly (keyof T & string)[],
): Partial<T> {
  const filled: Partial<T> = {};
  for (const field of fields) {
    const mine = survivor[field];
    const theirs = duplicate[field];
    if (Array.isArray(mine) && Array.isArray(theirs)) {
      const union = [...new Set([...mine, ...theirs])];
      if (union.length > mine.length) filled[field] = union as T[typeof field];
    } else if (isEmpty(mine) && !isEmpty(theirs)) {
      filled[field] = theirs;
    }
  }
  return filled;
}

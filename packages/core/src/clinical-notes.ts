import type { StaffRole } from './constants';

/**
 * Whether a staff member may amend a clinical note: its author, or an admin, who answers for
 * the whole record. Others may only read it (a colleague adds a note of their own instead).
 * Whether the role may write notes at all is the permissions table's question, not this one.
 */
export function mayAmendNote(viewer: { userId: string; role: StaffRole }, note: { authorId: string }): boolean {
  return viewer.role === 'admin' || viewer.userId === note.authorId;
}

import { z } from 'zod';

/** A position in the log: the last entry's time (as Postgres prints it, microseconds kept) and id. */
export type AuditCursor = { at: string; id: number };

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

export function decodeAuditCursor(text: string): AuditCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, id] = value as unknown[];
    // As Postgres prints a timestamptz: "2026-01-01 00:00:00.123456+00".
    if (typeof at !== 'string' || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?$/.test(at)) return null;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) return null;
    return { at, id };
  } catch {
    return null;
  }
}

const localDate = (what: string) => z.iso.date(`Give the ${what} date as YYYY-MM-DD`);

/** The log's filters, shared by the list and the CSV export. */
const filters = {
  /** The staff member who did it. */
  actorId: z.uuid('Not a staff id').optional(),
  /** Entries about this patient: their record and the visits, bills, forms and notes that are theirs. */
  patientId: z.uuid('Not a patient id').optional(),
  action: z
    .string()
    .trim()
    .max(80, 'Not an action of the log')
    .regex(/^[a-zA-Z0-9_.]+$/, 'Not an action of the log')
    .optional(),
  entity: z
    .string()
    .trim()
    .max(40, 'Not a kind of record')
    .regex(/^[a-z_]+$/, 'Not a kind of record')
    .optional(),
  /** Local dates in the organization's zone, both days included. */
  from: localDate('first').optional(),
  to: localDate('last').optional(),
};

const datesInOrder = (r: { from?: string | undefined; to?: string | undefined }) => !r.from || !r.to || r.from <= r.to;
const toBeforeFrom = { path: ['to'], message: 'The last date cannot be before the first' };

const cursor = z
  .string()
  .max(200)
  .refine((c) => decodeAuditCursor(c) !== null, 'Not a cursor from this list; start again');

export const auditFiltersInput = z.object(filters).refine(datesInOrder, toBeforeFrom);
export type AuditFilters = z.infer<typeof auditFiltersInput>;

export const auditListInput = z
  .object({
    ...filters,
    cursor: cursor.optional(),
    limit: z.number().int().min(1, 'At least 1').max(100, 'At most 100').default(50),
  })
  .refine(datesInOrder, toBeforeFrom);
export type AuditListInput = z.infer<typeof auditListInput>;

export const patientAccessInput = z.object({
  patientId: z.uuid('Not a patient id'),
  cursor: cursor.optional(),
  limit: z.number().int().min(1, 'At least 1').max(100, 'At most 100').default(20),
});
export type PatientAccessInput = z.infer<typeof patientAccessInput>;

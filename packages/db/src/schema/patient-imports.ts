import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, organizationRef, updatedAt } from './columns';
import { staffUsers } from './staff';

export const PATIENT_IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'completed', 'failed'] as const;
export type PatientImportStatus = (typeof PATIENT_IMPORT_STATUSES)[number];

/**
 * A spreadsheet of patients being imported. The file sits in the data folder under
 * `imports/<id>.<format>`; the worker runs the job in batches, each batch one transaction that
 * also moves `processedRows` on, so a crash resumes after the last complete batch.
 */
export const patientImports = pgTable(
  'patient_imports',
  {
    id: id(),
    organizationId: organizationRef(),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => staffUsers.id),
    fileName: text('file_name').notNull(),
    format: text('format').notNull().$type<'csv' | 'xlsx'>(),
    fileBytes: integer('file_bytes').notNull(),
    status: text('status').notNull().$type<PatientImportStatus>().default('uploaded'),
    /** Index of the header row in the sheet, and field -> column index. */
    headerRow: integer('header_row'),
    headers: text('headers').array(),
    mapping: jsonb('mapping').$type<Record<string, number>>(),
    /** Data rows after the header (blank lines included); known after the dry run. */
    totalRows: integer('total_rows'),
    processedRows: integer('processed_rows').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    unchangedCount: integer('unchanged_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    /** Rows imported with an optional field left blank (listed in the report with the skipped ones). */
    warnedCount: integer('warned_count').notNull().default(0),
    /** A sentence for the dashboard when the job failed; never patient data. */
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    /** A worker holds the job until then; a job whose lease ran out is picked up again. */
    lockedUntil: instant('locked_until'),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('patient_imports_org_idx').on(t.organizationId, t.createdAt),
    index('patient_imports_due_idx').on(t.status, t.lockedUntil),
    check('patient_imports_status_check', sql`${t.status} in ('uploaded', 'queued', 'running', 'completed', 'failed')`),
    check('patient_imports_format_check', sql`${t.format} in ('csv', 'xlsx')`),
  ],
);

export const PATIENT_IMPORT_ROW_KINDS = ['skipped', 'warned'] as const;
export type PatientImportRowKind = (typeof PATIENT_IMPORT_ROW_KINDS)[number];

/**
 * A row the import skipped, or imported with fields left blank ('warned'), with its reasons and
 * its cells, for the downloadable report.
 */
export const patientImportSkips = pgTable(
  'patient_import_skips',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => patientImports.id, { onDelete: 'cascade' }),
    organizationId: organizationRef(),
    /** 1-based line of the sheet, as a spreadsheet shows it. */
    rowNumber: integer('row_number').notNull(),
    kind: text('kind').notNull().$type<PatientImportRowKind>().default('skipped'),
    reasons: text('reasons').notNull(),
    cells: text('cells').array().notNull(),
  },
  (t) => [
    uniqueIndex('patient_import_skips_key').on(t.importId, t.rowNumber),
    check('patient_import_skips_kind_check', sql`${t.kind} in ('skipped', 'warned')`),
  ],
);

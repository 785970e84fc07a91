import { type ColumnMapping, type ImportedPatient, localDate } from '@carelane/core';
import {
  auditLog,
  type Database,
  type DbOrTx,
  nextPatientMrn,
  organizations,
  type PatientImportRowKind,
  type PatientImportStatus,
  patientImportSkips,
  patientImports,
  patients,
} from '@carelane/db';
import { eq, sql } from 'drizzle-orm';
import { tenantOf, unscoped } from '../../tenancy';
import { removeImportFile } from './cleanup';
import { planRows } from './plan';
import { type ScannedRow, scanRows } from './scan';
import { importFilePath } from './sheet';

export const IMPORT_BATCH_SIZE = 500;
const LEASE = sql`now() + interval '2 minutes'`;
const MAX_ATTEMPTS = 3;

type ImportJob = typeof patientImports.$inferSelect;

export type RunImportOptions = {
  db: Database;
  dataDir: string;
  batchSize?: number;
  /** Called inside each batch's transaction before it commits (tests make one fail here). */
  beforeCommit?: (batch: number) => void | Promise<void>;
};

/** "SH-000301" and 3 -> SH-000301, SH-000302, SH-000303. */
function mrnRange(first: string, count: number): string[] {
  const match = /^(.*-)(\d+)$/.exec(first);
  const prefix = match?.[1] ?? '';
  const start = Number(match?.[2] ?? 0);
  const width = match?.[2]?.length ?? 6;
  return Array.from({ length: count }, (_, i) => `${prefix}${String(start + i).padStart(width, '0')}`);
}

/** The columns an import writes, as the database names them (the rest take their defaults). */
const INSERTED = {
  organizationId: 'organization_id',
  mrn: 'mrn',
  firstName: 'first_name',
  lastName: 'last_name',
  phone: 'phone',
  email: 'email',
  birthDate: 'birth_date',
  sex: 'sex',
  bloodGroup: 'blood_group',
  address: 'address',
  tags: 'tags',
  healthPlan: 'health_plan',
  leadSource: 'lead_source',
  notes: 'notes',
} as const satisfies Record<keyof InsertedPatient, string>;
type InsertedPatient = ImportedPatient & { organizationId: string; mrn: string };
type ReportedRow = { kind: PatientImportRowKind; rowNumber: number; reasons: string; cells: string[] };

/**
 * A batch of new patients as one JSON parameter the database unpacks into rows: building a
 * 500-row, 13-column INSERT through the query builder cost more CPU than the database spent
 * writing it.
 */
async function insertPatients(tx: DbOrTx, rows: InsertedPatient[]) {
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(INSERTED)) record[column] = row[key as keyof InsertedPatient] ?? null;
    // The column has no null; an absent list is an empty one.
    record.tags = row.tags ?? [];
    return record;
  });
  const columns = sql.raw(Object.values(INSERTED).join(', '));
  await tx.execute(sql`insert into ${patients} (${columns})
    select ${columns} from jsonb_populate_recordset(null::patients, ${JSON.stringify(records)}::jsonb)`);
}

/**
 * One batch, one transaction: creates, updates, skipped rows and the job's progress commit
 * together, so a crash leaves whole batches only and the job resumes after the last one.
 * Returns how many patients it created.
 */
async function commitBatch(
  options: RunImportOptions,
  job: ImportJob,
  rows: ScannedRow[],
  batch: number,
): Promise<number> {
  const tenant = tenantOf(job.organizationId);
  return options.db.transaction(async (tx) => {
    const valid = rows.flatMap((r) => (r.kind === 'patient' ? [{ rowNumber: r.rowNumber, patient: r.patient }] : []));
    const plans = await planRows(tx, tenant, valid, true);
    const creates = plans.flatMap((p) => (p.action === 'create' ? [p] : []));
    if (creates.length > 0) {
      // nextPatientMrn takes the organization's MRN lock for this transaction: the whole range is ours.
      const mrns = mrnRange(await nextPatientMrn(tx, tenant.organizationId), creates.length);
      await insertPatients(
        tx,
        creates.map(({ patient }, i) =>
          tenant.row({ ...patient, mrn: mrns[i] ?? '', leadSource: patient.leadSource ?? 'import' }),
        ),
      );
    }
    let updated = 0;
    for (const plan of plans) {
      if (plan.action !== 'update') continue;
      await tx.update(patients).set(plan.changes).where(eq(patients.id, plan.patientId));
      updated++;
    }
    // The report's rows: those skipped, and those imported with optional fields left blank.
    const reported = rows.flatMap((r): ReportedRow[] => {
      if (r.kind === 'skip') return [{ kind: 'skipped', rowNumber: r.rowNumber, reasons: r.reasons, cells: r.cells }];
      if (r.kind === 'patient' && r.warnings)
        return [{ kind: 'warned', rowNumber: r.rowNumber, reasons: r.warnings, cells: r.cells }];
      return [];
    });
    const skipped = reported.filter((r) => r.kind === 'skipped').length;
    if (reported.length > 0) {
      await tx
        .insert(patientImportSkips)
        .values(reported.map((r) => tenant.row({ importId: job.id, ...r })))
        .onConflictDoNothing();
    }
    await options.beforeCommit?.(batch);
    await tx
      .update(patientImports)
      .set({
        processedRows: sql`${patientImports.processedRows} + ${rows.length}`,
        createdCount: sql`${patientImports.createdCount} + ${creates.length}`,
        updatedCount: sql`${patientImports.updatedCount} + ${updated}`,
        unchangedCount: sql`${patientImports.unchangedCount} + ${plans.length - creates.length - updated}`,
        skippedCount: sql`${patientImports.skippedCount} + ${skipped}`,
        warnedCount: sql`${patientImports.warnedCount} + ${reported.length - skipped}`,
        lockedUntil: LEASE,
      })
      .where(eq(patientImports.id, job.id));
    return creates.length;
  });
}

/** Runs a claimed job from where it stopped to the end of its file. */
export async function runImport(options: RunImportOptions, job: ImportJob): Promise<void> {
  const [org] = await options.db
    .select({ country: organizations.country, zone: organizations.defaultZone })
    .from(organizations)
    .where(tenantOf(job.organizationId).organization());
  if (!org || job.headerRow === null || !job.mapping) throw new Error('import job is not ready');
  const size = options.batchSize ?? IMPORT_BATCH_SIZE;
  let batch: ScannedRow[] = [];
  let number = 0;
  const rows = scanRows({
    path: importFilePath(options.dataDir, job.id, job.format),
    format: job.format,
    headerRow: job.headerRow,
    mapping: job.mapping as ColumnMapping,
    country: org.country,
    today: localDate(new Date(), org.zone),
  });
  let sinceAnalyze = 0;
  // One batch is written while the next is read and parsed (the file work and the database work
  // take turns otherwise); batches still commit one after another, in order.
  let writing: Promise<void> = Promise.resolve();
  const write = async (full: ScannedRow[]) => {
    await writing;
    writing = (async () => {
      sinceAnalyze += await commitBatch(options, job, full, number++);
      if (sinceAnalyze >= ANALYZE_EVERY) {
        await analyzePatients(options.db);
        sinceAnalyze = 0;
      }
    })();
    // Handled where it is awaited (the next write or the end); this only stops Node calling it unhandled meanwhile.
    writing.catch(() => {});
  };
  // Rows before processedRows are read again (not written) so duplicates across batches are still seen.
  for await (const row of rows) {
    if (row.index < job.processedRows) continue;
    batch.push(row);
    if (batch.length >= size) {
      await write(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await write(batch);
  await writing;
  if (sinceAnalyze > 0) await analyzePatients(options.db);
}

/**
 * Fresh statistics once an import has grown the table: autovacuum gets to it within minutes, but
 * until then searches and the next import plan for the table as it was.
 */
const ANALYZE_EVERY = 20_000;
async function analyzePatients(db: Database) {
  try {
    await db.execute(sql`analyze ${patients}`);
  } catch {
    // Only the table's owner may analyze it; without that, autovacuum still will.
  }
}

async function finish(options: RunImportOptions, jobId: string, status: PatientImportStatus, error: string | null) {
  const { db } = options;
  const [job] = await db
    .update(patientImports)
    .set({ status, error, finishedAt: sql`now()`, lockedUntil: null })
    .where(eq(patientImports.id, jobId))
    .returning();
  if (!job) return;
  await removeImportFile(options.dataDir, job);
  // Who started it, which file, what it did: no patient data.
  await db.insert(auditLog).values({
    organizationId: job.organizationId,
    actorKind: 'staff',
    actorId: job.createdById,
    action: status === 'completed' ? 'patient_import.complete' : 'patient_import.fail',
    entity: 'patient_import',
    entityId: job.id,
    changes: {
      fileName: { to: job.fileName },
      rows: { to: job.processedRows },
      created: { to: job.createdCount },
      updated: { to: job.updatedCount },
      unchanged: { to: job.unchangedCount },
      skipped: { to: job.skippedCount },
      warned: { to: job.warnedCount },
    },
    success: status === 'completed',
  });
}

/**
 * Claims the oldest queued job (or one whose worker stopped holding it) and runs it. Claiming is
 * one conditional UPDATE over SKIP LOCKED, so several workers never run one job twice at once.
 * Returns whether a job was run.
 */
export async function runNextPatientImport(options: RunImportOptions): Promise<boolean> {
  const queue = unscoped(options.db, 'the worker takes the next import of any organization');
  const claimed = await queue.execute<{ id: string }>(sql`
    update patient_imports set status = 'running', attempts = attempts + 1, locked_until = ${LEASE},
      started_at = coalesce(started_at, now())
    where id = (
      select id from patient_imports
      where status in ('queued', 'running') and (locked_until is null or locked_until < now())
      order by created_at for update skip locked limit 1)
    returning id`);
  const id = claimed[0]?.id;
  if (!id) return false;
  const [job] = await options.db.select().from(patientImports).where(eq(patientImports.id, id));
  if (!job) return false;
  try {
    await runImport(options, job);
    await finish(options, id, 'completed', null);
  } catch (err) {
    console.error(
      `worker: import ${id} batch failed (${err instanceof Error ? err.name : 'error'}), attempt ${job.attempts}`,
    );
    if (job.attempts >= MAX_ATTEMPTS) {
      await finish(
        options,
        id,
        'failed',
        'The import stopped after repeated errors. The rows already imported are kept.',
      );
    } else {
      // Let it go: the next pass resumes after the last complete batch.
      await options.db.update(patientImports).set({ lockedUntil: null }).where(eq(patientImports.id, id));
    }
  }
  return true;
}

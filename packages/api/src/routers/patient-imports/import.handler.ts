import {
  type ColumnMapping,
  fullName,
  IMPORT_FIELD_NAMES,
  IMPORT_FIELDS,
  localDate,
  mappingProblems,
} from '@carelane/core';
import { organizations, patientImports } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, desc, eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { fieldError } from '../../field-error';
import type { StaffContext } from '../../trpc';
import type { DryRunInput, ImportIdInput } from './import.schema';
import { importView, loadImport } from './load';
import { planRows, type RowPlan } from './plan';
import { type ScannedRow, scanRows } from './scan';
import { importFilePath } from './sheet';

const FIELDS = IMPORT_FIELD_NAMES.map((field) => ({ field, label: IMPORT_FIELDS[field].label }));
const CHUNK = 1000;
const PROBLEMS_SHOWN = 100;
const PREVIEW_SHOWN = 20;

function dataDir(ctx: StaffContext): string {
  if (!ctx.dataDir)
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Imports are not set up on this server.' });
  return ctx.dataDir;
}

/** BAD_REQUEST on the mapping, in the { field, message } shape of schema errors. */
const badMapping = (message: string) => fieldError('mapping', message);

export async function importByIdHandler({ ctx, input }: { ctx: StaffContext; input: ImportIdInput }) {
  return { ...importView(await loadImport(ctx, input.id)), fields: FIELDS };
}

export async function listImportsHandler({ ctx }: { ctx: StaffContext }) {
  const jobs = await ctx.db
    .select()
    .from(patientImports)
    .where(ctx.tenant.where(patientImports))
    .orderBy(desc(patientImports.createdAt))
    .limit(20);
  return jobs.map(importView);
}

/**
 * Reads the whole file through the mapping without writing a patient: counts of what would be
 * created, updated, left unchanged and skipped, the skipped rows' reasons, the fields rows would
 * have left blank, and a preview. Keeps
 * the mapping and row count for the import itself. Audited (it reads patient records).
 */
export async function dryRunHandler({ ctx, input }: { ctx: StaffContext; input: DryRunInput }) {
  const job = await loadImport(ctx, input.id);
  if (job.status !== 'uploaded') {
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'This import has already started; upload the file again to change it.',
    });
  }
  const mapping = input.mapping as ColumnMapping;
  const [problem] = mappingProblems(mapping);
  if (problem) throw badMapping(problem);
  const width = job.headers?.length ?? 0;
  if (Object.values(mapping).some((index) => index >= width)) throw badMapping('That column is not in the file.');
  const [org] = await ctx.db
    .select({ country: organizations.country, zone: organizations.defaultZone })
    .from(organizations)
    .where(ctx.tenant.organization());
  if (!org) throw new TRPCError({ code: 'NOT_FOUND', message: 'Organization was not found.' });

  // `warned` counts rows imported with optional fields left blank (they also count as created or updated).
  const counts = { rows: 0, blank: 0, create: 0, update: 0, unchanged: 0, skip: 0, warned: 0 };
  const problems: { row: number; reasons: string }[] = [];
  const warnings: { row: number; reasons: string }[] = [];
  const preview: { row: number; action: RowPlan['action']; name: string }[] = [];
  const names = new Map<number, string>();
  let pending: Extract<ScannedRow, { kind: 'patient' }>[] = [];
  const flush = async () => {
    for (const plan of await planRows(ctx.db, ctx.tenant, pending)) {
      counts[plan.action]++;
      if (preview.length < PREVIEW_SHOWN)
        preview.push({ row: plan.rowNumber, action: plan.action, name: names.get(plan.rowNumber) ?? '' });
    }
    pending = [];
    names.clear();
  };
  for await (const row of scanRows({
    path: importFilePath(dataDir(ctx), job.id, job.format),
    format: job.format,
    headerRow: job.headerRow ?? 0,
    mapping,
    country: org.country,
    today: localDate(new Date(), org.zone),
  })) {
    counts.rows++;
    if (row.kind === 'blank') counts.blank++;
    else if (row.kind === 'skip') {
      counts.skip++;
      if (problems.length < PROBLEMS_SHOWN) problems.push({ row: row.rowNumber, reasons: row.reasons });
    } else {
      if (row.warnings) {
        counts.warned++;
        if (warnings.length < PROBLEMS_SHOWN) warnings.push({ row: row.rowNumber, reasons: row.warnings });
      }
      pending.push(row);
      if (preview.length < PREVIEW_SHOWN) names.set(row.rowNumber, fullName(row.patient));
      if (pending.length >= CHUNK) await flush();
    }
  }
  await flush();
  await ctx.db
    .update(patientImports)
    .set({ mapping, totalRows: counts.rows })
    .where(and(eq(patientImports.id, job.id), eq(patientImports.status, 'uploaded')));
  await audit(ctx, {
    action: 'patient_import.dry_run',
    entity: 'patient_import',
    entityId: job.id,
    changes: {
      fileName: { to: job.fileName },
      ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, { to: v }])),
    },
  });
  return { counts, problems, warnings, preview };
}

/** Queues a checked import for the worker. */
export async function startImportHandler({ ctx, input }: { ctx: StaffContext; input: ImportIdInput }) {
  const job = await loadImport(ctx, input.id);
  if (!job.mapping || job.totalRows === null) {
    throw badMapping('Check the file (dry run) before importing it.');
  }
  return ctx.db.transaction(async (tx) => {
    const [queued] = await tx
      .update(patientImports)
      .set({ status: 'queued' })
      .where(and(eq(patientImports.id, job.id), eq(patientImports.status, 'uploaded')))
      .returning();
    if (!queued) throw new TRPCError({ code: 'CONFLICT', message: 'This import has already been started.' });
    await audit(
      ctx,
      {
        action: 'patient_import.start',
        entity: 'patient_import',
        entityId: job.id,
        changes: { fileName: { to: job.fileName }, rows: { to: job.totalRows } },
      },
      tx,
    );
    return importView(queued);
  });
}

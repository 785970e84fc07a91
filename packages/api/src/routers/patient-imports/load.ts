import { patientImports } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';

/** An import of the caller's organization; another organization's is NOT_FOUND. */
export async function loadImport(ctx: StaffContext, id: string) {
  const [job] = await ctx.db
    .select()
    .from(patientImports)
    .where(ctx.tenant.where(patientImports, eq(patientImports.id, id)));
  if (!job) throw notFound('Import');
  return job;
}

/** What the dashboard shows of an import: never the file path or the worker's lease. */
export function importView(job: typeof patientImports.$inferSelect) {
  return {
    id: job.id,
    fileName: job.fileName,
    format: job.format,
    status: job.status,
    headerRow: job.headerRow,
    headers: job.headers ?? [],
    mapping: job.mapping ?? {},
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    created: job.createdCount,
    updated: job.updatedCount,
    unchanged: job.unchangedCount,
    skipped: job.skippedCount,
    warned: job.warnedCount,
    error: job.error,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

import { rm } from 'node:fs/promises';
import { type Database, patientImports } from '@carelane/db';
import { and, eq, lt, sql } from 'drizzle-orm';
import { unscoped } from '../../tenancy';
import { importFilePath, type SheetFormat } from './sheet';

/** An upload nobody starts is dropped after this many days, with its file. */
export const UNSTARTED_IMPORT_DAYS = 7;

/**
 * Deletes an import's uploaded file: patients' details should not sit on disk once the import
 * has ended (the skipped rows the report needs are kept in the database).
 */
export async function removeImportFile(dataDir: string, job: { id: string; format: SheetFormat }) {
  await rm(importFilePath(dataDir, job.id, job.format), { force: true });
}

/** Ends uploads left unstarted for UNSTARTED_IMPORT_DAYS and deletes their files. Returns how many. */
export async function expireUnstartedImports(options: { db: Database; dataDir: string }): Promise<number> {
  const expired = await unscoped(options.db, 'the worker expires old uploads of every organization')
    .update(patientImports)
    .set({
      status: 'failed',
      error: `Not started within ${UNSTARTED_IMPORT_DAYS} days, so the file was deleted. Upload it again to import it.`,
      finishedAt: sql`now()`,
    })
    .where(
      and(
        eq(patientImports.status, 'uploaded'),
        lt(patientImports.createdAt, sql`now() - make_interval(days => ${UNSTARTED_IMPORT_DAYS})`),
      ),
    )
    .returning({ id: patientImports.id, format: patientImports.format });
  for (const job of expired) await removeImportFile(options.dataDir, job);
  return expired.length;
}

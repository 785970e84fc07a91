import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { findHeaderRow, matchHeaders } from '@carelane/core';
import { patientImports } from '@carelane/db';
import { audit } from '../../audit';
import type { StaffContext } from '../../trpc';
import { firstRows } from './scan';
import { importFilePath, type SheetFormat } from './sheet';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const HEADER_SEARCH_ROWS = 30;

/** The upload went over MAX_IMPORT_BYTES while streaming. */
export class TooLarge extends Error {}

export function formatOf(fileName: string): SheetFormat | null {
  const ext = fileName.toLowerCase().split('.').pop();
  return ext === 'csv' || ext === 'xlsx' ? ext : null;
}

/**
 * Stores an uploaded spreadsheet in the data folder (streamed to disk, never held in memory),
 * finds its header row, suggests a mapping from the header names and records the import.
 */
export async function savePatientImport(
  ctx: StaffContext,
  dataDir: string,
  file: { name: string; body: Readable },
): Promise<typeof patientImports.$inferSelect> {
  const format = formatOf(file.name);
  if (!format) throw new TypeError('format');
  const id = randomUUID();
  const path = importFilePath(dataDir, id, format);
  await mkdir(dirname(path), { recursive: true });
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > MAX_IMPORT_BYTES ? new TooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(file.body, limit, createWriteStream(path));
    const rows = await firstRows(path, format, HEADER_SEARCH_ROWS);
    const found = findHeaderRow(rows);
    // No header we know: the first non-empty row, for the person to map by hand.
    const headerRow =
      found >= 0
        ? found
        : Math.max(
            0,
            rows.findIndex((r) => r.some((c) => c.trim() !== '')),
          );
    const headers = (rows[headerRow] ?? []).map((h) => h.trim());
    const [job] = await ctx.db
      .insert(patientImports)
      .values(
        ctx.tenant.row({
          id,
          createdById: ctx.principal.userId,
          fileName: file.name.slice(0, 200),
          format,
          fileBytes: (await stat(path)).size,
          headerRow,
          headers,
          mapping: matchHeaders(headers),
        }),
      )
      .returning();
    if (!job) throw new Error('import not recorded');
    await audit(ctx, {
      action: 'patient_import.upload',
      entity: 'patient_import',
      entityId: id,
      changes: { fileName: { to: job.fileName }, bytes: { to: job.fileBytes } },
    });
    return job;
  } catch (err) {
    await rm(path, { force: true });
    throw err;
  }
}

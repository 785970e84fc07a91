import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { findHeaderRow, matchHeaders } from '@carelane/core';
import { patientImports } from '@carelane/db';
import { audit } from '../../audit';
import type { ApiDeps } from '../../deps';
import { NO_STORE, problem, staffFromRequest } from '../../http-common';
import type { StaffContext } from '../../trpc';
import { firstRows } from './scan';
import { importFilePath, type SheetFormat } from './sheet';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const HEADER_SEARCH_ROWS = 30;

class TooLarge extends Error {}

function formatOf(fileName: string): SheetFormat | null {
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

/**
 * `POST /api/patient-imports?name=patients.csv` with the file as the raw body: 201 { id }.
 * A raw body (not multipart) lets the file stream straight to disk.
 */
export function createImportUploadHandler(getDeps: () => ApiDeps | Promise<ApiDeps>) {
  return async (req: Request): Promise<Response> => {
    const deps = await getDeps();
    const ctx = await staffFromRequest(deps, req, 'patients:import');
    if (ctx instanceof Response) return ctx;
    if (!deps.dataDir) return problem(503, 'Imports are not set up on this server.');
    const name = new URL(req.url).searchParams.get('name')?.trim() ?? '';
    if (!formatOf(name)) return problem(400, 'Choose a CSV or XLSX file.', 'file');
    if (!req.body) return problem(400, 'The file is empty.', 'file');
    if (Number(req.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES) {
      return problem(413, 'The file is larger than 50 MB. Split it into smaller files.', 'file');
    }
    try {
      const body = Readable.fromWeb(req.body as WebReadableStream<Uint8Array>);
      const job = await savePatientImport(ctx, deps.dataDir, { name, body });
      return Response.json({ id: job.id }, { status: 201, headers: NO_STORE });
    } catch (err) {
      if (err instanceof TooLarge)
        return problem(413, 'The file is larger than 50 MB. Split it into smaller files.', 'file');
      console.error(`upload ${ctx.requestId} failed: ${err instanceof Error ? err.name : 'Error'}`);
      return problem(400, 'This file could not be read as a spreadsheet.', 'file');
    }
  };
}

import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { ApiDeps } from '../deps';
import { formatOf, MAX_IMPORT_BYTES, savePatientImport, TooLarge } from '../routers/patient-imports/upload';
import { NO_STORE, problem, staffFromRequest } from './common';

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

import { type PatientImportRowKind, patientImportSkips } from '@carelane/db';
import { and, asc, eq, gt } from 'drizzle-orm';
import Papa from 'papaparse';
import { audit } from '../audit';
import type { ApiDeps } from '../deps';
import { loadImport } from '../routers/patient-imports/load';
import { problem, staffFromRequest } from './common';

const PAGE = 1000;
const RESULT: Record<PatientImportRowKind, string> = {
  skipped: 'Skipped',
  warned: 'Imported, fields left blank',
};

/**
 * `GET /api/patient-imports/report?id=…`: the skipped rows, and the rows imported with fields
 * left blank, as CSV (row number, what happened, why, then the row's own cells as the file holds
 * them under its headers), streamed page by page. Audited.
 */
export function createImportReportHandler(getDeps: () => ApiDeps | Promise<ApiDeps>) {
  return async (req: Request): Promise<Response> => {
    const ctx = await staffFromRequest(await getDeps(), req, 'patients:import');
    if (ctx instanceof Response) return ctx;
    const id = new URL(req.url).searchParams.get('id') ?? '';
    if (!/^[0-9a-f-]{36}$/i.test(id)) return problem(400, 'Not an import id', 'id');
    const job = await loadImport(ctx, id).catch(() => null);
    if (!job) return problem(404, 'Import was not found.');
    await audit(ctx, { action: 'patient_import.report', entity: 'patient_import', entityId: job.id });
    const encoder = new TextEncoder();
    let after = 0;
    let first = true;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (first) {
          first = false;
          const header = ['Row', 'Result', 'Reasons', ...(job.headers ?? [])];
          controller.enqueue(encoder.encode(`\uFEFF${Papa.unparse([header])}\r\n`));
          return;
        }
        const rows = await ctx.db
          .select()
          .from(patientImportSkips)
          .where(and(eq(patientImportSkips.importId, job.id), gt(patientImportSkips.rowNumber, after)))
          .orderBy(asc(patientImportSkips.rowNumber))
          .limit(PAGE);
        if (rows.length === 0) return controller.close();
        after = rows[rows.length - 1]?.rowNumber ?? after;
        const lines = rows.map((r) => [String(r.rowNumber), RESULT[r.kind], r.reasons, ...r.cells]);
        controller.enqueue(encoder.encode(`${Papa.unparse(lines)}\r\n`));
      },
    });
    const base = job.fileName.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '-');
    return new Response(stream, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${base}-skipped-rows.csv"`,
        'cache-control': 'no-store',
      },
    });
  };
}

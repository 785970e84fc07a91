import { PassThrough, Readable } from 'node:stream';
import { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { audit } from '../audit';
import type { ApiDeps } from '../deps';
import { zodDetails } from '../errors';
import { type PatientListInput, type PatientListItem, patientListInput } from '../routers/patients/list.schema';
import { listPatients } from '../routers/patients/list-query';
import type { StaffContext } from '../trpc';
import { NO_STORE, problem, staffFromRequest } from './common';

const PAGE = 100;
const HEADERS = [
  'MRN',
  'First name',
  'Last name',
  'Phone',
  'Email',
  'Date of birth',
  'Sex',
  'Tags',
  'Registered',
  'Last visit',
  'Next visit',
];

function cells(p: PatientListItem): string[] {
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
  return [
    p.mrn,
    p.firstName,
    p.lastName,
    p.phone ?? '',
    p.email ?? '',
    p.birthDate ?? '',
    p.sex ?? '',
    p.tags.join(', '),
    day(p.createdAt),
    day(p.lastVisitAt),
    day(p.nextVisitAt),
  ];
}

/** The list's query string (`?q=…&tags=a,b&sex=female…`) as the list procedure's input. */
function listInputFrom(params: URLSearchParams) {
  const raw: Record<string, unknown> = {};
  for (const key of [
    'q',
    'centreId',
    'clinicianId',
    'lastVisitFrom',
    'lastVisitTo',
    'sex',
    'healthPlan',
    'status',
    'sort',
    'order',
  ]) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const tags = params
    .getAll('tags')
    .flatMap((t) => t.split(','))
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length > 0) raw.tags = tags;
  for (const key of ['ageMin', 'ageMax']) if (params.get(key)) raw[key] = Number(params.get(key));
  const upcoming = params.get('hasUpcoming');
  if (upcoming === 'true' || upcoming === 'false') raw.hasUpcoming = upcoming === 'true';
  return patientListInput.safeParse({ ...raw, limit: PAGE });
}

/** Every patient of the filtered list, page by page through the list's own query. */
async function* listPages(ctx: StaffContext, input: PatientListInput): AsyncGenerator<PatientListItem[]> {
  let cursor: string | undefined;
  do {
    const page = await listPatients(ctx, { ...input, cursor });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

async function* csvChunks(pages: AsyncGenerator<PatientListItem[]>) {
  yield Buffer.from(`\uFEFF${Papa.unparse([HEADERS])}\r\n`);
  for await (const items of pages) {
    if (items.length > 0) yield Buffer.from(`${Papa.unparse(items.map(cells))}\r\n`);
  }
}

function xlsxStream(pages: AsyncGenerator<PatientListItem[]>): Readable {
  const out = new PassThrough();
  // The streaming writer: rows are committed and zipped as they come, not held as a workbook.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = book.addWorksheet('Patients');
  void (async () => {
    sheet.addRow(HEADERS).commit();
    for await (const items of pages) {
      for (const item of items) sheet.addRow(cells(item)).commit();
    }
    sheet.commit();
    await book.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error('export failed')));
  return out;
}

/**
 * `GET /api/patients/export?format=csv|xlsx&<the list's filters>`: the current filtered list,
 * streamed page by page. Audited with the format and filters.
 */
export function createPatientExportHandler(getDeps: () => ApiDeps | Promise<ApiDeps>) {
  return async (req: Request): Promise<Response> => {
    const ctx = await staffFromRequest(await getDeps(), req, 'patients:export');
    if (ctx instanceof Response) return ctx;
    const params = new URL(req.url).searchParams;
    const format = params.get('format') ?? 'csv';
    if (format !== 'csv' && format !== 'xlsx') return problem(400, 'Choose CSV or XLSX', 'format');
    const parsed = listInputFrom(params);
    if (!parsed.success) {
      const [detail] = zodDetails(parsed.error);
      return problem(400, detail?.message ?? 'Check the filters', detail?.field);
    }
    const { limit: _limit, ...filters } = parsed.data;
    const pages = listPages(ctx, parsed.data);
    // The first page is read before answering, so a refused filter (another centre) is an error, not an empty file.
    let first: IteratorResult<PatientListItem[]>;
    try {
      first = await pages.next();
    } catch (err) {
      if (err instanceof TRPCError && err.code === 'NOT_FOUND') return problem(404, err.message, 'centreId');
      throw err;
    }
    await audit(ctx, {
      action: 'patient.export',
      entity: 'patient',
      changes: { format: { to: format }, filters: { to: filters } },
    });
    async function* all() {
      if (!first.done) yield first.value;
      yield* pages;
    }
    const body = format === 'csv' ? Readable.from(csvChunks(all())) : xlsxStream(all());
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
      headers: {
        ...NO_STORE,
        'content-type':
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="patients-${stamp}.${format}"`,
      },
    });
  };
}

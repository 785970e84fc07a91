import { Readable } from 'node:stream';
import { TRPCError } from '@trpc/server';
import Papa from 'papaparse';
import { audit } from '../audit';
import type { ApiDeps } from '../deps';
import { zodDetails } from '../errors';
import { type AuditCursor, auditFiltersInput, decodeAuditCursor } from '../routers/audit/audit.schema';
import { type AuditEntryRow, auditConditions, auditPage } from '../routers/audit/entries';
import { organizationZone } from '../routers/messages/rows';
import type { StaffContext } from '../trpc';
import { NO_STORE, problem, staffFromRequest } from './common';

const PAGE = 500;
const FILTERS = ['actorId', 'patientId', 'action', 'entity', 'from', 'to'] as const;

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a tab or return before one) starts
 * with an apostrophe, so it is shown as text (OWASP's advice for CSV injection).
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** "phone: +9198… → +9197…; tags: [] → ["vip"]", one line for the spreadsheet. */
function changesText(changes: AuditEntryRow['changes']): string {
  if (!changes) return '';
  const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  return Object.entries(changes)
    .map(([field, { from, to }]) =>
      from === undefined ? `${field}: ${show(to)}` : `${field}: ${show(from)} → ${show(to)}`,
    )
    .join('; ');
}

function headers(zone: string): string[] {
  return [
    `When (${zone})`,
    'Who',
    'Role',
    'What',
    'Action',
    'Outcome',
    'Kind of record',
    'Record',
    'Record id',
    'MRN',
    'IP',
    'Changes',
  ];
}

function cells(e: AuditEntryRow, localTime: (at: Date) => string): string[] {
  return [
    localTime(e.at),
    e.who.name,
    e.who.role ?? '',
    e.what,
    e.action,
    e.success ? 'Done' : 'Failed',
    e.record.kind,
    e.record.label,
    e.record.entityId ?? '',
    e.record.patient?.mrn ?? '',
    e.ip ?? '',
    changesText(e.changes),
  ].map(safeCell);
}

async function* csvChunks(ctx: StaffContext, conditions: Awaited<ReturnType<typeof auditConditions>>, zone: string) {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const localTime = (at: Date) => format.format(at).replace(',', '');
  yield Buffer.from(`\uFEFF${Papa.unparse([headers(zone)])}\r\n`);
  let cursor: AuditCursor | null = null;
  do {
    const page = await auditPage(ctx, conditions, cursor, PAGE);
    if (page.entries.length > 0) {
      yield Buffer.from(`${Papa.unparse(page.entries.map((e) => cells(e, localTime)))}\r\n`);
    }
    cursor = page.nextCursor ? decodeAuditCursor(page.nextCursor) : null;
  } while (cursor);
}

/**
 * `GET /api/audit/export?<the log's filters>`: the filtered audit log as CSV, newest first,
 * streamed page by page. The export itself is audited, with its filters.
 */
export function createAuditExportHandler(getDeps: () => ApiDeps | Promise<ApiDeps>) {
  return async (req: Request): Promise<Response> => {
    const ctx = await staffFromRequest(await getDeps(), req, 'audit:read');
    if (ctx instanceof Response) return ctx;
    const params = new URL(req.url).searchParams;
    const raw: Record<string, string> = {};
    for (const key of FILTERS) {
      const value = params.get(key);
      if (value) raw[key] = value;
    }
    const parsed = auditFiltersInput.safeParse(raw);
    if (!parsed.success) {
      const [detail] = zodDetails(parsed.error);
      return problem(400, detail?.message ?? 'Check the filters', detail?.field);
    }
    const filters = parsed.data;
    let conditions: Awaited<ReturnType<typeof auditConditions>>;
    try {
      conditions = await auditConditions(ctx, filters);
    } catch (err) {
      if (err instanceof TRPCError && err.code === 'NOT_FOUND') {
        return problem(404, err.message, err.message.startsWith('Patient') ? 'patientId' : 'actorId');
      }
      throw err;
    }
    const zone = await organizationZone(ctx);
    // Written before the first row leaves, so an export that starts is always on record.
    await audit(ctx, { action: 'audit.export', entity: 'audit_log', changes: { filters: { to: filters } } });
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(Readable.toWeb(Readable.from(csvChunks(ctx, conditions, zone))) as ReadableStream<Uint8Array>, {
      headers: {
        ...NO_STORE,
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-log-${stamp}.csv"`,
      },
    });
  };
}

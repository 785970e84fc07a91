import { type ColumnMapping, type ImportedPatient, parseImportRow, type RowProblem } from '@carelane/core';
import { readSheet, type SheetFormat } from './sheet';

export type ScannedRow = {
  /** 0-based position among the data rows (after the header), blank rows included. */
  index: number;
  /** 1-based line of the sheet, as a spreadsheet shows it. */
  rowNumber: number;
  cells: string[];
} & (
  | { kind: 'blank' }
  /** `warnings` names the optional fields left blank ('' when none). */
  | { kind: 'patient'; patient: ImportedPatient; warnings: string }
  | { kind: 'skip'; reasons: string }
);

export type ScanOptions = {
  path: string;
  format: SheetFormat;
  headerRow: number;
  mapping: ColumnMapping;
  country: string;
  today: string;
};

export function problemsText(problems: RowProblem[]): string {
  return problems.map((p) => p.message).join('; ');
}

/**
 * The data rows of an uploaded sheet, each read through the mapping. A phone seen on an earlier
 * row makes the later row a skip ("same phone as row 12"), so the first occurrence wins. A row
 * with a name and a phone is a patient, its unreadable optional fields left blank and named.
 */
export async function* scanRows(options: ScanOptions): AsyncGenerator<ScannedRow> {
  const seen = new Map<string, number>();
  let line = -1;
  for await (const cells of readSheet(options.path, options.format)) {
    line++;
    if (line <= options.headerRow) continue;
    const base = { index: line - options.headerRow - 1, rowNumber: line + 1, cells };
    const parsed = parseImportRow(cells, options.mapping, { country: options.country, today: options.today });
    if (parsed.kind === 'blank') yield { ...base, kind: 'blank' };
    else if (parsed.kind === 'invalid') yield { ...base, kind: 'skip', reasons: problemsText(parsed.problems) };
    else {
      const first = seen.get(parsed.patient.phone);
      if (first !== undefined) yield { ...base, kind: 'skip', reasons: `Same phone as row ${first}` };
      else {
        seen.set(parsed.patient.phone, base.rowNumber);
        yield { ...base, kind: 'patient', patient: parsed.patient, warnings: problemsText(parsed.warnings) };
      }
    }
  }
}

/** The first rows of a sheet, to find its header row. */
export async function firstRows(path: string, format: SheetFormat, count: number): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of readSheet(path, format)) {
    rows.push(row);
    if (rows.length >= count) break;
  }
  return rows;
}

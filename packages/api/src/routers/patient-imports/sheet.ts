import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { MONTH_NAMES } from '@carelane/core';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export type SheetFormat = 'csv' | 'xlsx';

/** Where an uploaded file lives: the data folder, shared by the apps and the worker. */
export function importFilePath(dataDir: string, importId: string, format: SheetFormat): string {
  return join(dataDir, 'imports', `${importId}.${format}`);
}

/**
 * A date cell as the sheet shows it (the report shows cells as written), in a form the import
 * reads back as the same day: its own format when that puts the day before the month or the
 * year first ("dd-mm-yy", "d mmm yyyy", "yyyy-mm-dd"), else day first, "07/09/1990" (a
 * month-first "mm/dd/yy" would be read back day first). Excel keeps a date as a day count,
 * which exceljs gives as midnight UTC.
 */
export function dateText(date: Date, numFmt = ''): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = date.getUTCDate();
  const month = date.getUTCMonth();
  const year = String(date.getUTCFullYear());
  const parts: Record<string, string> = {
    d: String(day),
    dd: String(day).padStart(2, '0'),
    m: String(month + 1),
    mm: String(month + 1).padStart(2, '0'),
    mmm: MONTH_NAMES[month]?.slice(0, 3) ?? '',
    mmmm: MONTH_NAMES[month] ?? '',
    yy: year.slice(2),
    yyyy: year,
  };
  // The format without colours, locales, quoted text and any time part.
  const format = numFmt
    .toLowerCase()
    .replace(/\[[^\]]*\]|"[^"]*"|\\|;.*$/g, '')
    .trim();
  const tokens = format.match(/y+|m+|d+/g) ?? [];
  const dayFirst = tokens.findIndex((t) => t.startsWith('d')) < tokens.findIndex((t) => t.startsWith('m'));
  const readable =
    /^[dmy]+([-/. ,]+[dmy]+){2}$/.test(format) &&
    tokens.every((t) => t in parts) &&
    tokens.filter((t) => t.startsWith('y')).length === 1 &&
    (dayFirst || tokens[0]?.startsWith('y'));
  if (!readable) return `${parts.dd}/${parts.mm}/${year}`;
  return format.replace(/y+|m+|d+/g, (token) => parts[token] ?? token);
}

/** A spreadsheet cell as text: dates as the sheet shows them, formulas by their result, links by their text. */
export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value, numFmt);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if ('result' in v) return cellText(v.result, numFmt);
    return '';
  }
  return String(value);
}

const HIGH_WATER = 2000;

function cleanRow(row: unknown): string[] {
  return Array.isArray(row) ? row.map((c) => (typeof c === 'string' ? c.replace(/^\uFEFF/, '') : '')) : [];
}

async function* csvRows(path: string): AsyncGenerator<string[]> {
  // Papaparse's step mode over a file stream, paused while rows wait to be used: memory stays
  // flat however large the file (its Node duplex stream does not hold back and buffers them all).
  let queue: string[][] = [];
  let done = false;
  let failure: unknown = null;
  let parser: Papa.Parser | null = null;
  let paused = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  Papa.parse(createReadStream(path, { encoding: 'utf8' }), {
    skipEmptyLines: false,
    step: (result, p) => {
      parser = p;
      queue.push(cleanRow(result.data));
      if (queue.length >= HIGH_WATER && !paused) {
        paused = true;
        p.pause();
      }
      notify();
    },
    complete: () => {
      done = true;
      notify();
    },
    error: (err) => {
      failure = err;
      done = true;
      notify();
    },
  });
  try {
    while (true) {
      if (queue.length > 0) {
        const rows = queue;
        queue = [];
        if (paused) {
          paused = false;
          (parser as Papa.Parser | null)?.resume();
        }
        yield* rows;
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    if (!done) (parser as Papa.Parser | null)?.abort();
  }
}

async function* xlsxRows(path: string): AsyncGenerator<string[]> {
  // The streaming reader: rows of the first sheet as they are unzipped, never the whole book.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    let line = 0;
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      // Empty rows are not in the file; keep line numbers as the spreadsheet shows them.
      while (++line < row.number) yield [];
      const cells: string[] = [];
      // Cell by cell for its number format: a date cell is shown as the sheet formats it.
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value, cell.numFmt);
      });
      yield Array.from(cells, (text) => text ?? '');
    }
    return;
  }
}

/** The rows of a CSV file or of an XLSX file's first sheet, one at a time, in order. */
export function readSheet(path: string, format: SheetFormat): AsyncGenerator<string[]> {
  return format === 'csv' ? csvRows(path) : xlsxRows(path);
}

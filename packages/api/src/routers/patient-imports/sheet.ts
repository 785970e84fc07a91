import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export type SheetFormat = 'csv' | 'xlsx';

/** Where an uploaded file lives: the data folder, shared by the apps and the worker. */
export function importFilePath(dataDir: string, importId: string, format: SheetFormat): string {
  return join(dataDir, 'imports', `${importId}.${format}`);
}

/** A spreadsheet cell as text: dates as ISO instants, formulas by their result, links by their text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if ('result' in v) return cellText(v.result);
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
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      yield Array.from(values, cellText);
    }
    return;
  }
}

/** The rows of a CSV file or of an XLSX file's first sheet, one at a time, in order. */
export function readSheet(path: string, format: SheetFormat): AsyncGenerator<string[]> {
  return format === 'csv' ? csvRows(path) : xlsxRows(path);
}

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type Papa from '../packages/api/node_modules/@types/papaparse';
// Types only: the libraries are the API package's own (it writes the exports with them), loaded
// from there so the end-to-end tests do not carry a second copy.
import type ExcelJS from '../packages/api/node_modules/exceljs';

const fromApi = createRequire(new URL('../packages/api/package.json', import.meta.url));
const excel = fromApi('exceljs') as typeof ExcelJS;
const papa = fromApi('papaparse') as typeof Papa;

/** The rows of a downloaded CSV (header first), as the export wrote them. */
export async function readCsv(path: string): Promise<string[][]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  return papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

/** The rows of the first sheet of a downloaded XLSX (header first), every cell as text. */
export async function readXlsx(path: string): Promise<string[][]> {
  const book = new excel.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) cells.push(row.getCell(i).text);
    rows.push(cells);
  });
  return rows;
}

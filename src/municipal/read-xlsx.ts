// The first sheet of an Excel workbook (.xlsx) as a table of strings, read by read-excel-file. Date
// cells become YYYY-MM-DD and numbers their shortest decimal form, so reference-rows.ts sees what the
// spreadsheet shows.
import { readSheet, type CellValue } from 'read-excel-file/node';
import { BakenError } from '../domain/errors.ts';
import type { Table } from './reference-rows.ts';

export async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<Table> {
  let sheet: CellValue[][];
  try {
    sheet = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as CellValue[][];
  } catch (e) {
    throw new BakenError('INPUT_INVALID', `the file is no Excel workbook (.xlsx) that can be read: ${(e as Error).message}`);
  }
  if (sheet.length > maxRows + 1) throw new BakenError('INPUT_INVALID', `the file has more than ${maxRows} rows; split it or ask the operator`);
  const [header = [], ...rows] = sheet.map((row) => trimEnd(row.map(text)));
  return { header, rows };
}

function text(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/** Trailing empty cells are the sheet's width, not the row's data. */
function trimEnd(row: string[]): string[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === '') end--;
  return row.slice(0, end);
}

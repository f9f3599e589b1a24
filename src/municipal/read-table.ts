// A reference file as a table of strings, CSV or Excel (.xlsx) alike, within limits a municipality's
// register never reaches, so an upload cannot tie up the server.
import { BakenError } from '../domain/errors.ts';
import { readCsv } from './read-csv.ts';
import type { Table } from './reference-rows.ts';
import { readXlsx } from './read-xlsx.ts';

export const TABLE_LIMITS = { bytes: 20 * 1024 * 1024, rows: 200_000 } as const;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** A workbook is told by its content (a ZIP), not by the file's name, which users rename freely. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (bytes.length > TABLE_LIMITS.bytes) {
    throw new BakenError('INPUT_INVALID', `the file is ${mb(bytes.length)} MB; at most ${mb(TABLE_LIMITS.bytes)} MB can be imported at once`);
  }
  const table = ZIP_MAGIC.every((b, i) => bytes[i] === b) ? await readXlsx(bytes, TABLE_LIMITS.rows) : readCsv(bytes, TABLE_LIMITS.rows);
  if (table.header.every((h) => h.trim() === '')) throw new BakenError('INPUT_INVALID', 'the first row must hold the column names, and it is empty');
  return table;
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}

// CSV as RFC 4180 reads it (quotes, doubled quotes, line breaks inside quotes), parsed by csv-parse,
// with the separator a Dutch spreadsheet may choose instead of the comma: ";" when the header has
// more of them.
import { CsvError, parse } from 'csv-parse/sync';
import { BakenError } from '../domain/errors.ts';
import type { Table } from './reference-rows.ts';

export function readCsv(bytes: Uint8Array, maxRows: number): Table {
  let text: string;
  try {
    // The BOM that Excel writes before UTF-8 is dropped by the decoder.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new BakenError('INPUT_INVALID', 'the file is not UTF-8 text; save it as "CSV UTF-8" or as an Excel workbook (.xlsx)', { cause });
  }
  let records: string[][];
  try {
    // Blank lines are kept: reference-rows.ts numbers rows as the file does.
    records = parse(text, { delimiter: separatorOf(text), relax_column_count: true, skip_empty_lines: false, to_line: maxRows + 2 });
  } catch (cause) {
    if (!(cause instanceof CsvError)) throw cause;
    throw new BakenError('INPUT_INVALID', `the file is not valid CSV: ${cause.message}`, { cause });
  }
  if (records.length > maxRows + 1) throw new BakenError('INPUT_INVALID', `the file has more than ${maxRows} rows; split it or ask the operator`);
  const [header = [], ...rows] = records;
  return { header, rows };
}

function separatorOf(text: string): ',' | ';' {
  const firstLine = text.split(/\r?\n/, 1)[0]!.replace(/"[^"]*"/g, '');
  return firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
}

// CSV as RFC 4180 reads it (quotes, doubled quotes, line breaks inside quotes), with the separator a
// Dutch spreadsheet may choose instead of the comma: ";" when the header has more of them.
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
  const records = parseRecords(text, separatorOf(text), maxRows);
  const [header = [], ...rows] = records;
  return { header, rows };
}

function separatorOf(text: string): ',' | ';' {
  const firstLine = text.split(/\r?\n/, 1)[0]!.replace(/"[^"]*"/g, '');
  return firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
}

function parseRecords(text: string, separator: string, maxRows: number): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(cell);
    records.push(record);
    if (records.length > maxRows + 1) throw new BakenError('INPUT_INVALID', `the file has more than ${maxRows} rows; split it or ask the operator`);
    record = [];
    cell = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') quoted = false;
      else cell += c;
      i += 1;
    } else if (c === '"' && cell === '') {
      quoted = true;
      i += 1;
    } else if (c === separator) {
      record.push(cell);
      cell = '';
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += c;
      i += 1;
    }
  }
  if (quoted) throw new BakenError('INPUT_INVALID', `the file ends inside a quoted cell (record ${records.length + 1}); a quote is missing`);
  if (cell !== '' || record.length > 0) endRecord();
  return records;
}

// The first sheet of an Excel workbook (.xlsx, Office Open XML) as a table of strings. A workbook is a
// ZIP of XML parts; only the few parts a table needs are unpacked, and none larger than a limit, so a
// small file that inflates to gigabytes is refused. Date-formatted cells become YYYY-MM-DD, other
// numbers their shortest decimal form, so reference-rows.ts sees what the spreadsheet shows.
import { unzipSync } from 'fflate';
import { BakenError } from '../domain/errors.ts';
import type { Table } from './reference-rows.ts';

const MAX_PART_BYTES = 256 * 1024 * 1024;
const PARTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml']);

export function readXlsx(bytes: Uint8Array, maxRows: number): Table {
  const parts = unpack(bytes);
  const workbook = parts.get('xl/workbook.xml') ?? invalid('it has no workbook part (xl/workbook.xml)');
  const sheet = parts.get(firstSheetPath(workbook, parts.get('xl/_rels/workbook.xml.rels') ?? ''))
    ?? invalid('its first sheet is missing');
  const strings = sharedStrings(parts.get('xl/sharedStrings.xml') ?? '');
  const dateStyles = dateStylesOf(parts.get('xl/styles.xml') ?? '');
  const epoch = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook) ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);

  const rows: string[][] = [];
  for (const row of sheet.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const number = Number(attribute(row[1]!, 'r') ?? rows.length + 1);
    if (number > maxRows + 1) throw new BakenError('INPUT_INVALID', `the file has more than ${maxRows} rows; split it or ask the operator`);
    while (rows.length < number) rows.push([]);
    const cells = rows[number - 1]!;
    for (const cell of (row[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const ref = attribute(cell[1]!, 'r');
      const column = ref ? columnIndex(ref) : cells.length;
      while (cells.length < column) cells.push('');
      cells[column] = cellText(cell[1]!, cell[2] ?? '', strings, dateStyles, epoch);
    }
  }
  const [header = [], ...rest] = rows;
  return { header, rows: rest };
}

function unpack(bytes: Uint8Array): Map<string, string> {
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (!PARTS.has(f.name) && !f.name.startsWith('xl/worksheets/')) return false;
        if (f.originalSize > MAX_PART_BYTES) throw new BakenError('INPUT_INVALID', `the workbook part ${f.name} is too large to read`);
        return true;
      },
    });
    const decoder = new TextDecoder();
    return new Map(Object.entries(files).map(([name, data]) => [name, decoder.decode(data)]));
  } catch (err) {
    if (err instanceof BakenError) throw err;
    return invalid('it is no readable ZIP archive', err);
  }
}

function invalid(why: string, cause?: unknown): never {
  throw new BakenError('INPUT_INVALID', `the file is no Excel workbook (.xlsx): ${why}`, { cause });
}

/** The first sheet in the workbook's order, through its relationship to the part that holds it. */
function firstSheetPath(workbook: string, rels: string): string {
  const sheet = /<(?:\w+:)?sheet\b([^>]*)\/?>/.exec(workbook) ?? invalid('it has no sheet');
  const relId = /\br:id="([^"]*)"/.exec(sheet[1]!)?.[1];
  for (const rel of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    if (attribute(rel[1]!, 'Id') !== relId) continue;
    const target = attribute(rel[1]!, 'Target') ?? '';
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return 'xl/worksheets/sheet1.xml';
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((si) => texts(si[1]!));
}

/** The text of <t> elements, rich-text runs joined; phonetic hints (<rPh>) are not part of the text. */
function texts(xml: string): string {
  const plain = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  return [...plain.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)].map((t) => unescapeXml(t[1] ?? '')).join('');
}

/** Indexes into cellXfs whose number format shows a date: the built-in ones, or a custom code with day, month or year. */
function dateStylesOf(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const f of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) custom.set(Number(attribute(f[1]!, 'numFmtId')), unescapeXml(attribute(f[1]!, 'formatCode') ?? ''));
  const isDate = (id: number) => (id >= 14 && id <= 22) || (id >= 45 && id <= 47)
    || /[dmy]/i.test((custom.get(id) ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  const dates = new Set<number>();
  [...xfs.matchAll(/<(?:\w+:)?xf\b([^>]*)/g)].forEach((xf, i) => { if (isDate(Number(attribute(xf[1]!, 'numFmtId') ?? 0))) dates.add(i); });
  return dates;
}

function cellText(attrs: string, body: string, strings: string[], dateStyles: Set<number>, epoch: number): string {
  const type = attribute(attrs, 't') ?? 'n';
  if (type === 'inlineStr') return texts(body);
  const value = unescapeXml(/<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1] ?? '');
  if (type === 's') return strings[Number(value)] ?? '';
  if (type === 'b') return value === '1' ? 'TRUE' : 'FALSE';
  if (type !== 'n' || value === '') return value;
  const number = Number(value);
  if (dateStyles.has(Number(attribute(attrs, 's') ?? 0))) return new Date(epoch + Math.floor(number) * 86_400_000).toISOString().slice(0, 10);
  return String(number);
}

/** "AB12" → 27 (zero-based column). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/i.exec(ref)?.[0].toUpperCase() ?? 'A') n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function attribute(attrs: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];
}

function unescapeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string | undefined, dec: string | undefined, named: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec))
      : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[named!.toLowerCase()]!);
}

// From a municipality's own export (a table of strings) to checked reference rows (issue 14 item 2).
// A file is taken whole or not at all: every bad row is reported with its row number as the
// spreadsheet shows it (the header is row 1), so the sender can fix the file and send it again.
import type { RowError } from '../domain/errors.ts';
import { toE164 } from '../domain/phone.ts';
import { municipalityByCode } from './places.ts';
import type { KvkRow, LicenceRow, ReferenceKind, ReferenceRows, ReportRow } from './types.ts';

/** A file as read: the header and the rows after it; `rows[i]` is row i + 2 of the file. */
export interface Table { header: string[]; rows: string[][] }

/** Canonical field → the header of its column in the file. */
export type ColumnMapping = Readonly<Record<string, string>>;

export type RowsResult<K extends ReferenceKind> = { ok: true; rows: ReferenceRows[K][] } | { ok: false; errors: RowError[] };

/** The fields of each kind, those a row must fill first. An optional field may be left unmapped. */
export const REFERENCE_FIELDS = {
  licences: { required: ['licence', 'businessName', 'address', 'municipality', 'validFrom'], optional: ['postcode', 'validTo'] },
  kvk: { required: ['kvk', 'tradeName', 'address', 'municipality', 'sbi'], optional: ['postcode', 'phones'] },
  reports: { required: ['date', 'municipality', 'category', 'text'], optional: [] },
} as const satisfies Record<ReferenceKind, { required: readonly string[]; optional: readonly string[] }>;

export function referenceFields(kind: ReferenceKind): string[] {
  return [...REFERENCE_FIELDS[kind].required, ...REFERENCE_FIELDS[kind].optional];
}

/** A field not in `mapping` is looked for under its own name, so a file with canonical headers needs none. */
export function checkRows<K extends ReferenceKind>(kind: K, table: Table, mapping: ColumnMapping = {}): RowsResult<K> {
  const unknownFields = Object.keys(mapping).filter((f) => !referenceFields(kind).includes(f));
  if (unknownFields.length > 0) {
    return { ok: false, errors: unknownFields.map((f) => ({ row: 1, field: f, reason: `${kind} have no field "${f}"; the fields are ${referenceFields(kind).join(', ')}` })) };
  }
  const columns = columnsOf(kind, table.header, mapping);
  if (!columns.ok) return columns;
  const errors: RowError[] = [];
  const rows: ReferenceRows[K][] = [];
  const firstRowOf = new Map<string, number>();
  table.rows.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const row = i + 2;
    const cell = new RowReader(row, (field) => {
      const at = columns.index.get(field);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    });
    const checked = ROW_CHECKS[kind](cell);
    errors.push(...cell.errors);
    if (cell.errors.length > 0 || checked === null) return;
    if (kind === 'licences') {
      const licence = (checked as LicenceRow).licence;
      const first = firstRowOf.get(licence);
      if (first !== undefined) {
        errors.push({ row, field: 'licence', reason: `licence number ${licence} is already in row ${first}` });
        return;
      }
      firstRowOf.set(licence, row);
    }
    rows.push(checked as ReferenceRows[K]);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

function columnsOf(kind: ReferenceKind, header: string[], mapping: ColumnMapping): { ok: true; index: Map<string, number> } | { ok: false; errors: RowError[] } {
  const at = new Map(header.map((h, i) => [h.trim().toLowerCase(), i] as const).reverse());
  const index = new Map<string, number>();
  const errors: RowError[] = [];
  for (const field of referenceFields(kind)) {
    const name = mapping[field] ?? field;
    const i = at.get(name.trim().toLowerCase());
    if (i !== undefined) index.set(field, i);
    else if (mapping[field] !== undefined || (REFERENCE_FIELDS[kind].required as readonly string[]).includes(field)) {
      errors.push({ row: 1, field, reason: `no column "${name}" for ${field}; the header has ${header.map((h) => `"${h}"`).join(', ') || 'no columns'}` });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, index };
}

/** Reads one row's fields, collecting what is wrong with them instead of stopping at the first. */
class RowReader {
  readonly errors: RowError[] = [];
  readonly #row: number;
  readonly #cell: (field: string) => string;

  constructor(row: number, cell: (field: string) => string) {
    this.#row = row;
    this.#cell = cell;
  }

  fail(field: string, reason: string): null {
    this.errors.push({ row: this.#row, field, reason });
    return null;
  }

  text(field: string): string {
    const value = this.#cell(field);
    if (value === '') this.fail(field, `${field} is empty`);
    return value;
  }

  optional(field: string): string | null {
    const value = this.#cell(field);
    return value === '' ? null : value;
  }

  date(field: string): string | null {
    const value = this.text(field);
    return value === '' ? null : this.#date(field, value);
  }

  optionalDate(field: string): string | null {
    const value = this.optional(field);
    return value === null ? null : this.#date(field, value);
  }

  #date(field: string, value: string): string | null {
    const iso = isoDate(value);
    return iso ?? this.fail(field, `"${value}" is no date (expected dd-mm-jjjj or jjjj-mm-dd, a day that exists)`);
  }

  municipality(): string {
    const value = this.text('municipality');
    if (value === '') return '';
    const code = cbsCode(value);
    if (code === null || municipalityByCode(code) === undefined) this.fail('municipality', `"${value}" is no known CBS municipality code`);
    return code ?? '';
  }

  postcode(): string | null {
    const value = this.optional('postcode');
    if (value === null) return null;
    const m = /^(\d{4})\s*([A-Za-z]{2})?$/.exec(value);
    if (!m || m[1]!.startsWith('0')) return this.fail('postcode', `"${value}" is no Dutch postcode (expected 1234 AB)`);
    return m[2] ? `${m[1]} ${m[2].toUpperCase()}` : m[1]!;
  }

  /** Several numbers in one cell are separated by ";" (or ","). */
  phones(): string[] {
    const value = this.optional('phones') ?? '';
    const phones = new Set<string>();
    for (const raw of value.split(/[;,]/).map((p) => p.trim()).filter((p) => p !== '')) {
      const phone = toE164(raw);
      if (phone === undefined) this.fail('phones', `"${raw}" is no valid phone number`);
      else phones.add(phone);
    }
    return [...phones];
  }

  pattern(field: string, clean: (value: string) => string, valid: RegExp, expected: string): string {
    const value = this.text(field);
    if (value === '') return '';
    const cleaned = clean(value);
    if (!valid.test(cleaned)) this.fail(field, `"${value}" is no ${expected}`);
    return cleaned;
  }
}

const ROW_CHECKS: { [K in ReferenceKind]: (r: RowReader) => ReferenceRows[K] | null } = {
  licences: (r): LicenceRow | null => {
    const row: LicenceRow = {
      licence: r.text('licence').toUpperCase(), businessName: r.text('businessName'), address: r.text('address'), postcode: r.postcode(),
      municipality: r.municipality(), validFrom: r.date('validFrom') ?? '', validTo: r.optionalDate('validTo'),
    };
    if (row.validFrom !== '' && row.validTo !== null && row.validTo < row.validFrom) {
      return r.fail('validTo', `valid to ${row.validTo} is before valid from ${row.validFrom}`);
    }
    return row;
  },
  kvk: (r): KvkRow => ({
    // KvK numbers are eight digits; exports write them with spaces or dots, and spreadsheets drop a leading zero.
    kvk: r.pattern('kvk', (v) => v.replace(/[\s.]/g, '').padStart(8, '0'), /^\d{8}$/, 'KvK number (eight digits)'),
    tradeName: r.text('tradeName'), address: r.text('address'), postcode: r.postcode(), municipality: r.municipality(),
    sbi: r.pattern('sbi', (v) => v.replace(/[\s.]/g, ''), /^\d{2,5}$/, 'SBI code (two to five digits)'),
    phones: r.phones(),
  }),
  reports: (r): ReportRow => ({
    date: r.date('date') ?? '', municipality: r.municipality(), category: r.text('category'), text: r.text('text'),
  }),
};

/** dd-mm-jjjj, d-m-jjjj (also with / or .) or jjjj-mm-dd, as YYYY-MM-DD; null when no real day. */
export function isoDate(value: string): string | null {
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, m, d] = dutch ? [dutch[3]!, dutch[2]!, dutch[1]!] : iso ? [iso[1]!, iso[2]!, iso[3]!] : [];
  if (y === undefined) return null;
  const date = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  // Date rolls 31-02 over into March; a real day reads back the same.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : null;
}

/** "0392", "392" (a spreadsheet dropped the zero) or "GM0392" as "0392". */
function cbsCode(value: string): string | null {
  const m = /^(?:GM)?(\d{1,4})$/i.exec(value);
  return m ? m[1]!.padStart(4, '0') : null;
}

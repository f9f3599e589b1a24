// CSV as RFC 4180 writes it (comma, CRLF, quotes doubled), safe to open in a spreadsheet: a cell
// that starts like a formula is prefixed with a quote so Excel or LibreOffice shows it as text
// instead of running it (OWASP "CSV injection"). Ad text comes from hostile sites.

export type CsvCell = string | number | null;

/** Characters a spreadsheet reads as the start of a formula (or DDE), tab and CR included. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  // A number we wrote ourselves is data, never a formula (a negative score stays a number).
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header line and one line per row, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

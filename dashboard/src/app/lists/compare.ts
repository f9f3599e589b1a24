// Ads side by side: one row per field any of the ads has (themes store different fields), one value
// per ad, and whether the values differ. Pure, so it is tested without a browser.

/** The fields of one ad as GET /api/ads/:id answers them (the theme's allow-list). */
export type Fields = Readonly<Record<string, unknown>>;

export interface CompareRow {
  field: string;
  /** One per ad, in the order the ads were given; '' where an ad lacks the field. */
  values: string[];
  /** True when not every ad has the same value (a missing value counts as different). */
  differs: boolean;
}

/** The order extraction names them in (src/domain/ad.ts); fields outside it follow alphabetically. */
const FIELD_ORDER = ['title', 'alias', 'city', 'age', 'phones', 'email', 'licence', 'languages', 'services', 'prices', 'posted', 'text', 'images'];

export function compareRows(ads: readonly Fields[]): CompareRow[] {
  const names = new Set<string>();
  for (const fields of ads) for (const [name, value] of Object.entries(fields)) if (!isEmpty(value)) names.add(name);
  return [...names].sort(byFieldOrder).map((field) => {
    const values = ads.map((fields) => fieldText(fields[field]));
    return { field, values, differs: values.some((v) => normalised(v) !== normalised(values[0] ?? '')) };
  });
}

/** A field's value as one line of text: lists joined, prices as "label: amount currency". */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(fieldText).filter((v) => v !== '').join(', ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o['amount'] === 'number') {
      const money = `${String(o['amount'])} ${typeof o['currency'] === 'string' ? o['currency'] : ''}`.trim();
      return typeof o['label'] === 'string' && o['label'] !== '' ? `${o['label']}: ${money}` : money;
    }
    return Object.entries(o).map(([k, v]) => `${k}: ${fieldText(v)}`).join(', ');
  }
  return String(value);
}

/** Whether a selection of n ads can be compared: two to four, so each column stays readable. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;
export function canCompare(n: number): boolean {
  return n >= COMPARE_MIN && n <= COMPARE_MAX;
}

/** The ads picked for comparing after one is ticked or unticked: never more than COMPARE_MAX. */
export function togglePick(ids: readonly string[], id: string): string[] {
  if (ids.includes(id)) return ids.filter((x) => x !== id);
  return ids.length < COMPARE_MAX ? [...ids, id] : [...ids];
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function normalised(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function byFieldOrder(a: string, b: string): number {
  const [i, j] = [FIELD_ORDER.indexOf(a), FIELD_ORDER.indexOf(b)];
  if (i !== -1 || j !== -1) return (i === -1 ? Infinity : i) - (j === -1 ? Infinity : j);
  return a.localeCompare(b);
}

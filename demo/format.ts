// How the platforms write values for people: phone numbers in the styles Dutch ads use, dates.

/** Styles seen in Dutch ads; index 1, 2 and 3 contain spaces. */
const PHONE_STYLES = [
  (n: string) => `06-${n.slice(2)}`,
  (n: string) => `+31 6 ${n.slice(2, 6)} ${n.slice(6)}`,
  (n: string) => `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`,
  (n: string) => `06 ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8)}`,
];
export const PHONE_STYLE_COUNT = PHONE_STYLES.length;

/** "+31612345678" in one of the styles, e.g. "06-12345678" or "+31 6 1234 5678". */
export function formatPhone(e164: string, style: number): string {
  const national = `0${e164.slice(3)}`;
  const format = PHONE_STYLES[style % PHONE_STYLES.length] as (n: string) => string;
  return format(national);
}

/** The same number written with spaces, whatever style the ad chose. */
export function formatPhoneSpaced(e164: string, style: number): string {
  return formatPhone(e164, style === 0 ? 3 : style);
}

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september',
  'oktober', 'november', 'december'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** "2026-03-02" → "2 maart 2026" or "2 March 2026". */
export function formatDate(iso: string, lang: 'nl' | 'en'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${(lang === 'nl' ? MONTHS_NL : MONTHS_EN)[m - 1]} ${y}`;
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Lower case without diacritics, so "Zoë" and "ZOE" compare equal. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function slugify(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

// What the municipality's own registers say about one ad: its licence number against the licence
// register, its phones and title against the Chamber of Commerce extract, and the crime reports of
// its municipality that name its phones or trade name. Each match says why, in words a supervisor
// checks against the register itself. Pure.
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import type { KvkRow, LicenceRow, LicenceStatus, Municipality, PlaceResolution, ReferenceMatches, ReportRow } from './types.ts';

export interface MatchableAd { city?: string; title?: string; licence?: string; phones?: string[] }
export interface ReferenceSet { licences: LicenceRow[]; kvk: KvkRow[]; reports: ReportRow[] }

/** Trade names shorter than this are common words ("Spa"), not names: they would match any title. */
const MIN_TRADE_NAME = 4;

export function matchAd(ad: MatchableAd, place: PlaceResolution, refs: ReferenceSet, asOf: string): ReferenceMatches {
  const kvk = kvkMatches(ad, refs.kvk);
  return { licence: licenceMatch(ad, place, refs.licences, asOf), kvk, reports: reportMatches(ad, place, kvk.map((k) => k.row), refs.reports) };
}

/** Case, spaces, dashes and dots differ between an ad and the register, not the number. */
function normaliseLicence(licence: string): string {
  return licence.replace(/[\s\-‐‑–—_.]/gu, '').toUpperCase();
}

function licenceMatch(ad: MatchableAd, place: PlaceResolution, rows: readonly LicenceRow[], asOf: string): ReferenceMatches['licence'] {
  const number = ad.licence === undefined ? '' : normaliseLicence(ad.licence);
  const result = (status: LicenceStatus, reason: string, row: LicenceRow | null) => ({ status, reason, row });
  if (number === '') return result('absent', 'The ad shows no licence number', null);
  const shown = ad.licence!.trim();
  const row = rows.find((r) => normaliseLicence(r.licence) === number);
  if (!row) return result('unknown', `Licence number ${shown} is not in the licence register`, null);
  if (row.validFrom > asOf) return result('expired', `Licence ${row.licence} is valid only from ${dutchDate(row.validFrom)}`, row);
  if (row.validTo !== null && row.validTo < asOf) return result('expired', `Licence ${row.licence} expired on ${dutchDate(row.validTo)}`, row);
  const elsewhere = otherMunicipality(place, row.municipality);
  if (elsewhere) return result('other-municipality', `Licence ${row.licence} is registered in municipality ${row.municipality}, the ad is in ${elsewhere}`, row);
  const pc4 = postcodeIn(ad.city);
  const registered = row.postcode === null ? null : postcodeIn(row.postcode);
  if (pc4 !== null && registered !== null && pc4 !== registered) {
    return result('other-address', `Licence ${row.licence} is registered at postcode ${row.postcode}, the ad names postcode ${pc4}`, row);
  }
  const where = place.status === 'unknown' ? '; the ad\'s place could not be resolved, so only the number was checked' : ` in ${describe(place)}`;
  return result('valid', `Licence ${row.licence} is valid on ${dutchDate(asOf)}${where}`, row);
}

/** The ad's place when the register names another municipality; null when it agrees or cannot tell. */
function otherMunicipality(place: PlaceResolution, code: string): string | null {
  if (place.status === 'resolved') return place.municipality.code === code ? null : describe(place);
  if (place.status === 'ambiguous') return place.candidates.some((c) => c.code === code) ? null : describe(place);
  return null;
}

function describe(place: PlaceResolution): string {
  const name = (m: Municipality) => `${m.name} (${m.code})`;
  if (place.status === 'resolved') return name(place.municipality);
  if (place.status === 'ambiguous') return place.candidates.map(name).join(' or ');
  return 'an unknown place';
}

function kvkMatches(ad: MatchableAd, rows: readonly KvkRow[]): ReferenceMatches['kvk'] {
  const phones = new Set(ad.phones ?? []);
  const title = ad.title === undefined ? '' : ` ${words(ad.title)} `;
  const found: ReferenceMatches['kvk'] = [];
  for (const row of rows) {
    const phone = row.phones.find((p) => phones.has(p));
    if (phone !== undefined) found.push({ row, on: 'phone', reason: `Phone ${phone} is registered with KvK ${row.kvk} (${row.tradeName})` });
    const name = words(row.tradeName);
    if (name.length >= MIN_TRADE_NAME && title.includes(` ${name} `)) {
      found.push({ row, on: 'trade-name', reason: `Trade name "${row.tradeName}" (KvK ${row.kvk}) appears in the ad's title` });
    }
  }
  return found;
}

function reportMatches(ad: MatchableAd, place: PlaceResolution, kvk: readonly KvkRow[], rows: readonly ReportRow[]): ReferenceMatches['reports'] {
  if (place.status !== 'resolved') return [];
  const phones = new Set(ad.phones ?? []);
  const names = [...new Set(kvk.map((k) => k.tradeName))].filter((n) => words(n).length >= MIN_TRADE_NAME);
  const found: ReferenceMatches['reports'] = [];
  for (const row of rows) {
    if (row.municipality !== place.municipality.code) continue;
    const what = `Report of ${dutchDate(row.date)} (${row.category})`;
    const phone = phonesIn(row.text).find((p) => phones.has(p));
    const text = ` ${words(row.text)} `;
    const name = names.find((n) => text.includes(` ${words(n)} `));
    if (phone !== undefined) found.push({ row, reason: `${what} names phone ${phone}` });
    else if (name !== undefined) found.push({ row, reason: `${what} names trade name "${name}"` });
  }
  return found;
}

/** Phone numbers in free text in any common Dutch notation (06-12345678, 06 1234 5678, +31 6…), as E.164. */
function phonesIn(text: string): string[] {
  return findPhoneNumbersInText(text, 'NL').map((found) => found.number.number);
}

/** Lower case, accents and punctuation dropped, words separated by one space. */
function words(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The four digits of a Dutch postcode in a text ("2011 AB Haarlem" → "2011"), or null. */
export function postcodeIn(text: string | undefined | null): string | null {
  return text ? /\b([1-9]\d{3})\s?[A-Za-z]{2}\b/.exec(text)?.[1] ?? /^\s*([1-9]\d{3})\s*$/.exec(text)?.[1] ?? null : null;
}

/** PC4 → CBS code, from the addresses in the licence register and KvK extract: how a postcode in an
 *  ad finds its municipality (places.ts). A PC4 seen in two municipalities settles nothing. */
export function postcodeMunicipalities(refs: Pick<ReferenceSet, 'licences' | 'kvk'>): Map<string, string> {
  const seen = new Map<string, string | null>();
  for (const row of [...refs.licences, ...refs.kvk]) {
    const pc4 = postcodeIn(row.postcode);
    if (pc4 !== null) seen.set(pc4, seen.has(pc4) && seen.get(pc4) !== row.municipality ? null : row.municipality);
  }
  return new Map([...seen].flatMap(([pc4, code]) => (code === null ? [] : [[pc4, code] as [string, string]])));
}

/** YYYY-MM-DD as dd-mm-yyyy, the way Dutch registers write dates. */
function dutchDate(iso: string): string {
  const [y, mo, d] = iso.split('-');
  return `${d}-${mo}-${y}`;
}

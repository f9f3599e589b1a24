// The search as the address holds it: every filter a query parameter, so a search can be shared and
// the back button returns to the one before. Defaults are left out of the address.
import type { FacetCount } from './search-types';

export const SORTS = ['score', 'lastSeen', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];
export const SCORE_BANDS = ['0-4', '5-9', '10-19', '20+'] as const;

export interface SearchQuery {
  q: string;
  theme: string | null;
  source: string | null;
  city: string | null;
  scoreBand: string | null;
  minIndicators: number | null;
  phone: string | null;
  /** UTC dates (YYYY-MM-DD): seen in the period, i.e. last seen on or after `from`, first seen on or before `to`. */
  from: string | null;
  to: string | null;
  sort: Sort;
}

export type FilterKey = 'theme' | 'source' | 'city' | 'scoreBand' | 'minIndicators' | 'phone' | 'from' | 'to';

export const EMPTY_QUERY: SearchQuery = {
  q: '', theme: null, source: null, city: null, scoreBand: null, minIndicators: null, phone: null, from: null, to: null, sort: 'score',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^\+[1-9]\d{6,14}$/;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Reads the address's query parameters; a value the API would refuse is dropped rather than sent. A
 *  theme outside `themes` (the user's) is dropped too, and so is the phone filter when not allowed. */
export function queryFromParams(
  get: (name: string) => string | null, themes: readonly string[], phoneAllowed: boolean,
): SearchQuery {
  const text = (name: string, max: number) => {
    const v = get(name)?.trim() ?? '';
    return v === '' || v.length > max ? null : v;
  };
  const theme = text('theme', 64);
  const source = text('source', 64);
  const band = text('scoreBand', 10);
  const min = text('minIndicators', 4);
  const phone = text('phone', 16);
  const from = text('from', 10);
  const to = text('to', 10);
  const sort = text('sort', 10);
  return {
    q: text('q', 200) ?? '',
    theme: theme !== null && themes.includes(theme) ? theme : null,
    source: source !== null && ID.test(source) ? source : null,
    city: text('city', 100),
    scoreBand: band !== null && (SCORE_BANDS as readonly string[]).includes(band) ? band : null,
    minIndicators: min !== null && /^\d{1,4}$/.test(min) ? Number(min) : null,
    phone: phoneAllowed && phone !== null && PHONE.test(phone) ? phone : null,
    from: from !== null && DATE.test(from) ? from : null,
    to: to !== null && DATE.test(to) ? to : null,
    sort: sort !== null && (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : 'score',
  };
}

/** The query parameters of the address, without defaults: the same search always has the same address. */
export function paramsOf(query: SearchQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.q.trim() !== '') out['q'] = query.q.trim();
  for (const key of ['theme', 'source', 'city', 'scoreBand', 'phone', 'from', 'to'] as const) {
    const v = query[key];
    if (v !== null && v !== '') out[key] = v;
  }
  if (query.minIndicators !== null) out['minIndicators'] = String(query.minIndicators);
  if (query.sort !== 'score') out['sort'] = query.sort;
  return out;
}

/** GET /api/ads's parameters for one page of this search. */
export function apiParams(query: SearchQuery, page: number, pageSize: number): Record<string, string> {
  return { ...paramsOf(query), sort: query.sort, page: String(page), pageSize: String(pageSize) };
}

export function sameQuery(a: SearchQuery, b: SearchQuery): boolean {
  return JSON.stringify(paramsOf(a)) === JSON.stringify(paramsOf(b));
}

/** The query with one filter set, or cleared when it is given null or the value it already has
 *  (a facet clicked twice is switched off). */
export function toggled<K extends FilterKey>(query: SearchQuery, key: K, value: SearchQuery[K]): SearchQuery {
  return { ...query, [key]: query[key] === value ? null : value };
}

export function withFilter<K extends FilterKey>(query: SearchQuery, key: K, value: SearchQuery[K]): SearchQuery {
  return { ...query, [key]: value };
}

/** The filters in force, for the chips that show and clear them. */
export function activeFilters(query: SearchQuery): { key: FilterKey; value: string }[] {
  const keys: FilterKey[] = ['theme', 'source', 'city', 'scoreBand', 'minIndicators', 'phone', 'from', 'to'];
  return keys.flatMap((key) => (query[key] === null ? [] : [{ key, value: String(query[key]) }]));
}

/** The indicator-count facet as "at least n" choices, matching the minIndicators filter: each count is
 *  the number of matches with n or more indicators. Highest n last. */
export function atLeastCounts(counts: readonly FacetCount[]): { min: number; count: number }[] {
  const exact = counts
    .map((c) => ({ n: Number(c.value), count: c.count }))
    .filter((c) => Number.isInteger(c.n) && c.n >= 1)
    .sort((a, b) => a.n - b.n);
  let running = exact.reduce((sum, c) => sum + c.count, 0);
  return exact.map((c) => {
    const out = { min: c.n, count: running };
    running -= c.count;
    return out;
  });
}

/** Facet values that can be a filter: '(none)' counts the matches without a value, which no filter selects. */
export function choosable(counts: readonly FacetCount[]): FacetCount[] {
  return counts.filter((c) => c.value !== '(none)');
}

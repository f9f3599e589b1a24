// Search over the latest capture of each ad: FTS5 for words, plain columns and the lookup tables of
// schema-api.sql.ts for the filters, and one grouped pass for the facets.
import type { SQLInputValue, StatementSync } from 'node:sqlite';
import { cityKey } from '../ad-keys.ts';
import { FacetCounter, scoreBand } from '../search-facets.ts';
import { pageOf, wordTokens } from '../search-terms.ts';
import type { NetworkLink, SearchFacets, SearchHit, SearchQuery, SearchResult } from '../store.ts';

type Sql = (text: string) => StatementSync;

interface HitRow {
  id: string; theme: string; source: string; url: string; title: string | null; city: string | null;
  score: number; indicator_count: number; last_seen: string;
}
interface FacetRow { source: string; city_key: string | null; indicator_count: number; score: number; month: string; n: number }

const THEME_IN = 'a.theme IN (SELECT value FROM json_each(:themes))';

export function searchAds(sql: Sql, query: SearchQuery): SearchResult {
  const tokens = wordTokens(query.text);
  const empty = query.facets ? { total: 0, hits: [], facets: countFacets([]) } : { total: 0, hits: [] };
  if (query.themes.length === 0 || tokens?.length === 0 || query.ids?.length === 0) return empty;
  // Fixed SQL fragments only; every value the caller gave is a bound parameter.
  const where = [THEME_IN];
  const params: Record<string, SQLInputValue> = { themes: JSON.stringify(query.themes) };
  const filter = (fragment: string, name: string, value: SQLInputValue | undefined) => {
    if (value === undefined) return;
    where.push(fragment);
    params[name] = value;
  };
  if (tokens) filter('a.rid IN (SELECT rowid FROM ads_fts WHERE ads_fts MATCH :match)', 'match', tokens.map((t) => `"${t}"`).join(' AND '));
  filter('a.source = :source', 'source', query.source);
  filter('c.city_key = :city', 'city', query.city === undefined ? undefined : cityKey(query.city));
  filter('c.score >= :minScore', 'minScore', query.minScore);
  filter('c.id IN (SELECT capture_id FROM capture_phones WHERE phone = :phone)', 'phone', query.phone);
  filter('c.id IN (SELECT capture_id FROM capture_indicators WHERE indicator = :indicator)', 'indicator', query.indicator);
  filter('a.last_seen >= :from', 'from', query.from);
  filter('a.first_seen <= :to', 'to', query.to);
  filter('a.id IN (SELECT value FROM json_each(:ids))', 'ids', query.ids === undefined ? undefined : JSON.stringify(query.ids));
  const from = `FROM ads a JOIN captures c ON c.id = a.latest_capture_id WHERE ${where.join(' AND ')}`;

  let total: number;
  let facets: SearchFacets | undefined;
  if (query.facets) {
    // One grouped pass gives the total and every facet; grouping in SQL keeps the rows few.
    const rows = sql(`
      SELECT a.source, c.city_key, json_array_length(c.hits) AS indicator_count, c.score,
        substr(a.last_seen, 1, 7) AS month, count(*) AS n
      ${from} GROUP BY 1, 2, 3, 4, 5`).all(params) as unknown as FacetRow[];
    total = rows.reduce((sum, r) => sum + r.n, 0);
    facets = countFacets(rows);
  } else {
    total = Number(sql(`SELECT count(*) AS n ${from}`).get(params)?.['n'] ?? 0);
  }
  const { limit, offset } = pageOf(query);
  const rows = total === 0 ? [] : sql(`
    SELECT a.id, a.theme, a.source, a.url, json_extract(c.fields, '$.title') AS title,
      json_extract(c.fields, '$.city') AS city, c.score, json_array_length(c.hits) AS indicator_count, a.last_seen
    ${from} ORDER BY c.score DESC, a.last_seen DESC, a.id LIMIT :limit OFFSET :offset`)
    .all({ ...params, limit, offset }) as unknown as HitRow[];
  const hits = rows.map(toHit);
  return facets ? { total, hits, facets } : { total, hits };
}

/** Links by the same E.164 number in the latest capture of two ads of one theme. */
export function phoneLinks(sql: Sql, adId: string, themes: string[]): NetworkLink[] | null {
  const me = sql(`SELECT a.theme, a.latest_capture_id FROM ads a WHERE a.id = :id AND ${THEME_IN}`)
    .get({ id: adId, themes: JSON.stringify(themes) }) as { theme: string; latest_capture_id: string } | undefined;
  if (!me) return null;
  const rows = sql(`
    SELECT other.id AS ad_id, mine.phone
    FROM capture_phones mine
    JOIN capture_phones theirs ON theirs.phone = mine.phone AND theirs.capture_id <> mine.capture_id
    JOIN ads other ON other.latest_capture_id = theirs.capture_id AND other.theme = :theme
    WHERE mine.capture_id = :capture
    ORDER BY other.id, mine.phone`)
    .all({ capture: me.latest_capture_id, theme: me.theme }) as unknown as { ad_id: string; phone: string }[];
  const links = new Map<string, NetworkLink>();
  for (const r of rows) {
    const link = links.get(r.ad_id) ?? { adId: r.ad_id, reasons: [] };
    link.reasons.push({ kind: 'shared-phone', phone: r.phone });
    links.set(r.ad_id, link);
  }
  return [...links.values()];
}

function countFacets(rows: FacetRow[]): SearchFacets {
  const city = new FacetCounter();
  const source = new FacetCounter();
  const indicatorCount = new FacetCounter();
  const band = new FacetCounter();
  const month = new FacetCounter();
  for (const r of rows) {
    city.add(r.city_key, r.n);
    source.add(r.source, r.n);
    indicatorCount.add(String(r.indicator_count), r.n);
    band.add(scoreBand(r.score), r.n);
    month.add(r.month, r.n);
  }
  return {
    city: city.result('count'), source: source.result('count'), indicatorCount: indicatorCount.result('value'),
    scoreBand: band.result('value'), month: month.result('value'),
  };
}

function toHit(r: HitRow): SearchHit {
  return {
    id: r.id, theme: r.theme, source: r.source, url: r.url, title: r.title, city: r.city,
    score: r.score, indicatorCount: r.indicator_count, lastSeen: r.last_seen,
  };
}

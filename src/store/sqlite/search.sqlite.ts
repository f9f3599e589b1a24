// Search over the latest capture of each ad: FTS5 for words, the narrow ad_search table and the
// lookup tables of schema-api.sql.ts for filters, one grouped pass for the facets, and the wide
// capture rows read only for the page shown.
import type { SQLInputValue, StatementSync } from 'node:sqlite';
import { cityKey } from '../ad-keys.ts';
import { FacetCounter, scoreBand } from '../search-facets.ts';
import { pageOf, wordTokens } from '../search-terms.ts';
import type { SearchFacets, SearchHit, SearchQuery, SearchResult } from '../store.ts';

type Sql = (text: string) => StatementSync;

interface HitRow {
  rid: number; id: string; theme: string; source: string; url: string; title: string | null; city: string | null;
  score: number; indicator_count: number; last_seen: string;
}
interface FacetRow { source: string; city_key: string | null; indicator_count: number; score: number; month: string; n: number }
interface MatchRow extends FacetRow { part: 0 | 1; rid: number | null }

export function searchAds(sql: Sql, query: SearchQuery): SearchResult {
  const tokens = wordTokens(query.text);
  const empty = query.facets ? { total: 0, hits: [], facets: countFacets([]) } : { total: 0, hits: [] };
  if (query.themes.length === 0 || tokens?.length === 0 || query.ids?.length === 0) return empty;
  // Fixed SQL fragments only; every value the caller gave is a bound parameter.
  const where = ['s.theme IN (SELECT value FROM json_each(:themes))'];
  const params: Record<string, SQLInputValue> = { themes: JSON.stringify(query.themes) };
  const filter = (fragment: string, name: string, value: SQLInputValue | undefined) => {
    if (value === undefined) return;
    where.push(fragment);
    params[name] = value;
  };
  if (tokens) filter('ads_fts MATCH :match', 'match', tokens.map((t) => `"${t}"`).join(' AND '));
  filter('s.source = :source', 'source', query.source);
  filter('s.city_key = :city', 'city', query.city === undefined ? undefined : cityKey(query.city));
  filter('s.score >= :minScore', 'minScore', query.minScore);
  filter('s.capture_id IN (SELECT capture_id FROM capture_phones WHERE phone = :phone)', 'phone', query.phone);
  filter('s.capture_id IN (SELECT capture_id FROM capture_indicators WHERE indicator = :indicator)', 'indicator', query.indicator);
  filter('s.last_seen >= :from', 'from', query.from);
  filter('s.first_seen <= :to', 'to', query.to);
  filter('s.rid IN (SELECT rid FROM ads WHERE id IN (SELECT value FROM json_each(:ids)))', 'ids', query.ids === undefined ? undefined : JSON.stringify(query.ids));
  // Driving the join from the full-text match measured about 15% faster than filtering ad_search by it.
  const matches = `SELECT s.rid, s.source, s.city_key, s.indicator_count, s.score, s.last_seen
    FROM ${tokens ? 'ads_fts JOIN ad_search s ON s.rid = ads_fts.rowid' : 'ad_search s'} WHERE ${where.join(' AND ')}`;
  const { limit, offset } = pageOf(query);
  // One statement: the matches are found once, then grouped for the total and facets and ranked for
  // the page (measured 20% faster at 100,000 ads than a statement each).
  const rows = sql(`
    WITH m AS MATERIALIZED (${matches})
    SELECT 0 AS part, source, city_key, indicator_count, score, substr(last_seen, 1, 7) AS month, count(*) AS n, NULL AS rid
      FROM m GROUP BY 2, 3, 4, 5, 6
    UNION ALL
    SELECT * FROM (SELECT 1, NULL, NULL, NULL, score, last_seen, NULL, rid FROM m ORDER BY score DESC, last_seen DESC, rid LIMIT :limit OFFSET :offset)`)
    .all({ ...params, limit, offset }) as unknown as MatchRow[];
  const groups = rows.filter((r) => r.part === 0) as FacetRow[];
  const total = groups.reduce((sum, r) => sum + r.n, 0);
  const hits = shownHits(sql, rows.filter((r) => r.part === 1).map((r) => r.rid!));
  return query.facets ? { total, hits, facets: countFacets(groups) } : { total, hits };
}

/** The shown page, in rank order, with the fields only the wide capture rows hold. */
function shownHits(sql: Sql, rids: number[]): SearchHit[] {
  if (rids.length === 0) return [];
  const rows = sql(`
    SELECT a.rid, a.id, a.theme, a.source, a.url, json_extract(c.fields, '$.title') AS title,
      json_extract(c.fields, '$.city') AS city, s.score, s.indicator_count, s.last_seen
    FROM ads a JOIN captures c ON c.id = a.latest_capture_id JOIN ad_search s ON s.rid = a.rid
    WHERE a.rid IN (SELECT value FROM json_each(:rids))`).all({ rids: JSON.stringify(rids) }) as unknown as HitRow[];
  const byRid = new Map(rows.map((r) => [r.rid, r]));
  return rids.map((rid) => toHit(byRid.get(rid)!));
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

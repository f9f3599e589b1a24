// Search over the latest capture of each ad. The database answers what only it can: FTS5 for words,
// the lookup tables of schema-api.sql.ts for phone and indicator, the ads for ids; each such filter
// gives a set of rids. SearchColumns, an in-memory copy of the narrow ad_search rows, filters the rest,
// counts the facets and ranks the page; the wide capture rows are read only for the page shown.
// ad_search_changes numbers every change to ad_search, so the copy follows writes of this connection
// and of every other process (a crawl) by reading only the rows changed since it last looked.
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { cityKey } from '../../domain/ad-keys.ts';
import { parseRids, SearchColumns } from '../search-columns.ts';
import { pageOf, wordTokens } from '../search-terms.ts';
import type { SearchHit, SearchQuery, SearchResult } from '../store.ts';

type Sql = (text: string) => StatementSync;

interface HitRow {
  rid: number; id: string; theme: string; source: string; url: string; title: string | null; city: string | null;
  score: number; indicator_count: number; first_seen: string; last_seen: string; age: unknown; picture: number | boolean;
}
type Row = [rid: number, theme: string, source: string, cityKey: string | null, score: number,
  indicatorCount: number, firstSeen: string, lastSeen: string];

const ROW = 's.theme, s.source, s.city_key, s.score, s.indicator_count, s.first_seen, s.last_seen';

export class SqliteSearch {
  readonly #db: DatabaseSync;
  readonly #sql: Sql;
  #columns: SearchColumns | null = null;
  #rev = 0;
  #deletions = 0;

  constructor(db: DatabaseSync, sql: Sql) {
    this.#db = db;
    this.#sql = sql;
  }

  search(query: SearchQuery): SearchResult {
    const tokens = wordTokens(query.text);
    if (query.themes.length === 0 || tokens?.length === 0 || query.ids?.length === 0) {
      return query.facets ? { total: 0, hits: [], facets: { city: [], source: [], indicatorCount: [], scoreBand: [], month: [] } } : { total: 0, hits: [] };
    }
    const { limit, offset } = pageOf(query);
    // One read transaction: the columns, the candidate rids and the page rows are one snapshot even
    // while a crawl in another process writes.
    return this.#snapshot(() => {
      const columns = this.#current();
      const { total, page, facets } = columns.query({
        themes: query.themes, candidates: this.#candidates(query, tokens), source: query.source,
        cityKey: query.city === undefined ? undefined : cityKey(query.city), minScore: query.minScore,
          scoreBand: query.scoreBand, minIndicators: query.minIndicators, sort: query.sort,
        from: query.from, to: query.to, facets: query.facets === true, limit, offset,
      });
      const hits = this.#shown(page);
      return facets ? { total, hits, facets } : { total, hits };
    });
  }

  /** The rids matching every filter the database answers, or null when the query has none. Every value
   *  the caller gave is a bound parameter; the words are quoted so FTS5 reads no syntax in them. */
  #candidates(query: SearchQuery, tokens: string[] | null): number[] | null {
    const sets: number[][] = [];
    const add = (text: string, value: SQLInputValue | undefined) => {
      if (value !== undefined) sets.push(parseRids(this.#sql(`SELECT group_concat(rid) AS rids FROM (${text})`).get(value)?.['rids']));
    };
    add('SELECT rowid AS rid FROM ads_fts WHERE ads_fts MATCH ?', tokens?.map((t) => `"${t}"`).join(' AND '));
    add('SELECT a.rid FROM capture_phones p JOIN ads a ON a.latest_capture_id = p.capture_id WHERE p.phone = ?', query.phone);
    add('SELECT a.rid FROM capture_indicators i JOIN ads a ON a.latest_capture_id = i.capture_id WHERE i.indicator = ?', query.indicator);
    add('SELECT rid FROM ads WHERE id IN (SELECT value FROM json_each(?))', query.ids === undefined ? undefined : JSON.stringify(query.ids));
    return sets.length === 0 ? null : intersection(sets);
  }

  /** The columns as of now: read whole the first time and after an ad was deleted, else only the
   *  rows changed since the last search. */
  #current(): SearchColumns {
    const now = this.#sql(`SELECT (SELECT coalesce(max(rev), 0) FROM ad_search_changes) AS rev,
      (SELECT n FROM ad_search_deletions) AS deletions`).get() as { rev: number; deletions: number };
    if (this.#columns === null || now.deletions !== this.#deletions) {
      this.#columns = this.#read(`SELECT s.rid, ${ROW} FROM ad_search s`, new SearchColumns());
    } else if (now.rev !== this.#rev) {
      this.#read(`SELECT s.rid, ${ROW} FROM ad_search_changes c JOIN ad_search s ON s.rid = c.rid WHERE c.rev > ?`, this.#columns, this.#rev);
    }
    this.#rev = now.rev;
    this.#deletions = now.deletions;
    return this.#columns;
  }

  #read(text: string, columns: SearchColumns, ...params: SQLInputValue[]): SearchColumns {
    const rows = this.#sql(text);
    rows.setReturnArrays(true);
    for (const row of rows.all(...params) as unknown as Row[]) {
      columns.upsert({ rid: row[0], theme: row[1], source: row[2], cityKey: row[3], score: row[4], indicatorCount: row[5], firstSeen: row[6], lastSeen: row[7] });
    }
    return columns;
  }

  /** The shown page, in rank order, with the fields only the wide capture rows hold. */
  #shown(page: number[]): SearchHit[] {
    if (page.length === 0) return [];
    const rows = this.#sql(`
      SELECT a.rid, a.id, a.theme, a.source, a.url, json_extract(c.fields, '$.title') AS title,
        json_extract(c.fields, '$.city') AS city, s.score, s.indicator_count, s.first_seen, s.last_seen, json_extract(c.fields, '$.age') AS age,
        EXISTS (SELECT 1 FROM capture_artefacts x WHERE x.capture_id = c.id AND x.kind IN ('image', 'screenshot')) AS picture
      FROM ads a JOIN captures c ON c.id = a.latest_capture_id JOIN ad_search s ON s.rid = a.rid
      WHERE a.rid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(page)) as unknown as HitRow[];
    const byRid = new Map(rows.map((r) => [r.rid, r]));
    return page.map((rid) => toHit(byRid.get(rid)!));
  }

  #snapshot<T>(read: () => T): T {
    if (this.#db.isTransaction) return read();
    this.#db.exec('BEGIN');
    try {
      return read();
    } finally {
      this.#db.exec('COMMIT');
    }
  }
}

/** The rids in every set, in the order of the smallest. */
function intersection(sets: number[][]): number[] {
  if (sets.length === 1) return sets[0]!;
  const [smallest, ...others] = [...sets].sort((a, b) => a.length - b.length);
  const inAll = others.map((set) => new Set(set));
  return smallest!.filter((rid) => inAll.every((set) => set.has(rid)));
}

function toHit(r: HitRow): SearchHit {
  return {
    id: r.id, theme: r.theme, source: r.source, url: r.url, title: r.title, city: r.city,
    score: r.score, indicatorCount: r.indicator_count, firstSeen: r.first_seen, lastSeen: r.last_seen,
    // Only a stored number is an age: a theme without it in its allow-list has none.
    age: typeof r.age === 'number' ? r.age : null,
    picture: Boolean(r.picture),
  };
}

// Search over the latest capture of each ad, built as search.sqlite.ts is. The database answers, in one
// query, what only it can: phone and indicator through their lookup tables, ids through the ads.
// SearchColumns, an in-memory copy of the narrow ad_search rows with each ad's lexemes, matches the
// words (the database turns the caller's words into lexemes as it turned the ads'), filters the rest,
// counts the facets and ranks the page; the wide capture rows are read only for the page shown. A
// search reads in one snapshot, and the columns it queries hold exactly the ad_search rows of that
// snapshot, also while other searches of this process and crawls of others move on.
import { cityKey } from '../../domain/ad-keys.ts';
import { parseRids, SearchColumns, type ColumnResult } from '../search-columns.ts';
import { pageOf, wordTokens } from '../search-terms.ts';
import type { SearchHit, SearchQuery, SearchResult } from '../store.ts';
import { transaction, type Client, type Pool } from './database.postgres.ts';

type Row = [rid: number, theme: string, source: string, cityKey: string | null, score: number,
  indicatorCount: number, firstSeen: string, lastSeen: string, words: string];

interface HitRow {
  rid: number; id: string; theme: string; source: string; url: string; title: string | null; city: string | null;
  score: number; indicator_count: number; first_seen: string; last_seen: string; age: unknown; picture: number | boolean;
}

const ROW = `s.rid, s.theme, s.source, s.city_key, s.score, s.indicator_count, s.first_seen, s.last_seen,
  array_to_string(tsvector_to_array(s.words), ' ')`;

export class PostgresSearch {
  readonly #pool: Pool;
  #columns: SearchColumns | null = null;
  /** The snapshot (pg_snapshot text) whose ad_search rows the columns hold, and its count of deletions. */
  #snapshot = '';
  #deletions = 0;
  /** Searches take their snapshot and bring the columns up to it one at a time, in the order they queue:
   *  this resolves when the last one to queue has had its turn. */
  #turn: Promise<void> = Promise.resolve();
  /** Searches that took their turn and have not yet queried the columns; an update waits for none. */
  #readers = 0;
  #readersGone: (() => void) | null = null;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const tokens = wordTokens(query.text);
    if (query.themes.length === 0 || tokens?.length === 0 || query.ids?.length === 0) {
      return query.facets ? { total: 0, hits: [], facets: { city: [], source: [], indicatorCount: [], scoreBand: [], month: [] } } : { total: 0, hits: [] };
    }
    const { limit, offset } = pageOf(query);
    return transaction(this.#pool, async (client) => {
      const { columns, lexemes } = await this.#columnsAt(client, tokens);
      let found: ColumnResult;
      try {
        found = columns.query({
          themes: query.themes, candidates: await candidates(client, query), ...(lexemes ? { words: lexemes } : {}), source: query.source,
          cityKey: query.city === undefined ? undefined : cityKey(query.city), minScore: query.minScore,
          scoreBand: query.scoreBand, minIndicators: query.minIndicators, sort: query.sort,
          from: query.from, to: query.to, facets: query.facets === true, limit, offset,
        });
      } finally {
        this.#doneReading();
      }
      const hits = await shown(client, found.page);
      return found.facets ? { total: found.total, hits, facets: found.facets } : { total: found.total, hits };
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
  }

  /** The columns as of this transaction's snapshot, held there until #doneReading, and the caller's words
   *  as lexemes. The first statement takes the snapshot, inside the turn: so it is at least as new as the
   *  columns', and an update waits for the searches still reading them, never moving the columns past a
   *  snapshot in use. */
  async #columnsAt(client: Client, tokens: string[] | null): Promise<{ columns: SearchColumns; lexemes: string[] | null }> {
    const previous = this.#turn;
    let next!: () => void;
    this.#turn = new Promise((resolve) => (next = resolve));
    await previous;
    try {
      const found = await this.#refreshed(client, tokens);
      this.#readers++;
      return found;
    } finally {
      next();
    }
  }

  /** Read whole the first time and after an ad was deleted, else only the rows that transactions
   *  changed since the columns' snapshot: transaction ids, not a counter, because concurrent writers
   *  commit in another order than they start. The caller's words become lexemes through the function
   *  and parser that made the ads' (a bound parameter that to_tsvector reads as plain text), in the
   *  same round trip. */
  async #refreshed(client: Client, tokens: string[] | null): Promise<{ columns: SearchColumns; lexemes: string[] | null }> {
    const now = (await client.query<{ snapshot: string; deletions: number; lexemes: string[] | null }>(`
      SELECT pg_current_snapshot()::text AS snapshot, n AS deletions,
        CASE WHEN $1::text IS NOT NULL THEN tsvector_to_array(to_tsvector('simple', baken_search_text($1))) END AS lexemes
      FROM ad_search_deletions`, [tokens?.join(' ') ?? null])).rows[0]!;
    if (this.#columns === null || now.deletions !== this.#deletions) {
      // A new object, so a search still reading the old one keeps the rows of its own snapshot.
      this.#columns = filled(new SearchColumns(), await rows(client, `SELECT ${ROW} FROM ad_search s`));
    } else {
      const changed = await rows(client, `
        SELECT ${ROW} FROM ad_search_changes c JOIN ad_search s ON s.rid = c.rid
        WHERE c.xid >= pg_snapshot_xmin($1::pg_snapshot) AND NOT pg_visible_in_snapshot(c.xid, $1::pg_snapshot)`, [this.#snapshot]);
      if (changed.length > 0) {
        await this.#noReaders();
        filled(this.#columns, changed);
      }
    }
    this.#snapshot = now.snapshot;
    this.#deletions = now.deletions;
    return { columns: this.#columns, lexemes: now.lexemes };
  }

  #noReaders(): Promise<void> {
    return this.#readers === 0 ? Promise.resolve() : new Promise((resolve) => (this.#readersGone = resolve));
  }

  #doneReading(): void {
    if (--this.#readers > 0 || this.#readersGone === null) return;
    const gone = this.#readersGone;
    this.#readersGone = null;
    gone();
  }
}

async function rows(client: Client, text: string, values: unknown[] = []): Promise<Row[]> {
  return (await client.query<Row>({ text, values, rowMode: 'array' })).rows;
}

function filled(columns: SearchColumns, rows: Row[]): SearchColumns {
  for (const row of rows) {
    columns.upsert({ rid: row[0], theme: row[1], source: row[2], cityKey: row[3], score: row[4], indicatorCount: row[5], firstSeen: row[6], lastSeen: row[7],
      // Space-separated: a lexeme of letters and digits holds no space, and one text reads far faster than an array.
      words: row[8] === '' ? [] : row[8].split(' ') });
  }
  return columns;
}

/** The rids matching every filter the database answers, or null when the query has none. The SQL is
 *  fixed text; every value the caller gave is a bound parameter. */
async function candidates(client: Client, query: SearchQuery): Promise<number[] | null> {
  const values: unknown[] = [];
  const where: string[] = [];
  const add = (condition: (param: string) => string, value: unknown) => {
    if (value !== undefined) where.push(condition(`$${values.push(value)}`));
  };
  add((p) => `s.rid IN (SELECT a.rid FROM capture_phones x JOIN ads a ON a.latest_capture_id = x.capture_id WHERE x.phone = ${p})`, query.phone);
  add((p) => `s.rid IN (SELECT a.rid FROM capture_indicators x JOIN ads a ON a.latest_capture_id = x.capture_id WHERE x.indicator = ${p})`, query.indicator);
  add((p) => `s.rid IN (SELECT a.rid FROM ads a WHERE a.id = ANY(${p}::text[]))`, query.ids);
  if (where.length === 0) return null;
  const { rows } = await client.query<{ rids: string | null }>(
    `SELECT string_agg(s.rid::text, ',') AS rids FROM ad_search s WHERE ${where.join(' AND ')}`, values);
  // One comma-separated text instead of a row per rid: an indicator may match tens of thousands of ads.
  return parseRids(rows[0]?.rids);
}

/** The shown page, in rank order, with the fields only the wide capture rows hold. */
async function shown(client: Client, page: number[]): Promise<SearchHit[]> {
  if (page.length === 0) return [];
  const { rows } = await client.query<HitRow>(`
    SELECT a.rid, a.id, a.theme, a.source, a.url, c.fields ->> 'title' AS title, c.fields ->> 'city' AS city,
      s.score, s.indicator_count, s.first_seen, s.last_seen, c.fields -> 'age' AS age,
        EXISTS (SELECT 1 FROM capture_artefacts x WHERE x.capture_id = c.id AND x.kind IN ('image', 'screenshot')) AS picture
    FROM ads a JOIN captures c ON c.id = a.latest_capture_id JOIN ad_search s ON s.rid = a.rid
    WHERE a.rid = ANY($1::bigint[])`, [page]);
  const byRid = new Map(rows.map((r) => [r.rid, r]));
  return page.map((rid) => toHit(byRid.get(rid)!));
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

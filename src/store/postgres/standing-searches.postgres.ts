// Standing searches in the same PostgreSQL database as the ads; a hit can only name an ad of the search's theme.
import { randomUUID } from 'node:crypto';
import type { NewStandingSearch, StandingHit, StandingSearchRecord, StandingSearchStore } from '../standing-searches.ts';
import { transaction, type Pool } from './database.postgres.ts';

interface SearchRow {
  id: string; owner: string; theme: string; name: string; query: StandingSearchRecord['query']; justification: string;
  created_at: string; expires_at: string; hits: number; unseen: number;
}

const SELECT_SEARCH = `
  SELECT s.*, (SELECT count(*) FROM standing_hits h WHERE h.search_id = s.id) AS hits,
    (SELECT count(*) FROM standing_hits h WHERE h.search_id = s.id AND h.seen_at IS NULL) AS unseen
  FROM standing_searches s`;

export class PostgresStandingSearches implements StandingSearchStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async saveSearch(search: NewStandingSearch, at: string, expiresAt: string): Promise<StandingSearchRecord> {
    const id = randomUUID();
    await this.#pool.query(`INSERT INTO standing_searches (id, owner, theme, name, query, justification, created_at, expires_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, search.owner, search.theme, search.name, JSON.stringify(search.query), search.justification, at, expiresAt]);
    return (await this.search(id, search.owner))!;
  }

  async searchesOf(owner: string): Promise<StandingSearchRecord[]> {
    const { rows } = await this.#pool.query<SearchRow>(`${SELECT_SEARCH} WHERE s.owner = $1 ORDER BY s.created_at DESC, s.id`, [owner]);
    return rows.map(toSearch);
  }

  async search(id: string, owner: string): Promise<StandingSearchRecord | null> {
    const { rows } = await this.#pool.query<SearchRow>(`${SELECT_SEARCH} WHERE s.id = $1 AND s.owner = $2`, [id, owner]);
    return rows[0] ? toSearch(rows[0]) : null;
  }

  async renewSearch(id: string, owner: string, expiresAt: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query('UPDATE standing_searches SET expires_at = $1 WHERE id = $2 AND owner = $3', [expiresAt, id, owner]);
    return (rowCount ?? 0) > 0;
  }

  async deleteSearch(id: string, owner: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query('DELETE FROM standing_searches WHERE id = $1 AND owner = $2', [id, owner]);
    return (rowCount ?? 0) > 0;
  }

  async activeSearches(theme: string, at: string): Promise<StandingSearchRecord[]> {
    const { rows } = await this.#pool.query<SearchRow>(`${SELECT_SEARCH} WHERE s.theme = $1 AND s.expires_at > $2 ORDER BY s.created_at, s.id`, [theme, at]);
    return rows.map(toSearch);
  }

  async recordHits(id: string, runId: string, adIds: readonly string[], at: string): Promise<string[]> {
    // The join on the theme keeps an ad of another theme out of the inbox (purpose binding).
    return transaction(this.#pool, async (client) => {
      const { rows } = await client.query<{ ad_id: string }>(`INSERT INTO standing_hits (search_id, ad_id, run_id, found_at)
        SELECT s.id, a.id, $1, $2 FROM standing_searches s JOIN ads a ON a.theme = s.theme WHERE s.id = $3 AND a.id = ANY($4::text[])
        ON CONFLICT DO NOTHING RETURNING ad_id`, [runId, at, id, adIds]);
      const recorded = new Set(rows.map((r) => r.ad_id));
      return adIds.filter((adId) => recorded.has(adId));
    });
  }

  async hits(id: string, owner: string): Promise<StandingHit[]> {
    const { rows } = await this.#pool.query<{ ad_id: string; run_id: string; found_at: string; seen_at: string | null }>(`
      SELECT h.ad_id, h.run_id, h.found_at, h.seen_at FROM standing_hits h JOIN standing_searches s ON s.id = h.search_id
      WHERE s.id = $1 AND s.owner = $2 ORDER BY h.found_at DESC, h.ad_id`, [id, owner]);
    return rows.map((r) => ({ adId: r.ad_id, runId: r.run_id, foundAt: r.found_at, seenAt: r.seen_at }));
  }

  async markSeen(id: string, owner: string, at: string): Promise<number> {
    const { rowCount } = await this.#pool.query(`UPDATE standing_hits SET seen_at = $1 WHERE seen_at IS NULL
      AND search_id = (SELECT id FROM standing_searches WHERE id = $2 AND owner = $3)`, [at, id, owner]);
    return rowCount ?? 0;
  }
}

function toSearch(r: SearchRow): StandingSearchRecord {
  return {
    id: r.id, owner: r.owner, theme: r.theme, name: r.name, query: r.query, justification: r.justification,
    createdAt: r.created_at, expiresAt: r.expires_at, hits: Number(r.hits), unseen: Number(r.unseen),
  };
}

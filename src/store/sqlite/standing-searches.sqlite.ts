// Standing searches in the same SQLite file as the ads; a hit can only name an ad of the search's theme.
import { randomUUID } from 'node:crypto';
import type { NewStandingSearch, StandingHit, StandingSearchRecord, StandingSearchStore } from '../standing-searches.ts';
import type { Statements } from './statements.sqlite.ts';

interface SearchRow {
  id: string; owner: string; theme: string; name: string; query: string; justification: string;
  created_at: string; expires_at: string; hits: number; unseen: number;
}

const SELECT_SEARCH = `
  SELECT s.*, (SELECT count(*) FROM standing_hits h WHERE h.search_id = s.id) AS hits,
    (SELECT count(*) FROM standing_hits h WHERE h.search_id = s.id AND h.seen_at IS NULL) AS unseen
  FROM standing_searches s`;

export class SqliteStandingSearches implements StandingSearchStore {
  readonly #s: Statements;

  constructor(statements: Statements) {
    this.#s = statements;
  }

  async saveSearch(search: NewStandingSearch, at: string, expiresAt: string): Promise<StandingSearchRecord> {
    const id = randomUUID();
    this.#s.sql(`INSERT INTO standing_searches (id, owner, theme, name, query, justification, created_at, expires_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, search.owner, search.theme, search.name, JSON.stringify(search.query), search.justification, at, expiresAt);
    return (await this.search(id, search.owner))!;
  }

  async searchesOf(owner: string): Promise<StandingSearchRecord[]> {
    return (this.#s.sql(`${SELECT_SEARCH} WHERE s.owner = ? ORDER BY s.created_at DESC, s.id`).all(owner) as unknown as SearchRow[]).map(toSearch);
  }

  async search(id: string, owner: string): Promise<StandingSearchRecord | null> {
    const row = this.#s.sql(`${SELECT_SEARCH} WHERE s.id = ? AND s.owner = ?`).get(id, owner) as SearchRow | undefined;
    return row ? toSearch(row) : null;
  }

  async renewSearch(id: string, owner: string, expiresAt: string): Promise<boolean> {
    return this.#s.sql('UPDATE standing_searches SET expires_at = ? WHERE id = ? AND owner = ?').run(expiresAt, id, owner).changes > 0;
  }

  async deleteSearch(id: string, owner: string): Promise<boolean> {
    return this.#s.sql('DELETE FROM standing_searches WHERE id = ? AND owner = ?').run(id, owner).changes > 0;
  }

  async activeSearches(theme: string, at: string): Promise<StandingSearchRecord[]> {
    return (this.#s.sql(`${SELECT_SEARCH} WHERE s.theme = ? AND s.expires_at > ? ORDER BY s.created_at, s.id`).all(theme, at) as unknown as SearchRow[])
      .map(toSearch);
  }

  async recordHits(id: string, runId: string, adIds: readonly string[], at: string): Promise<string[]> {
    // The join on the theme keeps an ad of another theme out of the inbox (purpose binding).
    const insert = this.#s.sql(`INSERT OR IGNORE INTO standing_hits (search_id, ad_id, run_id, found_at)
      SELECT s.id, a.id, ?, ? FROM standing_searches s JOIN ads a ON a.theme = s.theme WHERE s.id = ? AND a.id = ?`);
    return this.#s.transaction(() => adIds.filter((adId) => insert.run(runId, at, id, adId).changes > 0));
  }

  async hits(id: string, owner: string): Promise<StandingHit[]> {
    const rows = this.#s.sql(`
      SELECT h.ad_id, h.run_id, h.found_at, h.seen_at FROM standing_hits h JOIN standing_searches s ON s.id = h.search_id
      WHERE s.id = ? AND s.owner = ? ORDER BY h.found_at DESC, h.ad_id`).all(id, owner) as unknown as
      { ad_id: string; run_id: string; found_at: string; seen_at: string | null }[];
    return rows.map((r) => ({ adId: r.ad_id, runId: r.run_id, foundAt: r.found_at, seenAt: r.seen_at }));
  }

  async markSeen(id: string, owner: string, at: string): Promise<number> {
    return Number(this.#s.sql(`UPDATE standing_hits SET seen_at = ? WHERE seen_at IS NULL
      AND search_id = (SELECT id FROM standing_searches WHERE id = ? AND owner = ?)`).run(at, id, owner).changes);
  }
}

function toSearch(r: SearchRow): StandingSearchRecord {
  return {
    id: r.id, owner: r.owner, theme: r.theme, name: r.name, query: JSON.parse(r.query), justification: r.justification,
    createdAt: r.created_at, expiresAt: r.expires_at, hits: Number(r.hits), unseen: Number(r.unseen),
  };
}

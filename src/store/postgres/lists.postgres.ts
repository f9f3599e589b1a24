// Lists of ads in the same PostgreSQL database as the ads; an entry can only name an ad of the list's theme.
import { randomUUID } from 'node:crypto';
import { BakenError } from '../../domain/errors.ts';
import type { ListEntry, ListNote, ListRecord, ListStore } from '../lists.ts';
import { isUniqueViolation, transaction, type Pool } from './database.postgres.ts';

interface EntryRow { ad_id: string; added_by: string; added_at: string; note: string | null; note_by: string | null; note_at: string | null }
interface ListRow { id: string; theme: string; name: string; created_by: string; created_at: string; updated_at: string; size: number }

const SELECT_LIST = `
  SELECT l.*, (SELECT count(*) FROM list_ads e WHERE e.list_id = l.id) AS size FROM lists l`;

export class PostgresLists implements ListStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async createList(list: { theme: string; name: string; createdBy: string }, at: string): Promise<ListRecord> {
    const id = randomUUID();
    try {
      await this.#pool.query('INSERT INTO lists (id, theme, name, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)',
        [id, list.theme, list.name, list.createdBy, at]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new BakenError('CONFLICT', `theme ${list.theme} already has a list named "${list.name}"`, { cause: err });
      throw err;
    }
    return (await this.list(id, [list.theme]))!;
  }

  async lists(themes: readonly string[]): Promise<ListRecord[]> {
    const { rows } = await this.#pool.query<ListRow>(`${SELECT_LIST} WHERE l.theme = ANY($1::text[]) ORDER BY l.theme, l.name`, [themes]);
    return rows.map(toList);
  }

  async list(id: string, themes: readonly string[]): Promise<ListRecord | null> {
    const { rows } = await this.#pool.query<ListRow>(`${SELECT_LIST} WHERE l.id = $1 AND l.theme = ANY($2::text[])`, [id, themes]);
    return rows[0] ? toList(rows[0]) : null;
  }

  async entries(id: string, themes: readonly string[]): Promise<ListEntry[]> {
    const { rows } = await this.#pool.query<EntryRow>(`
      SELECT e.ad_id, e.added_by, e.added_at, e.note, e.note_by, e.note_at FROM list_ads e JOIN lists l ON l.id = e.list_id
      WHERE l.id = $1 AND l.theme = ANY($2::text[]) ORDER BY e.added_at, e.ad_id`, [id, themes]);
    return rows.map(toEntry);
  }

  async addEntry(id: string, entry: Omit<ListEntry, 'note'>): Promise<boolean> {
    return transaction(this.#pool, async (client) => {
      // The join on the theme is what keeps an ad of another theme off the list (purpose binding).
      // KEY SHARE holds off a purge or a deleteList on another connection until the entry is in.
      const { rows } = await client.query(
        'SELECT a.id FROM ads a JOIN lists l ON l.theme = a.theme WHERE l.id = $1 AND a.id = $2 FOR KEY SHARE', [id, entry.adId]);
      if (!rows[0]) throw new BakenError('NOT_FOUND', `no ad ${entry.adId} in the theme of list ${id}`);
      const { rowCount } = await client.query(`
        INSERT INTO list_ads (list_id, ad_id, added_by, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [id, entry.adId, entry.addedBy, entry.addedAt]);
      const added = (rowCount ?? 0) > 0;
      if (added) await client.query('UPDATE lists SET updated_at = $1 WHERE id = $2', [entry.addedAt, id]);
      return added;
    });
  }

  async setNote(id: string, adId: string, note: ListNote | null, at: string): Promise<boolean> {
    return transaction(this.#pool, async (client) => {
      const { rowCount } = await client.query('UPDATE list_ads SET note = $1, note_by = $2, note_at = $3 WHERE list_id = $4 AND ad_id = $5',
        [note?.text ?? null, note?.by ?? null, note?.at ?? null, id, adId]);
      const changed = (rowCount ?? 0) > 0;
      if (changed) await client.query('UPDATE lists SET updated_at = $1 WHERE id = $2', [at, id]);
      return changed;
    });
  }

  async removeEntry(id: string, adId: string, at: string): Promise<boolean> {
    return transaction(this.#pool, async (client) => {
      const { rowCount } = await client.query('DELETE FROM list_ads WHERE list_id = $1 AND ad_id = $2', [id, adId]);
      const removed = (rowCount ?? 0) > 0;
      if (removed) await client.query('UPDATE lists SET updated_at = $1 WHERE id = $2', [at, id]);
      return removed;
    });
  }

  async deleteList(id: string): Promise<boolean> {
    return ((await this.#pool.query('DELETE FROM lists WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }
}

function toList(r: ListRow): ListRecord {
  return { id: r.id, theme: r.theme, name: r.name, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at, size: r.size };
}

function toEntry(r: EntryRow): ListEntry {
  const note = r.note !== null && r.note_by !== null && r.note_at !== null ? { text: r.note, by: r.note_by, at: r.note_at } : null;
  return { adId: r.ad_id, addedBy: r.added_by, addedAt: r.added_at, note };
}

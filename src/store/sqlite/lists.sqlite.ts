// Lists of ads in the same SQLite file as the ads; an entry can only name an ad of the list's theme.
import { randomUUID } from 'node:crypto';
import { BakenError } from '../../domain/errors.ts';
import type { ListEntry, ListNote, ListRecord, ListStore } from '../lists.ts';
import { isUniqueViolation, type Statements } from './statements.sqlite.ts';

interface EntryRow { ad_id: string; added_by: string; added_at: string; note: string | null; note_by: string | null; note_at: string | null }
interface ListRow { id: string; theme: string; name: string; created_by: string; created_at: string; updated_at: string; size: number }

const THEMES = 'l.theme IN (SELECT value FROM json_each(:themes))';
const SELECT_LIST = `
  SELECT l.*, (SELECT count(*) FROM list_ads e WHERE e.list_id = l.id) AS size FROM lists l`;

export class SqliteLists implements ListStore {
  readonly #s: Statements;

  constructor(statements: Statements) {
    this.#s = statements;
  }

  async createList(list: { theme: string; name: string; createdBy: string }, at: string): Promise<ListRecord> {
    const id = randomUUID();
    try {
      this.#s.sql('INSERT INTO lists (id, theme, name, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, list.theme, list.name, list.createdBy, at, at);
    } catch (err) {
      if (isUniqueViolation(err)) throw new BakenError('CONFLICT', `theme ${list.theme} already has a list named "${list.name}"`, { cause: err });
      throw err;
    }
    return (await this.list(id, [list.theme]))!;
  }

  async lists(themes: readonly string[]): Promise<ListRecord[]> {
    const rows = this.#s.sql(`${SELECT_LIST} WHERE ${THEMES} ORDER BY l.theme, l.name`)
      .all({ themes: JSON.stringify(themes) }) as unknown as ListRow[];
    return rows.map(toList);
  }

  async list(id: string, themes: readonly string[]): Promise<ListRecord | null> {
    const row = this.#s.sql(`${SELECT_LIST} WHERE l.id = :id AND ${THEMES}`)
      .get({ id, themes: JSON.stringify(themes) }) as ListRow | undefined;
    return row ? toList(row) : null;
  }

  async entries(id: string, themes: readonly string[]): Promise<ListEntry[]> {
    const rows = this.#s.sql(`
      SELECT e.ad_id, e.added_by, e.added_at, e.note, e.note_by, e.note_at FROM list_ads e JOIN lists l ON l.id = e.list_id
      WHERE l.id = :id AND ${THEMES} ORDER BY e.added_at, e.ad_id`)
      .all({ id, themes: JSON.stringify(themes) }) as unknown as EntryRow[];
    return rows.map(toEntry);
  }

  async addEntry(id: string, entry: Omit<ListEntry, 'note'>): Promise<boolean> {
    return this.#s.transaction(() => {
      // The join on the theme is what keeps an ad of another theme off the list (purpose binding).
      const ad = this.#s.sql('SELECT a.id FROM ads a JOIN lists l ON l.theme = a.theme WHERE l.id = ? AND a.id = ?').get(id, entry.adId);
      if (!ad) throw new BakenError('NOT_FOUND', `no ad ${entry.adId} in the theme of list ${id}`);
      const { changes } = this.#s.sql('INSERT OR IGNORE INTO list_ads (list_id, ad_id, added_by, added_at) VALUES (?, ?, ?, ?)')
        .run(id, entry.adId, entry.addedBy, entry.addedAt);
      if (changes > 0) this.#s.sql('UPDATE lists SET updated_at = ? WHERE id = ?').run(entry.addedAt, id);
      return changes > 0;
    });
  }

  async setNote(id: string, adId: string, note: ListNote | null, at: string): Promise<boolean> {
    return this.#s.transaction(() => {
      const { changes } = this.#s.sql('UPDATE list_ads SET note = ?, note_by = ?, note_at = ? WHERE list_id = ? AND ad_id = ?')
        .run(note?.text ?? null, note?.by ?? null, note?.at ?? null, id, adId);
      if (changes > 0) this.#s.sql('UPDATE lists SET updated_at = ? WHERE id = ?').run(at, id);
      return changes > 0;
    });
  }

  async removeEntry(id: string, adId: string, at: string): Promise<boolean> {
    return this.#s.transaction(() => {
      const { changes } = this.#s.sql('DELETE FROM list_ads WHERE list_id = ? AND ad_id = ?').run(id, adId);
      if (changes > 0) this.#s.sql('UPDATE lists SET updated_at = ? WHERE id = ?').run(at, id);
      return changes > 0;
    });
  }

  async deleteList(id: string): Promise<boolean> {
    return this.#s.sql('DELETE FROM lists WHERE id = ?').run(id).changes > 0;
  }
}

function toList(r: ListRow): ListRecord {
  return { id: r.id, theme: r.theme, name: r.name, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at, size: r.size };
}

function toEntry(r: EntryRow): ListEntry {
  const note = r.note !== null && r.note_by !== null && r.note_at !== null ? { text: r.note, by: r.note_by, at: r.note_at } : null;
  return { adId: r.ad_id, addedBy: r.added_by, addedAt: r.added_at, note };
}

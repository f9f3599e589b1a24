// Reference data in the same SQLite file as the ads; the write lock of BEGIN IMMEDIATE makes the
// version counter and the rows one step.
import { randomUUID } from 'node:crypto';
import type { ReferenceImport, ReferenceKind, ReferenceRows } from '../../municipal/types.ts';
import type { ReferenceStore } from '../reference-data.ts';
import type { Statements } from './statements.sqlite.ts';

interface Row {
  id: string; theme: string; kind: ReferenceKind; version: number; file_name: string; sha256: string; rows: number;
  imported_by: string; imported_at: string;
}

export class SqliteReferenceData implements ReferenceStore {
  readonly #s: Statements;

  constructor(statements: Statements) {
    this.#s = statements;
  }

  async addImport(entry: Omit<ReferenceImport, 'id' | 'version'>, rows: readonly object[]): Promise<ReferenceImport> {
    const id = randomUUID();
    const version = this.#s.transaction(() => {
      const { last } = this.#s.sql(`INSERT INTO reference_versions (theme, kind, last) VALUES (?, ?, 1)
        ON CONFLICT (theme, kind) DO UPDATE SET last = last + 1 RETURNING last`).get(entry.theme, entry.kind) as { last: number };
      this.#s.sql(`INSERT INTO reference_imports (id, theme, kind, version, file_name, sha256, rows, imported_by, imported_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, entry.theme, entry.kind, last, entry.fileName, entry.sha256, entry.rows, entry.importedBy, entry.importedAt);
      const insert = this.#s.sql('INSERT INTO reference_rows (import_id, position, data) VALUES (?, ?, ?)');
      rows.forEach((row, i) => insert.run(id, i, JSON.stringify(row)));
      return last;
    });
    return { ...entry, id, version };
  }

  async imports(themes: readonly string[]): Promise<ReferenceImport[]> {
    const rows = this.#s.sql(`SELECT * FROM reference_imports WHERE theme IN (SELECT value FROM json_each(?))
      ORDER BY imported_at DESC, version DESC, id`).all(JSON.stringify(themes)) as unknown as Row[];
    return rows.map(toImport);
  }

  async currentRows<K extends ReferenceKind>(theme: string, kind: K): Promise<{ version: ReferenceImport | null; rows: ReferenceRows[K][] }> {
    const current = this.#s.sql('SELECT * FROM reference_imports WHERE theme = ? AND kind = ? ORDER BY version DESC LIMIT 1').get(theme, kind) as Row | undefined;
    if (!current) return { version: null, rows: [] };
    const rows = this.#s.sql('SELECT data FROM reference_rows WHERE import_id = ? ORDER BY position').all(current.id) as { data: string }[];
    return { version: toImport(current), rows: rows.map((r) => JSON.parse(r.data) as ReferenceRows[K]) };
  }

  async deleteImport(id: string): Promise<boolean> {
    return this.#s.sql('DELETE FROM reference_imports WHERE id = ?').run(id).changes > 0;
  }
}

function toImport(r: Row): ReferenceImport {
  return {
    id: r.id, theme: r.theme, kind: r.kind, version: r.version, fileName: r.file_name, sha256: r.sha256, rows: r.rows,
    importedBy: r.imported_by, importedAt: r.imported_at,
  };
}

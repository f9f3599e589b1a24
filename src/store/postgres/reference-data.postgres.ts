// Reference data in the same PostgreSQL database as the ads. The upsert of the version counter locks
// the kind's row, so two imports of one kind, from any process, get consecutive versions.
import { randomUUID } from 'node:crypto';
import type { ReferenceImport, ReferenceKind, ReferenceRows } from '../../municipal/types.ts';
import type { ReferenceStore } from '../reference-data.ts';
import { transaction, type Pool } from './database.postgres.ts';

interface Row {
  id: string; theme: string; kind: ReferenceKind; version: number; file_name: string; sha256: string; rows: number;
  imported_by: string; imported_at: string;
}

/** Rows go in as one JSON array per batch, so a register of 200,000 rows takes a few round trips, not 200,000. */
const BATCH = 5_000;

export class PostgresReferenceData implements ReferenceStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async addImport(entry: Omit<ReferenceImport, 'id' | 'version'>, rows: readonly object[]): Promise<ReferenceImport> {
    const id = randomUUID();
    const version = await transaction(this.#pool, async (client) => {
      const { last } = (await client.query<{ last: number }>(`INSERT INTO reference_versions (theme, kind, last) VALUES ($1, $2, 1)
        ON CONFLICT (theme, kind) DO UPDATE SET last = reference_versions.last + 1 RETURNING last`, [entry.theme, entry.kind])).rows[0]!;
      await client.query(`INSERT INTO reference_imports (id, theme, kind, version, file_name, sha256, rows, imported_by, imported_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, entry.theme, entry.kind, last, entry.fileName, entry.sha256, entry.rows, entry.importedBy, entry.importedAt]);
      for (let start = 0; start < rows.length; start += BATCH) {
        await client.query(`INSERT INTO reference_rows (import_id, position, data)
          SELECT $1, $2::integer + ordinality::integer - 1, value FROM json_array_elements($3::json) WITH ORDINALITY`,
        [id, start, JSON.stringify(rows.slice(start, start + BATCH))]);
      }
      return last;
    });
    return { ...entry, id, version };
  }

  async imports(themes: readonly string[]): Promise<ReferenceImport[]> {
    const { rows } = await this.#pool.query<Row>('SELECT * FROM reference_imports WHERE theme = ANY($1::text[]) ORDER BY imported_at DESC, version DESC, id', [themes]);
    return rows.map(toImport);
  }

  async currentRows<K extends ReferenceKind>(theme: string, kind: K): Promise<{ version: ReferenceImport | null; rows: ReferenceRows[K][] }> {
    const current = (await this.#pool.query<Row>('SELECT * FROM reference_imports WHERE theme = $1 AND kind = $2 ORDER BY version DESC LIMIT 1',
      [theme, kind])).rows[0];
    if (!current) return { version: null, rows: [] };
    const { rows } = await this.#pool.query<{ data: ReferenceRows[K] }>('SELECT data FROM reference_rows WHERE import_id = $1 ORDER BY position', [current.id]);
    return { version: toImport(current), rows: rows.map((r) => r.data) };
  }

  async deleteImport(id: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query('DELETE FROM reference_imports WHERE id = $1', [id]);
    return (rowCount ?? 0) > 0;
  }
}

function toImport(r: Row): ReferenceImport {
  return {
    id: r.id, theme: r.theme, kind: r.kind, version: r.version, fileName: r.file_name, sha256: r.sha256, rows: r.rows,
    importedBy: r.imported_by, importedAt: r.imported_at,
  };
}

// The configuration's versions in the data directory's SQLite file, on its own connection.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BakenError } from '../../domain/errors.ts';
import { conflictMessage, versionOfRow, type ConfigVersion, type ConfigVersionRow, type ConfigVersionStore, type NewConfigVersion } from '../config-versions.ts';
import { openDatabase } from './database.sqlite.ts';
import { Statements } from './statements.sqlite.ts';

export async function openSqliteConfigVersions(dataDir: string): Promise<ConfigVersionStore> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  return new SqliteConfigVersions(new Statements(openDatabase(join(dataDir, 'baken.db'))));
}

class SqliteConfigVersions implements ConfigVersionStore {
  readonly #s: Statements;

  constructor(statements: Statements) {
    this.#s = statements;
  }

  async latestNumber(): Promise<number | null> {
    return this.#latestNumber();
  }

  async latest(): Promise<ConfigVersion | null> {
    const row = this.#s.sql('SELECT * FROM config_versions ORDER BY number DESC LIMIT 1').get() as ConfigVersionRow | undefined;
    return row ? versionOfRow(row) : null;
  }

  async add(after: number | null, v: NewConfigVersion): Promise<ConfigVersion> {
    // One write transaction: the newest is read and the next written under SQLite's write lock.
    return this.#s.transaction(() => {
      if (this.#latestNumber() !== after) throw new BakenError('CONFLICT', conflictMessage(after));
      const number = (after ?? 0) + 1;
      this.#s.sql('INSERT INTO config_versions (number, files, by_name, at, reason) VALUES (?, ?, ?, ?, ?)')
        .run(number, JSON.stringify(v.files), v.by, v.at, v.reason);
      return { number, ...v };
    });
  }

  async close(): Promise<void> {
    this.#s.db.close();
  }

  #latestNumber(): number | null {
    return (this.#s.sql('SELECT max(number) AS n FROM config_versions').get() as { n: number | null }).n;
  }
}

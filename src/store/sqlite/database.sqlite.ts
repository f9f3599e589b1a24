// Opens the SQLite file with the settings Baken relies on and brings its schema up to date.
import { chmodSync, existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.sql.ts';

/** The file holds ads and accounts, so it is its owner's only, and so are its -wal and -shm: the
 *  umask covers the files made while opening, SQLite gives those it makes later the database file's
 *  mode, and chmod mends the files of a data directory made before this rule. All of it runs
 *  synchronously, so nothing else creates a file under the narrowed umask. */
export function openDatabase(file: string): DatabaseSync {
  const umask = process.umask(0o077);
  try {
    const db = openConfigured(file);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
    return db;
  } finally {
    process.umask(umask);
  }
}

function openConfigured(file: string): DatabaseSync {
  const db = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: 5000 });
  try {
    db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      PRAGMA foreign_keys = ON;
      PRAGMA busy_timeout = 5000;
      -- Freed pages are overwritten with zeros: a deleted ad must not linger in the file (Wpg art. 8).
      PRAGMA secure_delete = ON;
      -- Sorts and temporary tables (networks, lists, purges) stay in memory, never in temporary
      -- files on disk; a 64 MiB page cache and reads through mmap keep the full-text index and the
      -- rows of a results page in memory.
      PRAGMA temp_store = MEMORY;
      PRAGMA cache_size = -65536;
      PRAGMA mmap_size = 268435456;
    `);
    migrate(db, file);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function migrate(db: DatabaseSync, file: string): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    const current = Number(db.prepare('PRAGMA user_version').get()?.['user_version'] ?? 0);
    if (current > SCHEMA_VERSION) {
      throw new Error(`${file} has schema version ${current}, newer than this version of Baken understands `
        + `(${SCHEMA_VERSION}); upgrade Baken before opening this data directory`);
    }
    for (let version = current; version < SCHEMA_VERSION; version++) db.exec(MIGRATIONS[version]!);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (err) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

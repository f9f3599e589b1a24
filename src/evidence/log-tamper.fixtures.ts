// What an attacker with write access to the SQLite file does to a log, for tests that verify must
// catch it: drop the append-only triggers, then cut the log or remove entries and re-chain the rest
// with the project's own hash function, so that the chain alone still verifies.
import { DatabaseSync } from 'node:sqlite';
import { canonicalJson } from '../domain/canonical-json.ts';
import { entryHash, GENESIS_HASH, type LogBody, type LogName } from '../domain/hash-chain.ts';

export function tamperDatabase(dbFile: string, change: (db: DatabaseSync) => void): void {
  const db = new DatabaseSync(dbFile);
  try {
    db.exec('DROP TRIGGER IF EXISTS log_entries_no_update; DROP TRIGGER IF EXISTS log_entries_no_delete;');
    change(db);
  } finally {
    db.close();
  }
}

/** Deletes the entries `remove` picks and rewrites the rest as a fresh, valid chain. */
export function rechainWithout(db: DatabaseSync, log: LogName, remove: (body: LogBody) => boolean): void {
  const rows = db.prepare('SELECT at, body FROM log_entries WHERE log = ? ORDER BY seq').all(log) as { at: string; body: string }[];
  db.prepare('DELETE FROM log_entries WHERE log = ?').run(log);
  const insert = db.prepare('INSERT INTO log_entries (log, seq, at, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?, ?)');
  let prevHash = GENESIS_HASH;
  let seq = 0;
  for (const row of rows) {
    const body = JSON.parse(row.body) as LogBody;
    if (remove(body)) continue;
    const hash = entryHash({ log, seq: ++seq, at: row.at, prevHash, body });
    insert.run(log, seq, row.at, prevHash, hash, canonicalJson(body));
    prevHash = hash;
  }
}

// The embedded store as either end of `baken store copy` (../store-copy.ts): the data directory's
// SQLite file read in one read transaction, or a new one written in one write transaction.
import { existsSync, mkdirSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { BakenError } from '../../domain/errors.ts';
import type { LogEntry } from '../../domain/hash-chain.ts';
import type { CopySource, CopyTarget, Row, TableShape } from '../store-copy.ts';
import { openDatabase } from './database.sqlite.ts';

const databaseFile = (dataDir: string) => join(dataDir, 'baken.db');

/** Reads the data directory's store as of the moment the first table is read. */
export function openSqliteCopySource(dataDir: string): CopySource {
  if (!existsSync(databaseFile(dataDir))) throw new BakenError('NOT_FOUND', `${dataDir} holds no embedded store (no baken.db)`);
  const db = openDatabase(databaseFile(dataDir));
  db.exec('BEGIN');
  return {
    kind: 'embedded',
    tables: async () => tableShapes(db),
    count: async (table) => count(db, table),
    async rows(table, batch) {
      const statement = db.prepare(`SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)} ORDER BY ${orderOf(db, table.name)}`);
      statement.setReturnArrays(true);
      let rows: Row[] = [];
      for (const row of statement.iterate()) {
        rows.push(row as unknown as Row);
        if (rows.length === BATCH) {
          await batch(rows);
          rows = [];
        }
      }
      if (rows.length > 0) await batch(rows);
    },
    async close() {
      if (db.isTransaction) db.exec('ROLLBACK');
      db.close();
    },
  };
}

/** Writes a new data directory's store; the file is empty of rows until `commit`. */
export function openSqliteCopyTarget(dataDir: string): CopyTarget {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase(databaseFile(dataDir));
  db.exec('BEGIN IMMEDIATE');
  // Parent rows may arrive after their children (ads and their latest captures point at each
  // other); every key is still checked, at commit.
  db.exec('PRAGMA defer_foreign_keys = ON');
  const done = () => db.close();
  return {
    kind: 'embedded',
    tables: async () => tableShapes(db),
    count: async (table) => count(db, table),
    order: async (tables) => tables,
    async insert(table, columns, rows) {
      const insert = db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      for (const row of rows) insert.run(...row.map(sqliteValue));
    },
    lastEntry: async (log) => lastEntry(db, log),
    async append(e: LogEntry) {
      db.prepare('INSERT INTO log_entries (log, seq, at, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?, ?)')
        .run(e.log, e.seq, e.at, e.prevHash, e.hash, JSON.stringify(e.body));
    },
    async commit() {
      // The full-text index is contentless: its words come from each ad's latest capture, as a save writes them.
      db.exec(`INSERT INTO ads_fts (rowid, title, text, alias, city)
        SELECT a.rid, c.fields ->> '$.title', c.fields ->> '$.text', c.fields ->> '$.alias', c.fields ->> '$.city'
        FROM ads a JOIN captures c ON c.id = a.latest_capture_id`);
      db.exec('COMMIT');
      done();
    },
    async abort() {
      if (db.isOpen && db.isTransaction) db.exec('ROLLBACK');
      if (db.isOpen) done();
    },
  };
}

const BATCH = 500;

/** Every table but SQLite's own and the full-text index with its shadow tables, which are rebuilt, not copied. */
function tableShapes(db: DatabaseSync): TableShape[] {
  const all = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  return all
    .filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)))
    .map((t) => ({ name: t.name, columns: columnsOf(db, t.name).map((c) => c.name), numbered: [] }));
}

function columnsOf(db: DatabaseSync, table: string): { name: string; pk: number }[] {
  return db.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string; pk: number }[];
}

/** By primary key, or by rowid (the order rows were written in) where a table has none. */
function orderOf(db: DatabaseSync, table: string): string {
  const key = columnsOf(db, table).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => quote(c.name));
  return key.length > 0 ? key.join(', ') : 'rowid';
}

function count(db: DatabaseSync, table: string): number {
  return Number(db.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get()!['n']);
}

function lastEntry(db: DatabaseSync, log: string): { seq: number; hash: string } | null {
  const row = db.prepare('SELECT seq, hash FROM log_entries WHERE log = ? ORDER BY seq DESC LIMIT 1').get(log);
  return row ? { seq: Number(row['seq']), hash: String(row['hash']) } : null;
}

function sqliteValue(v: unknown): null | number | bigint | string | Uint8Array {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v as null | number | bigint | string | Uint8Array;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

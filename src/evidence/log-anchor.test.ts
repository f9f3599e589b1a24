// The logs anchored outside the database: whoever can rewrite the database file (drop the
// append-only triggers, cut the audit trail, remove a user's entries and re-chain the rest) is caught
// by verify through the signed checkpoints in the data directory, and so is whoever edits those.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { GENESIS_HASH, verifyChain } from '../domain/hash-chain.ts';
import { createFileBlobStore } from '../store/blobs.files.ts';
import { openPostgresStore } from '../store/postgres/store.postgres.ts';
import { createTestDatabase } from '../store/postgres/test-database.postgres.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';
import type { Store } from '../store/store.ts';
import { CHECKPOINTS_FILE } from './checkpoints.ts';
import { anchoredStore, CHECKPOINT_AFTER_MS } from './log-anchor.ts';
import { rechainWithout, tamperDatabase } from './log-tamper.fixtures.ts';
import { verifyEvidence, type VerifyFailure } from './verify.ts';

const EVERY = 50;
const ENTRIES = 600;
/** Bob's entries start at #57 and recur every third entry after it. */
const userOf = (seq: number) => (seq >= 57 && seq % 3 === 0 ? 'bob' : seq % 2 === 0 ? 'alice' : 'carol');
const atOf = (seq: number) => new Date(Date.UTC(2026, 2, 1, 8) + seq * 60_000).toISOString();

/** What a year of use leaves: audit entries of three users and a few custody entries, anchored as
 *  the application anchors them, then closed. */
async function writeTrail(store: Store): Promise<void> {
  for (let seq = 1; seq <= ENTRIES; seq++) {
    await store.appendLog('audit', { action: 'ads.search', user: userOf(seq), themes: ['mensenhandel'] }, atOf(seq));
    if (seq % 100 === 0) await store.appendLog('custody', { action: 'export', format: 'warc', captures: [] }, atOf(seq));
  }
}

async function verifyDir(dataDir: string): Promise<VerifyFailure[]> {
  const store = await openSqliteStore(dataDir);
  try {
    return (await verifyEvidence({ store, blobs: createFileBlobStore(dataDir), dataDir })).failures;
  } finally {
    await store.close();
  }
}

const anchorFailures = (failures: VerifyFailure[]) => failures.filter((f) => /checkpoint/.test(f.what)).map((f) => f.why);

describe('audit trail anchored by signed checkpoints (SQLite)', () => {
  let root: string;
  let original: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'baken-anchor-'));
    original = join(root, 'data');
    const { store } = anchoredStore(await openSqliteStore(original), original, { every: EVERY });
    await writeTrail(store);
    await store.close();
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** A copy of the data directory, as an attacker with access to the files would work on. */
  const copy = () => {
    const dir = mkdtempSync(join(root, 'copy-'));
    cpSync(original, dir, { recursive: true });
    return dir;
  };

  it('writes its checkpoints to an owner-only file at the first write, every 50 writes and on close, and verifies clean', async () => {
    const file = join(original, CHECKPOINTS_FILE);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { log: string; seq: number; prev: string });
    // The first write, then every 50th write of the process (a custody entry counts too: #100 is the 50th after #51).
    assert.deepEqual(lines.filter((l) => l.log === 'audit').map((l) => l.seq).slice(0, 3), [1, 51, 100]);
    assert.equal(lines.filter((l) => l.log === 'audit').at(-1)?.seq, ENTRIES, 'closing anchors the last entry');
    assert.equal(lines[0]!.prev, GENESIS_HASH);
    assert.deepEqual(await verifyDir(original), []);
  });

  it('names the cut when the triggers are dropped and the last 200 entries deleted', async () => {
    const dir = copy();
    tamperDatabase(join(dir, 'baken.db'), (db) => db.prepare("DELETE FROM log_entries WHERE log = 'audit' AND seq > ?").run(ENTRIES - 200));
    const store = await openSqliteStore(dir);
    assert.deepEqual(verifyChain(await store.readLog('audit')).breaks, [], 'the cut chain is intact as a chain');
    await store.close();
    const failures = anchorFailures(await verifyDir(dir));
    assert.equal(failures.length, 1, JSON.stringify(failures));
    assert.match(failures[0]!, new RegExp(`^audit log: entries after #${ENTRIES - 200} are missing \\(the signed checkpoint of \\S+ records ${ENTRIES}\\)$`));
  });

  it('names the first untrusted entry when one user\'s entries are deleted and the chain recomputed', async () => {
    const dir = copy();
    tamperDatabase(join(dir, 'baken.db'), (db) => rechainWithout(db, 'audit', (body) => body['user'] === 'bob'));
    const store = await openSqliteStore(dir);
    assert.deepEqual(verifyChain(await store.readLog('audit')).breaks, [], 'the re-chained log is intact as a chain');
    await store.close();
    const failures = anchorFailures(await verifyDir(dir));
    // Bob's first entry was #57; the checkpoint at #51 still holds, the one at #100 no longer does.
    assert.match(failures[0] ?? '', /^audit log: entry #52 onward differ from the signed checkpoint of \S+ \(entry #100 has another hash\): the log cannot be trusted from entry #52$/,
      JSON.stringify(failures));
    assert.equal(failures.filter((f) => /audit log/.test(f)).length, 2, 'and the re-chained log ends before the last checkpoint');
    assert.ok(!failures.some((f) => /custody log/.test(f)), 'the custody log is untouched');
  });

  it('names a checkpoint line that was changed, and one removed from the middle of the file', async () => {
    const dir = copy();
    const file = join(dir, CHECKPOINTS_FILE);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    lines[2] = lines[2]!.replace(/"seq":\d+/, '"seq":3');
    lines.splice(5, 1);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const failures = (await verifyDir(dir)).filter((f) => f.what === 'log checkpoints').map((f) => f.why);
    assert.deepEqual(failures, [
      `${CHECKPOINTS_FILE} line 3: its signature does not match (changed after signing)`,
      `${CHECKPOINTS_FILE} line 4: does not follow line 3 (a checkpoint was removed, inserted or changed there)`,
      `${CHECKPOINTS_FILE} line 6: does not follow line 5 (a checkpoint was removed, inserted or changed there)`,
    ]);
  });

  it('names a checkpoint file that was removed while the logs have entries', async () => {
    const dir = copy();
    rmSync(join(dir, CHECKPOINTS_FILE));
    assert.deepEqual(anchorFailures(await verifyDir(dir)), [
      `custody log: no signed checkpoint anchors its 6 entries (${CHECKPOINTS_FILE} is missing): a cut or rewritten log cannot be told from an intact one`,
      `audit log: no signed checkpoint anchors its ${ENTRIES} entries (${CHECKPOINTS_FILE} is missing): a cut or rewritten log cannot be told from an intact one`,
    ]);
  });

  it('never writes a checkpoint while verifying, even of a cut trail', async () => {
    const dir = copy();
    tamperDatabase(join(dir, 'baken.db'), (db) => db.exec("DELETE FROM log_entries WHERE log = 'audit' AND seq > 10"));
    const before = readFileSync(join(dir, CHECKPOINTS_FILE));
    await verifyDir(dir);
    assert.deepEqual(readFileSync(join(dir, CHECKPOINTS_FILE)), before);
  });
});

describe('when checkpoints are written', () => {
  it('anchors a write once five minutes have passed since the last checkpoint, and not before', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baken-anchor-time-'));
    let now = Date.parse('2026-03-01T10:00:00.000Z');
    const { store } = anchoredStore(await openSqliteStore(dataDir), dataDir, { now: () => new Date(now) });
    try {
      await store.appendLog('audit', { action: 'ads.search' });
      now += CHECKPOINT_AFTER_MS - 1;
      await store.appendLog('audit', { action: 'ads.search' });
      now += 1;
      await store.appendLog('audit', { action: 'ads.search' });
      const lines = readFileSync(join(dataDir, CHECKPOINTS_FILE), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { seq: number; at: string });
      assert.deepEqual(lines.map((l) => [l.seq, l.at]), [[1, '2026-03-01T10:00:00.000Z'], [3, '2026-03-01T10:05:00.000Z']]);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('audit trail anchored by signed checkpoints (PostgreSQL)', () => {
  it('names the cut when the trigger is dropped and the last 200 entries deleted; the checkpoints stay in the data directory', async () => {
    const database = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'baken-anchor-pg-'));
    try {
      const { store } = anchoredStore(await openPostgresStore(database.url), dataDir, { every: EVERY });
      await writeTrail(store);
      await store.close();
      assert.ok(existsSync(join(dataDir, CHECKPOINTS_FILE)));
      const verify = async () => {
        const reopened = await openPostgresStore(database.url);
        try {
          return anchorFailures((await verifyEvidence({ store: reopened, blobs: createFileBlobStore(dataDir), dataDir })).failures);
        } finally {
          await reopened.close();
        }
      };
      assert.deepEqual(await verify(), []);
      const sql = new pg.Client({ connectionString: database.url });
      await sql.connect();
      try {
        await sql.query('DROP TRIGGER log_entries_no_change ON log_entries');
        await sql.query("DELETE FROM log_entries WHERE log = 'audit' AND seq > $1", [ENTRIES - 200]);
      } finally {
        await sql.end();
      }
      const failures = await verify();
      assert.equal(failures.length, 1, JSON.stringify(failures));
      assert.match(failures[0]!, new RegExp(`^audit log: entries after #${ENTRIES - 200} are missing \\(the signed checkpoint of \\S+ records ${ENTRIES}\\)$`));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    }
  });
});

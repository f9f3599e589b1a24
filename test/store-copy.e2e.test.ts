// Moving an installation as an operator does (`baken store copy`): an embedded installation with a row
// in every table goes into a fresh PostgreSQL database and from there into a new data directory,
// and `baken verify` is clean on all three. A copy repairs nothing, refuses a store that already
// holds data or a run in flight, and leaves nothing behind when it fails.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { hashPassword } from '../src/accounts/passwords.ts';
import { openApiApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { importIfEmpty } from '../src/config/configuration.ts';
import { sealedRun } from '../src/evidence/sealed-ad.fixtures.ts';
import { openSqliteConfigVersions } from '../src/store/sqlite/config-versions.sqlite.ts';
import { tamperDatabase } from '../src/evidence/log-tamper.fixtures.ts';
import { DERIVED_TABLES } from '../src/store/store-copy.ts';
import { createTestDatabase, type TestDatabase } from '../src/store/postgres/test-database.postgres.ts';
import { BAKEN_BIN, BUNDLED_CONFIG } from './demo-env.ts';

const NODE = process.execPath;
const NOW = new Date().toISOString();

function baken(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const env = { ...process.env };
    delete env['BAKEN_DATABASE_URL'];
    const child = spawn(NODE, [BAKEN_BIN, ...args, '--config', BUNDLED_CONFIG], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function verified(args: string[]): Promise<{ checked: number; failures: { what: string; why: string }[] }> {
  const r = await baken(['verify', '--json', ...args]);
  return JSON.parse(r.stdout) as { checked: number; failures: { what: string; why: string }[] };
}

/** A row in every table of the schema, each written as Baken writes it. */
async function fillInstallation(dataDir: string): Promise<void> {
  const app = await openApiApp({ dataDir, database: null, config: loadConfig(BUNDLED_CONFIG) });
  try {
    const { store } = app;
    // The first ad carries a picture, a phone number and an indicator, so each derived index has a row.
    const found = { pictures: ['0123456789abcdef'], phones: ['0612345678'], hits: [{ id: 'shared-phone', weight: 2, evidence: [{ kind: 'field' as const, field: 'phones', value: '0612345678' }] }] };
    const police = await sealedRun(store, 'mensenhandel', [1, 2, 3].map((n) => ({ url: `https://ads.example/m/${n}`, seenAt: NOW, ...(n === 1 ? found : {}) })), { blobs: app.blobs, dataDir });
    const municipal = await sealedRun(store, 'toezicht', [{ url: 'https://ads.example/t/1', seenAt: NOW }], { blobs: app.blobs, dataDir });
    const [a, b] = [police[0]!.adId, police[1]!.adId].sort();
    await store.replaceLinks('mensenhandel', [{ a: a!, b: b!, reason: 'shared-phone', value: '0612345678' }]);
    await store.placeHold(police[2]!.adId, 'mensenhandel', 'ZAAK-2026-7', 'expert-test', NOW);
    const inFlight = await store.startRun({ theme: 'mensenhandel', source: 'mensenhandel-classic', startedAt: NOW, softwareVersion: 'baken test' });
    await store.recordFailure(inFlight, { source: 'mensenhandel-classic', url: 'https://ads.example/m/9', reason: 'timeout', attempts: 3 });
    await store.countExtraction(inFlight, 'mensenhandel-classic', 'complete');
    await store.raiseAlert({ theme: 'mensenhandel', source: 'mensenhandel-classic', runId: inFlight, kind: 'yield-drop', yield: 0.1, baseline: 0.9, floor: 0.5, raisedAt: NOW });
    await app.frontier.openRun({ runId: inFlight, theme: 'mensenhandel', source: 'mensenhandel-classic', jobId: null, owner: 'test' },
      [{ source: 'mensenhandel-classic', url: 'https://ads.example/m/', kind: 'list', delayMs: 0, maxAttempts: 2 }]);
    await app.frontier.lease('test', new Date(NOW), 60_000, inFlight);
    const versions = await openSqliteConfigVersions(dataDir);
    await importIfEmpty(versions, BUNDLED_CONFIG, 'operator', () => new Date(NOW)).finally(() => versions.close());
    await store.stage({ runId: inFlight, theme: 'mensenhandel', url: 'https://ads.example/m/8', features: { id: 's', fields: {} }, capture: new Uint8Array([1, 2, 3]), owner: 'test', stagedAt: NOW, expiresAt: '2999-01-01T00:00:00.000Z' });
    const user = await app.accounts.addUser({ name: 'carla', role: 'supervisor', themes: ['toezicht'], passwordHash: await hashPassword('correct horse battery staple lantern', 'carla'), totpSecret: null, requestedBy: ['admin'], approvedBy: 'admin2' }, NOW);
    await app.accounts.createSession({ idHash: 'c'.repeat(64), userId: user.id, csrfToken: 'csrf', createdAt: NOW, lastSeenAt: NOW, justification: 'signal research' });
    await app.accounts.addToken({ name: 'export job', role: 'auditor', themes: ['mensenhandel'], secretHash: 'd'.repeat(64), createdBy: 'admin', expiresAt: null, approvedBy: 'admin' }, NOW);
    const list = await app.lists.createList({ theme: 'toezicht', name: 'controle', createdBy: 'carla' }, NOW);
    await app.lists.addEntry(list.id, { adId: municipal[0]!.adId, addedBy: 'carla', addedAt: NOW });
    await app.exportRequests.addExportRequest({ kind: 'warc', theme: 'mensenhandel', subject: a!, params: {}, justification: 'ZAAK-2026-7', requestedBy: 'anna', state: 'requested', decidedBy: null }, NOW);
    await app.reference.addImport({ theme: 'toezicht', kind: 'licences', fileName: 'vergunningen.csv', sha256: 'a'.repeat(64), rows: 1, importedBy: 'carla', importedAt: NOW },
      [{ licence: 'HLM-1', businessName: 'Club 1', address: 'Straat 1', postcode: '2011 AB', municipality: '0392', validFrom: '2026-01-01', validTo: null }]);
    await app.inspections.refresh('toezicht', [{ municipality: '0392', adId: municipal[0]!.adId, criteria: [{ id: 'licence-absent', label: 'Geen vergunning', reason: 'no licence' }] }], NOW);
    const standing = await app.standing.saveSearch({ owner: user.id, theme: 'toezicht', name: 'nieuw', query: { city: 'Haarlem' }, justification: 'signal research' }, NOW, '2999-01-01T00:00:00.000Z');
    await app.standing.recordHits(standing.id, inFlight, [municipal[0]!.adId], NOW);
    await app.jobs.enqueue({ kind: 'purge', theme: 'toezicht', source: null, schedule: 'retention:toezicht', slot: NOW }, NOW);
    await app.services.audit.verify({ actor: { kind: 'cli', id: 'cli:auditor', name: 'auditor', role: 'auditor', themes: ['mensenhandel', 'toezicht'] }, client: 'local' });
  } finally {
    await app.close();
  }
}

type Rows = Record<string, unknown[]>;

/** Every table's rows in key order, as JSON-comparable values. */
function sqliteRows(dataDir: string): Rows {
  const db = new DatabaseSync(join(dataDir, 'baken.db'), { readOnly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'ads_fts%'").all() as { name: string }[]).map((t) => t.name);
    const plain = (r: object) => JSON.stringify({ ...r }, (_, v: unknown) => v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v);
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all().map(plain).sort().map((r) => JSON.parse(r) as unknown)]));
  } finally {
    db.close();
  }
}

function ftsMatches(dataDir: string, word: string): number {
  const db = new DatabaseSync(join(dataDir, 'baken.db'), { readOnly: true });
  try {
    return Number(db.prepare('SELECT count(*) AS n FROM ads_fts WHERE ads_fts MATCH ?').get(word)!['n']);
  } finally {
    db.close();
  }
}

async function pgCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'baken_schema'");
    const counts: Record<string, number> = {};
    for (const { table_name: t } of rows) counts[t] = Number((await client.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
    return counts;
  } finally {
    await client.end();
  }
}

async function pgQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const counted = (rows: Rows) => Object.fromEntries(Object.entries(rows).filter(([t]) => !DERIVED_TABLES.has(t)).map(([t, r]) => [t, r.length]));

describe('baken store copy', { timeout: 10 * 60_000 }, () => {
  let dir: string;
  let source: string;
  let pristine: string;
  let db: TestDatabase;
  let other: TestDatabase;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baken-copy-'));
    source = join(dir, 'embedded');
    await fillInstallation(source);
    pristine = join(dir, 'pristine');
    cpSync(source, pristine, { recursive: true });
    [db, other] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  after(async () => {
    await db?.drop();
    await other?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('moves every table into PostgreSQL and back into a new data directory, with verify clean on all three', async () => {
    const before = sqliteRows(source);
    const copied = counted(before);
    assert.deepEqual(Object.entries(copied).filter(([, n]) => n === 0), [], 'the fixture writes a row in every table, so every table is shown copied');
    assert.deepEqual((await verified(['--data', source])).failures, []);

    const up = await baken(['store', 'copy', '--from', source, '--to', db.url, '--include-staged', '--by', 'beheerder', '--json']);
    assert.equal(up.code, 0, up.stderr);
    const upReport = JSON.parse(up.stdout) as { from: string; to: string; rows: number; tables: Record<string, number> };
    assert.deepEqual([upReport.from, upReport.to], ['embedded', 'postgres']);
    assert.deepEqual(upReport.tables, copied, 'every table of both schemas, each with all its rows');
    const inPostgres = await pgCounts(db.url);
    assert.deepEqual(Object.keys(inPostgres).sort(), Object.keys(before).sort(), 'the schemas hold the same tables');
    for (const t of ['ad_search', 'capture_phones', 'capture_indicators', 'capture_image_hashes']) {
      assert.ok(before[t]!.length > 0, `the fixture gives ${t} a row`);
      assert.equal(inPostgres[t], before[t]!.length, `${t} is rebuilt by the target's triggers`);
    }
    const pgVerify = await verified(['--data', source, '--database', db.url]);
    assert.deepEqual([pgVerify.checked > 0, pgVerify.failures], [true, []]);

    const back = join(dir, 'back');
    const down = await baken(['store', 'copy', '--from', db.url, '--data', source, '--to', back, '--include-staged', '--by', 'beheerder', '--json']);
    assert.equal(down.code, 0, down.stderr);
    const downReport = JSON.parse(down.stdout) as { tables: Record<string, number>; files: number };
    assert.deepEqual(downReport.tables, { ...copied, log_entries: copied['log_entries']! + 1 }, 'with the first copy\'s audit entry');
    const files = readdirSync(source, { recursive: true }).map(String).filter((f) => !f.startsWith('baken.db') && statSync(join(source, f)).isFile());
    assert.ok(files.some((f) => f.startsWith('blobs/')) && files.some((f) => f.startsWith('anchors/')));
    assert.equal(downReport.files, files.length, 'the blobs, the keys and the checkpoints');
    assert.equal(statSync(join(back, 'keys')).mode & 0o777, 0o700, 'the keys stay the owner\'s only');
    assert.deepEqual((await verified(['--data', back])).failures, []);
    assert.deepEqual((await verified(['--data', source])).failures, [], 'the source is left as it was');

    const after = sqliteRows(back);
    // The change numbers of the search rows count writes, which the copy makes in another order.
    const { log_entries: logBefore, ad_search_changes: changesBefore, ...restBefore } = before;
    const { log_entries: logAfter, ad_search_changes: changesAfter, ...restAfter } = after;
    assert.deepEqual(restAfter, restBefore, 'every row as it was, the derived tables rebuilt the same');
    assert.equal(changesAfter!.length, changesBefore!.length);
    const copies = (logAfter as { body: string }[]).filter((e) => (JSON.parse(e.body) as { action: string }).action === 'store.copy');
    assert.deepEqual(logAfter!.filter((e) => !copies.includes(e as { body: string })), logBefore, 'both logs as they were, each copy appended to the trail');
    assert.equal(ftsMatches(back, 'utrecht'), ftsMatches(source, 'utrecht'), 'the full-text index is rebuilt');
    const trail = (logAfter as { log: string; body: string }[]).filter((e) => e.log === 'audit').slice(-2).map((e) => JSON.parse(e.body) as Record<string, unknown>);
    assert.deepEqual(trail.map((e) => [e['action'], e['user'], e['actor'], (e['query'] as { from: string }).from, e['count']]), [
      ['store.copy', 'beheerder', 'cli', 'embedded', upReport.rows],
      ['store.copy', 'beheerder', 'cli', 'postgres', upReport.rows + 1],
    ], 'each copy in the target\'s audit trail, with counts only');
  });

  it('refuses a target that holds data and changes nothing there', async () => {
    const inPostgres = await pgCounts(db.url);
    const again = await baken(['store', 'copy', '--from', source, '--to', db.url, '--include-staged', '--json']);
    assert.equal(again.code, 2, again.stderr);
    assert.match((JSON.parse(again.stdout) as { error: { message: string } }).error.message, /the target store is not empty \(.*\bads: 4\b.*\blog_entries: \d+/);
    assert.deepEqual(await pgCounts(db.url), inPostgres);

    const filled = join(dir, 'filled');
    mkdirSync(filled);
    writeFileSync(join(filled, 'notes.txt'), 'mine');
    const down = await baken(['store', 'copy', '--from', db.url, '--data', source, '--to', filled, '--include-staged']);
    assert.equal(down.code, 2, down.stderr);
    assert.match(down.stderr, /filled is not empty; copy into a new or empty data directory/);
    assert.deepEqual(readdirSync(filled), ['notes.txt']);

    const refused = join(dir, 'refused');
    const staged = await baken(['store', 'copy', '--from', db.url, '--data', source, '--to', refused]);
    assert.equal(staged.code, 2, staged.stderr);
    assert.match(staged.stderr, /a run is in flight/);
    assert.deepEqual(readdirSync(refused), [], 'the new data directory holds nothing of the refused copy');
  });

  it('refuses while a run has ads staged unless told, and a copy that fails leaves the target empty', async () => {
    const staged = await baken(['store', 'copy', '--from', pristine, '--to', other.url]);
    assert.equal(staged.code, 2);
    assert.match(staged.stderr, /a run is in flight: 1 ads are staged until it ends; .* --include-staged/);
    const empty = await pgCounts(other.url);
    assert.deepEqual(Object.entries(empty).filter(([t, n]) => n > 0 && !DERIVED_TABLES.has(t)), [], 'the schema only, no rows');

    // A table late in the copy refuses its rows: everything written before it is rolled back.
    await pgQuery(other.url, `CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
      CREATE TRIGGER refuse BEFORE INSERT ON inspection_entries FOR EACH ROW EXECUTE FUNCTION refuse();`);
    const failed = await baken(['store', 'copy', '--from', pristine, '--to', other.url, '--include-staged']);
    assert.notEqual(failed.code, 0);
    assert.match(failed.stderr, /disk full/);
    assert.deepEqual(await pgCounts(other.url), empty);
    await pgQuery(other.url, 'DROP TRIGGER refuse ON inspection_entries; DROP FUNCTION refuse();');
  });

  it('copies a tampered row as it is, so verify finds it on the target too', async () => {
    const captureId = (sqliteRows(pristine)['captures']![0] as { id: string }).id;
    tamperDatabase(join(pristine, 'baken.db'), (d) => d.prepare("UPDATE captures SET fields = json_set(fields, '$.city', 'Amsterdam') WHERE id = ?").run(captureId));
    const onSource = await verified(['--data', pristine]);
    assert.ok(onSource.failures.some((f) => f.what.includes(captureId)), JSON.stringify(onSource.failures));
    const copy = await baken(['store', 'copy', '--from', pristine, '--to', other.url, '--include-staged', '--json']);
    assert.equal(copy.code, 0, copy.stderr);
    const onTarget = await verified(['--data', pristine, '--database', other.url]);
    assert.deepEqual(onTarget.failures, onSource.failures);
  });
});

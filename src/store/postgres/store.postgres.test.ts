import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { verifyChain } from '../../domain/hash-chain.ts';
import { storeContract } from '../store.contract.ts';
import { assertRunsAfterUpgrade, finishedTestRun, keptAd, startTestRun } from '../store.fixtures.ts';
import type { Store } from '../store.ts';
import { MIGRATIONS, RUN_ABANDONED_MIGRATION } from './schema.postgres.ts';
import { openPostgresStore } from './store.postgres.ts';
import { createTestDatabase } from './test-database.postgres.ts';

storeContract('postgres', async () => {
  const database = await createTestDatabase();
  try {
    return { store: await openPostgresStore(database.url), another: () => openPostgresStore(database.url), cleanup: () => database.drop() };
  } catch (err) {
    await database.drop();
    throw err;
  }
});

/** A store on a fresh database, and a second connection to look at its rows the way an operator would. */
async function withStore(test: (store: Store, sql: pg.Client, url: string) => Promise<void>): Promise<void> {
  const database = await createTestDatabase();
  const store = await openPostgresStore(database.url);
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  try {
    await test(store, sql, database.url);
  } finally {
    await sql.end();
    await store.close();
    await database.drop();
  }
}

async function count(sql: pg.Client, table: string): Promise<number> {
  return Number((await sql.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
}

describe('postgres store', () => {
  it('two processes appending to the audit log at once keep one unbroken chain', () => withStore(async (store, _sql, url) => {
    const other = await openPostgresStore(url);
    try {
      const appends = [store, other].flatMap((s, p) =>
        Array.from({ length: 20 }, (_, i) => s.appendLog('audit', { action: 'search', process: p, n: i })));
      await Promise.all(appends);
      const log = await store.readLog('audit');
      assert.deepEqual(log.map((e) => e.seq), Array.from({ length: 40 }, (_, i) => i + 1));
      assert.deepEqual(verifyChain(log).breaks, []);
    } finally {
      await other.close();
    }
  }));

  it('two processes saving the same new ad at once store it once, as a capture and a sighting', () => withStore(async (store, sql, url) => {
    const other = await openPostgresStore(url);
    try {
      const runId = await startTestRun(store);
      const outcomes = await Promise.all([store.saveAd(keptAd(runId)), other.saveAd(keptAd(runId, { capturedAt: '2025-03-01T11:00:00.000Z' }))]);
      assert.deepEqual(outcomes.map((o) => o.outcome).sort(), ['new', 'unchanged']);
      assert.deepEqual([await count(sql, 'ads'), await count(sql, 'captures'), await count(sql, 'sightings')], [1, 1, 2]);
      assert.deepEqual(verifyChain(await store.readLog('custody')).breaks, []);
    } finally {
      await other.close();
    }
  }));

  it('leaves no partial rows when a save fails halfway and stays usable afterwards', () => withStore(async (store, sql) => {
    const runId = await startTestRun(store);
    const first = await store.saveAd(keptAd(runId));
    const tables = ['ads', 'captures', 'capture_artefacts', 'sightings', 'ad_search', 'capture_phones', 'log_entries'];
    const counts = async () => Promise.all(tables.map((t) => count(sql, t)));
    const before = await counts();
    // Fails the artefact insert, after the ad, capture and their trigger-made rows were already written.
    await sql.query(`
      CREATE FUNCTION fail_artefacts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$;
      CREATE TRIGGER fail_artefacts BEFORE INSERT ON capture_artefacts FOR EACH ROW EXECUTE FUNCTION fail_artefacts();`);
    await assert.rejects(store.saveAd(keptAd(runId, { url: 'https://ads.example/new' })), /simulated failure/);
    await assert.rejects(store.saveAd(keptAd(runId, { fields: { title: 'changed' } })), /simulated failure/);
    assert.deepEqual(await counts(), before);
    const kept = await store.getAd(first.adId, ['mensenhandel']);
    assert.equal(kept?.captureId, first.captureId);
    assert.equal(kept?.version, 1);

    await sql.query('DROP TRIGGER fail_artefacts ON capture_artefacts');
    assert.equal((await store.saveAd(keptAd(runId, { url: 'https://ads.example/new' }))).outcome, 'new');
  }));

  it('a purge leaves no row of the ad in any table, and the schema refuses to delete a held ad', () => withStore(async (store, sql) => {
    const runId = await startTestRun(store);
    const old = await store.saveAd(keptAd(runId, { url: 'https://ads.example/old' }));
    const held = await store.saveAd(keptAd(runId, { url: 'https://ads.example/held' }));
    await store.replaceLinks('mensenhandel', [old.adId < held.adId
      ? { a: old.adId, b: held.adId, reason: 'shared-phone', value: '+31612345678' } : { a: held.adId, b: old.adId, reason: 'shared-phone', value: '+31612345678' }]);
    await sql.query(`
      INSERT INTO lists (id, theme, name, created_by, created_at, updated_at) VALUES ('l1', 'mensenhandel', 'zaak', 'x', 'now', 'now');
      INSERT INTO list_ads (list_id, ad_id, added_by, added_at) VALUES ('l1', '${old.adId}', 'x', 'now'), ('l1', '${held.adId}', 'x', 'now');`);
    await store.placeHold(held.adId, 'mensenhandel', 'ZAAK-1', 'expert', '2025-03-02T00:00:00Z');
    await store.purgeExpired('mensenhandel', { lastSeenBefore: '2025-06-01T00:00:00Z' }, '2025-09-01T00:00:00Z');
    const tables = ['ads', 'captures', 'capture_artefacts', 'sightings', 'ad_search', 'ad_search_changes', 'capture_phones',
      'capture_indicators', 'ad_links', 'list_ads'];
    assert.deepEqual(Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(sql, t)]))), {
      ads: 1, captures: 1, capture_artefacts: 3, sightings: 1, ad_search: 1, ad_search_changes: 1, capture_phones: 1,
      capture_indicators: 1, ad_links: 0, list_ads: 1,
    }, 'only the held ad is left, with its own rows');
    await assert.rejects(sql.query('DELETE FROM ads WHERE id = $1', [held.adId]), (err: unknown) =>
      (err as { code?: string }).code === '23503', 'a foreign key violation');
  }));
});

describe('postgres runs of an older database', () => {
  it('read back as not abandoned once runs gain the column, and a run given up after the upgrade says so', async () => {
    const database = await createTestDatabase();
    try {
      const store = await openPostgresStore(database.url);
      const old = await finishedTestRun(store);
      await store.close();
      const sql = new pg.Client({ connectionString: database.url });
      await sql.connect();
      await sql.query(`ALTER TABLE runs DROP COLUMN abandoned; UPDATE baken_schema SET version = ${MIGRATIONS.indexOf(RUN_ABANDONED_MIGRATION)}`);
      await sql.end();

      const reopened = await openPostgresStore(database.url);
      try {
        await assertRunsAfterUpgrade(reopened, old);
      } finally {
        await reopened.close();
      }
    } finally {
      await database.drop();
    }
  });
});

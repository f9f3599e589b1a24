// Search on PostgreSQL beyond the store contract: writers committing out of order, concurrent
// searches in one process, and the words as tsvector and tsquery read them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { keptAd, startTestRun } from '../store.fixtures.ts';
import type { SearchResult, Store } from '../store.ts';
import { openPostgresStore } from './store.postgres.ts';
import { createTestDatabase } from './test-database.postgres.ts';

/** Two stores on one fresh database, as the API server and a crawler in another process. */
async function withTwoStores(test: (server: Store, crawler: Store, url: string) => Promise<void>): Promise<void> {
  const database = await createTestDatabase();
  const server = await openPostgresStore(database.url);
  const crawler = await openPostgresStore(database.url);
  try {
    await test(server, crawler, database.url);
  } finally {
    await crawler.close();
    await server.close();
    await database.drop();
  }
}

describe('postgres search', () => {
  it('finds a change that committed after a later one, as concurrent writers do', () => withTwoStores(async (server, crawler, url) => {
    const runId = await startTestRun(crawler);
    const { adId } = await crawler.saveAd(keptAd(runId, { url: 'https://ads.example/1', capturedAt: '2025-03-01T10:00:00.000Z' }));
    await crawler.saveAd(keptAd(runId, { url: 'https://ads.example/2', capturedAt: '2025-03-01T10:00:00.000Z' }));
    const months = async () => (await server.search({ themes: ['mensenhandel'], facets: true })).facets?.month;
    assert.deepEqual(await months(), [{ value: '2025-03', count: 2 }]);
    const slow = new pg.Client({ connectionString: url });
    await slow.connect();
    try {
      // The slow writer changes its ad first but commits last; a search in between sees only the fast one.
      await slow.query('BEGIN');
      await slow.query(`UPDATE ads SET last_seen = '2025-05-01T10:00:00.000Z' WHERE id = $1`, [adId]);
      await crawler.saveAd(keptAd(runId, { url: 'https://ads.example/2', capturedAt: '2025-04-01T10:00:00.000Z' }));
      assert.deepEqual(await months(), [{ value: '2025-03', count: 1 }, { value: '2025-04', count: 1 }]);
      await slow.query('COMMIT');
      assert.deepEqual(await months(), [{ value: '2025-04', count: 1 }, { value: '2025-05', count: 1 }]);
    } finally {
      await slow.end();
    }
  }));

  it('gives searches running at once, while another process writes, each one snapshot', () => withTwoStores(async (server, crawler, url) => {
    const runId = await startTestRun(crawler);
    for (let n = 0; n < 20; n++) {
      await crawler.saveAd(keptAd(runId, { url: `https://ads.example/${n}`, capturedAt: '2025-01-01T10:00:00.000Z', fields: { title: 'Zonnebloem' } }));
    }
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    let writing = true;
    // Every ad seen again in one transaction per month; now and then one ad deleted, which reloads the columns.
    const writes = (async () => {
      try {
        for (let step = 1; step <= 60; step++) {
          const month = `${2026 + Math.floor(step / 12)}-${String(1 + (step % 12)).padStart(2, '0')}`;
          await writer.query(`UPDATE ads SET last_seen = $1`, [`${month}-01T10:00:00.000Z`]);
          if (step % 10 === 0) await writer.query('DELETE FROM ads WHERE rid = (SELECT min(rid) FROM ads)');
        }
      } finally {
        writing = false;
      }
    })();
    const consistent = (r: SearchResult, label: string) => {
      const months = r.facets?.month ?? [];
      assert.equal(months.length, 1, `${label}: one month in the facets, got ${JSON.stringify(months)}`);
      assert.equal(months[0]!.count, r.total, `${label}: the month counts every match`);
      assert.equal(r.hits.length, r.total, `${label}: a hit for every match`);
      assert.ok(r.hits.every((h) => h.lastSeen.startsWith(months[0]!.value)),
        `${label}: the hits were read in the snapshot of the facets (${months[0]!.value}), got ${[...new Set(r.hits.map((h) => h.lastSeen))]}`);
    };
    let searches = 0;
    const searcher = async (text: string | undefined) => {
      while (writing) {
        consistent(await server.search({ themes: ['mensenhandel'], text, facets: true, limit: 200 }), `search ${JSON.stringify(text)}`);
        searches++;
      }
    };
    try {
      await Promise.all([writes, ...Array.from({ length: 6 }, (_, i) => searcher(i % 2 === 0 ? undefined : 'zonnebloem'))]);
    } finally {
      await writer.end();
    }
    assert.ok(searches >= 30, `the searches should overlap the writes, but only ${searches} ran`);
    assert.equal((await server.search({ themes: ['mensenhandel'] })).total, 14);
  }));

  it('treats tsquery syntax and SQL as plain words and never throws', () => withTwoStores(async (store) => {
    const runId = await startTestRun(store);
    await store.saveAd(keptAd(runId, { url: 'https://ads.example/a', fields: { title: 'Near the station', text: 'Close to the station' } }));
    await store.saveAd(keptAd(runId, { url: 'https://ads.example/b', fields: { title: 'Title here', text: "x marks the spot, it's 1 only" } }));
    await store.saveAd(keptAd(runId, { url: 'https://ads.example/c', fields: { title: 'Other', text: 'nothing special' } }));
    const expected: [string, number][] = [
      ["'", 0], ["''", 0], ['"', 0], ['&', 0], ['|', 0], ['!', 0], ['!station', 1], ['station:*', 1], ['stat:*', 0],
      ['station:A', 0], ['near <-> station', 1], ['near <2> station', 0], ['(station | other)', 0], ['station & !near', 1],
      ["it's", 1], ["x' | 'other", 0], ["'); DROP TABLE ads; --", 0], ['$1', 1], ['::tsquery', 0], ['\\', 0],
      ['station\u0000', 1],
    ];
    for (const [text, total] of expected) {
      const result = await store.search({ themes: ['mensenhandel'], text });
      assert.equal(result.total, total, `search for ${JSON.stringify(text)}`);
      assert.equal(result.hits.length, total, `hits for ${JSON.stringify(text)}`);
    }
    assert.equal((await store.search({ themes: ['mensenhandel'] })).total, 3, 'the ads are all still there');
  }));

  it('ignores accents and case in any script', () => withTwoStores(async (store) => {
    const runId = await startTestRun(store);
    await store.saveAd(keptAd(runId, { fields: { title: 'Café ПРИВЕТ', text: 'ΣΟΦΙΑ woont in de Straße', city: 'İstanbul' } }));
    for (const text of ['cafe', 'CAFÉ', 'привет', 'Привет', 'σοφια', 'strasse', 'istanbul']) {
      assert.equal((await store.search({ themes: ['mensenhandel'], text })).total, 1, `search for ${text}`);
    }
  }));

  it('finds a word inside an e-mail address, a URL or a phone number, as SQLite does', () => withTwoStores(async (store) => {
    const runId = await startTestRun(store);
    await store.saveAd(keptAd(runId, { fields: { title: 'Mail anna@example.nl', text: 'Kijk op www.anna-example.nl/fotos of bel 06-12345678, v1.5' } }));
    for (const text of ['anna', 'example', 'anna@example.nl', 'fotos', 'www.anna-example.nl/fotos', '12345678', '06-12345678', '5', 'v1']) {
      assert.equal((await store.search({ themes: ['mensenhandel'], text })).total, 1, `search for ${text}`);
    }
  }));
});

// Search by photo at 1,000,000 stored picture hashes, through the Store's adsWithImageHash() as the
// application layer calls it, on each adapter with one client (goal p95 ≤ 100 ms). Queries are
// stored hashes with 0 to 10 bits flipped (the default photoSearch.maxDistance), so each finds at
// least its own picture, and fresh random hashes, which find nothing. The baseline, in the same run,
// is a linear scan: every stored hash read and compared, as a search without the band index would.
// The fill — 1,000 ads saved through the store, then 1,000 random hashes per capture inserted in SQL
// into the index — is kept: /tmp/baken-photo-million-* and a PostgreSQL database named after the
// schema version and size. Not in the default run: `npm run bench -- --only photo-million`
// (BAKEN_BENCH_HASHES for another size).
import { join } from 'node:path';
import pg from 'pg';
import { hammingDistance } from '../src/analyse/image-matches.ts';
import type { Store } from '../src/store/store.ts';
import { openDatabase } from '../src/store/sqlite/database.sqlite.ts';
import { SCHEMA_VERSION as SQLITE_VERSION } from '../src/store/sqlite/schema.sql.ts';
import { SCHEMA_VERSION as POSTGRES_VERSION } from '../src/store/postgres/schema.postgres.ts';
import { openSqliteStore } from '../src/store/sqlite/store.sqlite.ts';
import { openPostgresStore } from '../src/store/postgres/store.postgres.ts';
import { keptAd, startTestRun } from '../src/store/store.fixtures.ts';
import { cachedPostgresDatabase, cachedSqliteDir } from './cached-fill.ts';
import type { BenchResult } from './crawl.bench.ts';
import { timed, type Timing } from './search.bench.ts';

const HASHES = Number(process.env.BAKEN_BENCH_HASHES ?? 1_000_000);
const ADS = 1000;
const SERVER = process.env.BAKEN_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const QUERIES = 200;
const SCANS = 10;
const MAX_DISTANCE = 10;
const GOAL_MS = 100;
const THEMES = ['mensenhandel'];

export async function photoMillionBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const measure = async (adapter: string, store: Store, stored: () => Promise<string[]>) => {
    const sample = await stored();
    const queries = Array.from({ length: QUERIES }, (_, i) => i % 4 === 3 ? randomHash() : flip(sample[(i * 7919) % sample.length]!, i % (MAX_DISTANCE + 1)));
    const indexed = await timed(queries, 1, async (q) => { await store.adsWithImageHash(q, MAX_DISTANCE, THEMES); });
    const scan = await scanned(queries.slice(0, SCANS), stored);
    console.log(`goal ${adapter} p95 ≤ ${GOAL_MS} ms at ${HASHES} picture hashes: p95 ${indexed.p95.toFixed(1)} ms — ${indexed.p95 <= GOAL_MS ? 'met' : 'missed'}`);
    const row = (name: string, t: Timing, ratio?: number): BenchResult => ({ name, ads: HASHES, seconds: t.seconds, adsPerSecond: HASHES / t.seconds, p50Ms: t.p50, p95Ms: t.p95, ...(ratio ? { ratio } : {}) });
    results.push(row(`${adapter} linear scan of every stored hash within ${MAX_DISTANCE} bits (baseline)`, scan),
      row(`${adapter} store.adsWithImageHash() within ${MAX_DISTANCE} bits, band index`, indexed, indexed.p95 / scan.p95));
  };

  const dir = await sqliteFill();
  const sqlite = await openSqliteStore(dir);
  const file = openDatabase(join(dir, 'baken.db'));
  try {
    await measure('sqlite', sqlite, async () => (file.prepare('SELECT hash FROM capture_image_hashes').all() as { hash: string }[]).map((r) => r.hash));
  } finally {
    file.close();
    await sqlite.close();
  }
  const url = await postgresFill();
  const postgres = await openPostgresStore(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await measure('postgresql', postgres, async () => (await client.query<{ hash: string }>('SELECT hash FROM capture_image_hashes')).rows.map((r) => r.hash));
  } finally {
    await client.end();
    await postgres.close();
  }
  return results;
}

/** The baseline: each query reads every stored hash and compares it (no warm-up beyond the first). */
async function scanned(queries: string[], stored: () => Promise<string[]>): Promise<Timing> {
  const latencies: number[] = [];
  const start = performance.now();
  for (const q of queries) {
    const t0 = performance.now();
    (await stored()).filter((h) => hammingDistance(q, h) <= MAX_DISTANCE);
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { seconds: (performance.now() - start) / 1000, p50: at(0.5), p95: at(0.95) };
}

function randomHash(): string {
  return Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}

function flip(hash: string, bits: number): string {
  let value = BigInt(`0x${hash}`);
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(Math.floor(Math.random() * 64));
  for (const bit of chosen) value ^= 1n << BigInt(bit);
  return value.toString(16).padStart(16, '0');
}

const PER_CAPTURE = Math.ceil(HASHES / ADS);

function sqliteFill(): Promise<string> {
  return cachedSqliteDir(`/tmp/baken-photo-million-sqlite-v${SQLITE_VERSION}-${HASHES}`, async (filling) => {
    const store = await openSqliteStore(filling);
    await saveAds(store);
    await store.close();
    const db = openDatabase(join(filling, 'baken.db'));
    const t0 = performance.now();
    db.exec('BEGIN');
    db.exec('CREATE TEMP TABLE numbered (k INTEGER PRIMARY KEY, id TEXT NOT NULL); INSERT INTO numbered (k, id) SELECT row_number() OVER (ORDER BY id) - 1, id FROM captures');
    // Hash i belongs to capture i % ADS, as its picture number i / ADS + 1.
    db.prepare(`WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < :n - 1),
        h AS (SELECT i, printf('%016x', random()) AS hash FROM s)
      INSERT INTO capture_image_hashes (capture_id, n, hash, band0, band1, band2, band3)
      SELECT (SELECT id FROM numbered WHERE k = h.i % ${ADS}), h.i / ${ADS} + 1, h.hash, substr(h.hash, 1, 4), substr(h.hash, 5, 4), substr(h.hash, 9, 4), substr(h.hash, 13, 4)
      FROM h`).run({ n: HASHES });
    db.exec('COMMIT');
    db.exec('ANALYZE');
    db.close();
    process.stderr.write(`sqlite: filled ${HASHES} picture hashes in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  });
}

function postgresFill(): Promise<string> {
  return cachedPostgresDatabase(SERVER, `baken_photo_million_v${POSTGRES_VERSION}_${HASHES}`, async (url) => {
    const store = await openPostgresStore(url);
    await saveAds(store);
    await store.close();
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const t0 = performance.now();
      const half = "lpad(to_hex(floor(random() * 4294967296)::bigint), 8, '0')";
      await db.query(`WITH c AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM captures),
          h AS (SELECT i, ${half} || ${half} AS hash FROM generate_series(0, $1::int - 1) s(i))
        INSERT INTO capture_image_hashes (capture_id, n, hash, band0, band1, band2, band3)
        SELECT c.id, h.i / ${ADS} + 1, h.hash, substr(h.hash, 1, 4), substr(h.hash, 5, 4), substr(h.hash, 9, 4), substr(h.hash, 13, 4)
        FROM h JOIN c ON c.k = h.i % ${ADS}`, [HASHES]);
      await db.query('VACUUM ANALYZE');
      process.stderr.write(`postgresql: filled ${HASHES} picture hashes in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    } finally {
      await db.end();
    }
  });
}

/** The ads the hashes belong to, each saved through the store with one picture of its own (n = 0). */
async function saveAds(store: Store): Promise<void> {
  const runId = await startTestRun(store, 'mensenhandel');
  for (let i = 0; i < ADS; i++) await store.saveAd(keptAd(runId, { url: `https://ads.example/photo-bench/${i}`, perceptualHashes: [randomHash()] }));
}

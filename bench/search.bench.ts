// Search latency over 100,000 stored ads, through HTTP on a loopback server with one and with eight
// concurrent clients, against a baseline measured in the same run: the store's search() called in
// process, without HTTP, authorisation or audit. Figures are p50/p95 per request and their ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiApp } from '../src/app.ts';
import { buildApi } from '../src/api/build-api.ts';
import { hashPassword } from '../src/accounts/passwords.ts';
import { loadConfig } from '../src/config/load.ts';
import { keptAd, startTestRun } from '../src/store/store.fixtures.ts';
import type { BenchResult } from './crawl.bench.ts';

const ADS = Number(process.env.BAKEN_BENCH_ADS ?? 100_000);
const REQUESTS = 400;
const WORDS = ['zonnig', 'discreet', 'nieuw', 'privé', 'verwennen', 'massage', 'escort', 'weekend', 'avond', 'centrum',
  'hotel', 'thuis', 'student', 'jong', 'ervaren', 'rustig', 'vriendelijk', 'sportief', 'slank', 'exotisch'];
const CITIES = ['Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen'];
const PASSWORD = 'bench password, long enough';

export async function searchBench(): Promise<BenchResult[]> {
  const root = mkdtempSync(join(tmpdir(), 'baken-search-bench-'));
  const app = await openApiApp({ dataDir: join(root, 'data'), config: loadConfig(new URL('../config', import.meta.url).pathname) });
  try {
    const seeding = performance.now();
    await seed(app.store);
    const seeded = (performance.now() - seeding) / 1000;
    process.stderr.write(`seeded ${ADS} ads in ${seeded.toFixed(1)} s\n`);
    await app.accounts.addUser({ name: 'bench', role: 'analyst', themes: ['mensenhandel'], passwordHash: await hashPassword(PASSWORD), totpSecret: null }, new Date().toISOString());

    const queries = Array.from({ length: REQUESTS }, (_, i) => ({ word: WORDS[i % WORDS.length]!, city: i % 4 === 0 ? CITIES[i % CITIES.length] : undefined }));
    const baseline = await timed(queries, 1, (q) => app.store.search({ themes: ['mensenhandel'], text: q.word, city: q.city, facets: true, limit: 20 }).then(() => undefined));

    const api = await buildApi({ ...app, config: { current: app.config }, settings: { ...app.settings, auth: { ...app.settings.auth, requireTotp: false } } });
    const base = await api.listen({ port: 0, host: '127.0.0.1' });
    try {
      const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench', password: PASSWORD }) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const get = async (q: (typeof queries)[number]) => {
        const params = new URLSearchParams({ q: q.word, justification: 'signal research', ...(q.city ? { city: q.city } : {}) });
        const res = await fetch(`${base}/api/ads?${params}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`search answered ${res.status}`);
        await res.arrayBuffer();
      };
      const one = await timed(queries, 1, get);
      const eight = await timed(queries, 8, get);
      const row = (name: string, t: Timing): BenchResult => ({
        name, ads: ADS, seconds: t.seconds, adsPerSecond: ADS / t.seconds, p50Ms: t.p50, p95Ms: t.p95,
        ...(t === baseline ? {} : { ratio: t.p95 / baseline.p95 }),
      });
      return [
        row(`store.search() in process, facets, 1 caller (baseline; ${REQUESTS} queries)`, baseline),
        row('GET /api/ads over HTTP, 1 client (auth, policy, audit write)', one),
        row('GET /api/ads over HTTP, 8 concurrent clients', eight),
      ];
    } finally {
      await api.close();
    }
  } finally {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Deterministic ads: a few words each from a small vocabulary, so every query matches thousands. */
async function seed(store: Parameters<typeof startTestRun>[0]): Promise<void> {
  const runId = await startTestRun(store, 'mensenhandel');
  for (let i = 0; i < ADS; i++) {
    const words = [WORDS[i % 20]!, WORDS[(i * 7 + 3) % 20]!, WORDS[(i * 13 + 5) % 20]!];
    await store.saveAd(keptAd(runId, {
      url: `https://ads.example/bench/${i}`, source: `site-${i % 5}`, score: i % 25,
      capturedAt: new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86_400_000).toISOString(),
      fields: { title: `Advertentie ${words[0]}`, text: words.join(' '), city: CITIES[i % CITIES.length]!, phones: [`+316${String(10_000_000 + (i % 50_000))}`] },
    }));
  }
}

interface Timing { seconds: number; p50: number; p95: number }

async function timed<Q>(queries: Q[], clients: number, call: (q: Q) => Promise<void>): Promise<Timing> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < queries.length) {
      const q = queries[next++]!;
      const t0 = performance.now();
      await call(q);
      latencies.push(performance.now() - t0);
    }
  }));
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { seconds: (performance.now() - start) / 1000, p50: at(0.5), p95: at(0.95) };
}

// A data directory with many kept ads, written straight through the SQLite store as the search bench
// does (bench/search.bench.ts), and one analyst made by the operator (`baken user add`): for checking
// the search page at a scale no demo crawl reaches.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/load.ts';
import { keptAd, startTestRun } from '../../src/store/store.fixtures.ts';
import { BAKEN_BIN, BUNDLED_CONFIG } from '../demo-env.ts';
import type { DemoAccount, DemoData } from './harness.ts';

export interface ScaleData extends DemoData { account: DemoAccount; remove(): void }

const CITIES = ['Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen'];
const WORDS = ['zonnig', 'discreet', 'nieuw', 'verwennen', 'massage', 'weekend', 'avond', 'centrum', 'hotel', 'rustig'];
const DAY = 86_400_000;

export async function seedScaleData(ads: number): Promise<ScaleData> {
  const root = mkdtempSync(join(tmpdir(), 'baken-search-scale-'));
  const configDir = join(root, 'config');
  const dataDir = join(root, 'data');
  cpSync(BUNDLED_CONFIG, configDir, { recursive: true });
  const app = await openApiApp({ dataDir, config: loadConfig(configDir) });
  try {
    const runId = await startTestRun(app.store, 'mensenhandel');
    // Seen in the last 60 days, so no retention purge takes them while the test runs.
    const now = Date.now();
    for (let i = 0; i < ads; i++) {
      const words = [WORDS[i % 10]!, WORDS[(i * 7 + 3) % 10]!];
      await app.store.saveAd(keptAd(runId, {
        url: `https://ads.example/scale/${i}`, source: `site-${i % 5}`, score: i % 25,
        capturedAt: new Date(now - ((i * 37) % 60) * DAY - (i % 1000) * 1000).toISOString(),
        fields: { title: `Advertentie ${i} ${words[0]}`, text: words.join(' '), city: CITIES[i % CITIES.length]!, age: 20 + (i % 30) },
      }));
    }
  } finally {
    await app.close();
  }
  const account = { name: 'schaal-analist', role: 'analyst', password: 'zilveren-schepen-in-de-haven' };
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [BAKEN_BIN, 'user', 'add', '--name', account.name, '--role', account.role, '--theme', 'mensenhandel',
      '--password-stdin', '--by', 'e2e', '--config', configDir, '--data', dataDir]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`user add failed (${code}): ${stderr.slice(0, 2000)}`))));
    child.stdin.end(account.password + '\n');
  });
  return { configDir, dataDir, account, remove: () => rmSync(root, { recursive: true, force: true }) };
}

// Soak: one long crawl of 5,000 ads on the demo's classic platform, sampling the resident memory of
// Node and all of Chromium together every second. Goal: peak ≤ 1.5 GB and no growth over the last
// half of the run (browser contexts are recycled, src/capture/capture-session.ts). The demo
// platforms are served by a child process (`baken sites --size soak`), outside the figure: they are
// the web being crawled, not Baken.
// Not in the default run (about an hour on two cores): `npm run bench -- --only soak`.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openApp } from '../src/app.ts';
import { launchBrowser } from '../src/capture/browser.ts';
import { loadConfig } from '../src/config/load.ts';
import { runCrawl } from '../src/crawl/run-crawl.ts';
import { silentLog } from '../src/log.ts';
import { BAKEN_BIN, BUNDLED_CONFIG } from '../test/demo-env.ts';
import type { BenchResult } from './crawl.bench.ts';
import { sampleMemory } from './process-memory.ts';

const SOURCE = 'mensenhandel-classic';
const ADS = Number(process.env.BAKEN_SOAK_ADS ?? 5000);
const GOAL_PEAK_BYTES = 1.5 * 1024 ** 3;
/** Growth over the last half below this is noise (allocator, JIT), not a leak. */
const FLAT_BYTES = 50 * 1024 ** 2;
const MB = 1024 ** 2;

export async function soakBench(): Promise<BenchResult[]> {
  const sites = spawn(process.execPath, [BAKEN_BIN, 'sites', '--port', '0', '--size', 'soak', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const root = mkdtempSync(join(tmpdir(), 'baken-soak-'));
  const env = { configDir: join(root, 'config'), dataDir: join(root, 'data') };
  try {
    const { url } = JSON.parse(await firstLine(sites)) as { url: string };
    cpSync(BUNDLED_CONFIG, env.configDir, { recursive: true });
    const sources = join(env.configDir, 'sources');
    for (const f of readdirSync(sources)) writeFileSync(join(sources, f), readFileSync(join(sources, f), 'utf8').replaceAll('http://127.0.0.1:4100', url));
    const file = join(sources, `${SOURCE}.yaml`);
    // 20 ads a list page; no politeness delay, as in the crawl benchmark.
    writeFileSync(file, readFileSync(file, 'utf8').replace("next: 'a[rel=next]'", `next: 'a[rel=next]'\n  maxPages: ${Math.ceil(ADS / 20)}\n  maxAds: ${ADS}`) + 'crawl:\n  delayMs: 0\n');
    return await soak(env);
  } finally {
    sites.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  }
}

async function soak(env: { configDir: string; dataDir: string }): Promise<BenchResult[]> {
  const app = await openApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
  const browser = await launchBrowser();
  try {
    const memory = sampleMemory();
    const s = await runCrawl({ ...app, browser, log: silentLog }, { theme: 'mensenhandel', source: SOURCE });
    const { peak, growthLastHalf, samples } = memory.stop();
    const seconds = s.durationMs / 1000;
    console.log(`soak: ${s.captured} ads captured, ${s.failed} failed; peak RSS Node + Chromium ${(peak / MB).toFixed(0)} MB, growth over the last half ${(growthLastHalf / MB).toFixed(0)} MB (${samples} samples)`);
    console.log(`goal peak ≤ ${GOAL_PEAK_BYTES / MB} MB and no growth (< ${FLAT_BYTES / MB} MB) over the last half — ${peak <= GOAL_PEAK_BYTES && growthLastHalf < FLAT_BYTES ? 'met' : 'missed'}`);
    return [{ name: `soak: baken crawl of one source, ${ADS} ads, contexts recycled every 200 pages`, ads: s.captured, seconds, adsPerSecond: s.captured / seconds }];
  } finally {
    await browser.close();
    await app.close();
  }
}

async function firstLine(child: ChildProcess): Promise<string> {
  for await (const line of createInterface({ input: child.stdout! })) return line;
  throw new Error('baken sites ended before it printed its address');
}

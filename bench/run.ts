// `npm run bench [-- --only NAME] [--json]`: every benchmark, figures as ratios against a baseline
// measured in the same run. The long ones run only when named with --only.
import { crawlBench, crawlPhotosBench, type BenchResult } from './crawl.bench.ts';
import { searchBench } from './search.bench.ts';
import { analyseBench } from './analyse.bench.ts';
import { twoWorkersBench } from './two-workers.bench.ts';
import { soakBench } from './soak.bench.ts';
import { searchMillionBench } from './search-million.bench.ts';
import { photoMillionBench } from './photo-million.bench.ts';
import { screenshotFormatsBench } from './screenshot-formats.bench.ts';

const BENCHES: Record<string, () => Promise<BenchResult[]>> = { crawl: crawlBench, 'crawl-photos': crawlPhotosBench, search: searchBench, analyse: analyseBench };
/** Long benchmarks, run only when named with --only. */
const LONG: Record<string, () => Promise<BenchResult[]>> = { 'two-workers': twoWorkersBench, soak: soakBench, 'search-million': searchMillionBench,
  'photo-million': photoMillionBench, 'screenshot-formats': screenshotFormatsBench };
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const all = { ...BENCHES, ...LONG };
if (only !== undefined && !all[only]) throw new Error(`--only: expected one of ${Object.keys(all).join(', ')}, got "${only}"`);

const results: BenchResult[] = [];
for (const [name, bench] of Object.entries(only === undefined ? BENCHES : all)) if (only === undefined || only === name) results.push(...await bench());
for (const r of results) {
  const latency = r.p50Ms === undefined ? '' : `  p50 ${r.p50Ms.toFixed(1).padStart(6)} ms  p95 ${r.p95Ms!.toFixed(1).padStart(6)} ms`;
  const throughput = r.p50Ms === undefined ? `${r.adsPerSecond.toFixed(2).padStart(6)} ads/s` : '';
  console.log(`${r.name.padEnd(90)} ${String(r.ads).padStart(6)} ads  ${r.seconds.toFixed(1).padStart(6)} s  ${throughput}${latency}${r.ratio ? `  ×${r.ratio.toFixed(2)} of baseline` : ''}`);
}
if (process.argv.includes('--json')) console.log(JSON.stringify(results));

// `npm run bench [-- --only NAME] [--json]`: every benchmark, figures as ratios against a baseline
// measured in the same run.
import { crawlBench, type BenchResult } from './crawl.bench.ts';
import { searchBench } from './search.bench.ts';
import { analyseBench } from './analyse.bench.ts';
import { twoWorkersBench } from './two-workers.bench.ts';

const BENCHES: Record<string, () => Promise<BenchResult[]>> = { crawl: crawlBench, search: searchBench, analyse: analyseBench, 'two-workers': twoWorkersBench };
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && !BENCHES[only]) throw new Error(`--only: expected one of ${Object.keys(BENCHES).join(', ')}, got "${only}"`);

const results: BenchResult[] = [];
for (const [name, bench] of Object.entries(BENCHES)) if (only === undefined || only === name) results.push(...await bench());
for (const r of results) {
  const latency = r.p50Ms === undefined ? '' : `  p50 ${r.p50Ms.toFixed(1).padStart(6)} ms  p95 ${r.p95Ms!.toFixed(1).padStart(6)} ms`;
  const throughput = r.p50Ms === undefined ? `${r.adsPerSecond.toFixed(2).padStart(6)} ads/s` : '';
  console.log(`${r.name.padEnd(90)} ${String(r.ads).padStart(6)} ads  ${r.seconds.toFixed(1).padStart(6)} s  ${throughput}${latency}${r.ratio ? `  ×${r.ratio.toFixed(2)} of baseline` : ''}`);
}
if (process.argv.includes('--json')) console.log(JSON.stringify(results));

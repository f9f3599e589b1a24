// `npm run bench`: every benchmark, figures as ratios against a baseline measured in the same run.
import { crawlBench } from './crawl.bench.ts';

const results = await crawlBench();
for (const r of results) {
  console.log(`${r.name.padEnd(90)} ${String(r.ads).padStart(5)} ads  ${r.seconds.toFixed(1).padStart(6)} s  ${r.adsPerSecond.toFixed(2).padStart(6)} ads/s${r.ratio ? `  ×${r.ratio.toFixed(2)} of baseline` : ''}`);
}
if (process.argv.includes('--json')) console.log(JSON.stringify(results));

// `node bench/precision.ts [--days N] [--labelled FILE]`: precision and recall of the demo profile
// against the cues the demo platforms planted (see demo-figures.ts). `--labelled FILE` also writes
// day 0 as labelled JSON Lines for `baken eval`.
import { writeFileSync } from 'node:fs';
import type { DemoAd } from '../demo/world.ts';
import { addCounts, flagged, measureDemo, type Count } from './demo-figures.ts';

const option = (name: string) => { const at = process.argv.indexOf(name); return at >= 0 ? process.argv[at + 1] : undefined; };
const days = Number(option('--days') ?? 4);
const labelled = option('--labelled');
const { keep, perCue, perNetwork, perIndicator, firstDay } = await measureDemo(days);
if (labelled) writeLabelled(labelled, firstDay);

console.log('keep/delete against "has planted cues" (an ad to flag), per day');
keep.forEach((c, day) => console.log(`  day ${day}: ${figures(c)}`));
const total = keep.reduce(addCounts, { tp: 0, fp: 0, fn: 0, tn: 0 });
console.log(`  days 0–${days - 1}: ${figures(total)}`);
console.log('per planted cue: share of the ads carrying it that are kept');
for (const [cue, r] of perCue) console.log(`  ${cue.padEnd(22)} ${ratio(r.hits, r.ads)}  (${r.hits} of ${r.ads})`);
console.log('per cross-ad indicator, against membership of a network of its kind');
for (const [id, c] of perNetwork) console.log(`  ${id.padEnd(22)} ${figures(c)}`);
console.log('per other indicator: share of ads to flag and of clean ads it hits');
for (const [id, r] of perIndicator) console.log(`  ${id.padEnd(22)} flag ${ratio(r.flag.hits, r.flag.ads)}  clean ${ratio(r.clean.hits, r.clean.ads)}`);

/** Day 0 as `baken eval` reads it: the ad's fields, its label, and the cues as a note. */
function writeLabelled(file: string, ads: DemoAd[]): void {
  const lines = ads.map((ad) => JSON.stringify({ id: ad.id, ...ad.fields, label: flagged(ad) ? 'flag' : 'clean', lang: ad.lang, cues: ad.cues }));
  writeFileSync(file, `${lines.join('\n')}\n`);
  console.log(`wrote ${ads.length} labelled ads of day 0 to ${file}`);
}

function ratio(a: number, b: number): string {
  return b === 0 ? '   –  ' : (a / b).toFixed(3).padStart(6);
}

function figures(c: Count): string {
  return `precision ${ratio(c.tp, c.tp + c.fp)}  recall ${ratio(c.tp, c.tp + c.fn)}  clean kept ${ratio(c.fp, c.fp + c.tn)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn}, tn ${c.tn})`;
}

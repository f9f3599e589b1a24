// `node bench/precision.ts [--days N] [--labelled FILE]`: precision and recall of the demo profile
// against the cues the demo platforms planted (demo/cue-banks.ts, written without seeing the
// profile), over day-by-day re-crawls without a browser. Each day's ads are analysed as one run
// against the ads kept on earlier days, as the crawler's staging window does; pictures are rendered
// and hashed for real. `--labelled FILE` also writes day 0 as labelled JSON Lines for `baken eval`.
import { writeFileSync } from 'node:fs';
import { analyseBatch } from '../src/analyse/analyse-batch.ts';
import type { AnalysisInput } from '../src/domain/analysis-input.ts';
import { compileProfile } from '../src/analyse/compile-profile.ts';
import { perceptualHash } from '../src/analyse/image-hash.ts';
import type { Assessment } from '../src/domain/indicator-hit.ts';
import { CUES } from '../demo/cue-banks.ts';
import { generateWorld } from '../demo/generate.ts';
import { createImageCache } from '../demo/images.ts';
import type { DemoAd, NetworkKind, World } from '../demo/world.ts';
import { demoInput, demoProfile } from './demo-ads.ts';

/** Cross-ad indicators are measured against the networks the demo builds; every other indicator
 *  only by how often it hits ads to flag and clean ads, since the demo does not know the profile. */
const NETWORK_SIGNALS: Record<string, NetworkKind> = {
  'shared-phone': 'phone', 'shared-image': 'image', 'template-text': 'template', movement: 'movement',
};

interface Count { tp: number; fp: number; fn: number; tn: number }
interface Rate { hits: number; ads: number }

const option = (name: string) => { const at = process.argv.indexOf(name); return at >= 0 ? process.argv[at + 1] : undefined; };
const days = Number(option('--days') ?? 4);
const labelled = option('--labelled');
const profile = compileProfile(demoProfile());
const render = createImageCache();
const hashes = new Map<string, Promise<string>>();
const hashOf = (world: World, id: string) => hashes.get(id) ?? hashes.set(id, render(id, world.images[id]!).then(perceptualHash)).get(id)!;
const flagged = (ad: DemoAd) => ad.cues.length > 0;

const keep: Count[] = [];
const perCue = new Map<string, Rate>();
const perNetwork = new Map<string, Count>();
const perIndicator = new Map<string, { flag: Rate; clean: Rate }>();
let known: AnalysisInput[] = [];
for (let day = 0; day < days; day++) {
  const world = generateWorld({ day });
  const batch = await Promise.all(world.ads.map(async (ad) => demoInput(ad, day, await Promise.all(ad.fields.images.map((id) => hashOf(world, id))))));
  const results = analyseBatch(profile, batch, known);
  const kept = (ad: DemoAd) => results.get(ad.id)!.kept;
  keep.push(count(world.ads, flagged, kept));
  for (const cue of CUES) addRate(perCue, cue, rate(world.ads.filter((ad) => ad.cues.includes(cue)), kept));
  for (const ind of profile.indicators) {
    const hit = (ad: DemoAd) => results.get(ad.id)!.hits.some((h) => h.id === ind.id);
    const kind = NETWORK_SIGNALS[ind.id];
    if (kind) addCount(perNetwork, ind.id, count(world.ads, networkTruth(world, kind), hit));
    else {
      const was = perIndicator.get(ind.id) ?? { flag: { hits: 0, ads: 0 }, clean: { hits: 0, ads: 0 } };
      perIndicator.set(ind.id, { flag: sum(was.flag, rate(world.ads.filter(flagged), hit)), clean: sum(was.clean, rate(world.ads.filter((ad) => !flagged(ad)), hit)) });
    }
  }
  if (day === 0 && labelled) writeLabelled(labelled, world.ads);
  known = [...known, ...batch.filter((ad) => results.get(ad.id)!.kept)];
}

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

/** A move shows from the second day on, and only to an ad seen in another city before. */
function networkTruth(world: World, kind: NetworkKind): (ad: DemoAd) => boolean {
  const inNetwork = (ad: DemoAd) => world.networks.some((n) => n.kind === kind && n.ads.includes(ad.id));
  return kind === 'movement' ? (ad) => world.day > 0 && inNetwork(ad) : inNetwork;
}

/** Day 0 as `baken eval` reads it: the ad's fields, its label, and the cues as a note. */
function writeLabelled(file: string, ads: DemoAd[]): void {
  const lines = ads.map((ad) => JSON.stringify({ id: ad.id, ...ad.fields, label: flagged(ad) ? 'flag' : 'clean', lang: ad.lang, cues: ad.cues }));
  writeFileSync(file, `${lines.join('\n')}\n`);
  console.log(`wrote ${ads.length} labelled ads of day 0 to ${file}`);
}

function count(ads: DemoAd[], truth: (ad: DemoAd) => boolean, found: (ad: DemoAd) => boolean): Count {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const ad of ads) c[found(ad) ? (truth(ad) ? 'tp' : 'fp') : (truth(ad) ? 'fn' : 'tn')]++;
  return c;
}

function rate(ads: DemoAd[], found: (ad: DemoAd) => boolean): Rate {
  return { hits: ads.filter(found).length, ads: ads.length };
}

function sum(a: Rate, b: Rate): Rate {
  return { hits: a.hits + b.hits, ads: a.ads + b.ads };
}

function addRate(to: Map<string, Rate>, id: string, r: Rate): void {
  to.set(id, sum(to.get(id) ?? { hits: 0, ads: 0 }, r));
}

function addCounts(a: Count, b: Count): Count {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
}

function addCount(to: Map<string, Count>, id: string, c: Count): void {
  to.set(id, addCounts(to.get(id) ?? { tp: 0, fp: 0, fn: 0, tn: 0 }, c));
}

function ratio(a: number, b: number): string {
  return b === 0 ? '   –  ' : (a / b).toFixed(3).padStart(6);
}

function figures(c: Count): string {
  return `precision ${ratio(c.tp, c.tp + c.fp)}  recall ${ratio(c.tp, c.tp + c.fn)}  clean kept ${ratio(c.fp, c.fp + c.tn)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn}, tn ${c.tn})`;
}

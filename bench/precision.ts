// `node bench/precision.ts [--days N]`: precision and recall of the demo profile against the demo
// platforms' ground truth, over day-by-day re-crawls without a browser. Each day's ads are analysed
// as one run against the ads kept on earlier days, as the crawler's staging window does; pictures
// are rendered and hashed for real.
import { analyseBatch } from '../src/analyse/analyse-batch.ts';
import type { AnalysisInput } from '../src/domain/analysis-input.ts';
import { compileProfile } from '../src/analyse/compile-profile.ts';
import { perceptualHash } from '../src/analyse/image-hash.ts';
import type { Assessment } from '../src/domain/indicator-hit.ts';
import { generateWorld } from '../demo/generate.ts';
import { createImageCache } from '../demo/images.ts';
import { INDICATOR_IDS, type IndicatorId } from '../demo/phrases.ts';
import type { DemoAd, NetworkKind, World } from '../demo/world.ts';
import { demoInput, demoProfile } from './demo-ads.ts';

/** Which truth each indicator is measured against: a kind of network, or a planted indicator (its
 *  own id, or the one the generator plants it with: ads planted as young are 18 or 19). */
const NETWORK_SIGNALS: Record<string, NetworkKind> = {
  'shared-phone': 'phone', 'shared-image': 'image', 'template-text': 'template', movement: 'movement',
};
const PLANTED_AS: Record<string, IndicatorId> = { 'claimed-age-18-19': 'young' };
const plantedAs = (id: string) => PLANTED_AS[id] ?? (INDICATOR_IDS as string[]).find((p) => p === id);

interface Count { tp: number; fp: number; fn: number }

const daysAt = process.argv.indexOf('--days');
const days = daysAt >= 0 ? Number(process.argv[daysAt + 1]) : 4;
const profile = compileProfile(demoProfile());
const render = createImageCache();
const hashes = new Map<string, Promise<string>>();
const hashOf = (world: World, id: string) => hashes.get(id) ?? hashes.set(id, render(id, world.images[id]!).then(perceptualHash)).get(id)!;

const keep: Count[] = [];
const perIndicator = new Map<string, Count>();
let known: AnalysisInput[] = [];
for (let day = 0; day < days; day++) {
  const world = generateWorld({ day });
  const batch = await Promise.all(world.ads.map(async (ad) => demoInput(ad, day, await Promise.all(ad.fields.images.map((id) => hashOf(world, id))))));
  const results = analyseBatch(profile, batch, known);
  keep.push(countKeep(world.ads, results));
  for (const ind of profile.indicators) add(perIndicator, ind.id, countIndicator(ind.id, world, results));
  known = [...known, ...batch.filter((ad) => results.get(ad.id)!.kept)];
}

console.log('keep/delete against "has planted indicators", per day');
keep.forEach((c, day) => console.log(`  day ${day}: ${figures(c)}`));
console.log(`per indicator, days 0–${days - 1} together (planted phrase, or membership of a network of its kind)`);
for (const [id, c] of perIndicator) console.log(`  ${id.padEnd(22)} ${figures(c)}${id in NETWORK_SIGNALS || plantedAs(id) ? '' : '  (no truth in the demo: every hit counts as false)'}`);

function countKeep(ads: DemoAd[], results: Map<string, Assessment>): Count {
  return count(ads, (ad) => ad.planted.length > 0, (ad) => results.get(ad.id)!.kept);
}

function countIndicator(id: string, world: World, results: Map<string, Assessment>): Count {
  const kind = NETWORK_SIGNALS[id];
  const inNetwork = (ad: DemoAd) => world.networks.some((n) => n.kind === kind && n.ads.includes(ad.id));
  // A move shows from the second day on, and only to an ad seen in another city before.
  const truth = kind === 'movement' ? (ad: DemoAd) => world.day > 0 && inNetwork(ad)
    : kind ? inNetwork : (ad: DemoAd) => (ad.planted as string[]).includes(plantedAs(id) ?? '');
  return count(world.ads, truth, (ad) => results.get(ad.id)!.hits.some((h) => h.id === id));
}

function count(ads: DemoAd[], truth: (ad: DemoAd) => boolean, found: (ad: DemoAd) => boolean): Count {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const ad of ads) {
    if (found(ad)) c[truth(ad) ? 'tp' : 'fp']++;
    else if (truth(ad)) c.fn++;
  }
  return c;
}

function add(to: Map<string, Count>, id: string, c: Count): void {
  const t = to.get(id) ?? { tp: 0, fp: 0, fn: 0 };
  to.set(id, { tp: t.tp + c.tp, fp: t.fp + c.fp, fn: t.fn + c.fn });
}

function figures(c: Count): string {
  const ratio = (a: number, b: number) => (b === 0 ? '   –  ' : (a / b).toFixed(3).padStart(6));
  return `precision ${ratio(c.tp, c.tp + c.fp)}  recall ${ratio(c.tp, c.tp + c.fn)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
}

// The demo profile measured against the cues the demo platforms planted (demo/cue-banks.ts, written
// without seeing the profile), over day-by-day re-crawls without a browser: each day's ads are
// analysed as one run against the ads kept on earlier days, as the crawler's staging window does;
// pictures are rendered and hashed for real. bench/precision.ts prints it; a test holds a floor.
import { analyseBatch } from '../src/analyse/analyse-batch.ts';
import type { AnalysisInput } from '../src/domain/analysis-input.ts';
import { compileProfile } from '../src/analyse/compile-profile.ts';
import { perceptualHash } from '../src/analyse/image-hash.ts';
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

export interface Count { tp: number; fp: number; fn: number; tn: number }
export interface Rate { hits: number; ads: number }

export interface DemoFigures {
  /** Keep/delete against "has planted cues", per day. */
  keep: Count[];
  /** Per cue: of the ads carrying it, how many are kept. */
  perCue: Map<string, Rate>;
  /** Per cross-ad indicator, against membership of a network of its kind. */
  perNetwork: Map<string, Count>;
  /** Per other indicator: how often it hits ads to flag and clean ads. */
  perIndicator: Map<string, { flag: Rate; clean: Rate }>;
  /** The ads of day 0, for a labelled file. */
  firstDay: DemoAd[];
}

export const flagged = (ad: DemoAd): boolean => ad.cues.length > 0;

export async function measureDemo(days: number): Promise<DemoFigures> {
  const profile = compileProfile(demoProfile());
  const render = createImageCache();
  const hashes = new Map<string, Promise<string>>();
  const hashOf = (world: World, id: string) => hashes.get(id) ?? hashes.set(id, render(id, world.images[id]!).then(perceptualHash)).get(id)!;
  const figures: DemoFigures = { keep: [], perCue: new Map(), perNetwork: new Map(), perIndicator: new Map(), firstDay: [] };
  let known: AnalysisInput[] = [];
  for (let day = 0; day < days; day++) {
    const world = generateWorld({ day });
    if (day === 0) figures.firstDay = world.ads;
    const batch = await Promise.all(world.ads.map(async (ad) => demoInput(ad, day, await Promise.all(ad.fields.images.map((id) => hashOf(world, id))))));
    const results = analyseBatch(profile, batch, known);
    const kept = (ad: DemoAd) => results.get(ad.id)!.kept;
    figures.keep.push(count(world.ads, flagged, kept));
    for (const cue of CUES) addRate(figures.perCue, cue, rate(world.ads.filter((ad) => ad.cues.includes(cue)), kept));
    for (const ind of profile.indicators) {
      const hit = (ad: DemoAd) => results.get(ad.id)!.hits.some((h) => h.id === ind.id);
      const kind = NETWORK_SIGNALS[ind.id];
      if (kind) addCount(figures.perNetwork, ind.id, count(world.ads, networkTruth(world, kind), hit));
      else {
        const was = figures.perIndicator.get(ind.id) ?? { flag: { hits: 0, ads: 0 }, clean: { hits: 0, ads: 0 } };
        figures.perIndicator.set(ind.id, { flag: sum(was.flag, rate(world.ads.filter(flagged), hit)), clean: sum(was.clean, rate(world.ads.filter((ad) => !flagged(ad)), hit)) });
      }
    }
    known = [...known, ...batch.filter((ad) => results.get(ad.id)!.kept)];
  }
  return figures;
}

/** A move shows from the second day on, and only to an ad seen in another city before. */
function networkTruth(world: World, kind: NetworkKind): (ad: DemoAd) => boolean {
  const inNetwork = (ad: DemoAd) => world.networks.some((n) => n.kind === kind && n.ads.includes(ad.id));
  return kind === 'movement' ? (ad) => world.day > 0 && inNetwork(ad) : inNetwork;
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

export function addCounts(a: Count, b: Count): Count {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
}

function addCount(to: Map<string, Count>, id: string, c: Count): void {
  to.set(id, addCounts(to.get(id) ?? { tp: 0, fp: 0, fn: 0, tn: 0 }, c));
}

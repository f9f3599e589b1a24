// Analysis throughput on one core: 10,000 generated ads through the whole profile (per-ad and
// cross-ad indicators), with profiles of 20, 200 and 2,000 indicators. The 20-indicator profile,
// measured in the same run, is the baseline; the ratios show how cost grows with the profile.
import type { Profile } from '../src/config/schema.ts';
import { analyseBatch } from '../src/analyse/analyse-batch.ts';
import type { AnalysisInput } from '../src/domain/analysis-input.ts';
import { compileProfile } from '../src/analyse/compile-profile.ts';
import { generateWorld } from '../demo/generate.ts';
import { createRng } from '../demo/prng.ts';
import type { BenchResult } from './crawl.bench.ts';
import { demoInput, demoProfile } from './demo-ads.ts';

const ADS = 10_000;
const SIZES = [20, 200, 2000];

export async function analyseBench(): Promise<BenchResult[]> {
  const ads = benchAds();
  const results: BenchResult[] = [];
  // One untimed pass first, so the baseline does not pay for warming up the JIT.
  analyseBatch(compileProfile(withSyntheticIndicators(demoProfile(), SIZES[0]!)), ads);
  for (const size of SIZES) {
    const profile = compileProfile(withSyntheticIndicators(demoProfile(), size));
    const t0 = performance.now();
    analyseBatch(profile, ads);
    const seconds = (performance.now() - t0) / 1000;
    const adsPerSecond = ads.length / seconds;
    results.push({
      name: `analyse: ${size}-indicator profile, per-ad + cross-ad, one core`, ads: ads.length, seconds, adsPerSecond,
      ...(results.length > 0 ? { ratio: adsPerSecond / results[0]!.adsPerSecond } : {}),
    });
  }
  return results;
}

/** Four large demo worlds (3,000 ads each) under their own ids, with stand-in picture hashes: one
 *  per drawing, a bit flipped for each re-encoding, as image-hash.ts measures on real renderings. */
function benchAds(): AnalysisInput[] {
  const ads: AnalysisInput[] = [];
  for (let seed = 1; ads.length < ADS; seed++) {
    const world = generateWorld({ seed, size: 'large' });
    for (const ad of world.ads) {
      const hashes = ad.fields.images.map((img) => {
        const spec = world.images[img]!;
        const rng = createRng(spec.picture, 'hash');
        const hex = Array.from({ length: 16 }, () => rng.int(0, 15).toString(16)).join('');
        return spec.quality === 82 ? hex : `${hex.slice(0, 15)}${(Number.parseInt(hex[15]!, 16) ^ 1).toString(16)}`;
      });
      ads.push(demoInput(ad, 0, hashes, `${seed}-${ad.id}`));
    }
  }
  return ads.slice(0, ADS);
}

/** The demo profile padded with lexicon indicators of made-up words, five terms per language each. */
function withSyntheticIndicators(profile: Profile, size: number): Profile {
  const rng = createRng(size, 'synthetic-terms');
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'zu', 'ber', 'dan', 'gor', 'lin', 'mos', 'pel', 'tas'];
  const word = () => Array.from({ length: rng.int(2, 4) }, () => rng.pick(syllables)).join('');
  const phrase = () => Array.from({ length: rng.int(1, 3) }, word).join(' ');
  const extra = Array.from({ length: size - profile.indicators.length }, (_, i) => ({
    id: `synthetic-${i}`, label: 'Synthetic', description: 'Benchmark load', kind: 'lexicon' as const, weight: 1,
    fields: ['title' as const, 'text' as const],
    terms: { nl: Array.from({ length: 5 }, phrase), en: Array.from({ length: 5 }, phrase) },
  }));
  return { ...profile, indicators: [...profile.indicators, ...extra] };
}

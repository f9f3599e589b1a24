// The demo world as input for the analysis benchmarks: the demo profile and the ads of a day.
import { loadConfig } from '../src/config/load.ts';
import type { Profile } from '../src/config/schema.ts';
import type { AnalysisInput } from '../src/domain/analysis-input.ts';
import { addDays } from '../demo/format.ts';
import { DAY_ZERO, type DemoAd } from '../demo/world.ts';

export function demoProfile(): Profile {
  return loadConfig(new URL('../config', import.meta.url).pathname).profiles.get('mensenhandel')!;
}

/** The ad as the crawler would hand it to the analysis on demo day `day`. */
export function demoInput(ad: DemoAd, day: number, imageHashes: string[], id = ad.id): AnalysisInput {
  return { id, fields: ad.fields, imageHashes, seen: addDays(DAY_ZERO, day) };
}

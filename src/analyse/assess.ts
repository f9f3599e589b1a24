// Scores one ad against a compiled profile. The score is the sum of the weights of the indicators
// that hit; each hit carries its evidence so an expert can see why.
import type { AdFields } from '../domain/ad.ts';
import type { Assessment, IndicatorHit } from '../domain/indicator-hit.ts';
import type { CompiledProfile } from './compile-profile.ts';

export function assess(profile: CompiledProfile, fields: AdFields): Assessment {
  const hits: IndicatorHit[] = [];
  for (const ind of profile.indicators) {
    const evidence = ind.match(fields);
    if (evidence.length > 0) hits.push({ id: ind.id, weight: ind.weight, evidence });
  }
  const score = hits.reduce((sum, h) => sum + h.weight, 0);
  return { score, kept: score >= profile.threshold, hits };
}

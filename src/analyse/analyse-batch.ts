// The one entry point for scoring ads together: the crawler at the end of a run (the run's ads
// against each other and against the ads already kept) and `baken analyse` on a file.
import { BakenError } from '../domain/errors.ts';
import type { Assessment } from '../domain/indicator-hit.ts';
import { adLinks } from './ad-links.ts';
import type { AnalysisInput } from '../domain/analysis-input.ts';
import { assessmentOf, perAdEvidence } from './assess.ts';
import type { CompiledProfile } from './compile-profile.ts';
import { crossAdEvidence } from './cross-ad.ts';
import { analysisContext, type AnalysisContext } from './price-context.ts';

/**
 * Assesses every ad of `batch` with all indicators of the profile. Cross-ad indicators compare it
 * with the rest of the batch and with `known` (ads already kept, possibly several versions per id),
 * which are not assessed themselves. The price context defaults to medians over batch and known.
 */
export function analyseBatch(
  profile: CompiledProfile, batch: readonly AnalysisInput[], known: readonly AnalysisInput[] = [], context?: AnalysisContext,
): Map<string, Assessment> {
  const all = [...batch, ...known];
  const prices = context ?? analysisContext(all.map((ad) => ad.fields));
  const links = adLinks(all);
  const assessments = new Map<string, Assessment>();
  batch.forEach((ad, i) => {
    if (assessments.has(ad.id)) throw new BakenError('INPUT_INVALID', `ad "${ad.id}" occurs twice in one batch`);
    const evidence = perAdEvidence(profile, ad.fields, prices);
    for (const { index, rule } of profile.crossAd) {
      const found = crossAdEvidence(rule, i, links);
      if (found.length > 0) evidence.set(index, found);
    }
    assessments.set(ad.id, assessmentOf(profile, evidence));
  });
  return assessments;
}

// Scores one ad on its own against a compiled profile. The score is the sum of the weights of the
// groups that hit (an indicator is its own group unless it names one); each hit carries its evidence so an expert can see why. Cross-ad indicators
// need the other ads and are scored by analyseBatch.
import type { AdFields } from '../domain/ad.ts';
import type { Assessment, Evidence, IndicatorHit } from '../domain/indicator-hit.ts';
import type { CompiledProfile } from './compile-profile.ts';
import { fieldEvidence } from './field-rules.ts';
import type { AnalysisContext } from './price-context.ts';
import { adAge } from './text-age.ts';
import { textEvidence } from './text-rules.ts';

/** Without a context (the run's price medians) the price rule does not hit. */
export function assess(profile: CompiledProfile, fields: AdFields, context?: AnalysisContext): Assessment {
  return assessmentOf(profile, perAdEvidence(profile, fields, context));
}

/** Evidence per indicator position, for every indicator that judges the ad on its own. */
export function perAdEvidence(profile: CompiledProfile, fields: AdFields, context: AnalysisContext | undefined): Map<number, Evidence[]> {
  const evidence = textEvidence(profile.text, fields);
  for (const { index, rule } of profile.fieldRules) {
    const found = fieldEvidence(rule, fields, context);
    if (found.length > 0) evidence.set(index, found);
  }
  dropAboveStatedAge(profile, fields, evidence);
  return evidence;
}

/** Field/text agreement: a youth term from someone who states an age above the indicator's limit is
 *  a joke or a role, not a signal; only computed when such a term matched. */
function dropAboveStatedAge(profile: CompiledProfile, fields: AdFields, evidence: Map<number, Evidence[]>): void {
  const guarded = profile.ageGuards.filter((g) => evidence.has(g.index));
  if (guarded.length === 0) return;
  const age = adAge(fields)?.age;
  if (age === undefined) return;
  for (const g of guarded) if (age > g.above) evidence.delete(g.index);
}

export function assessmentOf(profile: CompiledProfile, evidence: Map<number, Evidence[]>): Assessment {
  const hits: IndicatorHit[] = [...evidence.keys()].sort((a, b) => a - b).map((index) => {
    const { id, weight } = profile.indicators[index]!;
    return { id, weight, evidence: evidence.get(index)! };
  });
  // One signal seen several ways counts once, at its highest weight.
  const byGroup = new Map<string, number>();
  for (const index of evidence.keys()) {
    const { group, weight } = profile.indicators[index]!;
    byGroup.set(group, Math.max(byGroup.get(group) ?? 0, weight));
  }
  const score = [...byGroup.values()].reduce((sum, w) => sum + w, 0);
  return { score, kept: score >= profile.threshold, hits };
}

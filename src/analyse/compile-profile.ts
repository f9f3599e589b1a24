// Turns a profile from configuration into matchers, once per run rather than once per ad.
import type { CrossAdIndicator, FieldIndicator, Indicator, Profile } from '../config/profile-schema.ts';
import { needsContext } from './field-rules.ts';
import { compileTextRules, type TextRules } from './text-rules.ts';

export interface CompiledIndicator { id: string; weight: number; kind: Indicator['kind']; group: string }

export interface CompiledProfile {
  id: string;
  threshold: number;
  /** In profile order: hits are listed in this order. */
  indicators: CompiledIndicator[];
  text: TextRules;
  fieldRules: { index: number; rule: FieldIndicator }[];
  crossAd: { index: number; rule: CrossAdIndicator }[];
  /** Text indicators that do not count above a stated age (`unlessAgeAbove`). */
  ageGuards: { index: number; above: number }[];
  /** What an ad can still gain once it is compared with the other ads of its run: the weights of
   *  the cross-ad indicators and of the field rules that need the run's prices. */
  deferredWeight: number;
  /** How many days back the cross-ad indicators look (movement, posting frequency): the versions of
   *  kept ads seen within this many days are what `known` must hold for them. */
  lookbackDays: number;
}

export function compileProfile(profile: Profile): CompiledProfile {
  const fieldRules: CompiledProfile['fieldRules'] = [];
  const crossAd: CompiledProfile['crossAd'] = [];
  const ageGuards: CompiledProfile['ageGuards'] = [];
  let deferredWeight = 0;
  profile.indicators.forEach((rule, index) => {
    if (rule.kind === 'field') fieldRules.push({ index, rule });
    if (rule.kind === 'cross-ad') crossAd.push({ index, rule });
    if ((rule.kind === 'lexicon' || rule.kind === 'pattern') && rule.unlessAgeAbove !== undefined) ageGuards.push({ index, above: rule.unlessAgeAbove });
    if (rule.kind === 'cross-ad' || (rule.kind === 'field' && needsContext(rule))) deferredWeight += rule.weight;
  });
  return {
    id: profile.id,
    threshold: profile.threshold,
    indicators: profile.indicators.map(({ id, weight, kind, group }) => ({ id, weight, kind, group: group ?? id })),
    text: compileTextRules(profile),
    fieldRules,
    crossAd,
    ageGuards,
    deferredWeight,
    lookbackDays: Math.max(0, ...crossAd.map(({ rule }) => ('withinDays' in rule ? rule.withinDays : 0))),
  };
}

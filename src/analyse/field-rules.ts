// Field indicators: rules on extracted fields (a number below or above a limit, a missing field, the
// length of a list, a price far below the local median) and the obscured phone number in the text.
import type { AdFields } from '../domain/ad.ts';
import type { Evidence } from '../domain/indicator-hit.ts';
import type { FieldIndicator } from '../config/profile-schema.ts';
import { obscuredPhoneSpans } from './obscured-phone.ts';
import { statedAges } from './text-age.ts';
import { hourlyRate, medianFor, type AnalysisContext } from './price-context.ts';

/** Whether the rule can only be judged against other ads (the price median). */
export function needsContext(rule: FieldIndicator): boolean {
  return rule.priceBelowMedian !== undefined;
}

/** Evidence of the rule on this ad; empty when it does not hit. Without a context, the price rule
 *  cannot be judged and does not hit. */
export function fieldEvidence(rule: FieldIndicator, fields: AdFields, context: AnalysisContext | undefined): Evidence[] {
  const name = rule.field;
  const value = fields[name];
  const hit = (v: string | number | null): Evidence[] => [{ kind: 'field', field: name, value: v }];
  if (rule.missing) {
    return value === undefined || value === '' || (Array.isArray(value) && value.length === 0) ? hit(null) : [];
  }
  if (rule.below !== undefined || rule.above !== undefined) {
    // An empty age field is filled from the ad's own words ("net 19 geworden"), shown as that span.
    const stated = name === 'age' && value === undefined ? statedAges(fields)[0] : undefined;
    const n = stated ? stated.age : value;
    if (typeof n !== 'number' || (rule.below !== undefined && n >= rule.below) || (rule.above !== undefined && n <= rule.above)) return [];
    return stated ? [{ kind: 'span', field: stated.field, start: stated.start, end: stated.end, text: stated.text }] : hit(n);
  }
  if (rule.count) {
    const n = Array.isArray(value) ? value.length : 0;
    const { atLeast, atMost } = rule.count;
    return (atLeast === undefined || n >= atLeast) && (atMost === undefined || n <= atMost) ? hit(n) : [];
  }
  if (rule.priceBelowMedian) {
    const rate = hourlyRate(fields.prices);
    const reference = context && medianFor(context, fields.city);
    if (rate === undefined || !reference || rate >= rule.priceBelowMedian.factor * reference.median) return [];
    return hit(`${round(rate)} per hour; median ${round(reference.median)} per hour in ${reference.over}`);
  }
  if (rule.obscuredPhone && typeof value === 'string') {
    return obscuredPhoneSpans(value).map((s) => ({ kind: 'span', field: name, start: s.start, end: s.end, text: value.slice(s.start, s.end) }));
  }
  return [];
}

const round = (n: number) => Math.round(n * 100) / 100;

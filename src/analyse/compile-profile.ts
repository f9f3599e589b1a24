// Turns a profile from configuration into matchers, once per run rather than once per ad.
import type { AdFields } from '../domain/ad.ts';
import type { Evidence } from '../domain/indicator-hit.ts';
import type { Indicator, Profile } from '../config/schema.ts';
import { fold, foldTerm } from './normalise.ts';

export interface CompiledIndicator { id: string; weight: number; match(fields: AdFields): Evidence[] }
export interface CompiledProfile { id: string; threshold: number; indicators: CompiledIndicator[] }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// Word boundaries that also hold next to accented letters and digits.
const wordBounded = (body: string) => `(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`;

export function compileProfile(profile: Profile): CompiledProfile {
  return { id: profile.id, threshold: profile.threshold, indicators: profile.indicators.map(compileIndicator) };
}

function compileIndicator(ind: Indicator): CompiledIndicator {
  const base = { id: ind.id, weight: ind.weight };
  switch (ind.kind) {
    case 'lexicon': {
      const terms = [...new Set(Object.values(ind.terms).flat().map(foldTerm))]
        .sort((a, b) => b.length - a.length)
        .map((t) => escape(t).replace(/ /g, '\\s+'));
      return { ...base, match: textMatcher(new RegExp(wordBounded(terms.join('|')), 'gu'), ind.fields, true) };
    }
    case 'pattern':
      return { ...base, match: textMatcher(new RegExp(ind.pattern, 'giu'), ind.fields, false) };
    case 'field':
      return { ...base, match: (fields) => fieldEvidence(ind, fields) };
  }
}

function textMatcher(re: RegExp, names: readonly ('title' | 'text' | 'alias')[], folded: boolean) {
  return (fields: AdFields): Evidence[] => {
    const evidence: Evidence[] = [];
    for (const field of names) {
      const original = fields[field];
      if (!original) continue;
      const f = folded ? fold(original) : { text: original, origin: null };
      for (const m of f.text.matchAll(re)) {
        const from = m.index;
        const to = from + m[0].length;
        const start = f.origin ? f.origin[from]! : from;
        const end = f.origin ? f.origin[to]! : to;
        evidence.push({ kind: 'span', field, start, end, text: original.slice(start, end) });
      }
    }
    return evidence;
  };
}

function fieldEvidence(ind: Extract<Indicator, { kind: 'field' }>, fields: AdFields): Evidence[] {
  const value = fields[ind.field];
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (ind.missing && empty) return [{ kind: 'field', field: ind.field, value: null }];
  if (ind.below !== undefined && typeof value === 'number' && value < ind.below) {
    return [{ kind: 'field', field: ind.field, value }];
  }
  return [];
}

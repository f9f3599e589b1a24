// An age stated in the ad's own words ("net 19 geworden", "19yo", "18 jarig", "negentien jaar",
// "just turned eighteen", "18 y.o.", "ik ben 45"), read when the extracted `age` field is empty, so
// the age rules judge what the ad says. Only a number tied to an age cue counts: a bare "19" may be
// a price, a time or a house number.
import type { AdFields } from '../domain/ad.ts';
import { numberAt } from './number-words.ts';
import { tokenise, type Token } from './tokenise.ts';

export interface StatedAge { age: number; field: 'title' | 'text'; start: number; end: number; text: string }

const MIN_AGE = 14;
const MAX_AGE = 99;

/** After the number: "19 jaar", "19 jarige", "19 years old", "19 yrs", "19 y o" (from "y.o."). */
const AGE_AFTER = new Set(['jaar', 'jr', 'jarig', 'jarige', 'years', 'year', 'yrs', 'yr', 'yo', 'geworden']);
/** "years" and "jaar" also count time: "20 jaar ervaring", "for 25 years", "10 years ago". */
const NOT_AGE_AFTER = new Set(['ervaring', 'experience', 'geleden', 'ago', 'lang', 'long', 'getrouwd', 'married', 'samen', 'together', 'in', 'bij', 'at', 'werkzaam']);
const NOT_AGE_BEFORE = new Set(['al', 'sinds', 'since', 'for', 'voor', 'ruim', 'over', 'na', 'after', 'afgelopen', 'last', 'past', 'dan', 'than']);
/** Before the number: "net 19", "pas achttien", "just turned 18", "leeftijd 19", "ik ben 45", "girl 19". */
const AGE_BEFORE = new Set(['net', 'pas', 'just', 'barely', 'turned', 'leeftijd', 'age', 'aged', 'ben', 'am', 'im',
  'meid', 'meisje', 'girl', 'dame', 'lady', 'vrouw', 'woman', 'studente', 'student', 'babe']);
/** Words after "ik ben 2 …" / "girl 50 …" that make the number something else than an age. */
const UNIT_AFTER = new Set(['euro', 'eur', 'e', 'min', 'minuten', 'minutes', 'mins', 'uur', 'hour', 'hours', 'hr', 'dagen', 'days',
  'weken', 'weeks', 'cm', 'kg', 'x', 'keer', 'times', 'procent', 'percent', 'uurtje', 'half', 'km', 'jaar', 'years']);

/** Ages the title and text state, in reading order. */
export function statedAges(fields: AdFields): StatedAge[] {
  const ages: StatedAge[] = [];
  for (const field of ['title', 'text'] as const) {
    const original = fields[field];
    if (original) ages.push(...agesIn(original).map((a) => ({ ...a, field, text: original.slice(a.start, a.end) })));
  }
  return ages;
}

function agesIn(original: string): { age: number; start: number; end: number }[] {
  const tokens = tokenise(original);
  const found: { age: number; start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const glued = /^(\d{2})(yo|jr|j|jarig|jarige|jaar|yrs|y)$/.exec(tokens[i]!.text);
    if (glued) {
      push(found, Number(glued[1]), tokens[i]!.start, tokens[i]!.end);
      continue;
    }
    const n = numberAt(tokens, i, original);
    if (!n || n.value < MIN_AGE || n.value > MAX_AGE || (n.words && n.value < 10)) continue;
    const after = cueAfter(tokens, n.last + 1, n.last);
    // "I'm 45" is tokenised as "i", "m", "45".
    const before = tokens[i - 1]?.clause === tokens[i]!.clause ? (tokens[i - 1]!.text === 'm' && tokens[i - 2]?.text === 'i' ? 'im' : tokens[i - 1]!.text) : undefined;
    if (after) push(found, n.value, n.start, after.end);
    else if (before && AGE_BEFORE.has(before) && !UNIT_AFTER.has(tokens[n.last + 1]?.text ?? '')) push(found, n.value, tokens[i - 1]!.start, n.end);
    i = n.last;
  }
  return found;

  function cueAfter(ts: readonly Token[], j: number, last: number): Token | undefined {
    const t = ts[j];
    if (!t || t.clause !== ts[last]!.clause) {
      return undefined;
    }
    if (t.text === 'y' && ts[j + 1]?.text === 'o') return ts[j + 1];
    if (!AGE_AFTER.has(t.text)) return undefined;
    if (NOT_AGE_AFTER.has(ts[j + 1]?.text ?? '') || NOT_AGE_BEFORE.has(ts[first(ts, last) - 1]?.text ?? '')) return undefined;
    const old = ts[j + 1];
    return old && ['oud', 'old', 'young', 'jong'].includes(old.text) ? old : t;
  }
}

/** The token index where the number ending at `last` starts (a two-word English number). */
function first(ts: readonly Token[], last: number): number {
  return ts[last - 1] && /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)$/.test(ts[last - 1]!.text) ? last - 1 : last;
}

function push(found: { age: number; start: number; end: number }[], age: number, start: number, end: number): void {
  if (age >= MIN_AGE && age <= MAX_AGE) found.push({ age, start, end });
}

/** The age the ad states: the extracted field when there is one, else the first age in its words. */
export function adAge(fields: AdFields): { age: number; stated?: StatedAge } | undefined {
  if (typeof fields.age === 'number') return { age: fields.age };
  const stated = statedAges(fields)[0];
  return stated ? { age: stated.age, stated } : undefined;
}

// Lexicon and pattern indicators, with their negation and context rules. All phrases of a profile
// (terms, negations, context words) sit in one word automaton, so each text field of an ad is read
// once whatever the number of indicators; only the indicators that matched cost anything after that.
import type { AdFields } from '../domain/ad.ts';
import type { Evidence } from '../domain/indicator-hit.ts';
import type { Indicator, Negations, Profile } from '../config/profile-schema.ts';
import { tokenise, type Token } from './tokenise.ts';
import { intern, lookup, type Vocabulary } from './vocabulary.ts';
import { addWordForms } from './word-forms.ts';
import { buildAutomaton, findPhrases, type Occurrence, type Phrase, type WordAutomaton } from './word-automaton.ts';

export type TextField = 'title' | 'text' | 'alias';
type TextIndicator = Extract<Indicator, { kind: 'lexicon' | 'pattern' }>;

const DEFAULT_NEGATION_WINDOW = 3;
/** A multi-word term also matches written as one word ("alleskan", "n o c o n d o m") when that
 *  word is long enough not to be some other word. */
const MIN_LETTERS_JOINED = 5;

/** A quoted term with a negation or refusal this many words around it is quoted to be rejected. */
const QUOTE_WINDOW = 8;
const DEFAULT_REFUSAL_WINDOW = 8;
const DEFAULT_SEEKING_WINDOW = 12;
/** The term follows the seeking phrase this closely ("op zoek naar een X"), so an opener like
 *  "Looking for a good time? I am available 24/7, never say no" does not turn its own offer away. */
const SEEKING_REACH = 5;
/** A quotation longer than this many characters is no longer a phrase named to reject it. */
const MAX_QUOTED_CHARS = 80;
/** A heading's list reaches this many clauses at most. */
const MAX_LIST_CLAUSES = 20;
const QUOTES = new Set([...'\'"‘’‚“”„«»`´']);

interface Negation {
  /** Phrase set of the words that negate what follows them, and how far back they reach. */
  set: number;
  window: number;
  /** Phrase set of the words that refuse what stands before them, and how far ahead they reach. */
  after: { set: number; window: number } | null;
  /** Phrase set of the words that say the reader is looking for something, and how far after the
   *  match a negation or refusal turns the reader away. */
  seeking: { set: number; window: number } | null;
}

interface TextRule {
  /** Position of the indicator in the profile. */
  index: number;
  fields: readonly TextField[];
  /** The phrase set of a lexicon, or the expression of a pattern. */
  match: number | RegExp;
  negation: Negation | null;
  context: { window: number; require: number | null; forbid: number | null } | null;
}

export interface TextRules {
  vocabulary: Vocabulary;
  automaton: WordAutomaton<number>;
  /** Lexicon rules by their phrase set, so an ad costs only the lexicons it matched. */
  lexicons: Map<number, TextRule>;
  patterns: TextRule[];
  /** The text fields any rule reads. */
  fields: TextField[];
}

interface FieldScan { original: string; tokens: Token[]; found: Map<number, Occurrence<number>[]> }

export function compileTextRules(profile: Profile): TextRules {
  const vocabulary: Vocabulary = new Map();
  const phrases: Phrase<number>[] = [];
  const written = new Set<string>();
  let sets = 0;
  const phraseSet = (terms: Record<string, string[]>): number => {
    const set = sets++;
    for (const term of new Set(Object.values(terms).flat())) phrases.push(...termPhrases(vocabulary, term, set, written));
    return set;
  };
  const negationSets = new Map<string, number>();
  const negationOf = (n: Negations | undefined): TextRule['negation'] => {
    if (!n || Object.values(n.terms).flat().length === 0) return null;
    const key = JSON.stringify(n.terms);
    if (!negationSets.has(key)) negationSets.set(key, phraseSet(n.terms));
    const inherited = n === profile.negations ? undefined : profile.negations;
    const setOf = (kind: string, part: { window?: number; terms: Record<string, string[]> } | undefined, window: number) => {
      if (!part || Object.values(part.terms).flat().length === 0) return null;
      const pkey = `${kind}:${JSON.stringify(part.terms)}`;
      if (!negationSets.has(pkey)) negationSets.set(pkey, phraseSet(part.terms));
      return { set: negationSets.get(pkey)!, window: part.window ?? window };
    };
    return {
      set: negationSets.get(key)!,
      window: n.window ?? profile.negations?.window ?? DEFAULT_NEGATION_WINDOW,
      after: setOf('after', n.refusals ?? inherited?.refusals, DEFAULT_REFUSAL_WINDOW),
      seeking: setOf('seeking', n.seeking ?? inherited?.seeking, DEFAULT_SEEKING_WINDOW),
    };
  };

  const rules: TextRule[] = [];
  profile.indicators.forEach((ind, index) => {
    if (ind.kind !== 'lexicon' && ind.kind !== 'pattern') return;
    rules.push({
      index,
      fields: ind.fields,
      match: ind.kind === 'lexicon' ? phraseSet(ind.terms) : new RegExp(ind.pattern, 'giu'),
      negation: negationOf(ind.negations ?? profile.negations),
      context: contextOf(ind, phraseSet),
    });
  });
  // After every phrase is in: a form never takes the number of a word the profile names itself.
  addWordForms(vocabulary, written);
  const fields = [...new Set(rules.flatMap((r) => r.fields))];
  const lexicons = new Map(rules.flatMap((r) => (typeof r.match === 'number' ? [[r.match, r] as const] : [])));
  return { vocabulary, automaton: buildAutomaton(phrases), lexicons, patterns: rules.filter((r) => typeof r.match !== 'number'), fields };
}

function contextOf(ind: TextIndicator, phraseSet: (terms: Record<string, string[]>) => number): TextRule['context'] {
  if (!ind.context) return null;
  return {
    window: ind.context.window,
    require: ind.context.require ? phraseSet(ind.context.require) : null,
    forbid: ind.context.forbid ? phraseSet(ind.context.forbid) : null,
  };
}

function termPhrases(vocabulary: Vocabulary, term: string, set: number, written: Set<string>): Phrase<number>[] {
  const words = tokenise(term).map((t) => t.text);
  for (const w of words) written.add(w);
  const phrases = [{ words: words.map((w) => intern(vocabulary, w)), value: set }];
  const joined = words.join('');
  if (words.length > 1 && joined.replace(/\d/g, '').length >= MIN_LETTERS_JOINED) {
    phrases.push({ words: [intern(vocabulary, joined)], value: set });
  }
  return phrases;
}

/** Evidence per indicator position, for the lexicon and pattern indicators that hit. */
export function textEvidence(compiled: TextRules, fields: AdFields): Map<number, Evidence[]> {
  const scans = new Map<TextField, FieldScan>();
  for (const name of compiled.fields) {
    const original = fields[name];
    if (original) scans.set(name, scanField(compiled, original));
  }
  // Only the lexicons some phrase of which was found are looked at: that keeps the cost of a large
  // profile close to the cost of the indicators an ad actually hits.
  const matched = new Set<TextRule>(compiled.patterns);
  for (const scan of scans.values()) for (const set of scan.found.keys()) { const r = compiled.lexicons.get(set); if (r) matched.add(r); }
  const evidence = new Map<number, Evidence[]>();
  for (const rule of matched) {
    const spans: Evidence[] = [];
    for (const field of rule.fields) {
      const scan = scans.get(field);
      if (!scan) continue;
      for (const m of matchesOf(rule, scan)) {
        if (allowedByRules(rule, scan, m)) spans.push({ kind: 'span', field, start: m.from, end: m.to, text: scan.original.slice(m.from, m.to) });
      }
    }
    if (spans.length > 0) evidence.set(rule.index, spans);
  }
  return evidence;
}

function scanField(compiled: TextRules, original: string): FieldScan {
  const tokens = tokenise(original);
  const words = new Int32Array(tokens.length);
  const clauses = new Int32Array(tokens.length);
  tokens.forEach((t, i) => { words[i] = lookup(compiled.vocabulary, t.text); clauses[i] = t.clause; });
  const found = new Map<number, Occurrence<number>[]>();
  for (const o of findPhrases(compiled.automaton, words, clauses)) {
    const list = found.get(o.value);
    if (list) list.push(o); else found.set(o.value, [o]);
  }
  return { original, tokens, found };
}

/** A match before negation and context: words [start, end) and characters [from, to). */
interface Match { start: number; end: number; from: number; to: number }

function matchesOf(rule: TextRule, scan: FieldScan): Match[] {
  const { tokens } = scan;
  if (typeof rule.match === 'number') {
    return (scan.found.get(rule.match) ?? []).map((o) => ({ start: o.start, end: o.end, from: tokens[o.start]!.start, to: tokens[o.end - 1]!.end }));
  }
  const matches: Match[] = [];
  for (const m of scan.original.matchAll(rule.match)) {
    if (m[0] === '') continue;
    const to = m.index + m[0].length;
    const start = firstToken(tokens, (t) => t.end > m.index);
    matches.push({ start, end: Math.max(start, firstToken(tokens, (t) => t.start >= to)), from: m.index, to });
  }
  return matches;
}

/** The first token for which `after` holds; tokens are in text order, so a binary search does. */
function firstToken(tokens: Token[], after: (t: Token) => boolean): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(tokens[mid]!)) hi = mid; else lo = mid + 1;
  }
  return lo;
}

function allowedByRules(rule: TextRule, scan: FieldScan, m: Match): boolean {
  if (rule.negation && (negated(scan, rule.negation, m.start) || refused(scan, rule.negation, m)
    || quotedToReject(scan, rule.negation, m) || soughtToReject(scan, rule.negation, m)
    || underRefusingHeading(scan, rule.negation, m))) return false;
  const c = rule.context;
  if (!c) return true;
  // Context words stand around the match; a phrase wholly inside the match is the match itself.
  const near = (set: number) => (scan.found.get(set) ?? []).some((o) => o.end > m.start - c.window && o.start < m.end + c.window
    && !(o.start >= m.start && o.end <= m.end));
  if (c.forbid !== null && near(c.forbid)) return false;
  return c.require === null || near(c.require);
}

/** A negation counts when it ends within `window` words before the match, in the same clause. */
function negated(scan: FieldScan, negation: Negation, start: number): boolean {
  const clause = scan.tokens[start]?.clause;
  return (scan.found.get(negation.set) ?? []).some((o) => o.end <= start && o.end > start - negation.window
    && scan.tokens[o.start]!.clause === clause);
}

/** The last word of a clause: what follows it is another clause or nothing. */
function endsClause(tokens: Token[], i: number): boolean {
  return i === tokens.length - 1 || tokens[i + 1]!.clause !== tokens[i]!.clause;
}

/** The punctuation between the clause of word i and the next clause. */
function breakAfterClause(scan: FieldScan, i: number): string {
  const { tokens } = scan;
  let last = i;
  while (!endsClause(tokens, last)) last++;
  return scan.original.slice(tokens[last]!.end, tokens[last + 1]?.start ?? scan.original.length);
}

/** A refusal after the match: "zonder condoom doe ik niet", "X is out of the question", and, in the
 *  clause right after a question or a colon, "Without a condom? No." / "Bareback: never". The refusal
 *  must END its clause, so "Bareback? No problem." and "24/7, no drugs" still count. */
function refused(scan: FieldScan, negation: Negation, m: Match): boolean {
  if (!negation.after || m.end === 0) return false;
  const { tokens } = scan;
  const clause = tokens[m.end - 1]!.clause;
  const window = negation.after.window;
  return (scan.found.get(negation.after.set) ?? []).some((o) => {
    if (o.start < m.end || o.start >= m.end + window || !endsClause(tokens, o.end - 1)) return false;
    const at = tokens[o.start]!.clause;
    if (at === clause) return true;
    if (at !== clause + 1) return false;
    const gap = breakAfterClause(scan, m.end - 1);
    // After a question or a colon the next clause answers it; after a comma only a bare "no" does.
    if (/[?:]/.test(gap)) return true;
    return gap.includes(',') && tokens[o.start - 1]!.clause !== at;
  });
}

/** A term inside a quotation with a negation or refusal a few words around it is named to reject it:
 *  'Looking for "no limits"? Not with me.', "Ik zie vaak 'net 18'. Dat speel ik niet.",
 *  "'Always available, does anything' – said no honest woman ever". */
function quotedToReject(scan: FieldScan, negation: Negation, m: Match): boolean {
  const quote = quotation(scan.original, m.from, m.to);
  if (quote === null) return false;
  const first = firstToken(scan.tokens, (t) => t.end > quote.open);
  const last = firstToken(scan.tokens, (t) => t.start >= quote.close);
  const near = (set: number) => (scan.found.get(set) ?? []).some((o) => (o.end <= first && o.end > first - QUOTE_WINDOW)
    || (o.start >= last && o.start < last + QUOTE_WINDOW));
  return near(negation.set) || (negation.after !== null && near(negation.after.set));
}

/** The quotation marks around [from, to) within one sentence: an opening mark at the start of a word
 *  and a closing one at the end of a word, so the apostrophes of "don't" and "Anne's" are no quotes. */
function quotation(text: string, from: number, to: number): { open: number; close: number } | null {
  let open = -1;
  for (let i = from - 1; i >= 0 && from - i <= MAX_QUOTED_CHARS; i--) {
    const c = text[i]!;
    if (/[.!?\n]/.test(c)) return null;
    if (!QUOTES.has(c)) continue;
    if (!isWordChar(text[i - 1])) { open = i; break; }
    // The end of an earlier quotation: this stretch is outside it.
    if (!isWordChar(text[i + 1])) return null;
  }
  if (open < 0) return null;
  for (let i = to; i < text.length && i - open <= MAX_QUOTED_CHARS; i++) {
    const c = text[i]!;
    if (/[.!?\n]/.test(c) && !QUOTES.has(text[i + 1] ?? '')) return null;
    if (!QUOTES.has(c)) continue;
    if (!isWordChar(text[i + 1])) return { open, close: i };
    if (!isWordChar(text[i - 1])) return null;
  }
  return null;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** A term the reader is said to be looking for, turned away in the same breath: "Op zoek naar geen
 *  taboes? Dan moet je verder zoeken", "If you're after a schoolgirl, this is not the ad for you". The
 *  seeking phrase stands just before the term in its sentence; a negation or refusal follows within
 *  the window. */
function soughtToReject(scan: FieldScan, negation: Negation, m: Match): boolean {
  if (negation.seeking === null) return false;
  const { tokens, original } = scan;
  const sought = (scan.found.get(negation.seeking.set) ?? []).some((o) => o.end <= m.start && o.end > m.start - SEEKING_REACH
    && !/[.!\n]/.test(original.slice(tokens[o.end - 1]!.end, m.from)));
  if (!sought) return false;
  const window = negation.seeking.window;
  const turnsAway = (set: number) => (scan.found.get(set) ?? []).some((o) => o.start >= m.end && o.start < m.end + window);
  return turnsAway(negation.set) || (negation.after !== null && turnsAway(negation.after.set));
}

/** A term in the list after a heading that says what she does not do: "Wat ik niet doe: zonder
 *  condoom, anaal", "What I don't do: bareback". The heading ends with a colon and holds a negation
 *  that is not its first word, or is a bare "No:"; so "Geen gedoe: altijd beschikbaar" still counts.
 *  The list runs to the end of the sentence. */
function underRefusingHeading(scan: FieldScan, negation: Negation, m: Match): boolean {
  const { tokens, original } = scan;
  let i = m.start - 1;
  for (let n = 0; i >= 0 && n < MAX_LIST_CLAUSES; n++) {
    // A pattern's match may begin after the last word ("… 🍒"): then no word follows word i.
    const gap = original.slice(tokens[i]!.end, tokens[i + 1]?.start ?? m.from);
    if (/[.!?\n]/.test(gap)) return false;
    let j = i;
    while (j > 0 && tokens[j - 1]!.clause === tokens[i]!.clause) j--;
    if (gap.includes(':')) {
      const first = j;
      const last = i;
      const inHeading = (set: number) => (scan.found.get(set) ?? []).some((o) => o.start >= first && o.end <= last + 1
        && (o.start > first || first === last));
      return inHeading(negation.set) || (negation.after !== null && inHeading(negation.after.set));
    }
    i = j - 1;
  }
  return false;
}

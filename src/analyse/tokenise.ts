// Words of an ad, folded for matching but tied to where they stand in the original text, so evidence
// spans show what the ad really says. Folding: lower case, no diacritics; letters spelled out one by
// one with a space, dot or emoji between them ("b e s c h i k b a a r") are joined into one word.

export interface Token {
  /** Lower case, without diacritics. */
  text: string;
  /** Offsets in the original text: `original.slice(start, end)` is the word as written. */
  start: number;
  end: number;
  /** Clause number: punctuation such as . , ; : ! ? ( ) and line breaks start a new clause. */
  clause: number;
}

const CLAUSE_BREAKS = new Set([...'.,;:!?()[]{}|\n\r–—•…¡¿']);
/** Spelled-out letters count as one word only in runs this long, so "a b" stays two words. */
const MIN_SPELLED_RUN = 3;
/** At most this many characters (a space, a dot, an emoji with its variation selector) between them. */
const MAX_SPELLED_GAP = 3;

interface RawToken { start: number; end: number; text: string; breakBefore: boolean; gap: string }

export function tokenise(input: string): Token[] {
  const raw = rawTokens(input);
  const tokens: Token[] = [];
  let clause = 0;
  for (let i = 0; i < raw.length;) {
    const run = spelledRunLength(raw, i);
    const first = raw[i]!;
    const last = raw[i + run - 1]!;
    if (first.breakBefore && tokens.length > 0) clause++;
    const text = run === 1 ? first.text : raw.slice(i, i + run).map((t) => t.text).join('');
    tokens.push({ text, start: first.start, end: last.end, clause });
    i += run;
  }
  return tokens;
}

/** Maximal runs of letters and digits (and "@", which stands for "a" in obfuscated words). */
function rawTokens(input: string): RawToken[] {
  const tokens: RawToken[] = [];
  let start = -1;
  let ascii = true;
  let gapStart = 0;
  let i = 0;
  while (i <= input.length) {
    const code = i < input.length ? input.codePointAt(i)! : -1;
    const width = code > 0xffff ? 2 : 1;
    const word = code >= 0 && isWordChar(code);
    if (word && start < 0) {
      start = i;
      ascii = true;
    }
    if (word && code > 0x7f) ascii = false;
    if (!word && start >= 0) {
      const slice = input.slice(start, i);
      const gap = input.slice(gapStart, start);
      const breakBefore = hasBreak(gap) && !betweenDigits(tokens.at(-1), gap, slice);
      tokens.push({ start, end: i, text: ascii ? slice.toLowerCase() : foldSlow(slice), breakBefore, gap });
      start = -1;
      gapStart = i;
    }
    i += width;
  }
  return tokens;
}

/** How many raw tokens from i form one spelled-out word (1 when they do not). */
function spelledRunLength(raw: RawToken[], i: number): number {
  let n = 0;
  while (i + n < raw.length && raw[i + n]!.text.length === 1
    && (n === 0 || isSpellingGap(raw[i + n]!.gap))) n++;
  if (n < MIN_SPELLED_RUN) return 1;
  const letters = raw.slice(i, i + n).filter((t) => !/\d/.test(t.text)).length;
  return letters >= 2 ? n : 1;
}

function isSpellingGap(gap: string): boolean {
  return [...gap].length <= MAX_SPELLED_GAP && !gap.includes('\n');
}

/** "24.7", "24-7" and "3,5" are one number written with a separator, not two clauses. */
function betweenDigits(previous: RawToken | undefined, gap: string, next: string): boolean {
  return previous !== undefined && (gap === '.' || gap === ',') && /\d$/.test(previous.text) && /^\d/.test(next);
}

function hasBreak(gap: string): boolean {
  for (const ch of gap) if (CLAUSE_BREAKS.has(ch)) return true;
  return false;
}

const wordCache = new Map<number, boolean>();
function isWordChar(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x40;
  }
  let word = wordCache.get(code);
  if (word === undefined) {
    word = /[\p{L}\p{N}\p{M}]/u.test(String.fromCodePoint(code));
    wordCache.set(code, word);
  }
  return word;
}

/** Lower case without diacritics: "Zoë" and "ZOE" fold alike. */
function foldSlow(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

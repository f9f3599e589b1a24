// Numbers as people write them in ads: numerals, Dutch and English number words ("zes", "twaalf",
// "vierendertig", "twenty one", "eighteen"), and the letter O for zero ("o six"). Phone numbers and
// ages are read from these, so "nul zes twaalf vierendertig …" is the number 0612 34… and
// "negentien" is 19. Every reading keeps the offsets of the words as written, for evidence.
import type { Token } from './tokenise.ts';

const UNITS = ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];
const UNITS_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'];
const TEENS_EN = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];
const TENS_EN = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Words that stand for one number by themselves; tokens come folded ("één" reads "een"). */
const WORD_VALUE = new Map<string, number>();
UNITS.forEach((w, i) => WORD_VALUE.set(w, i));
UNITS_EN.forEach((w, i) => WORD_VALUE.set(w, i));
TEENS.forEach((w, i) => WORD_VALUE.set(w, 10 + i));
TEENS_EN.forEach((w, i) => WORD_VALUE.set(w, 10 + i));
TENS.forEach((w, i) => { if (w) WORD_VALUE.set(w, 10 * i); });
TENS_EN.forEach((w, i) => { if (w) WORD_VALUE.set(w, 10 * i); });
// Dutch writes unit before tens in one word: "vierendertig" (34), "tweeentwintig" (22, from "tweeëntwintig").
for (let u = 1; u <= 9; u++) for (let t = 2; t <= 9; t++) WORD_VALUE.set(`${UNITS[u]}en${TENS[t]}`, 10 * t + u);
/** Zero as a letter: only ever part of a longer run of numbers (see numberRuns). */
const ZERO_LETTERS = new Set(['o', 'oh']);
const ENGLISH_TENS = new Set(TENS_EN.filter(Boolean));
const ENGLISH_UNITS = new Map(UNITS_EN.slice(1).map((w, i) => [w, i + 1]));

/** One number as written: its digits, its value, and whether it was written in words. */
export interface NumberToken {
  digits: string;
  value: number;
  words: boolean;
  /** Token positions [first, last] and characters [start, end) in the original text. */
  first: number;
  last: number;
  start: number;
  end: number;
}

/** The number starting at token i, or undefined. "twenty one" / "twenty-one" read as one number. */
export function numberAt(tokens: readonly Token[], i: number, original: string): NumberToken | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (/^\d+$/.test(t.text)) return { digits: t.text, value: Number(t.text), words: false, first: i, last: i, start: t.start, end: t.end };
  const value = WORD_VALUE.get(t.text) ?? (ZERO_LETTERS.has(t.text) ? 0 : undefined);
  if (value === undefined) return undefined;
  const next = tokens[i + 1];
  if (ENGLISH_TENS.has(t.text) && next && ENGLISH_UNITS.has(next.text) && /^[\s-]{1,2}$/.test(original.slice(t.end, next.start))) {
    const v = value + ENGLISH_UNITS.get(next.text)!;
    return { digits: String(v), value: v, words: true, first: i, last: i + 1, start: t.start, end: next.end };
  }
  return { digits: String(value), value, words: true, first: i, last: i, start: t.start, end: t.end };
}

/** What may stand between the numbers of one phone number: spaces and a few symbols, briefly. */
const SEPARATOR = /^[\s.,\-–—•·*_|/:;()+~=]{0,5}$/u;
/** Separators in an ordinary way of writing a number ("06-12 34 56 78", "+31 (0)6 …"). */
const ORDINARY_SEPARATOR = /^[ \-()+]*$/;
/** More single-digit groups than this is the "0 6 1 2 …" way of hiding a number from searches. */
const MAX_ORDINARY_SINGLE_DIGITS = 3;

export interface PhoneReading {
  /** E.164, like the extracted `phones` field: "+31612345678". */
  e164: string;
  start: number;
  end: number;
  /** Written so that a search for the number misses it: in words, with the letter O, with dots or
   *  symbols between the digits, or digit by digit. */
  obscured: boolean;
}

/** Dutch phone numbers read from the text, however written. */
export function phoneReadings(tokens: readonly Token[], original: string): PhoneReading[] {
  const readings: PhoneReading[] = [];
  let i = 0;
  while (i < tokens.length) {
    const run = runFrom(tokens, i, original);
    const found = longestPhone(run, original);
    if (found) {
      readings.push(found.reading);
      i = run[found.count - 1]!.last + 1;
    } else {
      i++;
    }
  }
  return readings;
}

/** Numbers one after another from token i, with only separators between them. */
function runFrom(tokens: readonly Token[], i: number, original: string): NumberToken[] {
  const run: NumberToken[] = [];
  let at = i;
  let digits = 0;
  while (digits < 13) {
    const n = numberAt(tokens, at, original);
    if (!n) break;
    const prev = run[run.length - 1];
    if (prev && !SEPARATOR.test(original.slice(prev.end, n.start))) break;
    run.push(n);
    digits += n.digits.length;
    at = n.last + 1;
  }
  return run;
}

/** The longest prefix of the run that is a phone number. It starts on its first number, so the
 *  caller's scan from each token finds numbers that start later. */
function longestPhone(run: readonly NumberToken[], original: string): { reading: PhoneReading; count: number } | undefined {
  let digits = '';
  let best: { reading: PhoneReading; count: number } | undefined;
  for (let k = 0; k < run.length; k++) {
    digits += run[k]!.digits;
    const e164 = asE164(digits);
    if (e164 === undefined) continue;
    const part = run.slice(0, k + 1);
    const start = part[0]!.start;
    const end = part[k]!.end;
    best = { reading: { e164, start, end, obscured: isObscured(part, original) }, count: k + 1 };
  }
  return best;
}

function isObscured(part: readonly NumberToken[], original: string): boolean {
  if (part.some((n) => n.words)) return true;
  let singles = 0;
  for (let k = 0; k < part.length; k++) {
    if (part[k]!.digits.length === 1) singles++;
    if (k > 0 && !ORDINARY_SEPARATOR.test(original.slice(part[k - 1]!.end, part[k]!.start))) return true;
  }
  return singles > MAX_ORDINARY_SINGLE_DIGITS;
}

/** A Dutch number as E.164: 0 + 9 digits, 31 or 0031 + 9 digits, or a mobile's 6 + 8 digits
 *  written without its leading 0. Anything else (prices, dates) is not a phone number. */
export function asE164(digits: string): string | undefined {
  const m = /^0([1-9]\d{8})$/.exec(digits) ?? /^(?:00)?31 ?0?([1-9]\d{8})$/.exec(digits) ?? /^(6\d{8})$/.exec(digits);
  return m ? `+31${m[1]}` : undefined;
}

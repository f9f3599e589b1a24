// Phone numbers written so that a search for the number misses them: spelled out ("nul zes een
// twee …") or broken up by letters, dots or symbols ("O6.12.34.56.78", "06x12x34x56x78"). An
// obscured phone number was one of the few significant predictors in the NIJ/JRSA study of 1,263 ads.
import { tokenise } from './tokenise.ts';

export interface CharSpan { start: number; end: number }

// Tokens come folded, so "één" reads as "een".
const DIGIT_WORD = new Map(Object.entries({
  nul: '0', een: '1', twee: '2', drie: '3', vier: '4', vijf: '5', zes: '6', zeven: '7', acht: '8', negen: '9',
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
}));

/** Dutch numbers have 10 digits (06…), 11 with +31 and 13 with 0031. */
const MIN_DIGITS = 10;
const MAX_DIGITS = 13;
const MIN_SPELLED_WORDS = 3;

export function obscuredPhoneSpans(text: string): CharSpan[] {
  return [...spelledOut(text), ...brokenUp(text)].sort((a, b) => a.start - b.start);
}

/** Runs of digit words and numerals, in one clause, that add up to a phone number's digits. */
function spelledOut(text: string): CharSpan[] {
  const spans: CharSpan[] = [];
  const tokens = tokenise(text);
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    let digits = '';
    let words = 0;
    while (j < tokens.length && (j === i || tokens[j]!.clause === tokens[i]!.clause)) {
      const t = tokens[j]!.text;
      const d = DIGIT_WORD.get(t) ?? (/^\d+$/.test(t) ? t : undefined);
      if (d === undefined) break;
      if (!/^\d+$/.test(t)) words++;
      digits += d;
      j++;
    }
    if (words >= MIN_SPELLED_WORDS && digits.length >= MIN_DIGITS && digits.length <= MAX_DIGITS) {
      spans.push({ start: tokens[i]!.start, end: tokens[j - 1]!.end });
    }
    i = Math.max(j, i + 1);
  }
  return spans;
}

// Digits with the look-alike letters O, o, l and I, and the characters people put between them.
// A run starts at no letter (so "solo 06…" does not start at its "o") and ends on a real digit.
const PHONE_LIKE = /(?<!\p{L})[+(]?[0-9Oo][0-9OolI\s.\-_*#xX/()]{8,30}[0-9]/gu;

/** A run that reads as a Dutch phone number once look-alike letters are read as digits, and that
 *  contains something an ordinary way of writing a number does not: letters, dots or symbols. */
function brokenUp(text: string): CharSpan[] {
  const spans: CharSpan[] = [];
  for (const m of text.matchAll(PHONE_LIKE)) {
    const run = m[0];
    const digits = run.replace(/[Oo]/g, '0').replace(/[lI]/g, '1').replace(/[^0-9]/g, '');
    const real = run.replace(/[^0-9]/g, '').length;
    const ordinary = /^[+(]?[0-9][0-9\s\-()]*$/.test(run);
    if (!ordinary && (digits.startsWith('0') || run.startsWith('+')) && digits.length >= MIN_DIGITS && digits.length <= MAX_DIGITS && real >= MIN_DIGITS - 3) {
      spans.push({ start: m.index, end: m.index + run.length });
    }
  }
  return spans;
}

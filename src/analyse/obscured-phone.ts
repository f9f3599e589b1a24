// Phone numbers written so that a search for the number misses them: spelled out ("nul zes een
// twee …") or broken up by letters, dots or symbols ("O6.12.34.56.78", "06x12x34x56x78"). An
// obscured phone number was one of the few significant predictors in the NIJ/JRSA study of 1,263 ads.
import { phoneReadings } from './number-words.ts';
import { tokenise } from './tokenise.ts';

export interface CharSpan { start: number; end: number }

/** Dutch numbers have 10 digits (06…), 11 with +31 and 13 with 0031. */
const MIN_DIGITS = 10;
const MAX_DIGITS = 13;

export function obscuredPhoneSpans(text: string): CharSpan[] {
  return merged([...spelledOut(text), ...brokenUp(text)]);
}

/** Phone numbers in number words ("nul zes twaalf vierendertig", "o six, seven seven"), mixed with
 *  digits, or digit by digit ("0 6 - 1 2 …"): see number-words.ts. */
function spelledOut(text: string): CharSpan[] {
  return phoneReadings(tokenise(text), text).filter((r) => r.obscured).map(({ start, end }) => ({ start, end }));
}

/** One span per number even when both readings find it ("O6 . 12 . …"). */
function merged(spans: CharSpan[]): CharSpan[] {
  const out: CharSpan[] = [];
  for (const s of spans.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end); else out.push({ ...s });
  }
  return out;
}

// Digits with the look-alike letters O, o, l and I, and the characters people put between them.
// A run starts at no letter (so "solo 06…" does not start at its "o") and ends on a real digit.
const PHONE_LIKE = /(?<!\p{L})[+(]?[0-9Oo][0-9OolI\s.\-_*#xX/()•·]{8,30}[0-9]/gu;

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

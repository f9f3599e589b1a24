// Numbers 0–99 as Dutch and English words, the way advertisers spell out phones and ages to get
// past platform filters that only look for digits.

const DUTCH_UNITS = ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'] as const;
const DUTCH_TEENS = ['tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'] as const;
const DUTCH_TENS = ['', '', 'twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'] as const;

const ENGLISH_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;
const ENGLISH_TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'] as const;
const ENGLISH_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;

function checkRange(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`number words cover 0–99, got ${n}`);
}

/** 24 → "vierentwintig", 22 → "tweeëntwintig" (Dutch puts the unit first and a trema after an e). */
export function dutchNumber(n: number): string {
  checkRange(n);
  if (n < 10) return DUTCH_UNITS[n]!;
  if (n < 20) return DUTCH_TEENS[n - 10]!;
  const tens = DUTCH_TENS[Math.floor(n / 10)]!;
  const unit = n % 10;
  if (unit === 0) return tens;
  const unitWord = DUTCH_UNITS[unit]!;
  return `${unitWord}${unitWord.endsWith('e') ? 'ën' : 'en'}${tens}`;
}

/** 24 → "twenty-four". */
export function englishNumber(n: number): string {
  checkRange(n);
  if (n < 10) return ENGLISH_UNITS[n]!;
  if (n < 20) return ENGLISH_TEENS[n - 10]!;
  const tens = ENGLISH_TENS[Math.floor(n / 10)]!;
  const unit = n % 10;
  return unit === 0 ? tens : `${tens}-${ENGLISH_UNITS[unit]!}`;
}

/** The digits of a phone, whatever separators it was written with. */
export function phoneDigits(phone: string): number[] {
  return [...phone.replace(/\D/g, '')].map(Number);
}

/** A phone read out in pairs ("06 12 34" → [0, 6, 12, 34]): a pair with a leading zero stays two digits. */
export function phonePairs(phone: string): number[] {
  const digits = phoneDigits(phone);
  const pairs: number[] = [];
  for (let i = 0; i < digits.length; i += 2) {
    const first = digits[i]!;
    const second = digits[i + 1];
    if (second === undefined) pairs.push(first);
    else if (first === 0) pairs.push(first, second);
    else pairs.push(first * 10 + second);
  }
  return pairs;
}

// The ways an advertiser writes a phone number out to slip past filters: in words, in pairs, with
// letters that pass for digits, as keycap emoji. The demo's phrase banks (cue-banks.ts) use them.
import { dutchNumber, englishNumber, phoneDigits, phonePairs } from './number-words.ts';

export const dutchDigits = (phone: string): string => phoneDigits(phone).map(dutchNumber).join(' ');
export const englishDigits = (phone: string, zero = 'oh'): string =>
  phoneDigits(phone).map((d) => (d === 0 ? zero : englishNumber(d))).join(' ');
export const dutchPairs = (phone: string): string => phonePairs(phone).map(dutchNumber).join(', ');
export const englishPairs = (phone: string): string =>
  phonePairs(phone).map((n) => (n === 0 ? 'oh' : englishNumber(n))).join(', ');
export const grouped = (phone: string, separator: string): string =>
  phoneDigits(phone).join('').replace(/(\d\d)(?=\d)/g, `$1${separator}`);
/** Letters that pass for digits: O for 0, I for 1, S for 5, B for 8. */
export const lookalike = (phone: string): string =>
  grouped(phone, '-').replace(/0/g, 'O').replace(/1/g, 'I').replace(/5/g, 'S').replace(/8/g, 'B');
export const keycaps = (phone: string): string => phoneDigits(phone).map((d) => `${d}\uFE0F\u20E3`).join('');
/** "oh six, double seven": how English speakers read repeated digits aloud. */
export const englishDoubles = (phone: string): string => {
  const digits = phoneDigits(phone);
  const parts: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    const word = digits[i] === 0 ? 'oh' : englishNumber(digits[i]!);
    if (digits[i + 1] === digits[i]) {
      parts.push(`double ${word}`);
      i++;
    } else parts.push(word);
  }
  return parts.join(', ');
};
/** The phone without its leading 0, the rest in pairs: "zes twaalf vierendertig …". */
export const withoutTrunkZero = (phone: string): number[] => {
  const digits = phoneDigits(phone);
  return [digits[1]!, ...phonePairs(digits.slice(2).join(''))];
};

// Word forms and near misses of a profile's words, generated once when the profile is compiled so
// that reading an ad still costs one map look-up per word. Every form points to the number of the
// word it comes from, so a hit on "condooms" or "kondoom" is reported as the phrase it stands for.
import { squeeze, type Vocabulary } from './vocabulary.ts';

/** Only words this long get inflected forms: short words ("av", "new") would collide with others. */
const MIN_LETTERS_FORMS = 4;
/** Only words this long get their one-letter misspellings: shorter ones are too close to other words. */
export const MIN_LETTERS_FUZZY = 7;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** Plural, diminutive and inflected forms, Dutch and English. Light suffix rules, no dictionary:
 *  a wrong form only costs a map entry, since it is a form nobody writes. */
export function inflections(word: string): string[] {
  if (word.length < MIN_LETTERS_FORMS || !/^\p{L}+$/u.test(word)) return [];
  const forms = new Set<string>();
  const add = (...w: string[]) => { for (const f of w) forms.add(f); };
  // English: girls, kisses, ladies, booked, booking.
  add(`${word}s`, `${word}es`, `${word}ed`, `${word}ing`);
  if (word.endsWith('y')) add(`${word.slice(0, -1)}ies`);
  if (word.endsWith('e')) add(`${word}d`, `${word.slice(0, -1)}ing`);
  // Dutch: meiden, dames, meisjes, condooms, beschikbare, jonge, meidje, kamertje, vrouwtjes.
  add(`${word}en`, `${word}e`, `${word}je`, `${word}jes`, `${word}tje`, `${word}tjes`, `${word}etje`, `${word}pje`);
  const long = /([aeou])\1([^aeiou])$/u.exec(word); // condoom → condooms, but also kamer → kamers above
  if (long) add(`${word.slice(0, -3)}${long[1]}${long[2]}en`, `${word.slice(0, -3)}${long[1]}${long[2]}e`);
  if (/[^aeiou][aeiou][^aeiouwxy]$/u.test(word) && !/[aeiou]{2}.$/u.test(word)) add(`${word}${word.at(-1)}en`, `${word}${word.at(-1)}e`);
  forms.delete(word);
  return [...forms];
}

/** Every word one edit away (a letter dropped, added or replaced, or two neighbours swapped). */
export function oneEditAway(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (i < word.length) out.add(head + tail.slice(1));
    if (i < word.length - 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const ch of ALPHABET) {
      out.add(head + ch + tail);
      if (i < word.length) out.add(head + ch + tail.slice(1));
    }
  }
  out.delete(word);
  return [...out];
}

/** Adds the forms of `words` (as written in the profile) to the vocabulary. A form that is itself a
 *  profile word keeps its own number; inflections win over misspellings, the first word over later ones. */
export function addWordForms(vocabulary: Vocabulary, words: Iterable<string>): void {
  const known = new Set(vocabulary.keys());
  const fuzzy: [string, number][] = [];
  for (const word of words) {
    const id = vocabulary.get(squeeze(word));
    if (id === undefined) continue;
    for (const form of inflections(word)) {
      const key = squeeze(form);
      if (!vocabulary.has(key)) vocabulary.set(key, id);
    }
    if (word.length >= MIN_LETTERS_FUZZY && /^\p{L}+$/u.test(word)) fuzzy.push([word, id]);
  }
  for (const [word, id] of fuzzy) {
    for (const form of oneEditAway(word)) {
      const key = squeeze(form);
      if (!vocabulary.has(key) && !known.has(key)) vocabulary.set(key, id);
    }
  }
}

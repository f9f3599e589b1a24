// The words a profile looks for, numbered, and how a written word is read as one of them despite
// the usual obfuscations: stretched letters ("beschikbaaaar") and digits for letters ("4lles", "b@reback").

export type Vocabulary = Map<string, number>;

/** The form in which words are compared: runs of one letter squeezed to one ("alles" → "ales"). */
export function squeeze(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

export function intern(vocabulary: Vocabulary, word: string): number {
  const key = squeeze(word);
  let id = vocabulary.get(key);
  if (id === undefined) {
    id = vocabulary.size;
    vocabulary.set(key, id);
  }
  return id;
}

const LEET: Record<string, readonly string[]> = {
  0: ['o'], 1: ['i', 'l'], 3: ['e'], 4: ['a'], 5: ['s'], 7: ['t'], '@': ['a'],
};
/** "1" reads as i or l; beyond a few of them the combinations are not worth trying. */
const MAX_READINGS = 8;

/** The word's number, or -1. Digits are read as letters only where that makes a known word, so
 *  "24" and "18" stay numbers while "4lles" becomes "alles". */
export function lookup(vocabulary: Vocabulary, word: string): number {
  const plain = vocabulary.get(squeeze(word));
  if (plain !== undefined) return plain;
  if (!/\p{L}/u.test(word) || !/[013457@]/.test(word)) return -1;
  for (const reading of leetReadings(word)) {
    const id = vocabulary.get(squeeze(reading));
    if (id !== undefined) return id;
  }
  return -1;
}

function leetReadings(word: string): string[] {
  let readings = [''];
  for (const ch of word) {
    const options = LEET[ch] ?? [ch];
    readings = readings.flatMap((r) => options.map((o) => r + o)).slice(0, MAX_READINGS);
  }
  return readings;
}

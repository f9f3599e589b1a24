// Case- and accent-insensitive matching needs a folded copy of the text whose offsets can be
// mapped back to the original, so evidence spans point at what the ad really says.

export interface Folded { text: string; origin: number[] }

/** Lower-cases and strips diacritics; origin[i] is the offset in the input of folded char i. */
export function fold(input: string): Folded {
  let text = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of input) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (const c of base) { text += c; origin.push(i); }
    i += ch.length;
  }
  origin.push(input.length);
  return { text, origin };
}

export function foldTerm(term: string): string {
  return fold(term).text.trim().replace(/\s+/g, ' ');
}

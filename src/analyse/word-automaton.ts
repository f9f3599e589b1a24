// Aho–Corasick over words instead of characters: every phrase of every indicator in one automaton,
// so one pass over an ad's words finds them all and the cost hardly grows with the size of the lists.
// Matching whole words also gives word boundaries for free ("net 18" never matches "internet 18").

export interface Phrase<T> { words: readonly number[]; value: T }
export interface Occurrence<T> { value: T; start: number; end: number }

export interface WordAutomaton<T> {
  next: Map<number, number>[];
  fail: Int32Array;
  /** Per state: the phrases that end there, including those reached through failure links. */
  out: Phrase<T>[][];
}

export function buildAutomaton<T>(phrases: readonly Phrase<T>[]): WordAutomaton<T> {
  const next: Map<number, number>[] = [new Map()];
  const out: Phrase<T>[][] = [[]];
  for (const phrase of phrases) {
    let state = 0;
    for (const word of phrase.words) {
      let to = next[state]!.get(word);
      if (to === undefined) {
        to = next.length;
        next.push(new Map());
        out.push([]);
        next[state]!.set(word, to);
      }
      state = to;
    }
    out[state]!.push(phrase);
  }
  const fail = new Int32Array(next.length);
  const queue = [...next[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const [word, to] of next[state]!) {
      let f = fail[state]!;
      while (f !== 0 && !next[f]!.has(word)) f = fail[f]!;
      const target = next[f]!.get(word);
      fail[to] = target !== undefined && target !== to ? target : 0;
      if (out[fail[to]!]!.length > 0) out[to] = [...out[to]!, ...out[fail[to]!]!];
      queue.push(to);
    }
  }
  return { next, fail, out };
}

/** Every phrase occurrence, as word offsets [start, end). A phrase never spans two clauses, and a
 *  word the automaton does not know (-1) ends every partial match. */
export function findPhrases<T>(a: WordAutomaton<T>, words: ArrayLike<number>, clauses: ArrayLike<number>): Occurrence<T>[] {
  const found: Occurrence<T>[] = [];
  let state = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word < 0 || (i > 0 && clauses[i] !== clauses[i - 1])) state = 0;
    if (word < 0) continue;
    while (state !== 0 && !a.next[state]!.has(word)) state = a.fail[state]!;
    state = a.next[state]!.get(word) ?? 0;
    for (const phrase of a.out[state]!) found.push({ value: phrase.value, start: i + 1 - phrase.words.length, end: i + 1 });
  }
  return found;
}

// Each ad's words as posting lists in memory, for an adapter whose database index answers a common
// word slowly: PostgreSQL's GIN index finds 150,000 ads of one word in a heap visit per ad, which eight
// concurrent searches of a million ads queue into seconds. The words are the database's own lexemes
// (the adapter reads them with the row), so a word matches here exactly where the database would match it.

/** One lexeme's ads. An ad whose words change is appended again under a new generation: its older
 *  entries are stale, skipped on reading and dropped when most of a list is stale. */
class Postings {
  rids: Int32Array = new Int32Array(4);
  generations: Int32Array = new Int32Array(4);
  length = 0;

  add(rid: number, generation: number): void {
    if (this.length === this.rids.length) {
      this.rids = resized(this.rids, Math.max(4, this.length * 2));
      this.generations = resized(this.generations, Math.max(4, this.length * 2));
    }
    this.rids[this.length] = rid;
    this.generations[this.length++] = generation;
  }

  /** The ads whose current words hold this lexeme. */
  current(generationOf: Int32Array): Int32Array {
    const out = new Int32Array(this.length);
    let n = 0;
    for (let k = 0; k < this.length; k++) {
      const rid = this.rids[k]!;
      if (generationOf[rid] === this.generations[k]) out[n++] = rid;
    }
    if (n < this.length / 2) this.#compact(out, n, generationOf);
    return out.subarray(0, n);
  }

  #compact(current: Int32Array, n: number, generationOf: Int32Array): void {
    this.rids = current.slice(0, n);
    this.generations = this.rids.map((rid) => generationOf[rid]!);
    this.length = n;
  }
}

export class WordIndex {
  readonly #codes = new Map<string, number>();
  readonly #postings: Postings[] = [];
  /** By rid: the generation of its current words; 0 is never used, so an ad never indexed matches nothing. */
  #generationOf: Int32Array = new Int32Array(0);
  #generation = 0;

  /** The ad's words are now these (replacing what it had). */
  set(rid: number, lexemes: readonly string[]): void {
    if (rid >= this.#generationOf.length) this.#generationOf = resized(this.#generationOf, Math.max(rid + 1, this.#generationOf.length * 2, 1024));
    const generation = ++this.#generation;
    this.#generationOf[rid] = generation;
    for (const lexeme of new Set(lexemes)) {
      let code = this.#codes.get(lexeme);
      if (code === undefined) {
        code = this.#postings.push(new Postings()) - 1;
        this.#codes.set(lexeme, code);
      }
      this.#postings[code]!.add(rid, generation);
    }
  }

  /** The ads holding every one of these lexemes (an empty list holds for none), in no particular order. */
  holdingAll(lexemes: readonly string[]): Int32Array {
    const lists: Postings[] = [];
    for (const lexeme of new Set(lexemes)) {
      const code = this.#codes.get(lexeme);
      if (code === undefined) return new Int32Array(0);
      lists.push(this.#postings[code]!);
    }
    if (lists.length === 0) return new Int32Array(0);
    // The shortest list first: every later one only narrows it.
    lists.sort((a, b) => a.length - b.length);
    let found = lists[0]!.current(this.#generationOf);
    for (const list of lists.slice(1)) found = intersection(found, list.current(this.#generationOf), this.#generationOf.length);
    return found;
  }
}

/** The rids in both lists (each without repeats), in the order of `a`. */
export function intersection(a: Int32Array, b: ArrayLike<number>, capacity: number): Int32Array {
  const inB = new Uint8Array(capacity);
  for (let k = 0; k < b.length; k++) inB[b[k]!] = 1;
  const out = new Int32Array(a.length);
  let n = 0;
  for (let k = 0; k < a.length; k++) if (inB[a[k]!] === 1) out[n++] = a[k]!;
  return out.subarray(0, n);
}

function resized(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(length);
  next.set(array.subarray(0, Math.min(array.length, length)));
  return next;
}

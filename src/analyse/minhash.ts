// Near-duplicate texts (one template under many names): MinHash signatures of word shingles, and
// locality-sensitive hashing in bands so only texts that agree on a whole band are compared.
// 16 bands of 4 rows find a pair with Jaccard similarity 0.8 with probability > 0.999, one of 0.6
// with 0.89, and one of 0.3 (two unrelated ads written from the same stock phrases) with only 0.12.

const SIGNATURE_SIZE = 64;
const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;
const SHINGLE = 3;
/** Texts shorter than this (in shingles) are too short to call a template. */
const MIN_SHINGLES = 8;

// Fixed seeds: signatures must compare across runs and machines.
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 * (i + 1)));

/** murmur3's finaliser: a cheap, well-mixed 32-bit hash of a 32-bit number. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The signature of a text given as words, or null when it is too short to compare. */
export function minhashSignature(words: readonly string[]): Uint32Array | null {
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) shingles.add(hashString(words.slice(i, i + SHINGLE).join(' ')));
  if (shingles.size < MIN_SHINGLES) return null;
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of shingles) {
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = mix32(s ^ SEEDS[k]!);
      if (h < signature[k]!) signature[k] = h;
    }
  }
  return signature;
}

function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}

/** Index pairs [i, j] (i < j) of signatures with estimated similarity ≥ threshold, and that similarity. */
export function similarPairs(signatures: readonly (Uint32Array | null)[], threshold: number): [number, number, number][] {
  const keys = signatures.map((sig) => (sig ? Array.from({ length: BANDS }, (_, band) =>
    `${band}:${sig.subarray(band * ROWS, (band + 1) * ROWS).join(',')}`) : []));
  return pairsSharingAKey(keys)
    .map(([i, j]): [number, number, number] => [i, j, estimatedJaccard(signatures[i]!, signatures[j]!)])
    .filter(([, , similarity]) => similarity >= threshold);
}

/** Index pairs [i, j] (i < j) of items with a band key in common, each pair once. */
function pairsSharingAKey(keys: readonly (readonly string[])[]): [number, number][] {
  const buckets = new Map<string, number[]>();
  keys.forEach((list, i) => {
    for (const key of list) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i); else buckets.set(key, [i]);
    }
  });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  for (const bucket of buckets.values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const key = bucket[x]! * keys.length + bucket[y]!;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([bucket[x]!, bucket[y]!]);
      }
    }
  }
  return pairs;
}

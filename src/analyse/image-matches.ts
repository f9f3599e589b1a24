// Pairs of perceptual hashes within a Hamming distance d, without comparing every pair (multi-index
// hashing): cut the 64 bits into 4 bands of 16; two hashes at most d bits apart differ in at most
// ⌊d/4⌋ bits in at least one band (pigeonhole). Each band is indexed by its 16-bit value, so the
// candidates of a hash are found by looking up every value within ⌊d/4⌋ bits of its own.

export const IMAGE_HASH = /^[0-9a-f]{16}$/;

const BANDS = 4;
const BAND_BITS = 16;

export function hammingDistance(a: string, b: string): number {
  return popcount(word(a, 0) ^ word(b, 0)) + popcount(word(a, 1) ^ word(b, 1));
}

/** Beyond this the band lookup (⌊23/4⌋ = 5 of 16 bits per band) reads nearly half the index, no better than a scan. */
export const MAX_INDEXED_DISTANCE = 23;

/** For each of the 4 bands of `hash` (4 hex digits each, as the store indexes them), every band value
 *  within ⌊maxDistance/4⌋ bits of it: a stored hash within maxDistance bits has its band in at least one list. */
export function bandNeighbours(hash: string, maxDistance: number): string[][] {
  const flips = masksWithin(Math.floor(maxDistance / BANDS));
  return Array.from({ length: BANDS }, (_, b) => {
    const value = Number.parseInt(hash.slice(b * 4, b * 4 + 4), 16);
    return flips.map((flip) => (value ^ flip).toString(16).padStart(4, '0'));
  });
}

/** Index pairs [i, j] (i < j) of hashes at most maxDistance bits apart. */
export function nearHashPairs(hashes: readonly string[], maxDistance: number): [number, number][] {
  const radius = Math.floor(maxDistance / BANDS);
  const flips = masksWithin(radius);
  const hi = Uint32Array.from(hashes, (h) => word(h, 0));
  const lo = Uint32Array.from(hashes, (h) => word(h, 1));
  const band = (i: number, b: number) => ((b < 2 ? hi[i]! : lo[i]!) >>> (b % 2 === 0 ? 16 : 0)) & 0xffff;
  const pairs: [number, number][] = [];
  for (let b = 0; b < BANDS; b++) {
    const index = bucketIndex(hashes.length, (i) => band(i, b));
    for (let i = 0; i < hashes.length; i++) {
      for (const flip of flips) {
        const value = band(i, b) ^ flip;
        for (let k = index.start[value]!; k < index.start[value + 1]!; k++) {
          const j = index.items[k]!;
          if (j <= i || popcount(hi[i]! ^ hi[j]!) + popcount(lo[i]! ^ lo[j]!) > maxDistance) continue;
          // Report a pair only from the first band in which it is within the radius.
          let first = 0;
          while (popcount(band(i, first) ^ band(j, first)) > radius) first++;
          if (first === b) pairs.push([i, j]);
        }
      }
    }
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** Items grouped by a 16-bit value: the items with value v are items[start[v] .. start[v + 1]). */
function bucketIndex(count: number, valueOf: (i: number) => number): { start: Uint32Array; items: Uint32Array } {
  const start = new Uint32Array((1 << BAND_BITS) + 1);
  for (let i = 0; i < count; i++) start[valueOf(i) + 1]!++;
  for (let v = 0; v < 1 << BAND_BITS; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, -1);
  const items = new Uint32Array(count);
  for (let i = 0; i < count; i++) items[fill[valueOf(i)]!++] = i;
  return { start, items };
}

/** Every 16-bit mask with at most `radius` bits set. */
function masksWithin(radius: number): number[] {
  const masks: number[] = [];
  for (let m = 0; m < 1 << BAND_BITS; m++) if (popcount(m) <= radius) masks.push(m);
  return masks;
}

function word(hash: string, n: 0 | 1): number {
  return Number.parseInt(hash.slice(n * 8, n * 8 + 8), 16) >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

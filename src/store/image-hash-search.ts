// Search by photo over the store's picture index (capture_image_hashes), shared by both adapters:
// the adapter reads the stored hashes whose bands are near the query's (from the band indexes alone,
// the hash only: at 1,000,000 hashes a query within 10 bits has ≈ 8,000 such candidates, and reading
// their captures too cost more than finding them), the true distance keeps the few that are near,
// and only their pictures are read with their captures; what is kept of them and in which order is
// decided here.
import { bandNeighbours, hammingDistance, IMAGE_HASH, MAX_INDEXED_DISTANCE } from '../analyse/image-matches.ts';
import type { ImageHashMatch } from './store.ts';

export interface StoredPicture { captureId: string; adId: string; theme: string; latest: boolean; n: number; hash: string }

/** The adapter's two reads: the stored hashes with a band in the lists (one list per band; a hash
 *  may come more than once, and an adapter may leave out those farther than maxDistance from the
 *  query's hash), and the pictures, of ads in these themes, with one of the hashes given. */
export interface ImageHashReads {
  hashesWithBands(bands: string[][], hash: string, maxDistance: number): Promise<string[]>;
  pictures(hashes: string[], themes: string[]): Promise<StoredPicture[]>;
}

/** Each ad once, with its nearest picture (the latest capture's first on a tie), nearest first. */
export async function adsWithImageHash(reads: ImageHashReads, hash: string, maxDistance: number, themes: string[]): Promise<ImageHashMatch[]> {
  if (!IMAGE_HASH.test(hash)) throw new Error(`not a perceptual hash (16 lower-case hex digits): "${hash}"`);
  if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > MAX_INDEXED_DISTANCE) {
    throw new Error(`maxDistance must be a whole number from 0 to ${MAX_INDEXED_DISTANCE}, got ${maxDistance}`);
  }
  if (themes.length === 0) return [];
  const near = new Map<string, number>();
  for (const stored of new Set(await reads.hashesWithBands(bandNeighbours(hash, maxDistance), hash, maxDistance))) {
    const distance = hammingDistance(hash, stored);
    if (distance <= maxDistance) near.set(stored, distance);
  }
  if (near.size === 0) return [];
  const best = new Map<string, ImageHashMatch>();
  for (const picture of await reads.pictures([...near.keys()], themes)) {
    const match: ImageHashMatch = { ...picture, distance: near.get(picture.hash)! };
    const held = best.get(picture.adId);
    if (!held || before(match, held)) best.set(picture.adId, match);
  }
  return [...best.values()].sort((a, b) => a.distance - b.distance || a.adId.localeCompare(b.adId));
}

function before(a: ImageHashMatch, b: ImageHashMatch): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance;
  if (a.latest !== b.latest) return a.latest;
  return a.captureId === b.captureId ? a.n < b.n : a.captureId < b.captureId;
}

// Search by photo over the store's picture index (capture_image_hashes), shared by both adapters:
// the adapter looks up the stored hashes whose bands are near the query's, then the captures of the
// few that are truly within the distance; what is kept of them and in which order is decided here.
import { bandNeighbours, hammingDistance, IMAGE_HASH, MAX_INDEXED_DISTANCE } from '../analyse/image-matches.ts';
import type { ImageHashMatch } from './store.ts';

export interface StoredImageHash { captureId: string; n: number; hash: string }
export interface CaptureOfAd { captureId: string; adId: string; theme: string; latest: boolean }

/** The adapter's two reads: stored hashes with a band in the lists (one list per band), and the
 *  captures, of ads in these themes, among the ids given. */
export interface ImageHashReads {
  withBands(bands: string[][]): Promise<StoredImageHash[]>;
  captures(ids: string[], themes: string[]): Promise<CaptureOfAd[]>;
}

/** Each ad once, with its nearest picture (the latest capture's first on a tie), nearest first. */
export async function adsWithImageHash(reads: ImageHashReads, hash: string, maxDistance: number, themes: string[]): Promise<ImageHashMatch[]> {
  if (!IMAGE_HASH.test(hash)) throw new Error(`not a perceptual hash (16 lower-case hex digits): "${hash}"`);
  if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > MAX_INDEXED_DISTANCE) {
    throw new Error(`maxDistance must be a whole number from 0 to ${MAX_INDEXED_DISTANCE}, got ${maxDistance}`);
  }
  if (themes.length === 0) return [];
  const near = new Map<string, { n: number; hash: string; distance: number }[]>();
  for (const stored of await reads.withBands(bandNeighbours(hash, maxDistance))) {
    const distance = hammingDistance(hash, stored.hash);
    if (distance > maxDistance) continue;
    const pictures = near.get(stored.captureId) ?? [];
    if (!pictures.some((p) => p.n === stored.n)) pictures.push({ n: stored.n, hash: stored.hash, distance });
    near.set(stored.captureId, pictures);
  }
  if (near.size === 0) return [];
  const best = new Map<string, ImageHashMatch>();
  for (const capture of await reads.captures([...near.keys()], themes)) {
    for (const picture of near.get(capture.captureId)!) {
      const match: ImageHashMatch = { adId: capture.adId, theme: capture.theme, captureId: capture.captureId, latest: capture.latest, ...picture };
      const held = best.get(capture.adId);
      if (!held || before(match, held)) best.set(capture.adId, match);
    }
  }
  return [...best.values()].sort((a, b) => a.distance - b.distance || a.adId.localeCompare(b.adId));
}

function before(a: ImageHashMatch, b: ImageHashMatch): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance;
  if (a.latest !== b.latest) return a.latest;
  return a.captureId === b.captureId ? a.n < b.n : a.captureId < b.captureId;
}

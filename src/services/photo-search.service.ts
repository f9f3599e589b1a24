// Search by photo (issue 16): an uploaded picture's perceptual hash against the picture index of
// the caller's themes. The picture lives in memory for the length of the call only: it is never
// written to disk, logged or audited; the audit trail records its hash, as it records a search's query.
import sharp from 'sharp';
import type { Who } from '../accounts/actor.ts';
import { perceptualHash } from '../analyse/image-hash.ts';
import { BakenError } from '../domain/errors.ts';
import type { SearchHit } from '../store/store.ts';
import { themesFor, type ServiceContext } from './context.ts';

export const PHOTO_LIMITS = {
  /** The largest upload: a phone's photo is a few MB. */
  bytes: 10 * 1024 * 1024,
  /** Decoded larger than this, the image library may spill to a temporary file; refused instead. */
  pixels: 24_000_000,
  /** Matches answered; more are counted, not listed. */
  hits: 100,
} as const;

export interface PhotoSearch { image: Uint8Array; theme?: string; maxDistance?: number; justification: string }

export interface PhotoMatch {
  id: string; theme: string; distance: number;
  /** The matching picture's number among the latest capture's images (GET /api/ads/:id/images/:n);
   *  null when the nearest picture is in an earlier version of the ad. */
  image: number | null;
  summary: SearchHit | null;
}

export interface PhotoSearchResult { hash: string; maxDistance: number; themes: string[]; total: number; truncated: boolean; hits: PhotoMatch[] }

export class PhotoSearchService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async search(who: Who, q: PhotoSearch): Promise<PhotoSearchResult> {
    const config = this.#c.config.current;
    const themes = themesFor(who, 'ads.search', config, q.theme).filter((id) => config.themes.get(id)?.store.images === true);
    if (themes.length === 0) {
      throw new BakenError('INPUT_INVALID', q.theme !== undefined
        ? `the theme ${q.theme} stores no pictures, so it has no search by photo`
        : 'none of your themes stores pictures, so there is no search by photo');
    }
    const allowed = this.#c.settings.photoSearch.maxDistance;
    const maxDistance = q.maxDistance ?? allowed;
    if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > allowed) {
      throw new BakenError('INPUT_INVALID', `maxDistance must be a whole number from 0 to ${allowed} (photoSearch.maxDistance in api.yaml), got ${maxDistance}`);
    }
    const hash = await hashOf(q.image);
    const matches = await this.#c.store.adsWithImageHash(hash, maxDistance, themes);
    const shown = matches.slice(0, PHOTO_LIMITS.hits);
    const summaries = shown.length > 0 ? (await this.#c.store.search({ themes, ids: shown.map((m) => m.adId), limit: shown.length })).hits : [];
    const byId = new Map(summaries.map((h) => [h.id, h]));
    await this.#c.trail.record(who, 'ads.image-search', {
      themes, resources: shown.map((m) => m.adId), query: { hash, maxDistance, ...(q.theme !== undefined ? { theme: q.theme } : {}) },
      count: matches.length, justification: q.justification,
    });
    return {
      hash, maxDistance, themes, total: matches.length, truncated: matches.length > shown.length,
      hits: shown.map((m) => ({ id: m.adId, theme: m.theme, distance: m.distance, image: m.latest ? m.n : null, summary: byId.get(m.adId) ?? null })),
    };
  }
}

/** The picture's perceptual hash, computed in memory; bytes that are no readable picture are the caller's to fix. */
async function hashOf(image: Uint8Array): Promise<string> {
  if (image.length === 0) throw new BakenError('INPUT_INVALID', 'the picture is empty');
  if (image.length > PHOTO_LIMITS.bytes) {
    throw new BakenError('INPUT_INVALID', `the picture is ${image.length} bytes; at most ${PHOTO_LIMITS.bytes} are accepted, so send a smaller copy`);
  }
  let pixels: number;
  try {
    const { width, height } = await sharp(image).metadata();
    pixels = (width ?? 0) * (height ?? 0);
  } catch (e) {
    throw new BakenError('INPUT_INVALID', 'the upload is not a picture Baken can read (JPEG, PNG, WebP, GIF, AVIF or TIFF)', { cause: e });
  }
  if (pixels > PHOTO_LIMITS.pixels) {
    throw new BakenError('INPUT_INVALID', `the picture has ${pixels} pixels; at most ${PHOTO_LIMITS.pixels} are accepted, so send a smaller copy`);
  }
  try {
    return await perceptualHash(image);
  } catch (e) {
    throw new BakenError('INPUT_INVALID', 'the upload is not a picture Baken can read (JPEG, PNG, WebP, GIF, AVIF or TIFF)', { cause: e });
  }
}

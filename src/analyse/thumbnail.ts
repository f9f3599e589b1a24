// A small picture of an ad for a list of search results: a few kilobytes instead of a full photo or a
// full-page screenshot, so a screen of results loads quickly and shows no more than it needs to.
import sharp from 'sharp';

export const THUMBNAIL_WIDTH = 96;
/** A full-page screenshot is kept to its top, where the ad's title and first photo are. */
const MAX_HEIGHT = 128;

/** WebP, THUMBNAIL_WIDTH wide at most. Throws sharp's error for bytes that are not a picture it can read. */
export async function thumbnailOf(image: Uint8Array): Promise<Buffer> {
  return sharp(image, { limitInputPixels: 50_000_000 })
    .resize({ width: THUMBNAIL_WIDTH, height: MAX_HEIGHT, fit: 'cover', position: 'top', withoutEnlargement: true })
    .webp({ quality: 70 })
    .toBuffer();
}

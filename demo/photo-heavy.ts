// Photo-heavy pages (issue 17): real ad pages carry many photos of camera size, and are long.
// The mode turns a generated world into one where every ad shows PHOTOS_PER_AD grainy pictures of
// 150–300 kB each, and where the ads of an image network also show one photo byte for byte the
// same (the same file re-posted), which is what deduplication across ads is measured on.
import { createRng } from './prng.ts';
import type { ImageSpec, World } from './world.ts';

export const PHOTO_MODES = ['light', 'heavy'] as const;
export type PhotoMode = (typeof PHOTO_MODES)[number];

export const PHOTOS_PER_AD = 8;
/** A light picture's size times this is about a phone camera's upload size (1200×900); reused
 *  variants stay at most MAX_WIDTH wide so that every photo keeps to 150–300 kB. */
const SCALE = 2.5;
const MAX_WIDTH = 1280;
/** Grain makes the JPEG as large as a photo's: flat generated shapes compress to a few kB. */
const GRAIN = 24;
const HEAVY_QUALITY = 85;

export function withHeavyPhotos(world: World): World {
  const images: World['images'] = {};
  const taken = new Set(Object.keys(world.images));
  const heavy = (spec: ImageSpec): ImageSpec => {
    const scale = Math.min(SCALE, MAX_WIDTH / spec.width);
    return { picture: spec.picture, width: Math.round(spec.width * scale), height: Math.round(spec.height * scale), quality: HEAVY_QUALITY, grain: GRAIN };
  };
  const reposted = repostedPhotos(world);
  const ads = world.ads.map((ad) => {
    const rng = createRng(world.seed, `photos:${ad.id}`);
    const ids = [...ad.fields.images];
    const shared = reposted.get(ad.id);
    if (shared !== undefined && !ids.includes(shared)) ids.push(shared);
    while (ids.length < PHOTOS_PER_AD) ids.push(newPhotoId(rng, taken));
    for (const id of ids) images[id] = heavy(world.images[id] ?? { picture: pictureOf(id), width: 480, height: 360, quality: HEAVY_QUALITY });
    return { ...ad, fields: { ...ad.fields, images: ids } };
  });
  return { ...world, ads, images };
}

/** Per ad of an image network after its first: the first ad's first photo, which it shows too. */
function repostedPhotos(world: World): Map<string, string> {
  const byId = new Map(world.ads.map((a) => [a.id, a]));
  const shared = new Map<string, string>();
  for (const network of world.networks) {
    if (network.kind !== 'image') continue;
    const [first, ...others] = network.ads.map((id) => byId.get(id)).filter((a) => a !== undefined);
    const photo = first?.fields.images[0];
    if (photo === undefined) continue;
    for (const other of others) shared.set(other.id, photo);
  }
  return shared;
}

function newPhotoId(rng: ReturnType<typeof createRng>, taken: Set<string>): string {
  for (;;) {
    const id = Array.from({ length: 12 }, () => rng.int(0, 15).toString(16)).join('');
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** An added photo draws a picture of its own, named by its id so the same id draws the same. */
function pictureOf(id: string): number {
  return Number.parseInt(id.slice(0, 8), 16) % (2 ** 31 - 1) + 1;
}

// The ground truth served at /_truth.json: what a perfect crawl of today's platforms would find.
import type { IndicatorId, Lang } from './phrases.ts';
import type { DemoFields, HostileKind, Network, Platform, World } from './world.ts';

export interface TruthAd {
  id: string;
  /** A code unique to the ad, on its detail page (HTML) only, never in an extracted field. */
  ref: string;
  platform: Platform;
  /** Absolute URL of the detail page. */
  url: string;
  lang: Lang;
  /** As on the page; `images` here are absolute image URLs rather than ids. */
  fields: DemoFields;
  planted: IndicatorId[];
  networks: string[];
  version: number;
  hostile?: HostileKind;
}

export interface Truth { seed: number; day: number; ads: TruthAd[]; networks: Network[] }

export function truthOf(world: World, origin: string): Truth {
  return {
    seed: world.seed,
    day: world.day,
    ads: world.ads.map((ad) => ({
      id: ad.id,
      ref: ad.ref,
      platform: ad.platform,
      url: origin + ad.path,
      lang: ad.lang,
      fields: { ...ad.fields, images: ad.fields.images.map((id) => imageUrl(origin, id)) },
      planted: ad.planted,
      networks: ad.networks,
      version: ad.version,
      ...(ad.hostile ? { hostile: ad.hostile } : {}),
    })),
    networks: world.networks,
  };
}

export function imageUrl(origin: string, id: string): string {
  return `${origin}/img/${id}.jpg`;
}

// The ground truth served at /_truth.json: what a perfect crawl of today's platforms would find.
import type { Cue } from './cue-banks.ts';
import type { AdReferences } from './references.ts';
import type { DemoFields, HostileKind, Lang, Network, Platform, World } from './world.ts';

/** `municipality`, `licence`, `kvk` and `reports` (see references.ts) say what the demo's place
 *  table and reference files (config/reference/toezicht/) planted for the ad on this day. */
export interface TruthAd extends AdReferences {
  id: string;
  /** A code unique to the ad, on its detail page (HTML) only, never in an extracted field. */
  ref: string;
  platform: Platform;
  /** Absolute URL of the detail page. */
  url: string;
  lang: Lang;
  /** As on the page; `images` here are absolute image URLs rather than ids. */
  fields: DemoFields;
  /** What was planted: an ad with cues should be flagged, one without is clean. The demo does not
   *  know the analysis profile, so the truth names cues, not indicator ids. */
  cues: Cue[];
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
      cues: ad.cues,
      networks: ad.networks,
      version: ad.version,
      municipality: ad.municipality,
      licence: ad.licence,
      kvk: ad.kvk,
      reports: ad.reports,
      ...(ad.hostile ? { hostile: ad.hostile } : {}),
    })),
    networks: world.networks,
  };
}

export function imageUrl(origin: string, id: string): string {
  return `${origin}/img/${id}.jpg`;
}

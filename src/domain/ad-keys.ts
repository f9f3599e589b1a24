// Keys derived from an ad, the same in every adapter: its id, the hash that tells a changed ad from
// a re-sighting, and the city key used by the city filter.
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import type { AdFields, Artefact } from './ad.ts';

/** The theme is part of the id: one theme's ad never shares a row with another's (purpose binding). */
export function adId(theme: string, url: string): string {
  return sha256Hex(`${theme}\n${url}`).slice(0, 24);
}

/** What tells a changed ad from a re-sighting: its fields and its images. The page around them
 *  (HTML, screenshot, WARC) differs on every visit — dates, banners — even when the ad did not. */
export function contentHashOf(fields: AdFields, imageHashes: readonly string[]): string {
  return sha256Hex(canonicalJson({ fields, images: [...imageHashes].sort() }));
}

export function cityKey(city: string | undefined): string | null {
  return city === undefined ? null : city.normalize('NFC').trim().toLowerCase();
}


export function imageHashes(artefacts: readonly Artefact[]): string[] {
  return artefacts.filter((a) => a.kind === 'image').map((a) => a.sha256);
}

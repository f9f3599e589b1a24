// Keys derived from an ad, the same in every adapter: its id, the hash that tells a changed ad from
// a re-sighting, and the city key used by the city filter.
import { canonicalJson, sha256Hex } from '../domain/canonical-json.ts';
import type { AdFields, Artefact } from '../domain/ad.ts';

/** The theme is part of the id: one theme's ad never shares a row with another's (purpose binding). */
export function adId(theme: string, url: string): string {
  return sha256Hex(`${theme}\n${url}`).slice(0, 24);
}

/** Screenshots are left out: they differ on every visit even when the ad did not change. */
export function contentHashOf(fields: AdFields, artefacts: Artefact[]): string {
  const hashes = artefacts.filter((a) => a.kind !== 'screenshot').map((a) => a.sha256).sort();
  return sha256Hex(canonicalJson({ fields, artefacts: hashes }));
}

export function cityKey(city: string | undefined): string | null {
  return city === undefined ? null : city.normalize('NFC').trim().toLowerCase();
}


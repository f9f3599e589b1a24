// What the engine needs of an ad to compare it with others: its fields, the perceptual hashes of its
// pictures and when it was seen. The crawler builds these from a capture; the store returns them for
// kept ads; `baken analyse` reads them from a file.
import type { AdFields } from './ad.ts';

export interface AnalysisInput {
  /** The ad's id. Among known ads one id may occur more than once: the versions of an ad seen on
   *  different days, each with its own `seen` (that is how a move between cities shows). */
  id: string;
  fields: AdFields;
  /** Perceptual hashes of the ad's own pictures: 16 hex digits each (see image-hash.ts). */
  imageHashes?: string[];
  /** UTC date (YYYY-MM-DD) or time the ad was seen with these fields: the capture time. Movement
   *  counts sightings only, never the posting date an ad claims. */
  seen?: string;
}

export function dayNumber(date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  const time = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  return Number.isNaN(time) ? undefined : Math.floor(time / 86_400_000);
}

export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

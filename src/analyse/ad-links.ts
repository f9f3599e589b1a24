// What ties ads to each other: a phone number they share, a picture that is the same photo (by
// perceptual hash), a text that is the same template. Computed once per batch and shared by the
// cross-ad indicators and the network view. Versions of one ad never link to each other.
import type { AnalysisInput } from '../domain/analysis-input.ts';
import { IMAGE_HASH, hammingDistance, nearHashPairs } from './image-matches.ts';
import { minhashSignature, similarPairs } from './minhash.ts';
import { phoneReadings } from './number-words.ts';
import { tokenise } from './tokenise.ts';

export interface ImageNeighbour { other: number; hash: string; otherHash: string; distance: number }
export interface TextNeighbour { other: number; similarity: number }

export interface AdLinks {
  ads: readonly AnalysisInput[];
  /** Ad id → indices of its versions. */
  byId(): Map<string, number[]>;
  /** Phone number (E.164) → indices of the ads showing it, in the phones field or in their words. */
  byPhone(): Map<string, number[]>;
  /** The phone numbers of the ad at this index: its phones field and the numbers in its title and
   *  text however written ("nul zes twaalf …"), so an obscured number still links ads. */
  phones(i: number): string[];
  /** Per ad index: the other ads with a picture within maxDistance bits. */
  images(maxDistance: number): ImageNeighbour[][];
  /** Per ad index: the other ads whose text is the same template, at least this similar. */
  templates(threshold: number): TextNeighbour[][];
}

export function adLinks(ads: readonly AnalysisInput[]): AdLinks {
  let ids: Map<string, number[]> | undefined;
  let phones: Map<string, number[]> | undefined;
  const numbers = new Map<number, string[]>();
  const phonesOf = (i: number) => numbers.get(i) ?? numbers.set(i, adPhones(ads[i]!)).get(i)!;
  const images = new Map<number, ImageNeighbour[][]>();
  const templates = new Map<number, TextNeighbour[][]>();
  return {
    ads,
    byId: () => (ids ??= groupBy(ads, (ad) => [ad.id])),
    byPhone: () => (phones ??= groupBy(ads, (_, i) => phonesOf(i))),
    phones: phonesOf,
    images: (d) => images.get(d) ?? images.set(d, imageNeighbours(ads, d)).get(d)!,
    templates: (t) => templates.get(t) ?? templates.set(t, templateNeighbours(ads, t)).get(t)!,
  };
}

function groupBy(ads: readonly AnalysisInput[], keys: (ad: AnalysisInput, i: number) => readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  ads.forEach((ad, i) => {
    for (const key of new Set(keys(ad, i))) {
      const group = groups.get(key);
      if (group) group.push(i); else groups.set(key, [i]);
    }
  });
  return groups;
}

function adPhones(ad: AnalysisInput): string[] {
  const found = new Set(ad.fields.phones ?? []);
  for (const original of [ad.fields.title, ad.fields.text]) {
    if (original) for (const r of phoneReadings(tokenise(original), original)) found.add(r.e164);
  }
  return [...found];
}

function imageNeighbours(ads: readonly AnalysisInput[], maxDistance: number): ImageNeighbour[][] {
  const owners: number[] = [];
  const hashes: string[] = [];
  ads.forEach((ad, i) => {
    for (const hash of new Set(ad.imageHashes ?? [])) {
      if (!IMAGE_HASH.test(hash)) continue;
      owners.push(i);
      hashes.push(hash);
    }
  });
  const neighbours: ImageNeighbour[][] = ads.map(() => []);
  for (const [x, y] of nearHashPairs(hashes, maxDistance)) {
    const a = owners[x]!;
    const b = owners[y]!;
    if (ads[a]!.id === ads[b]!.id) continue;
    const distance = hammingDistance(hashes[x]!, hashes[y]!);
    neighbours[a]!.push({ other: b, hash: hashes[x]!, otherHash: hashes[y]!, distance });
    neighbours[b]!.push({ other: a, hash: hashes[y]!, otherHash: hashes[x]!, distance });
  }
  return neighbours;
}

function templateNeighbours(ads: readonly AnalysisInput[], threshold: number): TextNeighbour[][] {
  const neighbours: TextNeighbour[][] = ads.map(() => []);
  for (const [a, b, similarity] of similarPairs(ads.map((ad) => minhashSignature(templateWords(ad))), threshold)) {
    if (ads[a]!.id === ads[b]!.id) continue;
    neighbours[a]!.push({ other: b, similarity });
    neighbours[b]!.push({ other: a, similarity });
  }
  return neighbours;
}

/** Title and text as words, with the parts a template fills in per ad masked: the ad's own alias
 *  and city, and every number (ages, prices). */
function templateWords(ad: AnalysisInput): string[] {
  const { title = '', text = '', alias = '', city = '' } = ad.fields;
  const aliasWords = new Set(tokenise(alias).map((t) => t.text));
  const cityWords = new Set(tokenise(city).map((t) => t.text));
  return tokenise(`${title}\n${text}`).map(({ text: w }) =>
    aliasWords.has(w) ? '{alias}' : cityWords.has(w) ? '{city}' : /^\d+$/.test(w) ? '{n}' : w);
}

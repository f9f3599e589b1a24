// What an entity page starts from (issue 16): a phone number, a picture (its perceptual hash) or a
// template text, and the kept ads that carry it. The store finds a number's and a picture's ads by
// index (Store.adsWithPhone, adsWithImageHash); a template's are reached here through the network's
// links, so a page and a network never disagree about which ads share a template.
import type { Network } from '../domain/network.ts';

export const ENTITY_KINDS = ['phone', 'picture', 'template'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The ads whose text is the same template as the ad's: those the template-text links of its
 *  network reach from it, the ad itself first. */
export function adsWithTemplateOf(network: Network, adId: string): string[] {
  const reached = new Set([adId]);
  const links = network.links.filter((l) => l.reason === 'template-text');
  for (let grew = true; grew;) {
    grew = false;
    for (const { a, b } of links) {
      if (reached.has(a) === reached.has(b)) continue;
      reached.add(a).add(b);
      grew = true;
    }
  }
  return [adId, ...distinctIds([...reached].filter((id) => id !== adId))];
}

function distinctIds(ids: string[]): string[] {
  return [...new Set(ids)].sort();
}

/** One version of an ad as the entity page reads it: when it was captured and what it said. */
export interface EntityVersion { adId: string; version: number; capturedAt: string; fields: { alias?: string; city?: string } }

export interface NamedCount { value: string; ads: number; firstSeen: string; lastSeen: string }
export interface Move { city: string; at: string; adId: string }

export interface EntityFacts {
  /** The names the ads went under, most ads first. */
  aliases: NamedCount[];
  /** The cities the ads were placed in, most ads first. */
  cities: NamedCount[];
  /** The cities in the order the versions were captured, each only when the city changed. */
  movement: Move[];
}

/** Aliases, cities and movement over every version of the entity's ads. */
export function entityFacts(versions: readonly EntityVersion[]): EntityFacts {
  const ordered = [...versions].sort((x, y) => x.capturedAt.localeCompare(y.capturedAt) || x.adId.localeCompare(y.adId));
  const movement: Move[] = [];
  for (const v of ordered) {
    const city = v.fields.city?.trim();
    if (city && movement.at(-1)?.city !== city) movement.push({ city, at: v.capturedAt, adId: v.adId });
  }
  return { aliases: counted(ordered, (v) => v.fields.alias), cities: counted(ordered, (v) => v.fields.city), movement };
}

function counted(ordered: readonly EntityVersion[], valueOf: (v: EntityVersion) => string | undefined): NamedCount[] {
  const byValue = new Map<string, { ads: Set<string>; firstSeen: string; lastSeen: string }>();
  for (const v of ordered) {
    const value = valueOf(v)?.trim();
    if (!value) continue;
    const seen = byValue.get(value);
    if (seen) { seen.ads.add(v.adId); seen.lastSeen = v.capturedAt; } else byValue.set(value, { ads: new Set([v.adId]), firstSeen: v.capturedAt, lastSeen: v.capturedAt });
  }
  return [...byValue].map(([value, s]) => ({ value, ads: s.ads.size, firstSeen: s.firstSeen, lastSeen: s.lastSeen }))
    .sort((x, y) => y.ads - x.ads || x.value.localeCompare(y.value));
}

// Cross-ad indicators: what one ad cannot show on its own. Each names the other ads as evidence.
//  shared-phone       one number in ≥ minAds ads, or under ≥ minAliases names
//  shared-image       one photo (perceptual hash) in ≥ minAds ads, under ≥ minAliases names or in ≥ minCities cities
//  template-text      the same text, names and cities aside, in ≥ minAds ads
//  movement           one number or photo seen in ≥ minCities cities within withinDays days, having left one
//  posting-frequency  ≥ minPosts posts (ad and posting date) under one number within withinDays days
import type { Evidence } from '../domain/indicator-hit.ts';
import type { CrossAdIndicator } from '../config/profile-schema.ts';
import type { AdLinks } from './ad-links.ts';
import { dateOfDay, dayNumber } from '../domain/analysis-input.ts';
import { cityKey } from './price-context.ts';

/** Evidence of the indicator for the ad at index `i` of the linked ads; empty when it does not hit. */
export function crossAdEvidence(rule: CrossAdIndicator, i: number, links: AdLinks): Evidence[] {
  switch (rule.signal) {
    case 'shared-phone': return sharedPhone(rule, i, links);
    case 'shared-image': return sharedImage(rule, i, links);
    case 'template-text': return templateText(rule, i, links);
    case 'movement': return movement(rule, i, links);
    case 'posting-frequency': return postingFrequency(rule, i, links);
  }
}

interface GroupSizes { minAds?: number | undefined; minAliases?: number | undefined; minCities?: number | undefined }

/** Whether the ads (this one included) are enough of any of the sizes the rule asks for. */
function largeEnough(rule: GroupSizes, links: AdLinks, group: readonly number[]): boolean {
  const distinct = (of: (i: number) => string | undefined) =>
    new Set(group.map(of).filter((v): v is string => v !== undefined && v !== '')).size;
  const ad = (i: number) => links.ads[i]!;
  return (rule.minAds !== undefined && distinct((i) => ad(i).id) >= rule.minAds)
    || (rule.minAliases !== undefined && distinct((i) => ad(i).fields.alias?.trim().toLowerCase()) >= rule.minAliases)
    || (rule.minCities !== undefined && distinct((i) => ad(i).fields.city && cityKey(ad(i).fields.city!)) >= rule.minCities);
}

/** Ids of the other ads, once each, sorted. */
function otherIds(links: AdLinks, i: number, group: readonly number[]): string[] {
  const own = links.ads[i]!.id;
  return [...new Set(group.map((j) => links.ads[j]!.id))].filter((id) => id !== own).sort();
}

function sharedPhone(rule: Extract<CrossAdIndicator, { signal: 'shared-phone' }>, i: number, links: AdLinks): Evidence[] {
  const evidence: Evidence[] = [];
  for (const phone of links.phones(i)) {
    const group = links.byPhone().get(phone) ?? [];
    const ads = otherIds(links, i, group);
    if (ads.length > 0 && largeEnough(rule, links, group)) evidence.push({ kind: 'linked', reason: 'shared-phone', value: phone, ads });
  }
  return evidence;
}

function sharedImage(rule: Extract<CrossAdIndicator, { signal: 'shared-image' }>, i: number, links: AdLinks): Evidence[] {
  const byHash = new Map<string, number[]>();
  for (const n of links.images(rule.maxDistance)[i]!) {
    const group = byHash.get(n.hash);
    if (group) group.push(n.other); else byHash.set(n.hash, [n.other]);
  }
  const evidence: Evidence[] = [];
  for (const [hash, others] of byHash) {
    if (largeEnough(rule, links, [i, ...others])) evidence.push({ kind: 'linked', reason: 'shared-image', value: hash, ads: otherIds(links, i, others) });
  }
  return evidence;
}

function templateText(rule: Extract<CrossAdIndicator, { signal: 'template-text' }>, i: number, links: AdLinks): Evidence[] {
  const neighbours = links.templates(rule.threshold)[i]!;
  const others = neighbours.map((n) => n.other);
  if (neighbours.length === 0 || !largeEnough({ minAds: rule.minAds }, links, [i, ...others])) return [];
  const lowest = Math.min(...neighbours.map((n) => n.similarity));
  return [{ kind: 'linked', reason: 'template-text', value: `similarity ≥ ${lowest.toFixed(2)}`, ads: otherIds(links, i, others) }];
}

/** Sightings named in a movement's evidence; an agency's hundreds of ads need not all be spelled out. */
const MAX_TRAIL = 20;

/** This ad's other sightings and the ads it shares a phone number or (for movement) a photo with. */
function sameAdvertiser(i: number, links: AdLinks, maxDistance: number | null): number[] {
  const ad = links.ads[i]!;
  const group = new Set<number>(links.byId().get(ad.id));
  for (const phone of links.phones(i)) for (const j of links.byPhone().get(phone) ?? []) group.add(j);
  if (maxDistance !== null) for (const n of links.images(maxDistance)[i]!) group.add(n.other);
  return [...group];
}

/** Left one city and showed up in another: cities seen before today that are not seen today, and
 *  cities seen today that were not seen before. One number in several cities on the same days is
 *  shared (shared-phone), not moving. */
function movement(rule: Extract<CrossAdIndicator, { signal: 'movement' }>, i: number, links: AdLinks): Evidence[] {
  const today = dayNumber(links.ads[i]!.seen);
  if (today === undefined) return [];
  const sightings = sameAdvertiser(i, links, rule.maxDistance).flatMap((j) => {
    const day = dayNumber(links.ads[j]!.seen);
    const city = links.ads[j]!.fields.city;
    return day !== undefined && city && day <= today && day > today - rule.withinDays ? [{ j, day, city, key: cityKey(city) }] : [];
  });
  const now = new Set(sightings.filter((s) => s.day === today).map((s) => s.key));
  const before = new Set(sightings.filter((s) => s.day < today).map((s) => s.key));
  const left = [...before].some((c) => !now.has(c));
  const arrived = [...now].some((c) => !before.has(c));
  if (new Set([...now, ...before]).size < rule.minCities || !left || !arrived) return [];
  const trail = [...new Set(sightings.sort((a, b) => a.day - b.day || a.city.localeCompare(b.city))
    .map((s) => `${s.city} ${dateOfDay(s.day)}`))];
  const shown = trail.length > MAX_TRAIL ? [...trail.slice(0, MAX_TRAIL), `… ${trail.length - MAX_TRAIL} more`] : trail;
  const ownCity = cityKey(links.ads[i]!.fields.city ?? '');
  const elsewhere = sightings.filter((s) => s.key !== ownCity).map((s) => links.ads[s.j]!.id);
  return [{ kind: 'linked', reason: 'movement', value: shown.join(', '), ads: [...new Set(elsewhere)].sort() }];
}

function postingFrequency(rule: Extract<CrossAdIndicator, { signal: 'posting-frequency' }>, i: number, links: AdLinks): Evidence[] {
  const today = dayNumber(links.ads[i]!.fields.posted);
  if (today === undefined) return [];
  const posts = new Map<string, number>();
  for (const j of sameAdvertiser(i, links, null)) {
    const ad = links.ads[j]!;
    const day = dayNumber(ad.fields.posted);
    if (day !== undefined && day <= today && day > today - rule.withinDays) posts.set(`${ad.id}\n${day}`, j);
  }
  if (posts.size < rule.minPosts) return [];
  return [{ kind: 'linked', reason: 'posting-frequency', value: `${posts.size} posts in ${rule.withinDays} days`, ads: otherIds(links, i, [...posts.values()]) }];
}

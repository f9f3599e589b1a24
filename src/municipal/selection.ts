// The selection criteria of a municipal profile applied to the theme's active ads: an ad is selected
// for its municipality's inspection list when any criterion hits, each hit with the reason a
// supervisor reads. Ads whose place is ambiguous or unknown belong to no municipality's list. Pure.
import type { SelectionCriterion } from '../config/profile-schema.ts';
import type { Municipality, PlaceResolution, ReferenceMatches } from './types.ts';

export interface SelectedAd { adId: string; municipality: Municipality; criteria: { id: string; label: string; reason: string }[] }

export interface SelectionAd { id: string; firstSeen: string; phones: readonly string[]; place: PlaceResolution; matches: ReferenceMatches }

const DAY_MS = 86_400_000;

/** `ads` are the theme's active ads (the ones phoneAds counts); `now` is an ISO timestamp. */
export function selectAds(criteria: readonly SelectionCriterion[], ads: readonly SelectionAd[], now: string): SelectedAd[] {
  const adsPerPhone = new Map<string, number>();
  for (const ad of ads) for (const phone of new Set(ad.phones)) adsPerPhone.set(phone, (adsPerPhone.get(phone) ?? 0) + 1);
  const selected: SelectedAd[] = [];
  for (const ad of ads) {
    if (ad.place.status !== 'resolved') continue;
    const hits = criteria.flatMap((c) => {
      const reason = reasonFor(c, ad, adsPerPhone, now);
      return reason === null ? [] : [{ id: c.id, label: c.label, reason }];
    });
    if (hits.length > 0) selected.push({ adId: ad.id, municipality: ad.place.municipality, criteria: hits });
  }
  return selected;
}

function reasonFor(c: SelectionCriterion, ad: SelectionAd, adsPerPhone: ReadonlyMap<string, number>, now: string): string | null {
  const { licence, kvk, reports } = ad.matches;
  if (c.licence) return c.licence.includes(licence.status) ? licence.reason : null;
  if (c.kvkSbiNotIn) {
    if (licence.status === 'valid') return null;
    const other = kvk.find((k) => !c.kvkSbiNotIn!.some((code) => k.row.sbi.startsWith(code)));
    return other ? `No valid licence; ${other.reason}, SBI ${other.row.sbi}` : null;
  }
  if (c.phoneAds !== undefined) {
    const most = Math.max(0, ...ad.phones.map((p) => adsPerPhone.get(p) ?? 0));
    return most >= c.phoneAds ? `Its phone number appears in ${most} of the theme's active ads` : null;
  }
  if (c.newWithinDays !== undefined) {
    const since = new Date(Date.parse(now) - c.newWithinDays * DAY_MS).toISOString();
    return ad.firstSeen >= since ? `First seen on ${ad.firstSeen.slice(0, 10).split('-').reverse().join('-')}, within ${c.newWithinDays} days` : null;
  }
  if (c.reports) return reports.length > 0 ? reports.map((r) => r.reason).join('; ') : null;
  return null;
}

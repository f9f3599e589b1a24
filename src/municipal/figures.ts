// The monitor's figures: from the theme's ads (each with its place and licence status) and its runs,
// the counts per municipality, province and week of one period of whole ISO weeks. Pure; the service
// suppresses small counts for supervisors (suppress-figures.ts).
import { MUNICIPALITIES } from './places.ts';
import type { InspectionOutcome, LicenceStatus, Municipality, PlaceResolution } from './types.ts';
import { weekEnd, weekStart, weeksOf } from './weeks.ts';

export const COUNT_NAMES = ['active', 'new', 'gone', 'licensed', 'unlicensed', 'unknown'] as const;
export type CountName = (typeof COUNT_NAMES)[number];
/** null is a suppressed count. */
export type Counts = Record<CountName, number | null>;

/** How each licence status is counted (MUNICIPAL.md). */
const LICENCE_CLASS: Record<LicenceStatus, 'licensed' | 'unlicensed' | 'unknown'> = {
  valid: 'licensed', absent: 'unlicensed', expired: 'unlicensed', unknown: 'unknown', 'other-address': 'unknown', 'other-municipality': 'unknown',
};

export interface FigureAd { id: string; source: string; firstSeen: string; lastSeen: string; place: PlaceResolution; licence: LicenceStatus }
/** A run with a null source visited every source of the theme. */
export interface RunSpan { source: string | null; startedAt: string; finishedAt: string | null }
export interface OutcomeCount { municipality: string; outcome: InspectionOutcome; count: number }

export interface MunicipalityFigures extends Counts {
  code: string; name: string; province: string; lat: number; lng: number;
  platforms: Record<string, number | null>;
  inspections: Record<string, number | null>;
}
export interface MonitorFigures {
  from: string; to: string;
  municipalities: MunicipalityFigures[];
  provinces: ({ province: string } & Counts)[];
  unresolved: { ambiguous: number | null; unknown: number | null };
  totals: Counts;
}
export interface WeekFigures extends Counts { week: string }

/** Whether an ad was gone by a moment: a finished run of its source started after it was last seen. */
export function goneTest(runs: readonly RunSpan[]): (ad: Pick<FigureAd, 'source' | 'lastSeen'>) => boolean {
  const lastStart = new Map<string | null, string>();
  for (const run of runs) {
    if (run.finishedAt === null) continue;
    if ((lastStart.get(run.source) ?? '') < run.startedAt) lastStart.set(run.source, run.startedAt);
  }
  return (ad) => [lastStart.get(ad.source), lastStart.get(null)].some((at) => at !== undefined && at > ad.lastSeen);
}

/** Counts of ads in [start, end): seen in it (active), first seen in it (new), last seen in it and not
 *  seen by a later finished run (gone), and the active ones by licence class. */
function countAds(ads: readonly FigureAd[], start: string, end: string, gone: (ad: FigureAd) => boolean): Record<CountName, number> {
  const counts = { active: 0, new: 0, gone: 0, licensed: 0, unlicensed: 0, unknown: 0 };
  for (const ad of ads) {
    if (ad.lastSeen < start || ad.firstSeen >= end) continue;
    counts.active++;
    counts[LICENCE_CLASS[ad.licence]]++;
    if (ad.firstSeen >= start) counts.new++;
    if (ad.lastSeen < end && gone(ad)) counts.gone++;
  }
  return counts;
}

export function monitorFigures(input: {
  ads: readonly FigureAd[]; runs: readonly RunSpan[]; from: string; to: string; inspections: readonly OutcomeCount[];
}): MonitorFigures {
  const start = weekStart(input.from);
  const end = weekEnd(input.to);
  const gone = goneTest(input.runs);
  const active = input.ads.filter((ad) => ad.lastSeen >= start && ad.firstSeen < end);
  const byCode = groupBy(active.flatMap((ad) => (ad.place.status === 'resolved' ? [[ad.place.municipality.code, ad] as const] : [])));
  const municipalities: MunicipalityFigures[] = [];
  for (const place of MUNICIPALITIES) {
    const ads = byCode.get(place.code);
    if (!ads) continue;
    const platforms: Record<string, number> = {};
    for (const ad of ads) platforms[ad.source] = (platforms[ad.source] ?? 0) + 1;
    const inspections: Record<string, number> = {};
    for (const o of input.inspections) if (o.municipality === place.code) inspections[o.outcome] = (inspections[o.outcome] ?? 0) + o.count;
    const { code, name, province, lat, lng } = place;
    municipalities.push({ code, name, province, lat, lng, ...countAds(ads, start, end, gone), platforms, inspections });
  }
  const provinces = [...new Set(municipalities.map((m) => m.province))].sort()
    .map((province) => ({ province, ...sum(municipalities.filter((m) => m.province === province)) }));
  return {
    from: input.from, to: input.to, municipalities, provinces, totals: sum(provinces),
    unresolved: { ambiguous: active.filter((a) => a.place.status === 'ambiguous').length, unknown: active.filter((a) => a.place.status === 'unknown').length },
  };
}

/** One province's part of (suppressed) figures, its row as the totals. Narrowed after suppression,
 *  so the narrow answer shows exactly what the whole one does and the two cannot be combined. */
export function narrowToProvince(figures: MonitorFigures, province: string): MonitorFigures {
  const row = figures.provinces.find((p) => p.province === province);
  // A province without active ads has only zeros, hidden like any small count.
  const { province: _, ...totals } = row ?? { province, active: null, new: null, gone: null, licensed: null, unlicensed: null, unknown: null };
  return {
    ...figures, municipalities: figures.municipalities.filter((m) => m.province === province), provinces: row ? [row] : [], totals,
  };
}

/** One municipality's counts week by week. */
export function municipalityWeeks(municipality: Municipality, input: { ads: readonly FigureAd[]; runs: readonly RunSpan[]; from: string; to: string }): WeekFigures[] {
  const gone = goneTest(input.runs);
  const own = input.ads.filter((ad) => ad.place.status === 'resolved' && ad.place.municipality.code === municipality.code);
  return weeksOf(input.from, input.to).map((week) => ({ week, ...countAds(own, weekStart(week), weekEnd(week), gone) }));
}

function sum(rows: readonly Counts[]): Counts {
  const total = { active: 0, new: 0, gone: 0, licensed: 0, unlicensed: 0, unknown: 0 };
  for (const row of rows) for (const c of COUNT_NAMES) total[c] += row[c] ?? 0;
  return total;
}

function groupBy<T>(pairs: readonly (readonly [string, T])[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const [key, value] of pairs) {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
  return map;
}

// The municipal monitor (issue 14 items 3, 4, 6): the theme's ads matched against the municipality's
// own registers, counted per municipality, province and week, and the selection the inspection lists
// are filled from. Supervisors see figures only, small counts suppressed; no ad leaves this service.
import type { Who } from '../accounts/actor.ts';
import type { Profile } from '../config/profile-schema.ts';
import { BakenError } from '../domain/errors.ts';
import { COUNT_NAMES, goneTest, monitorFigures, municipalityWeeks, narrowToProvince, type Counts, type FigureAd, type MonitorFigures, type OutcomeCount, type WeekFigures } from '../municipal/figures.ts';
import { matchAd, postcodeMunicipalities, type ReferenceSet } from '../municipal/match.ts';
import { MUNICIPALITIES, PROVINCES, resolvePlace } from '../municipal/places.ts';
import { selectAds, type SelectedAd, type SelectionAd } from '../municipal/selection.ts';
import { suppressMonitor, suppressMunicipality } from '../municipal/suppress-figures.ts';
import type { Municipality, PlaceResolution, ReferenceMatches } from '../municipal/types.ts';
import { checkedPeriod, isoWeek, weekEnd, weekStart } from '../municipal/weeks.ts';
import { councilDocument, type CouncilLang } from '../reports/council-report.ts';
import type { DocumentFormat } from '../reports/render.ts';
import type { MonitorAdRow } from '../store/store.ts';
import { SOFTWARE_VERSION } from '../version.ts';
import { authorise, themeRef, type ServiceContext } from './context.ts';
import { render, type ReportFile } from './reports.service.ts';

export interface Period { from?: string; to?: string }
export interface MonitorView extends MonitorFigures { theme: string; suppressedBelow: number | null }
export interface MunicipalityView {
  municipality: Municipality & { lat: number; lng: number };
  theme: string; from: string; to: string; suppressedBelow: number | null;
  weeks: WeekFigures[];
  platforms: { source: string; active: number | null }[];
  criteria: { id: string; label: string; count: number | null }[];
  /** The period's figures as the overview shows them, and the inspection outcomes. */
  period: Counts;
  inspections: Record<string, number | null>;
}

/** One ad as the monitor sees it: where it is and what the registers say of it. */
interface AssessedAd { row: MonitorAdRow; place: PlaceResolution; matches: ReferenceMatches }

export class MonitorService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async figures(who: Who, q: Period & { theme: string; province?: string }): Promise<MonitorView> {
    this.#authorise(who, q.theme);
    const { from, to } = this.#period(q);
    if (q.province !== undefined && !(PROVINCES as readonly string[]).includes(q.province)) {
      throw new BakenError('INPUT_INVALID', `province: expected one of ${PROVINCES.join(', ')}, got "${q.province}"`);
    }
    const ads = await this.#assessed(q.theme, asOfDay(to, this.#c.now()));
    const all = monitorFigures({ ads: ads.map(figureAd), runs: await this.#c.store.runs(q.theme), from, to, inspections: await this.#outcomes(q.theme, from, to) });
    const minCount = this.#c.settings.municipal.minCount;
    suppressMonitor(all, minCount);
    const figures = q.province === undefined ? all : narrowToProvince(all, q.province);
    await this.#c.trail.record(who, 'monitor.read', { themes: [q.theme], query: { from, to, ...(q.province ? { province: q.province } : {}) }, count: figures.municipalities.length });
    return { theme: q.theme, suppressedBelow: minCount, ...figures };
  }

  async municipality(who: Who, code: string, q: Period & { theme: string }): Promise<MunicipalityView> {
    this.#authorise(who, q.theme);
    const view = await this.#municipality(code, q);
    await this.#c.trail.record(who, 'monitor.read', { themes: [q.theme], resources: [code], query: { from: view.from, to: view.to }, count: view.weeks.length });
    return view;
  }

  /** The figures of one municipality for its council, as a document file: no ad, no phone, no name. */
  async councilReport(who: Who, code: string, q: Period & { theme: string; format: DocumentFormat; lang: CouncilLang }): Promise<ReportFile> {
    this.#authorise(who, q.theme);
    const view = await this.#municipality(code, q);
    const doc = councilDocument(view, q.lang, this.#c.now().toISOString(), SOFTWARE_VERSION);
    const file = await render(doc, q.format, `raadsrapportage-${code}-${view.from}-${view.to}`, SOFTWARE_VERSION);
    await this.#c.trail.record(who, 'reports.council', { themes: [q.theme], resources: [code], query: { from: view.from, to: view.to, format: q.format, lang: q.lang }, count: 1 });
    return file;
  }

  /** The ads the theme's selection criteria pick now, per municipality. Internal: called after each
   *  run and import to fill the inspection lists, so neither authorised nor audited here. */
  async selection(theme: string): Promise<SelectedAd[]> {
    const criteria = this.#profile(theme)?.selection ?? [];
    if (criteria.length === 0) return [];
    const now = this.#c.now().toISOString();
    const gone = goneTest(await this.#c.store.runs(theme));
    const active = (await this.#assessed(theme, now.slice(0, 10))).filter((ad) => !gone(ad.row));
    return selectAds(criteria, active.map(selectionAd), now);
  }

  async #municipality(code: string, q: Period & { theme: string }): Promise<MunicipalityView> {
    const place = MUNICIPALITIES.find((m) => m.code === code);
    if (!place) throw new BakenError('NOT_FOUND', `no municipality with CBS code "${code}"`);
    const { from, to } = this.#period(q);
    const now = this.#c.now();
    const assessed = await this.#assessed(q.theme, asOfDay(to, now));
    const runs = await this.#c.store.runs(q.theme);
    const ads = assessed.map(figureAd);
    const weeks = municipalityWeeks(place, { ads, runs, from, to });
    const minCount = this.#c.settings.municipal.minCount;
    // The period's row, platforms and outcomes as the overview shows them, so the two answers agree
    // and neither gives back what the other hides.
    const overview = monitorFigures({ ads, runs, from, to, inspections: await this.#outcomes(q.theme, from, to) });
    suppressMonitor(overview, minCount);
    const row = overview.municipalities.find((m) => m.code === code);
    // A municipality without active ads is not in the overview: its zeros are hidden like any small count.
    const period = Object.fromEntries(COUNT_NAMES.map((c) => [c, row ? row[c] : null])) as Counts;
    const criteria = this.#profile(q.theme)?.selection ?? [];
    const inPeriod = assessed.filter((ad) => ad.row.lastSeen >= weekStart(from) && ad.row.firstSeen < weekEnd(to));
    const selected = selectAds(criteria, inPeriod.map(selectionAd), min(now.toISOString(), weekEnd(to))).filter((s) => s.municipality.code === code);
    const page = {
      weeks,
      criteria: criteria.map((c) => ({ id: c.id, label: c.label, count: selected.filter((s) => s.criteria.some((hit) => hit.id === c.id)).length as number | null })),
    };
    suppressMunicipality(page, period, minCount);
    const { lat, lng, name, province } = place;
    return {
      municipality: { code, name, province, lat, lng }, theme: q.theme, from, to, suppressedBelow: minCount, ...page, period,
      platforms: Object.entries(row?.platforms ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([source, active]) => ({ source, active })),
      inspections: row?.inspections ?? {},
    };
  }

  #authorise(who: Who, theme: string): void {
    authorise(who, 'monitor.read', themeRef(this.#c.config.current, theme), `no monitor for theme "${theme}"`);
  }

  /** Whole ISO weeks; the current week when none is given. */
  #period(q: Period): { from: string; to: string } {
    const current = isoWeek(this.#c.now());
    return checkedPeriod(q.from ?? q.to ?? current, q.to ?? q.from ?? current);
  }

  #profile(theme: string): Profile | undefined {
    const config = this.#c.config.current;
    const profile = config.themes.get(theme)?.profile;
    return profile === undefined ? undefined : config.profiles.get(profile);
  }

  async #assessed(theme: string, asOf: string): Promise<AssessedAd[]> {
    const [licences, kvk, reports] = await Promise.all([
      this.#c.reference.currentRows(theme, 'licences'), this.#c.reference.currentRows(theme, 'kvk'), this.#c.reference.currentRows(theme, 'reports'),
    ]);
    const refs: ReferenceSet = { licences: licences.rows, kvk: kvk.rows, reports: reports.rows };
    const postcodes = postcodeMunicipalities(refs);
    return (await this.#c.store.monitorRows(theme)).map((row) => {
      const place = placeOf(row, postcodes);
      return { row, place, matches: matchAd(row.fields, place, refs, asOf) };
    });
  }

  /** Inspection outcomes recorded in the period. */
  #outcomes(theme: string, from: string, to: string): Promise<OutcomeCount[]> {
    return this.#c.inspections.outcomeCounts(theme, weekStart(from), weekEnd(to));
  }
}

/** The ad's city field, or its title when the city is empty (MUNICIPAL.md). */
function placeOf(row: MonitorAdRow, postcodes: ReadonlyMap<string, string>): PlaceResolution {
  const city = row.fields.city?.trim();
  return resolvePlace(city ? city : row.fields.title, postcodes);
}

/** PC4 → CBS code from the addresses in the licence register and the KvK extract. */

function figureAd(ad: AssessedAd): FigureAd {
  return { id: ad.row.id, source: ad.row.source, firstSeen: ad.row.firstSeen, lastSeen: ad.row.lastSeen, place: ad.place, licence: ad.matches.licence.status };
}

function selectionAd(ad: AssessedAd): SelectionAd {
  return { id: ad.row.id, firstSeen: ad.row.firstSeen, phones: ad.row.fields.phones ?? [], place: ad.place, matches: ad.matches };
}

/** Licences are judged on the period's last day, or today while the period runs. */
function asOfDay(to: string, now: Date): string {
  return min(now.toISOString(), new Date(Date.parse(weekEnd(to)) - 1).toISOString()).slice(0, 10);
}

function min(a: string, b: string): string {
  return a < b ? a : b;
}

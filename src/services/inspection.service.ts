// Inspection lists (controlelijsten, issue 14 item 5): the selection criteria fill a list per
// municipality after each run; supervisors compare the ads, plan a visit and record what they found.
// An ad referred to the police reaches the police theme as a count per week and municipality, never
// as the municipal data itself.
import type { Who } from '../accounts/actor.ts';
import type { Action } from '../accounts/roles.ts';
import type { AuditAction } from '../domain/audit-event.ts';
import { BakenError } from '../domain/errors.ts';
import { municipalityByCode } from '../municipal/places.ts';
import type { SelectedAd } from '../municipal/selection.ts';
import { isoDate } from '../municipal/reference-rows.ts';
import { INSPECTION_OUTCOMES, type InspectionOutcome } from '../municipal/types.ts';
import { periodInstants } from '../municipal/weeks.ts';
import type { InspectionEntry, RefreshCounts } from '../store/inspections.ts';
import type { SearchHit } from '../store/store.ts';
import { authorise, themeRef, type ServiceContext } from './context.ts';
import { adSummaries } from './ad-summaries.ts';

export type InspectionState = 'open' | 'planned' | 'done';

export interface MunicipalityList { municipality: string; open: number; planned: number; done: number; unselected: number }
export interface InspectionView extends InspectionEntry { state: InspectionState; ad: SearchHit | null }
export interface InspectionList { municipality: { code: string; name: string | null }; entries: InspectionView[] }
export interface Referrals { theme: string; from: string; to: string; weeks: { week: string; municipality: string; count: number }[] }


export function stateOf(e: Pick<InspectionEntry, 'outcome' | 'plannedFor'>): InspectionState {
  return e.outcome !== null ? 'done' : e.plannedFor !== null ? 'planned' : 'open';
}

export class InspectionService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  /** Internal, after each run and import: no user, so no audit; the lists follow the selection. */
  async refresh(theme: string, selected: readonly SelectedAd[], at: string): Promise<RefreshCounts> {
    if (this.#c.config.current.themes.get(theme)?.kind !== 'municipal') throw new BakenError('INPUT_INVALID', `theme "${theme}" is not a municipal theme`);
    return this.#c.inspections.refresh(theme, selected.map((s) => ({ municipality: s.municipality.code, adId: s.adId, criteria: s.criteria })), at);
  }

  /** Per municipality, how many entries wait, are planned, are done: figures, no ads. */
  async lists(who: Who, theme: string): Promise<MunicipalityList[]> {
    this.#authorise(who, 'inspections.read', theme);
    const byMunicipality = new Map<string, MunicipalityList>();
    for (const e of await this.#c.inspections.entries(theme)) {
      const row = byMunicipality.get(e.municipality) ?? { municipality: e.municipality, open: 0, planned: 0, done: 0, unselected: 0 };
      row[stateOf(e)] += 1;
      if (!e.selected) row.unselected += 1;
      byMunicipality.set(e.municipality, row);
    }
    const lists = [...byMunicipality.values()];
    await this.#c.trail.record(who, 'inspections.read', { themes: [theme], query: { theme }, count: lists.length });
    return lists;
  }

  /** One municipality's list with each ad's summary: ad content, so justified and audited per ad. */
  async list(who: Who, theme: string, municipality: string, justification: string): Promise<InspectionList> {
    this.#authorise(who, 'inspections.read', theme);
    const entries = await this.#c.inspections.entries(theme, municipality);
    const summaries = await adSummaries(this.#c, theme, entries.map((e) => e.adId));
    await this.#c.trail.record(who, 'inspections.read', {
      themes: [theme], resources: entries.map((e) => e.adId), query: { theme, municipality }, count: entries.length, justification,
    });
    return {
      municipality: { code: municipality, name: municipalityByCode(municipality)?.name ?? null },
      entries: entries.map((e) => ({ ...e, state: stateOf(e), ad: summaries.get(e.adId) ?? null })),
    };
  }

  /** A visit on a day (YYYY-MM-DD), or null to take the plan back. */
  async plan(who: Who, theme: string, municipality: string, adId: string, plannedFor: string | null): Promise<InspectionView> {
    this.#authorise(who, 'inspections.write', theme);
    if (plannedFor !== null && !isDay(plannedFor)) throw new BakenError('INPUT_INVALID', `plannedFor: expected a date as YYYY-MM-DD, got "${plannedFor}"`);
    await this.#onList(theme, municipality, adId);
    await this.#record(who, 'inspections.plan', theme, municipality, adId, { plannedFor });
    await this.#c.inspections.plan(theme, municipality, adId, plannedFor);
    return this.#view(theme, municipality, adId);
  }

  /** What the supervisor found; an empty note is none. */
  async record(who: Who, theme: string, municipality: string, adId: string, outcome: string, note?: string): Promise<InspectionView> {
    this.#authorise(who, 'inspections.write', theme);
    if (!isOutcome(outcome)) throw new BakenError('INPUT_INVALID', `outcome: expected one of ${INSPECTION_OUTCOMES.join(', ')}, got "${outcome}"`);
    await this.#onList(theme, municipality, adId);
    const text = note?.trim() ? note.trim() : null;
    await this.#record(who, 'inspections.outcome', theme, municipality, adId, { outcome, note: text !== null });
    await this.#c.inspections.recordOutcome(theme, municipality, adId, { outcome, at: this.#c.now().toISOString(), by: who.actor.name, note: text });
    return this.#view(theme, municipality, adId);
  }

  /** For a police theme: per ISO week and municipality, how many ads supervisors of the municipal
   *  themes that refer to it sent on. Counts only: no ad, phone or text crosses the themes. */
  async referrals(who: Who, policeTheme: string, period: { from: string; to: string }): Promise<Referrals> {
    authorise(who, 'referrals.read', themeRef(this.#c.config.current, policeTheme), `no theme "${policeTheme}"`);
    const { from, to } = periodInstants(period.from, period.to);
    const municipal = [...this.#c.config.current.themes.values()].filter((t) => t.kind === 'municipal' && t.referralsTo === policeTheme).map((t) => t.id);
    const weeks = municipal.length === 0 ? [] : await this.#c.inspections.referralCounts(municipal, from, to);
    await this.#c.trail.record(who, 'inspections.referrals', { themes: [policeTheme], query: { theme: policeTheme, ...period }, count: weeks.length });
    return { theme: policeTheme, from: period.from, to: period.to, weeks };
  }

  #authorise(who: Who, action: Action, theme: string): void {
    authorise(who, action, themeRef(this.#c.config.current, theme), `no theme "${theme}"`);
  }

  async #onList(theme: string, municipality: string, adId: string): Promise<void> {
    if (!(await this.#c.inspections.entries(theme, municipality)).some((e) => e.adId === adId)) {
      throw new BakenError('NOT_FOUND', `ad ${adId} is not on the inspection list of municipality ${municipality}`);
    }
  }

  async #record(who: Who, action: AuditAction, theme: string, municipality: string, adId: string, query: Record<string, unknown>): Promise<void> {
    await this.#c.trail.record(who, action, { themes: [theme], resources: [adId], query: { theme, municipality, ...query }, count: 1 });
  }

  async #view(theme: string, municipality: string, adId: string): Promise<InspectionView> {
    const entry = (await this.#c.inspections.entries(theme, municipality)).find((e) => e.adId === adId)!;
    return { ...entry, state: stateOf(entry), ad: (await adSummaries(this.#c, theme, [adId])).get(adId) ?? null };
  }

}

function isOutcome(value: string): value is InspectionOutcome {
  return (INSPECTION_OUTCOMES as readonly string[]).includes(value);
}

/** A real day written as YYYY-MM-DD (isoDate also reads Dutch notation; a plan takes ISO only). */
function isDay(value: string): boolean {
  return isoDate(value) === value;
}

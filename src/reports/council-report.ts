// The council report (issue 14 item 6): one municipality's monitor figures for its council, as a
// document (src/reports/document.ts). Figures and charts only: no ad, title, phone, licence number or
// address, and the suppressed counts as the supervisor's monitor shows them (the council is public). Pure.
import { INSPECTION_OUTCOMES } from '../municipal/types.ts';
import type { MunicipalityView } from '../services/monitor.service.ts';
import { SUPPRESSED, type Block, type ReportDocument } from './document.ts';

export const COUNCIL_LANGS = ['nl', 'en'] as const;
export type CouncilLang = (typeof COUNCIL_LANGS)[number];

type Words = Record<'title' | 'municipality' | 'province' | 'period' | 'generated' | 'about' | 'suppression' | 'figures' | 'figure' | 'count'
  | 'classes' | 'weeks' | 'week' | 'activeChart' | 'platforms' | 'inspections' | 'criteria' | 'criterion' | 'none'
  | 'active' | 'new' | 'gone' | 'licensed' | 'unlicensed' | 'unknown', string>;

const WORDS: Record<CouncilLang, Words> = {
  nl: {
    title: 'Raadsrapportage prostitutiemonitor', municipality: 'Gemeente', province: 'Provincie', period: 'Periode', generated: 'Opgesteld',
    about: 'Deze rapportage telt het online aanbod van seksuele dienstverlening in de gemeente per ISO-week: advertenties die in de periode online stonden, nieuw verschenen of verdwenen, en hoeveel daarvan een geldige vergunning van de gemeente noemen. Zij bevat alleen aantallen, geen advertenties of gegevens van personen.',
    suppression: 'Aantallen kleiner dan {n} zijn onderdrukt ({dash}), met wat ze zou verraden.',
    figures: 'Cijfers over de periode', figure: 'Cijfer', count: 'Aantal', classes: 'Vergunning (advertenties online in de periode)',
    weeks: 'Per week', week: 'Week', activeChart: 'Advertenties online per week', platforms: 'Advertenties online per platform',
    inspections: 'Uitkomsten van controles', criteria: 'Advertenties geselecteerd voor controle, per criterium', criterion: 'Criterium', none: 'Geen.',
    active: 'Online', new: 'Nieuw', gone: 'Verdwenen', licensed: 'Met vergunning', unlicensed: 'Zonder vergunning', unknown: 'Vergunning onbekend',
  },
  en: {
    title: 'Council report: sex-work monitor', municipality: 'Municipality', province: 'Province', period: 'Period', generated: 'Generated',
    about: 'This report counts the online supply of sexual services in the municipality per ISO week: ads online in the period, new or gone, and how many of them name a valid municipal licence. It holds counts only, no ads and no personal data.',
    suppression: 'Counts below {n} are suppressed ({dash}), with whatever would give them away.',
    figures: 'Figures for the period', figure: 'Figure', count: 'Count', classes: 'Licence (ads online in the period)',
    weeks: 'Week by week', week: 'Week', activeChart: 'Ads online per week', platforms: 'Ads online per platform',
    inspections: 'Inspection outcomes', criteria: 'Ads selected for inspection, per criterion', criterion: 'Criterion', none: 'None.',
    active: 'Online', new: 'New', gone: 'Gone', licensed: 'Licensed', unlicensed: 'Unlicensed', unknown: 'Licence unknown',
  },
};

const OUTCOMES: Record<CouncilLang, Record<(typeof INSPECTION_OUTCOMES)[number], string>> = {
  nl: { visited: 'Bezocht', licensed: 'Toch vergund', 'not-found': 'Niet aangetroffen', closed: 'Gesloten', 'referred-to-police': 'Doorverwezen naar politie' },
  en: { visited: 'Visited', licensed: 'Licensed after all', 'not-found': 'Not found', closed: 'Closed', 'referred-to-police': 'Referred to police' },
};

const COUNTS = ['active', 'new', 'gone', 'licensed', 'unlicensed', 'unknown'] as const;

export function councilDocument(view: MunicipalityView, lang: CouncilLang, generatedAt: string, softwareVersion: string): ReportDocument {
  const w = WORDS[lang];
  const shown = (n: number | null) => (n === null ? SUPPRESSED : String(n));
  const blocks: Block[] = [
    { kind: 'fields', rows: [
      [w.municipality, `${view.municipality.name} (CBS ${view.municipality.code})`], [w.province, view.municipality.province],
      [w.period, `${view.from} – ${view.to}`], [w.generated, generatedAt.slice(0, 10)],
    ] },
    { kind: 'paragraph', text: w.about },
    ...(view.suppressedBelow === null ? [] : [{ kind: 'paragraph' as const, text: w.suppression.replace('{n}', String(view.suppressedBelow)).replace('{dash}', SUPPRESSED) }]),
    { kind: 'heading', text: w.figures, level: 2 },
    { kind: 'table', header: [w.figure, w.count], rows: COUNTS.map((c) => [w[c], shown(view.period[c])]) },
    { kind: 'bars', title: w.classes, bars: (['licensed', 'unlicensed', 'unknown'] as const).map((c) => ({ label: w[c], value: view.period[c] })) },
    { kind: 'heading', text: w.weeks, level: 2 },
    { kind: 'table', header: [w.week, ...COUNTS.map((c) => w[c])], rows: view.weeks.map((week) => [week.week, ...COUNTS.map((c) => shown(week[c]))]) },
    { kind: 'bars', title: w.activeChart, bars: view.weeks.map((week) => ({ label: week.week, value: week.active })) },
    ...chart(w.platforms, view.platforms.map((p) => ({ label: p.source, value: p.active })), w.none),
    ...chart(w.inspections, Object.entries(view.inspections).map(([outcome, value]) => ({ label: OUTCOMES[lang][outcome as keyof typeof OUTCOMES.nl] ?? outcome, value })), w.none),
    { kind: 'heading', text: w.criteria, level: 2 },
    view.criteria.length === 0 ? { kind: 'paragraph', text: w.none } : { kind: 'table', header: [w.criterion, w.count], rows: view.criteria.map((c) => [c.label, shown(c.count)]) },
  ];
  return { title: `${w.title} — ${view.municipality.name}`, lang, footer: `${w.title} · ${softwareVersion}`, blocks };
}

function chart(title: string, bars: { label: string; value: number | null }[], none: string): Block[] {
  return bars.length === 0 ? [{ kind: 'heading', text: title, level: 2 }, { kind: 'paragraph', text: none }] : [{ kind: 'bars', title, bars }];
}

// The transparency report for the oversight committee as a document (src/reports/document.ts): per
// theme a table of the months and the period, and bars where people would rather look than read.
// Figures only: no ad content, no user names, no case numbers. Pure.
import { SUPPRESSED, type Block, type ReportDocument } from './document.ts';
import type { Shown } from './transparency-cells.ts';
import { byKind, byRole, FIGURES, type Figure } from './transparency-figures.ts';

export interface TransparencyReport {
  from: string;
  to: string;
  months: string[];
  suppressedBelow: number;
  themes: { theme: string; months: { month: string; figures: Shown }[]; period: Shown }[];
  auditChain: { checked: number; ok: boolean; breaks: number; checkpointProblems: number };
  generatedAt: string;
}

export const REPORT_LANGS = ['nl', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

type Words = Record<'title' | 'period' | 'generated' | 'suppression' | 'origin' | 'figure' | 'total' | 'chain' | 'chainOk' | 'chainBroken'
  | 'keptChart' | 'searchChart' | 'readChart' | 'noThemes', string>;

const WORDS: Record<ReportLang, Words> = {
  nl: {
    title: 'Transparantierapportage webcrawler', period: 'Periode', generated: 'Opgesteld',
    suppression: 'Aantallen kleiner dan {n} zijn onderdrukt (–), met wat ze zou verraden. Elk aantal geldt per thema en kalendermaand; een totaal over de periode wordt alleen getoond als elke maand ervan getoond is, zodat twee overlappende rapportages niets onthullen wat de maanden zelf niet tonen.',
    origin: 'Bron van de cijfers: het bewijslogboek (runs, verwijderingen na staging, bewaartermijn, beslagen) en het auditlogboek (zoekopdrachten, raadplegingen, exports, configuratiewijzigingen, mislukte aanmeldingen), beide met hash-keten.',
    figure: 'Cijfer', total: 'Periode', chain: 'Controle auditlogboek',
    chainOk: '{n} vermeldingen gecontroleerd: keten en ondertekende controlepunten kloppen.',
    chainBroken: '{n} vermeldingen gecontroleerd: {breaks} breuken in de keten, {checkpoints} afwijkingen van de ondertekende controlepunten.',
    keptChart: 'Advertenties bewaard per maand', searchChart: 'Zoekopdrachten per rol (periode)', readChart: 'Raadplegingen per soort rechtvaardiging (periode)',
    noThemes: 'Geen thema\'s in beeld.',
  },
  en: {
    title: 'Web crawler transparency report', period: 'Period', generated: 'Generated',
    suppression: 'Counts below {n} are suppressed (–), with whatever would give them away. Every count is per theme and calendar month; a total over the period is shown only when each of its months is shown, so two overlapping reports reveal nothing the months themselves do not show.',
    origin: 'Where the figures come from: the custody log (runs, deletions after staging, retention, holds) and the audit trail (searches, reads, exports, configuration changes, failed sign-ins), both hash-chained.',
    figure: 'Figure', total: 'Period', chain: 'Audit trail check',
    chainOk: '{n} entries checked: the chain and its signed checkpoints agree.',
    chainBroken: '{n} entries checked: {breaks} breaks in the chain, {checkpoints} disagreements with the signed checkpoints.',
    keptChart: 'Ads kept per month', searchChart: 'Searches by role (period)', readChart: 'Reads by kind of justification (period)',
    noThemes: 'No themes in view.',
  },
};

const LABELS: Record<ReportLang, Record<string, string>> = {
  nl: {
    sources: 'Bronnen bezocht', pages: 'Advertentiepagina\'s bezocht', captured: 'Advertenties vastgelegd', kept: 'Bewaard',
    'deleted-at-gate': 'Direct verwijderd (geen indicator)', 'staged-deleted': 'Na staging verwijderd', failed: 'Pagina\'s niet vast te leggen',
    purged: 'Verwijderd na bewaartermijn', 'on-hold': 'In beslag aan einde maand', 'hold-cases': 'Zaken met beslag aan einde maand',
    searches: 'Zoekopdrachten', reads: 'Raadplegingen van advertenties',
    expert: 'door expert', analyst: 'door analist', supervisor: 'door toezichthouder',
    case: 'met zaaknummer', 'signal-research': 'voor signaalonderzoek',
    'exports-requested': 'Exports aangevraagd', 'exports-approved': 'Exports goedgekeurd', 'exports-refused': 'Exports geweigerd',
    'config-changes': 'Configuratiewijzigingen', 'failed-sign-ins': 'Mislukte aanmeldingen',
  },
  en: {
    sources: 'Sources visited', pages: 'Ad pages visited', captured: 'Ads captured', kept: 'Kept',
    'deleted-at-gate': 'Deleted at the gate (no indicator)', 'staged-deleted': 'Deleted after staging', failed: 'Pages not captured',
    purged: 'Purged by retention', 'on-hold': 'On hold at month end', 'hold-cases': 'Cases with holds at month end',
    searches: 'Searches', reads: 'Ad reads',
    expert: 'by experts', analyst: 'by analysts', supervisor: 'by supervisors',
    case: 'with a case number', 'signal-research': 'for signal research',
    'exports-requested': 'Exports requested', 'exports-approved': 'Exports approved', 'exports-refused': 'Exports refused',
    'config-changes': 'Configuration changes', 'failed-sign-ins': 'Failed sign-ins',
  },
};

/** A figure's label: a breakdown ('searches:expert') reads as an indented part of its total. */
export function figureLabel(f: Figure, lang: ReportLang): string {
  const [whole, part] = f.split(':') as [string, string | undefined];
  return part === undefined ? LABELS[lang][whole]! : `  ${LABELS[lang][part]}`;
}

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

export function transparencyDocument(report: TransparencyReport, lang: ReportLang, softwareVersion: string): ReportDocument {
  const w = WORDS[lang];
  const count = (n: number | null) => (n === null ? SUPPRESSED : String(n));
  const blocks: Block[] = [
    { kind: 'fields', rows: [[w.period, `${report.from} – ${report.to}`], [w.generated, report.generatedAt]] },
    { kind: 'paragraph', text: fill(w.suppression, { n: report.suppressedBelow }) },
    { kind: 'paragraph', text: w.origin },
  ];
  if (report.themes.length === 0) blocks.push({ kind: 'paragraph', text: w.noThemes });
  for (const t of report.themes) {
    blocks.push(
      { kind: 'heading', text: t.theme, level: 2 },
      {
        kind: 'table', header: [w.figure, ...t.months.map((m) => m.month), w.total],
        rows: FIGURES.map((f) => [figureLabel(f, lang), ...t.months.map((m) => count(m.figures[f])), count(t.period[f])]),
      },
      { kind: 'bars', title: w.keptChart, bars: t.months.map((m) => ({ label: m.month, value: m.figures.kept })) },
      { kind: 'bars', title: w.searchChart, bars: partBars(t.period, byRole('searches'), lang) },
      { kind: 'bars', title: w.readChart, bars: partBars(t.period, byKind('reads'), lang) },
    );
  }
  const c = report.auditChain;
  blocks.push(
    { kind: 'heading', text: w.chain, level: 2 },
    { kind: 'paragraph', text: c.ok ? fill(w.chainOk, { n: c.checked }) : fill(w.chainBroken, { n: c.checked, breaks: c.breaks, checkpoints: c.checkpointProblems }) },
  );
  return { title: w.title, lang, footer: `${w.title} · ${report.from} – ${report.to} · ${softwareVersion}`, blocks };
}

function partBars(period: Shown, parts: readonly Figure[], lang: ReportLang) {
  return parts.map((f) => ({ label: figureLabel(f, lang).trim(), value: period[f] }));
}

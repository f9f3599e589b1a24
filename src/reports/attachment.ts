// The attachment "toelichting werking webcrawler", made from the running configuration rather than
// written by hand: what kinds of sources, what is captured, what minimisation did in the period,
// how long ads are kept, the legal basis, and the software and configuration that did it.
import type { ReportTemplate } from '../config/report-templates.ts';
import type { Source, Theme } from '../config/schema.ts';
import type { Block, ReportDocument } from './document.ts';
import { fillTemplate } from './fill-template.ts';
import type { MinimisationCounts } from './minimisation-counts.ts';

export interface AttachmentInput {
  theme: Theme;
  sources: readonly Source[];
  /** YYYY-MM-DD, both days included. */
  period: { from: string; to: string };
  counts: MinimisationCounts;
  /** Ads of the theme on hold for a case now. */
  onHold: number;
  softwareVersion: string;
  configHash: string;
}

export function buildAttachment(template: ReportTemplate, input: AttachmentInput): ReportDocument {
  const { theme } = input;
  return fillTemplate('attachment', template, {
    values: {
      theme: theme.name, purpose: theme.purpose.description, legalBasis: theme.purpose.legalBasis, owner: theme.purpose.owner,
      from: input.period.from, to: input.period.to, softwareVersion: input.softwareVersion, configHash: input.configHash,
    },
    generated: {
      sources: [sourcesBlock(template.words, theme, input.sources)],
      captured: [capturedBlock(template.words, theme)],
      minimisation: [minimisationBlock(template.words, input.counts, input.onHold)],
      retention: [{ kind: 'fields', rows: [
        [word(template.words, 'keepDays'), `${theme.retention.keepDays} ${word(template.words, 'days')}`],
        [word(template.words, 'maxDays'), theme.retention.maxDays === undefined ? word(template.words, 'none') : `${theme.retention.maxDays} ${word(template.words, 'days')}`],
      ] }],
    },
    footer: input.softwareVersion,
  });
}

type Words = Readonly<Record<string, string>>;
/** The loader checked that the template has every word the attachment uses. */
const word = (words: Words, key: string) => words[key] ?? key;

/** Kinds of sources with their number; names and addresses only where the theme chooses to list them. */
function sourcesBlock(w: Words, theme: Theme, sources: readonly Source[]): Block {
  if (theme.reports.sourceUrls) {
    return { kind: 'table', header: [word(w, 'sourceName'), word(w, 'sourceUrl')], rows: sources.map((s) => [s.name, s.start]) };
  }
  const kinds = new Map<string, number>();
  for (const s of sources) {
    const kind = word(w, s.discover.scroll > 0 ? 'infiniteScroll' : s.discover.next ? 'listPages' : 'singlePage') + (s.session.steps.length > 0 ? word(w, 'ageGate') : '');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return { kind: 'table', header: [word(w, 'sourceKind'), word(w, 'sourceCount')], rows: [...kinds].map(([k, n]) => [k, String(n)]) };
}

function capturedBlock(w: Words, theme: Theme): Block {
  const yesNo = (on: boolean) => word(w, on ? 'yes' : 'no');
  return { kind: 'table', header: [word(w, 'what'), word(w, 'stored')], rows: [
    [word(w, 'html'), yesNo(theme.store.html)],
    [word(w, 'images'), yesNo(theme.store.images)],
    [word(w, 'screenshot'), theme.store.screenshot === 'none' ? word(w, 'no') : `${word(w, 'yes')} (${theme.store.screenshot.toUpperCase()})`],
    [word(w, 'fields'), theme.store.fields.join(', ')],
  ] };
}

function minimisationBlock(w: Words, c: MinimisationCounts, onHold: number): Block {
  const rows: [string, number][] = [
    ['runs', c.runs], ['captured', c.captured], ['kept', c.kept], ['deletedAtGate', c.deletedAtGate], ['failed', c.failed],
    ['stagingDeleted', c.stagingDeleted], ['purged', c.purged], ['onHold', onHold],
  ];
  return { kind: 'table', header: [word(w, 'figure'), word(w, 'count')], rows: rows.map(([k, n]) => [word(w, k), String(n)]) };
}

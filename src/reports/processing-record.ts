// The record of processing (Wpg art. 32; GDPR art. 30 for municipal themes): per theme what a DPIA
// and the processing register ask for, taken from the configuration that actually runs.
import type { Theme } from '../config/schema.ts';
import type { ReportDocument } from './document.ts';

export interface ProcessingEntry {
  theme: string;
  name: string;
  kind: Theme['kind'];
  purpose: string;
  legalBasis: string;
  controller: string;
  period: { start: string; end: string };
  dataCategories: string[];
  persons: string[];
  recipients: string[];
  retention: { keepDaysAfterLastSeen: number; maxDaysAfterFirstSeen: number | null };
  security: string[];
}

export interface ProcessingRecord { softwareVersion: string; configHash: string; themes: ProcessingEntry[] }

export function processingRecord(themes: readonly Theme[], softwareVersion: string, configHash: string): ProcessingRecord {
  return {
    softwareVersion, configHash,
    themes: themes.map((t) => ({
      theme: t.id, name: t.name, kind: t.kind, purpose: t.purpose.description, legalBasis: t.purpose.legalBasis,
      controller: t.purpose.owner, period: { start: t.purpose.start, end: t.purpose.end },
      dataCategories: [
        ...t.store.fields.map((f) => `field:${f}`),
        ...(t.store.html ? ['html'] : []), ...(t.store.images ? ['images'] : []), ...(t.store.screenshot !== 'none' ? ['screenshot'] : []),
      ],
      persons: [...t.processing.persons], recipients: [...t.processing.recipients],
      retention: { keepDaysAfterLastSeen: t.retention.keepDays, maxDaysAfterFirstSeen: t.retention.maxDays ?? null },
      security: [...t.processing.security],
    })),
  };
}

/** Dutch: the register is kept in the language of the organisation that keeps it. */
const L = {
  title: 'Register van verwerkingen',
  purpose: 'Doel', legalBasis: 'Grondslag', controller: 'Verantwoordelijk', period: 'Periode', kind: 'Soort thema',
  data: 'Categorieën gegevens', persons: 'Categorieën betrokkenen', recipients: 'Ontvangers', retention: 'Bewaartermijn',
  security: 'Beveiligingsmaatregelen', unrecorded: 'niet vastgelegd in de configuratie (processing in het thema)',
  retentionText: (r: ProcessingEntry['retention']) => `${r.keepDaysAfterLastSeen} dagen na laatst gezien${r.maxDaysAfterFirstSeen === null ? '' : `, uiterlijk ${r.maxDaysAfterFirstSeen} dagen na eerst gezien`}`,
  footer: (r: ProcessingRecord) => `${r.softwareVersion} · configuratie ${r.configHash}`,
};

export function processingDocument(record: ProcessingRecord): ReportDocument {
  const list = (items: string[]) => (items.length === 0 ? L.unrecorded : items.join('; '));
  return {
    title: L.title, lang: 'nl', footer: L.footer(record),
    blocks: record.themes.flatMap((t) => [
      { kind: 'heading', text: t.name, level: 2 } as const,
      { kind: 'fields', rows: [
        [L.purpose, t.purpose], [L.legalBasis, t.legalBasis], [L.controller, t.controller], [L.kind, t.kind],
        [L.period, `${t.period.start} – ${t.period.end}`], [L.data, t.dataCategories.join(', ')], [L.persons, list(t.persons)],
        [L.recipients, list(t.recipients)], [L.retention, L.retentionText(t.retention)], [L.security, list(t.security)],
      ] } as const,
    ]),
  };
}

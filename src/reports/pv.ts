// The official report of one ad (proces-verbaal van bevindingen): the standard text filled in with
// the officer, the ad and its evidence. It states how many indicators hit and never which: the
// input carries no indicator at all, so no template can leak one.
import type { ReportTemplate } from '../config/report-templates.ts';
import type { ReportDocument } from './document.ts';
import { fillTemplate } from './fill-template.ts';

export interface PvInput {
  officer: string;
  unit: string;
  /** YYYY-MM-DD of the officer's search; `date` is the day the report is made. */
  searchDate: string;
  date: string;
  theme: { name: string; purpose: string };
  ad: { alias: string | null; source: string; url: string; firstSeen: string; lastSeen: string };
  indicatorCount: number;
  /** The latest capture: its files (named as in the evidence bundle) and signed manifest. */
  evidence: { captureId: string; manifestSha256: string; keyId: string; files: ReadonlyArray<{ name: string; sha256: string }> };
  softwareVersion: string;
}

export function buildPv(template: ReportTemplate, input: PvInput): ReportDocument {
  const w = template.words;
  const { ad, evidence } = input;
  return fillTemplate('pv', template, {
    values: {
      officer: input.officer, unit: input.unit, searchDate: input.searchDate, date: input.date,
      theme: input.theme.name, purpose: input.theme.purpose,
      alias: ad.alias ?? w.unknown!, source: ad.source, url: ad.url, firstSeen: day(ad.firstSeen), lastSeen: day(ad.lastSeen),
      indicatorCount: String(input.indicatorCount),
      manifest: `${evidence.manifestSha256} (${evidence.captureId}, ${evidence.keyId})`,
    },
    generated: {
      evidence: [{ kind: 'table', header: [w.file!, w.sha256!], rows: evidence.files.map((f) => [f.name, f.sha256]) }],
    },
    footer: input.softwareVersion,
  });
}

/** A UTC time as the day and minute an officer reads it. */
function day(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

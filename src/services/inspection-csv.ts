// An inspection list as CSV: what a supervisor takes along on the visits, one row per ad, with the
// reasons it was selected and what was planned and found.
import { toCsv, type CsvCell } from '../domain/csv.ts';
import type { InspectionEntry } from '../store/inspections.ts';
import type { SearchHit } from '../store/store.ts';
import { adSummaries } from './ad-summaries.ts';
import type { ServiceContext } from './context.ts';

export const INSPECTION_CSV_COLUMNS = [
  'municipality', 'ad', 'source', 'url', 'title', 'city', 'criteria', 'selected', 'added_at', 'planned_for', 'outcome', 'outcome_at', 'outcome_by', 'note',
] as const;

/** One municipality's inspection list as it stands, for an approved export (export-kinds.ts). */
export async function inspectionListCsv(c: ServiceContext, theme: string, municipality: string): Promise<{ filename: string; csv: string; ads: string[] }> {
  const entries = await c.inspections.entries(theme, municipality);
  const file = inspectionCsv(theme, municipality, entries, await adSummaries(c, theme, entries.map((e) => e.adId)), c.now());
  return { ...file, ads: entries.map((e) => e.adId) };
}

function inspectionCsv(theme: string, municipality: string, entries: readonly InspectionEntry[], ads: ReadonlyMap<string, SearchHit>, now: Date): { filename: string; csv: string } {
  const rows: CsvCell[][] = entries.map((e) => {
    const ad = ads.get(e.adId);
    return [
      e.municipality, e.adId, ad?.source ?? null, ad?.url ?? null, ad?.title ?? null, ad?.city ?? null,
      e.criteria.map((c) => `${c.label}: ${c.reason}`).join('; '), e.selected ? 'yes' : 'no', e.addedAt, e.plannedFor, e.outcome, e.outcomeAt, e.outcomeBy, e.note,
    ];
  });
  return { filename: `inspections-${theme}-${municipality}-${now.toISOString().slice(0, 10)}.csv`, csv: toCsv(INSPECTION_CSV_COLUMNS, rows) };
}

// A control list as CSV: what a supervisor takes along to an inspection, one row per ad on the list.
// An ad purged since it was listed has left the list too (ON DELETE CASCADE).
import { toCsv, type CsvCell } from '../domain/csv.ts';
import type { ListRecord } from '../store/lists.ts';
import type { ServiceContext } from './context.ts';

export const LIST_CSV_COLUMNS = [
  'ad', 'theme', 'source', 'url', 'title', 'city', 'score', 'indicators', 'first_seen', 'last_seen',
  'note', 'note_by', 'note_at', 'added_by', 'added_at',
] as const;

export async function listCsv(c: ServiceContext, list: ListRecord): Promise<{ filename: string; csv: string; ads: string[] }> {
  const entries = await c.lists.entries(list.id, [list.theme]);
  const rows: CsvCell[][] = [];
  for (const e of entries) {
    const ad = await c.store.getAd(e.adId, [list.theme]);
    if (!ad) continue;
    rows.push([
      ad.id, ad.theme, ad.source, ad.url, ad.fields.title ?? null, ad.fields.city ?? null, ad.score, ad.hits.length, ad.firstSeen, ad.lastSeen,
      e.note?.text ?? null, e.note?.by ?? null, e.note?.at ?? null, e.addedBy, e.addedAt,
    ]);
  }
  const day = c.now().toISOString().slice(0, 10);
  return { filename: `${slug(list.name)}-${day}.csv`, csv: toCsv(LIST_CSV_COLUMNS, rows), ads: rows.map((r) => r[0] as string) };
}

/** A file name from a list name, with nothing a content-disposition header could trip over. */
function slug(name: string): string {
  return name.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).toLowerCase() || 'list';
}

// Legal holds and the retention purge on SQLite (schema-retention.sql.ts). Placing and releasing a
// hold, and the purge's transaction with its custody entry, are in ../store-writes.ts.
import type { StatementSync } from 'node:sqlite';
import type { LegalHold, RetentionCutoff } from '../store.ts';

type Sql = (text: string) => StatementSync;
export interface HoldRow { ad_id: string; theme: string; case_number: string; held_by: string; held_at: string }

export const toHold = (r: HoldRow): LegalHold => ({ adId: r.ad_id, theme: r.theme, caseNumber: r.case_number, by: r.held_by, at: r.held_at });

export function holds(sql: Sql, theme: string): LegalHold[] {
  const rows = sql('SELECT * FROM holds WHERE theme = ? ORDER BY held_at, ad_id').all(theme) as unknown as HoldRow[];
  return rows.map(toHold);
}

const EXPIRED = `a.theme = :theme AND (a.last_seen < :last OR (:first IS NOT NULL AND a.first_seen < :first))`;

/** Deletes the expired ads that are not on hold; the caller logs what this returns. */
export function purgeExpired(sql: Sql, theme: string, cutoff: RetentionCutoff):
  { ads: string[]; captures: string[]; blobs: string[]; held: number } {
  const params = { theme, last: cutoff.lastSeenBefore, first: cutoff.firstSeenBefore ?? null };
  const held = Number(sql(`SELECT count(*) AS n FROM ads a JOIN holds h ON h.ad_id = a.id WHERE ${EXPIRED}`).get(params)?.['n']);
  const ads = sql(`SELECT a.id, a.rid FROM ads a WHERE ${EXPIRED} AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.ad_id = a.id)
    ORDER BY a.id`).all(params) as unknown as { id: string; rid: number }[];
  const captures: string[] = [];
  const hashes = new Set<string>();
  for (const ad of ads) {
    for (const c of sql('SELECT id FROM captures WHERE ad_id = ? ORDER BY version').all(ad.id) as unknown as { id: string }[]) {
      captures.push(c.id);
      for (const a of sql('SELECT sha256 FROM capture_artefacts WHERE capture_id = ?').all(c.id) as unknown as { sha256: string }[]) {
        hashes.add(a.sha256);
      }
    }
    // The full-text index is contentless, so its words go by rowid; secure-delete erases them at once.
    sql('DELETE FROM ads_fts WHERE rowid = ?').run(ad.rid);
    // Cascades to captures, their artefact rows and lookups, sightings, list entries and links;
    // a trigger removes the search row.
    sql('DELETE FROM ads WHERE id = ?').run(ad.id);
  }
  const stillUsed = sql('SELECT 1 FROM capture_artefacts WHERE sha256 = ? LIMIT 1');
  const blobs = [...hashes].filter((h) => !stillUsed.get(h)).sort();
  return { ads: ads.map((a) => a.id), captures, blobs, held };
}

// Legal holds and the retention purge on PostgreSQL (holds in schema.postgres.ts). Placing and
// releasing a hold, and the purge's transaction with its custody entry, are in ../store-writes.ts.
import type { LegalHold, RetentionCutoff } from '../store.ts';
import type { Queryable } from './database.postgres.ts';

export interface HoldRow { ad_id: string; theme: string; case_number: string; held_by: string; held_at: string }

export const toHold = (r: HoldRow): LegalHold => ({ adId: r.ad_id, theme: r.theme, caseNumber: r.case_number, by: r.held_by, at: r.held_at });

export async function holds(db: Queryable, theme: string): Promise<LegalHold[]> {
  const { rows } = await db.query<HoldRow>('SELECT * FROM holds WHERE theme = $1 ORDER BY held_at, ad_id', [theme]);
  return rows.map(toHold);
}

const EXPIRED = 'a.theme = $1 AND (a.last_seen < $2 OR ($3::text IS NOT NULL AND a.first_seen < $3))';

/** Inside a transaction: deletes the expired ads that are not on hold; the caller logs what this returns. */
export async function purgeExpired(db: Queryable, theme: string, cutoff: RetentionCutoff):
  Promise<{ ads: string[]; captures: string[]; blobs: string[]; held: number }> {
  const params = [theme, cutoff.lastSeenBefore, cutoff.firstSeenBefore ?? null];
  const held = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ads a JOIN holds h ON h.ad_id = a.id WHERE ${EXPIRED}`, params)).rows[0]!.n;
  // Locked in id order, as markGone locks them: an ad seen again meanwhile waits, or is seen after the
  // purge as a new ad; one seen just before is no longer expired when its lock is granted.
  const ads = (await db.query<{ id: string }>(`
    SELECT a.id FROM ads a WHERE ${EXPIRED} AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.ad_id = a.id)
    ORDER BY a.id FOR UPDATE`, params)).rows.map((r) => r.id);
  if (ads.length === 0) return { ads, captures: [], blobs: [], held };
  const captures = (await db.query<{ id: string }>('SELECT id FROM captures WHERE ad_id = ANY($1) ORDER BY ad_id, version', [ads]))
    .rows.map((r) => r.id);
  const hashes = (await db.query<{ sha256: string }>('SELECT DISTINCT sha256 FROM capture_artefacts WHERE capture_id = ANY($1)', [captures]))
    .rows.map((r) => r.sha256);
  // Cascades to captures, their artefact rows and lookups, sightings, list entries and links; triggers
  // remove the search rows. The holds FK has no cascade: a held ad makes this fail, never vanish.
  await db.query('DELETE FROM ads WHERE id = ANY($1)', [ads]);
  const unused = await db.query<{ sha256: string }>(`
    SELECT h.sha256 FROM unnest($1::text[]) AS h (sha256)
    WHERE NOT EXISTS (SELECT 1 FROM capture_artefacts c WHERE c.sha256 = h.sha256)`, [hashes]);
  return { ads, captures, blobs: unused.rows.map((r) => r.sha256).sort(), held };
}

// The staging area and the network links on PostgreSQL (staged_ads and ad_links in schema.postgres.ts).
import type { AnalysisInput } from '../../domain/analysis-input.ts';
import type { AdFields } from '../../domain/ad.ts';
import type { Network, NetworkLink } from '../../domain/network.ts';
import type { StagedAd, StagingRun } from '../store.ts';
import type { Queryable } from './database.postgres.ts';

/** Advisory lock class (with hashtext of the theme) that serialises replacing one theme's links. */
const LINKS_LOCK = 0x6261_6b6c; // "bakl"

export async function stage(db: Queryable, ad: StagedAd, stagedAt: string, expiresAt: string): Promise<void> {
  await db.query(`
    INSERT INTO staged_ads (run_id, url, theme, owner, staged_at, expires_at, features, capture)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
    ON CONFLICT (run_id, url) DO UPDATE SET theme = EXCLUDED.theme, owner = EXCLUDED.owner, staged_at = EXCLUDED.staged_at,
      expires_at = EXCLUDED.expires_at, features = EXCLUDED.features, capture = EXCLUDED.capture`,
  [ad.runId, ad.url, ad.theme, ad.owner, stagedAt, expiresAt, JSON.stringify(ad.features), ad.capture]);
}

export async function stagedFeatures(db: Queryable, runId: string): Promise<{ url: string; features: AnalysisInput }[]> {
  // Byte order, as SQLite sorts, whatever the database's locale: the analysis sees the ads in one order.
  const { rows } = await db.query<{ url: string; features: AnalysisInput }>(
    'SELECT url, features FROM staged_ads WHERE run_id = $1 ORDER BY staged_at, url COLLATE "C"', [runId]);
  return rows.map((r) => ({ url: r.url, features: r.features }));
}

/** One statement, so two processes taking the same staged ad at once get it once between them. */
export async function takeStaged(db: Queryable, runId: string, url: string): Promise<Uint8Array | null> {
  const { rows } = await db.query<{ capture: Buffer }>('DELETE FROM staged_ads WHERE run_id = $1 AND url = $2 RETURNING capture', [runId, url]);
  return rows[0]?.capture ?? null;
}

/** Deletes the run's staged ads; returns the theme and how many there were. */
export async function purgeStaging(db: Queryable, runId: string): Promise<{ theme: string | null; count: number }> {
  const { rows } = await db.query<{ theme: string }>('DELETE FROM staged_ads WHERE run_id = $1 RETURNING theme', [runId]);
  return { theme: rows[0]?.theme ?? null, count: rows.length };
}

export async function stagingRuns(db: Queryable): Promise<StagingRun[]> {
  const { rows } = await db.query<{ run_id: string; theme: string; owner: string; expires_at: string; ads: number }>(`
    SELECT run_id, theme, owner, max(expires_at) AS expires_at, count(*) AS ads FROM staged_ads
    GROUP BY run_id, theme, owner ORDER BY run_id`);
  return rows.map((r) => ({ runId: r.run_id, theme: r.theme, owner: r.owner, expiresAt: r.expires_at, ads: r.ads }));
}

/** The latest capture of every kept ad of the theme, seen when the ad was last seen, and each earlier
 *  capture made since `since`, seen when it was captured. */
export async function keptFeatures(db: Queryable, theme: string, since: string): Promise<AnalysisInput[]> {
  const { rows } = await db.query<{ id: string; fields: AdFields; perceptual_hashes: string[]; seen: string }>(`
    SELECT a.id, c.fields, c.perceptual_hashes,
      CASE WHEN c.id = a.latest_capture_id THEN a.last_seen ELSE c.captured_at END AS seen
    FROM ads a JOIN captures c ON c.ad_id = a.id
    WHERE a.theme = $1 AND (c.id = a.latest_capture_id OR c.captured_at >= $2)
    ORDER BY a.id, c.version`, [theme, since]);
  return rows.map((r) => ({
    id: r.id, fields: r.fields, seen: r.seen, ...(r.perceptual_hashes.length > 0 ? { imageHashes: r.perceptual_hashes } : {}),
  }));
}

/** Inside a transaction. As SQLite's INSERT OR IGNORE, a link to an ad the theme does not keep, a
 *  duplicate, or one not ordered a < b is left out rather than refused. */
export async function replaceLinks(db: Queryable, theme: string, links: readonly NetworkLink[]): Promise<void> {
  // Two runs of a theme ending at once would otherwise leave the union of their links.
  await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LINKS_LOCK, theme]);
  await db.query('DELETE FROM ad_links WHERE theme = $1', [theme]);
  if (links.length === 0) return;
  await db.query(`
    INSERT INTO ad_links (theme, a, b, reason, value)
    SELECT $1, l.a, l.b, l.reason, l.value FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS l (a, b, reason, value)
    WHERE l.a < l.b AND (SELECT count(*) FROM ads WHERE theme = $1 AND id IN (l.a, l.b)) = 2
    ON CONFLICT DO NOTHING`,
  [theme, links.map((l) => l.a), links.map((l) => l.b), links.map((l) => l.reason), links.map((l) => l.value)]);
}

/** The ad's network from the stored links; null when the ad is not visible in these themes. */
export async function networkOf(db: Queryable, adId: string, themes: string[]): Promise<Network | null> {
  const ad = await db.query('SELECT 1 FROM ads WHERE id = $1 AND theme = ANY($2::text[])', [adId, themes]);
  if (ad.rowCount === 0) return null;
  // PostgreSQL allows one recursive reference, so each step follows a link from either end.
  const { rows } = await db.query<NetworkLink>(`
    WITH RECURSIVE member (id) AS (
      SELECT $1::text
      UNION SELECT CASE WHEN l.a = m.id THEN l.b ELSE l.a END FROM ad_links l JOIN member m ON m.id IN (l.a, l.b)
    )
    SELECT a, b, reason, value FROM ad_links WHERE a IN (SELECT id FROM member)
    ORDER BY a, b, reason, value COLLATE "C"`, [adId]);
  const ads = new Set([adId]);
  for (const l of rows) { ads.add(l.a); ads.add(l.b); }
  return { ads: [...ads].sort(), links: rows.map(({ a, b, reason, value }) => ({ a, b, reason, value })) };
}

/** The theme's kept ads that show the phone number, by index: in the phones field of any capture,
 *  or by a shared-phone link (which also reads a number written in words). */
export async function adsWithPhone(db: Queryable, theme: string, phone: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(`
    SELECT id FROM (
      SELECT c.ad_id AS id FROM capture_phones p JOIN captures c ON c.id = p.capture_id JOIN ads a ON a.id = c.ad_id
        WHERE p.phone = $2 AND a.theme = $1
      UNION SELECT a FROM ad_links WHERE value = $2 AND reason = 'shared-phone' AND theme = $1
      UNION SELECT b FROM ad_links WHERE value = $2 AND reason = 'shared-phone' AND theme = $1
    ) carrying ORDER BY id COLLATE "C"`, [theme, phone]);
  return rows.map((r) => r.id);
}

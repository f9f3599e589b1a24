// The staging area and the network links on SQLite (schema-analysis.sql.ts).
import type { StatementSync } from 'node:sqlite';
import type { AnalysisInput } from '../../domain/analysis-input.ts';
import type { Network, NetworkLink } from '../../domain/network.ts';
import type { StagedAd, StagingRun } from '../store.ts';

type Sql = (text: string) => StatementSync;

export function stage(sql: Sql, ad: StagedAd, stagedAt: string, expiresAt: string): void {
  sql(`
    INSERT OR REPLACE INTO staged_ads (run_id, url, theme, owner, staged_at, expires_at, features, capture)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(ad.runId, ad.url, ad.theme, ad.owner, stagedAt, expiresAt, JSON.stringify(ad.features), ad.capture);
}

export function stagedFeatures(sql: Sql, runId: string): { url: string; features: AnalysisInput }[] {
  const rows = sql('SELECT url, features FROM staged_ads WHERE run_id = ? ORDER BY staged_at, url').all(runId) as unknown as
    { url: string; features: string }[];
  return rows.map((r) => ({ url: r.url, features: JSON.parse(r.features) as AnalysisInput }));
}

export function takeStaged(sql: Sql, runId: string, url: string): Uint8Array | null {
  const row = sql('SELECT capture FROM staged_ads WHERE run_id = ? AND url = ?').get(runId, url) as { capture: Uint8Array } | undefined;
  if (!row) return null;
  sql('DELETE FROM staged_ads WHERE run_id = ? AND url = ?').run(runId, url);
  return row.capture;
}

/** Deletes the run's staged ads; returns the theme and how many there were. */
export function purgeStaging(sql: Sql, runId: string): { theme: string | null; count: number } {
  const row = sql('SELECT theme, count(*) AS n FROM staged_ads WHERE run_id = ? GROUP BY theme').get(runId) as
    { theme: string; n: number } | undefined;
  sql('DELETE FROM staged_ads WHERE run_id = ?').run(runId);
  return { theme: row?.theme ?? null, count: row?.n ?? 0 };
}

export function stagingRuns(sql: Sql): StagingRun[] {
  const rows = sql(`
    SELECT run_id, theme, owner, max(expires_at) AS expires_at, count(*) AS ads FROM staged_ads
    GROUP BY run_id, theme, owner ORDER BY run_id`).all() as unknown as
    { run_id: string; theme: string; owner: string; expires_at: string; ads: number }[];
  return rows.map((r) => ({ runId: r.run_id, theme: r.theme, owner: r.owner, expiresAt: r.expires_at, ads: r.ads }));
}

/** The latest capture of every kept ad of the theme, seen when the ad was last seen, and each earlier
 *  capture made since `since`, seen when it was captured. */
export function keptFeatures(sql: Sql, theme: string, since: string): AnalysisInput[] {
  const rows = sql(`
    SELECT a.id, c.fields, c.perceptual_hashes,
      CASE WHEN c.id = a.latest_capture_id THEN a.last_seen ELSE c.captured_at END AS seen
    FROM ads a JOIN captures c ON c.ad_id = a.id
    WHERE a.theme = :theme AND (c.id = a.latest_capture_id OR c.captured_at >= :since)
    ORDER BY a.id, c.version`).all({ theme, since }) as unknown as
    { id: string; fields: string; perceptual_hashes: string; seen: string }[];
  return rows.map((r) => {
    const imageHashes = JSON.parse(r.perceptual_hashes) as string[];
    return { id: r.id, fields: JSON.parse(r.fields), seen: r.seen, ...(imageHashes.length > 0 ? { imageHashes } : {}) };
  });
}

export function replaceLinks(sql: Sql, theme: string, links: readonly NetworkLink[]): void {
  sql('DELETE FROM ad_links WHERE theme = ?').run(theme);
  const insert = sql(`
    INSERT OR IGNORE INTO ad_links (theme, a, b, reason, value)
    SELECT :theme, :a, :b, :reason, :value
    WHERE (SELECT count(*) FROM ads WHERE theme = :theme AND id IN (:a, :b)) = 2`);
  for (const l of links) insert.run({ theme, a: l.a, b: l.b, reason: l.reason, value: l.value });
}

/** The ad's network from the stored links; null when the ad is not visible in these themes. */
export function networkOf(sql: Sql, adId: string, themes: string[]): Network | null {
  const ad = sql('SELECT 1 FROM ads WHERE id = :id AND theme IN (SELECT value FROM json_each(:themes))')
    .get({ id: adId, themes: JSON.stringify(themes) });
  if (!ad) return null;
  const links = sql(`
    WITH RECURSIVE member (id) AS (
      SELECT :id
      UNION SELECT l.b FROM ad_links l JOIN member m ON l.a = m.id
      UNION SELECT l.a FROM ad_links l JOIN member m ON l.b = m.id
    )
    SELECT a, b, reason, value FROM ad_links WHERE a IN (SELECT id FROM member)
    ORDER BY a, b, reason, value`).all({ id: adId }) as unknown as NetworkLink[];
  const ads = new Set([adId]);
  for (const l of links) { ads.add(l.a); ads.add(l.b); }
  return { ads: [...ads].sort(), links: links.map(({ a, b, reason, value }) => ({ a, b, reason, value })) };
}

/** The theme's kept ads that show the phone number, by index: in the phones field of any capture,
 *  or by a shared-phone link (which also reads a number written in words). */
export function adsWithPhone(sql: Sql, theme: string, phone: string): string[] {
  const rows = sql(`
    SELECT c.ad_id AS id FROM capture_phones p JOIN captures c ON c.id = p.capture_id JOIN ads a ON a.id = c.ad_id
      WHERE p.phone = :phone AND a.theme = :theme
    UNION SELECT a FROM ad_links WHERE value = :phone AND reason = 'shared-phone' AND theme = :theme
    UNION SELECT b FROM ad_links WHERE value = :phone AND reason = 'shared-phone' AND theme = :theme
    ORDER BY 1`).all({ theme, phone }) as unknown as { id: string }[];
  return rows.map((r) => r.id);
}

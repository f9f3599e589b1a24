// The retention purge of one theme (DESIGN.md §2.4, §2a.6; Wpg arts. 8, 9): kept ads past the theme's
// retention are erased, rows and files, unless they are on legal hold for a case.
import type { Theme } from '../config/schema.ts';
import { WRITE_GRACE_MS, type BlobStore, type PurgeResult, type RetentionCutoff, type RetentionStore } from '../store/store.ts';

const DAY_MS = 86_400_000;

export function retentionCutoff(retention: Theme['retention'], now: Date): RetentionCutoff {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const cutoff: RetentionCutoff = { lastSeenBefore: before(retention.keepDays) };
  if (retention.maxDays !== undefined) cutoff.firstSeenBefore = before(retention.maxDays);
  return cutoff;
}

/** Deletes the files no remaining capture refers to at once: a purge that left them would not be real.
 *  Except a file a crawl wrote again in the last minutes: that crawl is about to store an ad with the
 *  same bytes (a reused photo), and a later sweep (start-up, or the worker's daily purge) removes it if no
 *  row ends up naming it.
 *  `blobs` in the result: the files deleted. */
export async function purgeTheme(deps: { store: RetentionStore; blobs: BlobStore }, theme: Theme, now: Date): Promise<PurgeResult> {
  const result = await deps.store.purgeExpired(theme.id, retentionCutoff(theme.retention, now), now.toISOString());
  const writtenBefore = new Date(now.getTime() - WRITE_GRACE_MS);
  const deleted: string[] = [];
  for (const sha of result.blobs) if (await deps.blobs.delete(sha, writtenBefore)) deleted.push(sha);
  return { ...result, blobs: deleted };
}


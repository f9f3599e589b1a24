// The picture index on PostgreSQL (schema-image-hashes.postgres.ts), read for ../image-hash-search.ts.
import type { CaptureOfAd, ImageHashReads, StoredImageHash } from '../image-hash-search.ts';
import type { Queryable } from './database.postgres.ts';

// One lookup per band, each an index scan over the listed values.
const WITH_BANDS = [0, 1, 2, 3].map((b) => `SELECT capture_id, n, hash FROM capture_image_hashes WHERE band${b} = ANY($${b + 1}::text[])`).join(' UNION ALL ');

export function imageHashReads(db: Queryable): ImageHashReads {
  return {
    async withBands(bands) {
      const { rows } = await db.query<{ capture_id: string; n: number; hash: string }>(WITH_BANDS, bands);
      return rows.map((r): StoredImageHash => ({ captureId: r.capture_id, n: r.n, hash: r.hash }));
    },
    async captures(ids, themes) {
      const { rows } = await db.query<{ id: string; ad_id: string; theme: string; latest: boolean }>(
        `SELECT c.id, c.ad_id, a.theme, a.latest_capture_id = c.id AS latest FROM captures c JOIN ads a ON a.id = c.ad_id
        WHERE c.id = ANY($1::text[]) AND a.theme = ANY($2::text[])`, [ids, themes]);
      return rows.map((r): CaptureOfAd => ({ captureId: r.id, adId: r.ad_id, theme: r.theme, latest: r.latest }));
    },
  };
}

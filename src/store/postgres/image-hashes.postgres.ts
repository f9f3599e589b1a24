// The picture index on PostgreSQL (schema-image-hashes.postgres.ts), read for ../image-hash-search.ts.
import type { CaptureOfAd, ImageHashReads, StoredImageHash } from '../image-hash-search.ts';
import type { Queryable } from './database.postgres.ts';

// One statement, the four band indexes combined (BitmapOr), prepared once per connection: measured
// on 20,000 hashes under load, planning each call and a UNION ALL of four lookups (which the planner
// ran with parallel workers) took 30 times longer.
const WITH_BANDS = `SELECT capture_id, n, hash FROM capture_image_hashes WHERE ${[0, 1, 2, 3].map((b) => `band${b} = ANY($${b + 1}::text[])`).join(' OR ')}`;
const CAPTURES = `SELECT c.id, c.ad_id, a.theme, a.latest_capture_id = c.id AS latest FROM captures c JOIN ads a ON a.id = c.ad_id
  WHERE c.id = ANY($1::text[]) AND a.theme = ANY($2::text[])`;

export function imageHashReads(db: Queryable): ImageHashReads {
  return {
    async withBands(bands) {
      const { rows } = await db.query<{ capture_id: string; n: number; hash: string }>({ name: 'baken-image-bands', text: WITH_BANDS, values: bands });
      return rows.map((r): StoredImageHash => ({ captureId: r.capture_id, n: r.n, hash: r.hash }));
    },
    async captures(ids, themes) {
      const { rows } = await db.query<{ id: string; ad_id: string; theme: string; latest: boolean }>({ name: 'baken-image-captures', text: CAPTURES, values: [ids, themes] });
      return rows.map((r): CaptureOfAd => ({ captureId: r.id, adId: r.ad_id, theme: r.theme, latest: r.latest }));
    },
  };
}

// The picture index on SQLite (schema-image-hashes.sql.ts), read for ../image-hash-search.ts.
import type { StatementSync } from 'node:sqlite';
import type { CaptureOfAd, ImageHashReads, StoredImageHash } from '../image-hash-search.ts';

type Sql = (text: string) => StatementSync;

// One statement per band, each an index lookup per listed value; the lists travel as JSON arrays.
const WITH_BANDS = [0, 1, 2, 3].map((b) => `SELECT capture_id, n, hash FROM capture_image_hashes WHERE band${b} IN (SELECT value FROM json_each(?))`).join(' UNION ALL ');

export function imageHashReads(sql: Sql): ImageHashReads {
  return {
    async withBands(bands) {
      const rows = sql(WITH_BANDS).all(...bands.map((values) => JSON.stringify(values))) as unknown as { capture_id: string; n: number; hash: string }[];
      return rows.map((r): StoredImageHash => ({ captureId: r.capture_id, n: r.n, hash: r.hash }));
    },
    async captures(ids, themes) {
      const rows = sql(`SELECT c.id, c.ad_id, a.theme, a.latest_capture_id = c.id AS latest FROM captures c JOIN ads a ON a.id = c.ad_id
        WHERE c.id IN (SELECT value FROM json_each(?)) AND a.theme IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(ids), JSON.stringify(themes)) as unknown as { id: string; ad_id: string; theme: string; latest: number }[];
      return rows.map((r): CaptureOfAd => ({ captureId: r.id, adId: r.ad_id, theme: r.theme, latest: r.latest === 1 }));
    },
  };
}

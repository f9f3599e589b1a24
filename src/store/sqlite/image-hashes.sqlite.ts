// The picture index on SQLite (schema-image-hashes.sql.ts), read for ../image-hash-search.ts.
import type { StatementSync } from 'node:sqlite';
import type { ImageHashReads, StoredPicture } from '../image-hash-search.ts';

type Sql = (text: string) => StatementSync;

// One statement, an index lookup per listed value in each band's covering index; the lists travel as
// JSON arrays. Rows come back as arrays: building an object per candidate cost a third of the query.
const WITH_BANDS = [0, 1, 2, 3].map((b) => `SELECT hash FROM capture_image_hashes WHERE band${b} IN (SELECT value FROM json_each(?))`).join(' UNION ALL ');
// Each hash looked up by its first band and itself, the key of capture_image_hashes_band0.
const PICTURES = `SELECT h.capture_id, c.ad_id, a.theme, a.latest_capture_id = c.id AS latest, h.n, h.hash
  FROM json_each(?) q JOIN capture_image_hashes h ON h.band0 = substr(q.value, 1, 4) AND h.hash = q.value
  JOIN captures c ON c.id = h.capture_id JOIN ads a ON a.id = c.ad_id
  WHERE a.theme IN (SELECT value FROM json_each(?))`;

export function imageHashReads(sql: Sql): ImageHashReads {
  return {
    async hashesWithBands(bands) {
      const statement = sql(WITH_BANDS);
      statement.setReturnArrays(true);
      return (statement.all(...bands.map((values) => JSON.stringify(values))) as unknown as [string][]).map((r) => r[0]);
    },
    async pictures(hashes, themes) {
      const rows = sql(PICTURES).all(JSON.stringify(hashes), JSON.stringify(themes)) as unknown as
        { capture_id: string; ad_id: string; theme: string; latest: number; n: number; hash: string }[];
      return rows.map((r): StoredPicture => ({ captureId: r.capture_id, adId: r.ad_id, theme: r.theme, latest: r.latest === 1, n: r.n, hash: r.hash }));
    },
  };
}

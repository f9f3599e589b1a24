// The picture index on PostgreSQL (schema-image-hashes.postgres.ts), read for ../image-hash-search.ts.
import type { ImageHashReads, StoredPicture } from '../image-hash-search.ts';
import type { Queryable } from './database.postgres.ts';

// One statement, prepared once per connection (planning each call cost more than the lookups): an
// index-only scan of each band's index (band, hash) for its listed values, answering only the hashes
// within the distance (bit_count of the XOR, PostgreSQL 14+), not the ≈ 8,000 candidates a query within
// 10 bits has at 1,000,000 hashes. Four bands OR-ed into one bitmap scan instead visited a table page
// for each candidate.
const WITH_BANDS = [0, 1, 2, 3].map((b) => `SELECT hash FROM capture_image_hashes WHERE band${b} = ANY($${b + 1}::text[])
  AND bit_count(('x' || hash)::bit(64) # ('x' || $5::text)::bit(64)) <= $6`).join(' UNION ALL ');
// Each hash looked up by its first band and itself, the key of capture_image_hashes_band0.
const PICTURES = `SELECT h.capture_id, c.ad_id, a.theme, a.latest_capture_id = c.id AS latest, h.n, h.hash
  FROM unnest($1::text[]) q (hash) JOIN capture_image_hashes h ON h.band0 = substr(q.hash, 1, 4) AND h.hash = q.hash
  JOIN captures c ON c.id = h.capture_id JOIN ads a ON a.id = c.ad_id
  WHERE a.theme = ANY($2::text[])`;

export function imageHashReads(db: Queryable): ImageHashReads {
  return {
    async hashesWithBands(bands, hash, maxDistance) {
      const { rows } = await db.query<[string]>({ name: 'baken-image-bands', text: WITH_BANDS, values: [...bands, hash, maxDistance], rowMode: 'array' });
      return rows.map((r) => r[0]);
    },
    async pictures(hashes, themes) {
      const { rows } = await db.query<{ capture_id: string; ad_id: string; theme: string; latest: boolean; n: number; hash: string }>(
        { name: 'baken-image-pictures', text: PICTURES, values: [hashes, themes] });
      return rows.map((r): StoredPicture => ({ captureId: r.capture_id, adId: r.ad_id, theme: r.theme, latest: r.latest, n: r.n, hash: r.hash }));
    },
  };
}

// The index of stored pictures by perceptual hash, as in src/store/sqlite/schema-image-hashes.sql.ts.
// Appended to MIGRATIONS in schema.postgres.ts.
export const IMAGE_HASHES_MIGRATION = `
CREATE TABLE capture_image_hashes (
  capture_id text NOT NULL REFERENCES captures (id) ON DELETE CASCADE,
  n integer NOT NULL CHECK (n >= 0),
  hash text NOT NULL CHECK (length(hash) = 16),
  band0 text NOT NULL,
  band1 text NOT NULL,
  band2 text NOT NULL,
  band3 text NOT NULL,
  PRIMARY KEY (capture_id, n)
);
CREATE INDEX capture_image_hashes_band0 ON capture_image_hashes (band0);
CREATE INDEX capture_image_hashes_band1 ON capture_image_hashes (band1);
CREATE INDEX capture_image_hashes_band2 ON capture_image_hashes (band2);
CREATE INDEX capture_image_hashes_band3 ON capture_image_hashes (band3);
CREATE FUNCTION baken_capture_image_hashes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO capture_image_hashes (capture_id, n, hash, band0, band1, band2, band3)
    SELECT NEW.id, h.n - 1, h.hash, substr(h.hash, 1, 4), substr(h.hash, 5, 4), substr(h.hash, 9, 4), substr(h.hash, 13, 4)
    FROM json_array_elements_text(NEW.perceptual_hashes) WITH ORDINALITY AS h (hash, n);
  RETURN NULL;
END $$;
CREATE TRIGGER captures_image_hashes AFTER INSERT ON captures FOR EACH ROW EXECUTE FUNCTION baken_capture_image_hashes();
INSERT INTO capture_image_hashes (capture_id, n, hash, band0, band1, band2, band3)
  SELECT c.id, h.n - 1, h.hash, substr(h.hash, 1, 4), substr(h.hash, 5, 4), substr(h.hash, 9, 4), substr(h.hash, 13, 4)
  FROM captures c, json_array_elements_text(c.perceptual_hashes) WITH ORDINALITY AS h (hash, n);
`;

// Appended after STANDING_SEARCHES_MIGRATION, as in ../sqlite/schema-image-hashes.sql.ts: each band
// index carries the hash, so a search reads its candidates by index-only scans instead of visiting a
// table page for each of them (≈ 8,000 per query within 10 bits at 1,000,000 hashes).
export const IMAGE_HASH_BANDS_COVERING_MIGRATION = [0, 1, 2, 3].map((b) => `
DROP INDEX capture_image_hashes_band${b};
CREATE INDEX capture_image_hashes_band${b} ON capture_image_hashes (band${b}, hash);`).join('');

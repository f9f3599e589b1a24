// The cross-ad analysis in the store: the staging area of a run (DESIGN.md §2.3), the perceptual
// hashes later runs compare new pictures with, and the links between kept ads that networks are made of.
export const ANALYSIS_MIGRATION = `
ALTER TABLE captures ADD COLUMN perceptual_hashes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(perceptual_hashes));

-- Ads that cannot be judged before the run is over. Purged when the run ends, and on start-up when
-- the run was abandoned (its process is gone) or the window is over; secure_delete overwrites them.
CREATE TABLE staged_ads (
  run_id TEXT NOT NULL REFERENCES runs (id),
  url TEXT NOT NULL,
  theme TEXT NOT NULL,
  owner TEXT NOT NULL,
  staged_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  features TEXT NOT NULL CHECK (json_valid(features)),
  capture BLOB NOT NULL,
  PRIMARY KEY (run_id, url)
) STRICT, WITHOUT ROWID;

-- Why two kept ads of one theme belong together; a network is what these links connect. Recomputed
-- for the theme at the end of every run, and gone with either ad.
CREATE TABLE ad_links (
  theme TEXT NOT NULL,
  a TEXT NOT NULL REFERENCES ads (id) ON DELETE CASCADE,
  b TEXT NOT NULL REFERENCES ads (id) ON DELETE CASCADE,
  reason TEXT NOT NULL CHECK (reason IN ('shared-phone', 'shared-image', 'template-text')),
  value TEXT NOT NULL,
  PRIMARY KEY (a, b, reason, value),
  CHECK (a < b)
) STRICT, WITHOUT ROWID;
CREATE INDEX ad_links_by_b ON ad_links (b);
CREATE INDEX ad_links_by_theme ON ad_links (theme);
`;

// Appended after the picture index's covering bands. An entity page of a phone number reads the
// links that carry it (shared-phone, the number as value) by this index rather than every link of the theme.
export const LINKS_BY_VALUE_MIGRATION = 'CREATE INDEX ad_links_by_value ON ad_links (value, reason);';

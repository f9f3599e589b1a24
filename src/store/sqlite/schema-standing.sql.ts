// Standing searches and their hits (src/store/standing-searches.ts). Appended to MIGRATIONS in
// schema.sql.ts. A purged ad leaves every inbox (ON DELETE CASCADE): retention wins over a hit; a
// user removed takes their searches along.

export const STANDING_SEARCHES_MIGRATION = `
CREATE TABLE standing_searches (
  id TEXT PRIMARY KEY NOT NULL,
  owner TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  theme TEXT NOT NULL,
  name TEXT NOT NULL,
  query TEXT NOT NULL CHECK (json_valid(query) AND json_type(query) = 'object'),
  justification TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX standing_searches_by_owner ON standing_searches (owner, created_at);
CREATE INDEX standing_searches_by_theme ON standing_searches (theme, expires_at);

CREATE TABLE standing_hits (
  search_id TEXT NOT NULL REFERENCES standing_searches (id) ON DELETE CASCADE,
  ad_id TEXT NOT NULL REFERENCES ads (id) ON DELETE CASCADE,
  run_id TEXT NOT NULL,
  found_at TEXT NOT NULL,
  seen_at TEXT,
  PRIMARY KEY (search_id, ad_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX standing_hits_by_ad ON standing_hits (ad_id);
`;

// Standing searches and their hits, as in src/store/sqlite/schema-standing.sql.ts. Appended to
// MIGRATIONS in schema.postgres.ts.

export const STANDING_SEARCHES_MIGRATION = `
CREATE TABLE standing_searches (
  id text PRIMARY KEY,
  owner text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  theme text NOT NULL,
  name text NOT NULL,
  query json NOT NULL CHECK (json_typeof(query) = 'object'),
  justification text NOT NULL,
  created_at text NOT NULL,
  expires_at text NOT NULL
);
CREATE INDEX standing_searches_by_owner ON standing_searches (owner, created_at);
CREATE INDEX standing_searches_by_theme ON standing_searches (theme, expires_at);

CREATE TABLE standing_hits (
  search_id text NOT NULL REFERENCES standing_searches (id) ON DELETE CASCADE,
  ad_id text NOT NULL REFERENCES ads (id) ON DELETE CASCADE,
  run_id text NOT NULL,
  found_at text NOT NULL,
  seen_at text,
  PRIMARY KEY (search_id, ad_id)
);
CREATE INDEX standing_hits_by_ad ON standing_hits (ad_id);
`;

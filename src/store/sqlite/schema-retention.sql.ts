// Legal holds (DESIGN.md §2.4, Wpg arts. 8, 9): an ad linked to a case by an expert is exempt from
// the retention purge until released. Appended to MIGRATIONS in schema.sql.ts.
export const RETENTION_MIGRATION = `
-- No ON DELETE CASCADE: the schema itself refuses to delete an ad on hold, whatever the code does.
CREATE TABLE holds (
  ad_id TEXT PRIMARY KEY NOT NULL REFERENCES ads (id),
  theme TEXT NOT NULL,
  case_number TEXT NOT NULL CHECK (length(trim(case_number)) > 0),
  held_by TEXT NOT NULL CHECK (length(trim(held_by)) > 0),
  held_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX holds_by_theme ON holds (theme);
CREATE INDEX ads_by_first_seen ON ads (theme, first_seen);
`;

// Inspection lists (issue 14, src/store/inspections.ts). Appended to MIGRATIONS in schema.sql.ts. An
// entry goes with its ad when retention purges it, note and all, as a list entry does.

export const INSPECTIONS_MIGRATION = `
CREATE TABLE inspection_entries (
  theme TEXT NOT NULL,
  municipality TEXT NOT NULL,
  ad_id TEXT NOT NULL REFERENCES ads (id) ON DELETE CASCADE,
  added_at TEXT NOT NULL,
  criteria TEXT NOT NULL CHECK (json_valid(criteria) AND json_type(criteria) = 'array'),
  selected INTEGER NOT NULL CHECK (selected IN (0, 1)),
  planned_for TEXT,
  outcome TEXT CHECK (outcome IN ('visited', 'licensed', 'not-found', 'closed', 'referred-to-police')),
  outcome_at TEXT,
  outcome_by TEXT,
  note TEXT,
  CHECK ((outcome IS NULL) = (outcome_at IS NULL) AND (outcome IS NULL) = (outcome_by IS NULL)),
  PRIMARY KEY (theme, municipality, ad_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX inspection_entries_by_ad ON inspection_entries (ad_id);
CREATE INDEX inspection_entries_by_outcome ON inspection_entries (theme, outcome, outcome_at);
`;

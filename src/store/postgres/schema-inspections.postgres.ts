// Inspection lists (issue 14), as in src/store/sqlite/schema-inspections.sql.ts. Appended to
// MIGRATIONS in schema.postgres.ts.

export const INSPECTIONS_MIGRATION = `
CREATE TABLE inspection_entries (
  theme text NOT NULL,
  municipality text NOT NULL,
  ad_id text NOT NULL REFERENCES ads (id) ON DELETE CASCADE,
  added_at text NOT NULL,
  criteria json NOT NULL CHECK (json_typeof(criteria) = 'array'),
  selected boolean NOT NULL,
  planned_for text,
  outcome text CHECK (outcome IN ('visited', 'licensed', 'not-found', 'closed', 'referred-to-police')),
  outcome_at text,
  outcome_by text,
  note text,
  CHECK ((outcome IS NULL) = (outcome_at IS NULL) AND (outcome IS NULL) = (outcome_by IS NULL)),
  PRIMARY KEY (theme, municipality, ad_id)
);
CREATE INDEX inspection_entries_by_ad ON inspection_entries (ad_id);
CREATE INDEX inspection_entries_by_outcome ON inspection_entries (theme, outcome, outcome_at);
`;

// Export requests (issue 13), as in src/store/sqlite/schema-exports.sql.ts. Appended to MIGRATIONS
// in schema.postgres.ts; the kind is not constrained, so a new kind of export needs no migration.

export const EXPORT_REQUESTS_MIGRATION = `
CREATE TABLE export_requests (
  id text PRIMARY KEY,
  kind text NOT NULL,
  theme text NOT NULL,
  subject text,
  params json NOT NULL CHECK (json_typeof(params) = 'object'),
  justification text NOT NULL,
  requested_by text NOT NULL,
  requested_at text NOT NULL,
  state text NOT NULL CHECK (state IN ('requested', 'approved', 'refused', 'downloaded')),
  decided_by text,
  decided_at text,
  reason text,
  downloaded_at text,
  sha256 text,
  CHECK ((state = 'requested') = (decided_by IS NULL)),
  CHECK ((state = 'downloaded') = (sha256 IS NOT NULL))
);
CREATE INDEX export_requests_by_theme ON export_requests (theme, state, requested_at);
`;

// Export requests (issue 13): what was asked to leave, who decided, and what left. Appended to
// MIGRATIONS in schema.sql.ts. The kind is not constrained here: a new kind of export (the PV) is an
// entry in the service's registry, not a migration.

export const EXPORT_REQUESTS_MIGRATION = `
CREATE TABLE export_requests (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL,
  theme TEXT NOT NULL,
  subject TEXT,
  params TEXT NOT NULL CHECK (json_valid(params) AND json_type(params) = 'object'),
  justification TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'refused', 'downloaded')),
  decided_by TEXT,
  decided_at TEXT,
  reason TEXT,
  downloaded_at TEXT,
  sha256 TEXT,
  CHECK ((state = 'requested') = (decided_by IS NULL)),
  CHECK ((state = 'downloaded') = (sha256 IS NOT NULL))
) STRICT;
CREATE INDEX export_requests_by_theme ON export_requests (theme, state, requested_at);
`;

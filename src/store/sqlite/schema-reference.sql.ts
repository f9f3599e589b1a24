// Reference data (issue 14): a theme's imported registers, each file a version, its rows as JSON in
// file order. Appended to MIGRATIONS in schema.sql.ts.

export const REFERENCE_DATA_MIGRATION = `
CREATE TABLE reference_versions (
  theme TEXT NOT NULL,
  kind TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (theme, kind)
) STRICT;
CREATE TABLE reference_imports (
  id TEXT PRIMARY KEY NOT NULL,
  theme TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('licences', 'kvk', 'reports')),
  version INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  rows INTEGER NOT NULL,
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (theme, kind, version)
) STRICT;
CREATE TABLE reference_rows (
  import_id TEXT NOT NULL REFERENCES reference_imports (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  data TEXT NOT NULL CHECK (json_valid(data)),
  PRIMARY KEY (import_id, position)
) STRICT, WITHOUT ROWID;
`;

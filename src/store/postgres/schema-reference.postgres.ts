// Reference data (issue 14), as in src/store/sqlite/schema-reference.sql.ts. Appended to MIGRATIONS
// in schema.postgres.ts.

export const REFERENCE_DATA_MIGRATION = `
CREATE TABLE reference_versions (
  theme text NOT NULL,
  kind text NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (theme, kind)
);
CREATE TABLE reference_imports (
  id text PRIMARY KEY,
  theme text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('licences', 'kvk', 'reports')),
  version integer NOT NULL,
  file_name text NOT NULL,
  sha256 text NOT NULL,
  rows integer NOT NULL,
  imported_by text NOT NULL,
  imported_at text NOT NULL,
  UNIQUE (theme, kind, version)
);
CREATE TABLE reference_rows (
  import_id text NOT NULL REFERENCES reference_imports (id) ON DELETE CASCADE,
  position integer NOT NULL,
  data json NOT NULL,
  PRIMARY KEY (import_id, position)
);
`;

// The configuration's versions (src/store/config-versions.ts). Appended to MIGRATIONS in schema.sql.ts.
export const CONFIG_MIGRATION = `
CREATE TABLE config_versions (
  number INTEGER PRIMARY KEY NOT NULL CHECK (number >= 1),
  files TEXT NOT NULL CHECK (json_valid(files)),
  by_name TEXT NOT NULL,
  at TEXT NOT NULL,
  reason TEXT NOT NULL
) STRICT;
`;

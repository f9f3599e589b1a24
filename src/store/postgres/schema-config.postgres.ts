// The configuration's versions, as in src/store/sqlite/schema-config.sql.ts. Appended to MIGRATIONS
// in schema.postgres.ts.
export const CONFIG_MIGRATION = `
CREATE TABLE config_versions (
  number integer PRIMARY KEY CHECK (number >= 1),
  files text NOT NULL,
  by_name text NOT NULL,
  at text NOT NULL,
  reason text NOT NULL
);
`;

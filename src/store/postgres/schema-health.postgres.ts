// Per-source health, as in src/store/sqlite/schema-health.sql.ts. Appended to MIGRATIONS in
// schema.postgres.ts.

export const HEALTH_MIGRATION = `
CREATE TABLE run_yields (
  run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  source text NOT NULL,
  complete integer NOT NULL DEFAULT 0 CHECK (complete >= 0),
  partial integer NOT NULL DEFAULT 0 CHECK (partial >= 0),
  empty integer NOT NULL DEFAULT 0 CHECK (empty >= 0),
  PRIMARY KEY (run_id, source)
);

CREATE TABLE source_alerts (
  run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  theme text NOT NULL,
  source text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('yield-drop')),
  yield double precision NOT NULL CHECK (yield BETWEEN 0 AND 1),
  baseline double precision CHECK (baseline BETWEEN 0 AND 1),
  floor double precision NOT NULL CHECK (floor BETWEEN 0 AND 1),
  raised_at text NOT NULL,
  PRIMARY KEY (run_id, source, kind)
);
CREATE INDEX source_alerts_by_theme ON source_alerts (theme, raised_at);
`;

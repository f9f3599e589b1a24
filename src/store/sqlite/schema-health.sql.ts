// Per-source health (src/store/store.ts HealthStore). Appended to MIGRATIONS in schema.sql.ts. Counts
// and shares only: what the extractor found on a run's ad pages, and the alerts raised when it dropped.

export const HEALTH_MIGRATION = `
CREATE TABLE run_yields (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  complete INTEGER NOT NULL DEFAULT 0 CHECK (complete >= 0),
  partial INTEGER NOT NULL DEFAULT 0 CHECK (partial >= 0),
  empty INTEGER NOT NULL DEFAULT 0 CHECK (empty >= 0),
  PRIMARY KEY (run_id, source)
) STRICT, WITHOUT ROWID;

CREATE TABLE source_alerts (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  theme TEXT NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('yield-drop')),
  yield REAL NOT NULL CHECK (yield BETWEEN 0 AND 1),
  baseline REAL CHECK (baseline BETWEEN 0 AND 1),
  floor REAL NOT NULL CHECK (floor BETWEEN 0 AND 1),
  raised_at TEXT NOT NULL,
  PRIMARY KEY (run_id, source, kind)
) STRICT, WITHOUT ROWID;
CREATE INDEX source_alerts_by_theme ON source_alerts (theme, raised_at);
`;

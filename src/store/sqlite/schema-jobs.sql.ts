// The job queue of the embedded default (src/jobs/job-queue.ts). Appended to MIGRATIONS in schema.sql.ts.
export const JOBS_MIGRATION = `
-- One job per schedule and slot, however many workers plan it. result and error hold counts and
-- reasons, never ad content.
CREATE TABLE jobs (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('crawl', 'purge')),
  theme TEXT NOT NULL,
  source TEXT,
  schedule TEXT NOT NULL,
  slot TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  queued_at TEXT NOT NULL,
  not_before TEXT NOT NULL,
  worker TEXT,
  started_at TEXT,
  heartbeat_at TEXT,
  finished_at TEXT,
  result TEXT CHECK (result IS NULL OR json_valid(result)),
  error TEXT,
  UNIQUE (schedule, slot)
) STRICT;
CREATE INDEX jobs_waiting ON jobs (state, not_before);
CREATE INDEX jobs_by_queued ON jobs (queued_at);
`;

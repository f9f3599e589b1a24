// The crawl frontier of the embedded default (src/crawl/frontier.ts). Appended to MIGRATIONS in
// schema.sql.ts. Times are milliseconds since the epoch: a lease compares and adds them.
export const FRONTIER_MIGRATION = `
CREATE TABLE frontier_runs (
  run_id TEXT PRIMARY KEY NOT NULL,
  theme TEXT NOT NULL,
  source TEXT,
  job_id TEXT,
  owner TEXT,
  state TEXT NOT NULL CHECK (state IN ('open', 'settled')),
  settle_worker TEXT,
  settle_until INTEGER
) STRICT;
-- The next moment each host may be visited, by any worker.
CREATE TABLE frontier_hosts (
  host TEXT PRIMARY KEY NOT NULL,
  next_at INTEGER NOT NULL
) STRICT;
-- market holds an ad's city and prices only, never its text.
CREATE TABLE frontier_pages (
  seq INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES frontier_runs (run_id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  host TEXT NOT NULL REFERENCES frontier_hosts (host),
  kind TEXT NOT NULL CHECK (kind IN ('list', 'ad')),
  delay_ms INTEGER NOT NULL CHECK (delay_ms >= 0),
  max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
  state TEXT NOT NULL CHECK (state IN ('pending', 'leased', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  not_before INTEGER NOT NULL DEFAULT 0,
  worker TEXT,
  leased_at INTEGER,
  lease_until INTEGER,
  outcome TEXT CHECK (outcome IN ('kept', 'deleted', 'staged', 'listed')),
  market TEXT CHECK (market IS NULL OR json_valid(market)),
  complete INTEGER,
  cause TEXT,
  UNIQUE (run_id, url)
) STRICT;
CREATE INDEX frontier_runs_by_job ON frontier_runs (job_id, state);
CREATE INDEX frontier_pages_waiting ON frontier_pages (state, host);
CREATE INDEX frontier_pages_by_run ON frontier_pages (run_id, state);
`;

// The crawl frontier in PostgreSQL (src/crawl/frontier.ts), as in the SQLite schema
// (src/store/sqlite/schema-frontier.sql.ts). Times are milliseconds since the epoch.
export const FRONTIER_MIGRATION = `
CREATE TABLE frontier_runs (
  run_id text PRIMARY KEY,
  theme text NOT NULL,
  source text,
  job_id text,
  owner text,
  state text NOT NULL CHECK (state IN ('open', 'settled')),
  settle_worker text,
  settle_until bigint
);
CREATE TABLE frontier_hosts (
  host text PRIMARY KEY,
  next_at bigint NOT NULL
);
CREATE TABLE frontier_pages (
  seq bigserial PRIMARY KEY,
  run_id text NOT NULL REFERENCES frontier_runs (run_id) ON DELETE CASCADE,
  source text NOT NULL,
  url text NOT NULL,
  host text NOT NULL REFERENCES frontier_hosts (host),
  kind text NOT NULL CHECK (kind IN ('list', 'ad')),
  delay_ms integer NOT NULL CHECK (delay_ms >= 0),
  max_attempts integer NOT NULL CHECK (max_attempts >= 1),
  state text NOT NULL CHECK (state IN ('pending', 'leased', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  not_before bigint NOT NULL DEFAULT 0,
  worker text,
  leased_at bigint,
  lease_until bigint,
  outcome text CHECK (outcome IN ('kept', 'deleted', 'staged', 'listed')),
  market json,
  complete boolean,
  cause text,
  UNIQUE (run_id, url)
);
CREATE INDEX frontier_runs_by_job ON frontier_runs (job_id, state);
CREATE INDEX frontier_pages_waiting ON frontier_pages (state, host);
CREATE INDEX frontier_pages_by_run ON frontier_pages (run_id, state);
`;

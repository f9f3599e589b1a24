// The SQLite schema. `PRAGMA user_version` holds SCHEMA_VERSION; a later change appends a migration
// to MIGRATIONS instead of editing version 1, so existing data directories upgrade in place.
import { ANALYSIS_MIGRATION, LINKS_BY_VALUE_MIGRATION } from './schema-analysis.sql.ts';
import { API_MIGRATION, API_SEARCH_MIGRATION, SEARCH_CHANGES_MIGRATION, SESSION_JUSTIFICATION_MIGRATION, TOKEN_APPROVAL_MIGRATION,
  USER_APPROVAL_MIGRATION, LIST_NOTES_MIGRATION } from './schema-api.sql.ts';
import { EXPORT_REQUESTS_MIGRATION } from './schema-exports.sql.ts';
import { CONFIG_MIGRATION } from './schema-config.sql.ts';
import { HEALTH_MIGRATION } from './schema-health.sql.ts';
import { IMAGE_HASH_BANDS_COVERING_MIGRATION, IMAGE_HASHES_MIGRATION } from './schema-image-hashes.sql.ts';
import { INSPECTIONS_MIGRATION } from './schema-inspections.sql.ts';
import { JOBS_MIGRATION } from './schema-jobs.sql.ts';
import { FRONTIER_MIGRATION } from './schema-frontier.sql.ts';
import { REFERENCE_DATA_MIGRATION } from './schema-reference.sql.ts';
import { RETENTION_MIGRATION } from './schema-retention.sql.ts';
import { STANDING_SEARCHES_MIGRATION } from './schema-standing.sql.ts';

const VERSION_1 = `
-- What survives of a run after minimisation: counts, never content.
CREATE TABLE runs (
  id TEXT PRIMARY KEY NOT NULL,
  theme TEXT NOT NULL,
  source TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  software_version TEXT NOT NULL,
  captured INTEGER NOT NULL DEFAULT 0 CHECK (captured >= 0),
  kept INTEGER NOT NULL DEFAULT 0 CHECK (kept >= 0),
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted >= 0),
  failed INTEGER NOT NULL DEFAULT 0 CHECK (failed >= 0)
) STRICT;
CREATE INDEX runs_by_theme ON runs (theme, started_at);

-- Pages a run could not capture, so operators see what was missed.
CREATE TABLE run_failures (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  n INTEGER NOT NULL,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  reason TEXT NOT NULL,
  attempts INTEGER NOT NULL CHECK (attempts >= 1),
  PRIMARY KEY (run_id, n)
) STRICT, WITHOUT ROWID;

-- rid is the ad's rowid in ads_fts; an INTEGER PRIMARY KEY keeps it stable through VACUUM.
CREATE TABLE ads (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  theme TEXT NOT NULL,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  latest_capture_id TEXT NOT NULL REFERENCES captures (id) DEFERRABLE INITIALLY DEFERRED,
  UNIQUE (theme, url)
) STRICT;
CREATE INDEX ads_by_theme ON ads (theme, last_seen);

CREATE TABLE captures (
  id TEXT PRIMARY KEY NOT NULL,
  ad_id TEXT NOT NULL REFERENCES ads (id) ON DELETE CASCADE,
  run_id TEXT NOT NULL REFERENCES runs (id),
  captured_at TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  content_hash TEXT NOT NULL,
  meta TEXT NOT NULL CHECK (json_valid(meta)),
  fields TEXT NOT NULL CHECK (json_valid(fields)),
  city_key TEXT,
  score REAL NOT NULL,
  hits TEXT NOT NULL CHECK (json_valid(hits)),
  UNIQUE (ad_id, version)
) STRICT;

CREATE TABLE capture_artefacts (
  capture_id TEXT NOT NULL REFERENCES captures (id) ON DELETE CASCADE,
  n INTEGER NOT NULL CHECK (n >= 0),
  kind TEXT NOT NULL CHECK (kind IN ('html', 'screenshot', 'image')),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  mime TEXT NOT NULL,
  bytes INTEGER NOT NULL CHECK (bytes >= 0),
  url TEXT,
  PRIMARY KEY (capture_id, n)
) STRICT, WITHOUT ROWID;
CREATE INDEX capture_artefacts_by_sha256 ON capture_artefacts (sha256);

CREATE TABLE sightings (
  ad_id TEXT NOT NULL REFERENCES ads (id) ON DELETE CASCADE,
  run_id TEXT NOT NULL REFERENCES runs (id),
  seen_at TEXT NOT NULL
) STRICT;
CREATE INDEX sightings_by_ad ON sightings (ad_id);

-- The latest capture of each ad, rowid = ads.rid. Contentless: the text lives once, in captures.
-- FTS5 'secure-delete' removes a deleted ad's words from the index at once instead of leaving
-- them in old segments until a merge; deletes must be real (Wpg art. 8).
CREATE VIRTUAL TABLE ads_fts USING fts5 (
  title, text, alias, city,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO ads_fts (ads_fts, rank) VALUES ('secure-delete', 1);
`;

// Append-only, hash-chained logs: the custody log of evidence and the audit trail. Triggers refuse
// updates and deletes, so the chain can only grow; verify still recomputes every hash.
const VERSION_2 = `
CREATE TABLE log_entries (
  log TEXT NOT NULL CHECK (log IN ('custody', 'audit')),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  at TEXT NOT NULL,
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL CHECK (length(hash) = 64),
  body TEXT NOT NULL CHECK (json_valid(body)),
  PRIMARY KEY (log, seq)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER log_entries_no_update BEFORE UPDATE ON log_entries
  BEGIN SELECT RAISE(ABORT, 'log entries are append-only'); END;
CREATE TRIGGER log_entries_no_delete BEFORE DELETE ON log_entries
  BEGIN SELECT RAISE(ABORT, 'log entries are append-only'); END;
`;

// Evidence: each capture names its signed manifest; ads no longer listed are marked gone; artefact
// kinds grow by the WARC and the manifest (SQLite cannot alter a CHECK, so the table is rebuilt).
const VERSION_3 = `
ALTER TABLE captures ADD COLUMN manifest_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE captures ADD COLUMN signature TEXT NOT NULL DEFAULT '';
ALTER TABLE captures ADD COLUMN key_id TEXT NOT NULL DEFAULT '';
ALTER TABLE ads ADD COLUMN gone_at TEXT;
CREATE TABLE capture_artefacts_v3 (
  capture_id TEXT NOT NULL REFERENCES captures (id) ON DELETE CASCADE,
  n INTEGER NOT NULL CHECK (n >= 0),
  kind TEXT NOT NULL CHECK (kind IN ('html', 'screenshot', 'image', 'warc', 'manifest')),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  mime TEXT NOT NULL,
  bytes INTEGER NOT NULL CHECK (bytes >= 0),
  url TEXT,
  PRIMARY KEY (capture_id, n)
) STRICT, WITHOUT ROWID;
INSERT INTO capture_artefacts_v3 SELECT capture_id, n, kind, sha256, mime, bytes, url FROM capture_artefacts;
DROP TABLE capture_artefacts;
ALTER TABLE capture_artefacts_v3 RENAME TO capture_artefacts;
CREATE INDEX capture_artefacts_by_sha256 ON capture_artefacts (sha256);
CREATE INDEX ads_by_source ON ads (theme, source, gone_at);
`;

/** Exported for the upgrade test. */
export const RUN_ABANDONED_MIGRATION = `
-- A run given up because its owner was gone (src/retention/housekeeping.ts) is finished with what is
-- known; this says so. Runs finished before cannot be told apart and count as complete.
ALTER TABLE runs ADD COLUMN abandoned INTEGER NOT NULL DEFAULT 0 CHECK (abandoned IN (0, 1));
`;

/** MIGRATIONS[i] takes a database from user_version i to i + 1. */
export const MIGRATIONS: readonly string[] = [VERSION_1, VERSION_2, VERSION_3, API_MIGRATION, API_SEARCH_MIGRATION, ANALYSIS_MIGRATION,
  RETENTION_MIGRATION, SEARCH_CHANGES_MIGRATION, JOBS_MIGRATION, SESSION_JUSTIFICATION_MIGRATION, TOKEN_APPROVAL_MIGRATION,
  USER_APPROVAL_MIGRATION, LIST_NOTES_MIGRATION, EXPORT_REQUESTS_MIGRATION, REFERENCE_DATA_MIGRATION, INSPECTIONS_MIGRATION,
  HEALTH_MIGRATION, FRONTIER_MIGRATION, CONFIG_MIGRATION, IMAGE_HASHES_MIGRATION, STANDING_SEARCHES_MIGRATION,
  IMAGE_HASH_BANDS_COVERING_MIGRATION, LINKS_BY_VALUE_MIGRATION, RUN_ABANDONED_MIGRATION];
export const SCHEMA_VERSION = MIGRATIONS.length;

// The PostgreSQL schema: the same tables as the SQLite schema (src/store/sqlite/schema*.sql.ts), so
// both adapters pass one contract suite. Times are ISO 8601 UTC text, exactly as the store was given
// them and as SQLite keeps them; JSON that is evidence (fields, metadata, hits) is `json`, which keeps
// the text as written, where `jsonb` would reorder and normalise it. MIGRATIONS[i] takes the schema
// from version i to i + 1; a later change appends a migration instead of editing an earlier one.
import { EXPORT_REQUESTS_MIGRATION } from './schema-exports.postgres.ts';
import { REFERENCE_DATA_MIGRATION } from './schema-reference.postgres.ts';
import { INSPECTIONS_MIGRATION } from './schema-inspections.postgres.ts';
import { CONFIG_MIGRATION } from './schema-config.postgres.ts';
import { HEALTH_MIGRATION } from './schema-health.postgres.ts';
import { FRONTIER_MIGRATION } from './schema-frontier.postgres.ts';
import { IMAGE_HASH_BANDS_COVERING_MIGRATION, IMAGE_HASHES_MIGRATION } from './schema-image-hashes.postgres.ts';
import { STANDING_SEARCHES_MIGRATION } from './schema-standing.postgres.ts';

const VERSION_1 = `
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE runs (
  id text PRIMARY KEY,
  theme text NOT NULL,
  source text,
  started_at text NOT NULL,
  finished_at text,
  software_version text NOT NULL,
  captured integer NOT NULL DEFAULT 0 CHECK (captured >= 0),
  kept integer NOT NULL DEFAULT 0 CHECK (kept >= 0),
  deleted integer NOT NULL DEFAULT 0 CHECK (deleted >= 0),
  failed integer NOT NULL DEFAULT 0 CHECK (failed >= 0)
);
CREATE INDEX runs_by_theme ON runs (theme, started_at);

CREATE TABLE run_failures (
  run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  n integer NOT NULL,
  source text NOT NULL,
  url text NOT NULL,
  reason text NOT NULL,
  attempts integer NOT NULL CHECK (attempts >= 1),
  PRIMARY KEY (run_id, n)
);

CREATE TABLE ads (
  rid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY,
  theme text NOT NULL,
  source text NOT NULL,
  url text NOT NULL,
  first_seen text NOT NULL,
  last_seen text NOT NULL,
  latest_capture_id text NOT NULL,
  gone_at text,
  UNIQUE (theme, url)
);
CREATE INDEX ads_by_theme ON ads (theme, last_seen);
CREATE INDEX ads_by_source ON ads (theme, source, gone_at);
CREATE INDEX ads_by_first_seen ON ads (theme, first_seen);
CREATE INDEX ads_by_latest_capture ON ads (latest_capture_id);

CREATE TABLE captures (
  id text PRIMARY KEY,
  ad_id text NOT NULL REFERENCES ads (id) ON DELETE CASCADE,
  run_id text NOT NULL REFERENCES runs (id),
  captured_at text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  content_hash text NOT NULL,
  meta json NOT NULL,
  fields json NOT NULL,
  city_key text,
  score double precision NOT NULL,
  hits json NOT NULL,
  manifest_sha256 text NOT NULL DEFAULT '',
  signature text NOT NULL DEFAULT '',
  key_id text NOT NULL DEFAULT '',
  perceptual_hashes json NOT NULL DEFAULT '[]',
  UNIQUE (ad_id, version)
);
ALTER TABLE ads ADD CONSTRAINT ads_latest_capture FOREIGN KEY (latest_capture_id) REFERENCES captures (id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE capture_artefacts (
  capture_id text NOT NULL REFERENCES captures (id) ON DELETE CASCADE,
  n integer NOT NULL CHECK (n >= 0),
  kind text NOT NULL CHECK (kind IN ('html', 'screenshot', 'image', 'warc', 'manifest')),
  sha256 text NOT NULL CHECK (length(sha256) = 64),
  mime text NOT NULL,
  bytes bigint NOT NULL CHECK (bytes >= 0),
  url text,
  PRIMARY KEY (capture_id, n)
);
CREATE INDEX capture_artefacts_by_sha256 ON capture_artefacts (sha256);

CREATE TABLE sightings (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ad_id text NOT NULL REFERENCES ads (id) ON DELETE CASCADE,
  run_id text NOT NULL REFERENCES runs (id),
  seen_at text NOT NULL
);
CREATE INDEX sightings_by_ad ON sightings (ad_id);

-- Append-only, hash-chained logs: the custody log of evidence and the audit trail.
CREATE TABLE log_entries (
  log text NOT NULL CHECK (log IN ('custody', 'audit')),
  seq integer NOT NULL CHECK (seq >= 1),
  at text NOT NULL,
  prev_hash text NOT NULL CHECK (length(prev_hash) = 64),
  hash text NOT NULL CHECK (length(hash) = 64),
  body json NOT NULL,
  PRIMARY KEY (log, seq)
);
CREATE FUNCTION baken_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'log entries are append-only'; END $$;
CREATE TRIGGER log_entries_no_change BEFORE UPDATE OR DELETE ON log_entries
  FOR EACH ROW EXECUTE FUNCTION baken_refuse_change();
CREATE TRIGGER log_entries_no_truncate BEFORE TRUNCATE ON log_entries
  FOR EACH STATEMENT EXECUTE FUNCTION baken_refuse_change();

-- Phone numbers and indicator ids of each capture, filled by a trigger, removed with their capture.
CREATE TABLE capture_phones (
  phone text NOT NULL,
  capture_id text NOT NULL REFERENCES captures (id) ON DELETE CASCADE,
  PRIMARY KEY (phone, capture_id)
);
CREATE INDEX capture_phones_by_capture ON capture_phones (capture_id);
CREATE TABLE capture_indicators (
  indicator text NOT NULL,
  capture_id text NOT NULL REFERENCES captures (id) ON DELETE CASCADE,
  PRIMARY KEY (indicator, capture_id)
);
CREATE INDEX capture_indicators_by_capture ON capture_indicators (capture_id);
CREATE FUNCTION baken_capture_lookups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO capture_phones (phone, capture_id)
    SELECT DISTINCT p, NEW.id FROM json_array_elements_text(CASE WHEN json_typeof(NEW.fields -> 'phones') = 'array' THEN NEW.fields -> 'phones' ELSE '[]' END) AS p
    ON CONFLICT DO NOTHING;
  INSERT INTO capture_indicators (indicator, capture_id)
    SELECT DISTINCT h ->> 'id', NEW.id FROM json_array_elements(NEW.hits) AS h WHERE json_typeof(h -> 'id') = 'string'
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER captures_lookups AFTER INSERT ON captures FOR EACH ROW EXECUTE FUNCTION baken_capture_lookups();

-- Ads awaiting the end of their run (DESIGN.md §2.3).
CREATE TABLE staged_ads (
  run_id text NOT NULL REFERENCES runs (id),
  url text NOT NULL,
  theme text NOT NULL,
  owner text NOT NULL,
  staged_at text NOT NULL,
  expires_at text NOT NULL,
  features json NOT NULL,
  capture bytea NOT NULL,
  PRIMARY KEY (run_id, url)
);

CREATE TABLE ad_links (
  theme text NOT NULL,
  a text NOT NULL REFERENCES ads (id) ON DELETE CASCADE,
  b text NOT NULL REFERENCES ads (id) ON DELETE CASCADE,
  reason text NOT NULL CHECK (reason IN ('shared-phone', 'shared-image', 'template-text')),
  value text NOT NULL,
  PRIMARY KEY (a, b, reason, value),
  CHECK (a < b)
);
CREATE INDEX ad_links_by_b ON ad_links (b);
CREATE INDEX ad_links_by_theme ON ad_links (theme);

-- No ON DELETE CASCADE: the schema itself refuses to delete an ad on hold.
CREATE TABLE holds (
  ad_id text PRIMARY KEY REFERENCES ads (id),
  theme text NOT NULL,
  case_number text NOT NULL CHECK (length(trim(case_number)) > 0),
  held_by text NOT NULL CHECK (length(trim(held_by)) > 0),
  held_at text NOT NULL
);
CREATE INDEX holds_by_theme ON holds (theme);

-- What search filters, ranks and counts on, one row per ad (rid = ads.rid), with its words as a
-- tsvector, kept by triggers from the ad and its latest capture (search.postgres.ts).
-- A word is a run of letters and digits, accents removed, as SQLite's tokenizer and search-terms.ts
-- read it: the tsvector parser alone keeps an e-mail address, a URL or 06-12345678 as one lexeme
-- that no typed word matches. Documents and queries both pass through this function. ICU's Unicode
-- rules, whatever locale the database has: under the C locale, lower() and [:alnum:] know only ASCII.
CREATE FUNCTION baken_search_text(words text) RETURNS text LANGUAGE sql STABLE
  RETURN regexp_replace(lower(unaccent(words) COLLATE "und-x-icu"), '[^[:alnum:]]+', ' ', 'g');
CREATE TABLE ad_search (
  rid bigint PRIMARY KEY,
  theme text NOT NULL,
  source text NOT NULL,
  city_key text,
  score double precision NOT NULL,
  indicator_count integer NOT NULL,
  first_seen text NOT NULL,
  last_seen text NOT NULL,
  capture_id text NOT NULL,
  words tsvector NOT NULL
);
CREATE INDEX ad_search_words ON ad_search USING gin (words);
-- Which transaction last changed each row, so the search columns in memory read only the rows a
-- transaction changed that their snapshot did not yet see. A counter (SQLite's rev) would miss
-- changes here: concurrent writers commit in another order than they draw numbers.
CREATE TABLE ad_search_changes (
  rid bigint PRIMARY KEY,
  xid xid8 NOT NULL
);
CREATE INDEX ad_search_changes_by_xid ON ad_search_changes (xid);
CREATE TABLE ad_search_deletions (n bigint NOT NULL);
INSERT INTO ad_search_deletions (n) VALUES (0);

CREATE FUNCTION baken_ad_search_row(ad ads) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ad_search (rid, theme, source, city_key, score, indicator_count, first_seen, last_seen, capture_id, words)
    SELECT ad.rid, ad.theme, ad.source, c.city_key, c.score, json_array_length(c.hits), ad.first_seen, ad.last_seen, c.id,
      to_tsvector('simple', baken_search_text(concat_ws(' ', c.fields ->> 'title', c.fields ->> 'text', c.fields ->> 'alias', c.fields ->> 'city')))
    FROM captures c WHERE c.id = ad.latest_capture_id
  ON CONFLICT (rid) DO UPDATE SET theme = EXCLUDED.theme, source = EXCLUDED.source, city_key = EXCLUDED.city_key,
    score = EXCLUDED.score, indicator_count = EXCLUDED.indicator_count, first_seen = EXCLUDED.first_seen,
    last_seen = EXCLUDED.last_seen, capture_id = EXCLUDED.capture_id, words = EXCLUDED.words;
END $$;
CREATE FUNCTION baken_ad_search_from_ad() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM baken_ad_search_row(NEW); RETURN NULL; END $$;
CREATE TRIGGER ad_search_ad AFTER INSERT OR UPDATE OF latest_capture_id, first_seen, last_seen ON ads
  FOR EACH ROW EXECUTE FUNCTION baken_ad_search_from_ad();
CREATE FUNCTION baken_ad_search_from_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM baken_ad_search_row(a) FROM ads a WHERE a.id = NEW.ad_id AND a.latest_capture_id = NEW.id; RETURN NULL; END $$;
CREATE TRIGGER ad_search_capture AFTER INSERT ON captures FOR EACH ROW EXECUTE FUNCTION baken_ad_search_from_capture();
CREATE FUNCTION baken_ad_search_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN DELETE FROM ad_search WHERE rid = OLD.rid; RETURN NULL; END $$;
CREATE TRIGGER ad_search_ad_delete AFTER DELETE ON ads FOR EACH ROW EXECUTE FUNCTION baken_ad_search_gone();

CREATE FUNCTION baken_ad_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM ad_search_changes WHERE rid = OLD.rid;
    UPDATE ad_search_deletions SET n = n + 1;
  ELSE
    INSERT INTO ad_search_changes (rid, xid) VALUES (NEW.rid, pg_current_xact_id())
      ON CONFLICT (rid) DO UPDATE SET xid = EXCLUDED.xid;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ad_search_changes AFTER INSERT OR UPDATE OR DELETE ON ad_search FOR EACH ROW EXECUTE FUNCTION baken_ad_search_changed();

-- The API's own tables.
CREATE TABLE users (
  id text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('expert', 'analyst', 'supervisor', 'admin', 'auditor')),
  themes json NOT NULL CHECK (json_typeof(themes) = 'array'),
  password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  totp_secret text,
  totp_last_counter bigint,
  disabled boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until text,
  created_at text NOT NULL,
  updated_at text NOT NULL
);
-- Login names are unique without regard to case, as SQLite's COLLATE NOCASE.
CREATE UNIQUE INDEX users_by_name ON users (lower(name));

CREATE TABLE sessions (
  id_hash text PRIMARY KEY CHECK (length(id_hash) = 64),
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at text NOT NULL,
  last_seen_at text NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('expert', 'analyst', 'supervisor', 'admin', 'auditor')),
  themes json NOT NULL CHECK (json_typeof(themes) = 'array'),
  secret_hash text NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
  created_by text NOT NULL,
  created_at text NOT NULL,
  expires_at text,
  revoked_at text
);

CREATE TABLE lists (
  id text PRIMARY KEY,
  theme text NOT NULL,
  name text NOT NULL,
  created_by text NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  UNIQUE (theme, name)
);
CREATE TABLE list_ads (
  list_id text NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
  ad_id text NOT NULL REFERENCES ads (id) ON DELETE CASCADE,
  added_by text NOT NULL,
  added_at text NOT NULL,
  PRIMARY KEY (list_id, ad_id)
);
CREATE INDEX list_ads_by_ad ON list_ads (ad_id);

-- The job queue (src/jobs/job-queue.ts).
CREATE TABLE jobs (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('crawl', 'purge')),
  theme text NOT NULL,
  source text,
  schedule text NOT NULL,
  slot text NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  queued_at text NOT NULL,
  not_before text NOT NULL,
  worker text,
  started_at text,
  heartbeat_at text,
  finished_at text,
  result json,
  error text,
  UNIQUE (schedule, slot)
);
CREATE INDEX jobs_waiting ON jobs (state, not_before);
CREATE INDEX jobs_by_queued ON jobs (queued_at);
`;

// Why a session reads ad content (DESIGN §2a.5): given once per session instead of on every read.
export const SESSION_JUSTIFICATION_MIGRATION = `
ALTER TABLE sessions ADD COLUMN justification text;
`;

/** Exported for the upgrade test. */
export const TOKEN_APPROVAL_MIGRATION = `
-- Pentest finding 8: a token whose role reads ad content waits for a second admin's approval.
-- Tokens that existed before are approved by their creator, except those that read content: one
-- admin alone made them, so they wait for a second admin like a new one (docs/api.md).
ALTER TABLE api_tokens ADD COLUMN approved_by text, ADD COLUMN approved_at text;
UPDATE api_tokens SET approved_by = created_by, approved_at = created_at WHERE role NOT IN ('expert', 'analyst', 'supervisor');
`;

/** Exported for the upgrade test. */
export const USER_APPROVAL_MIGRATION = `
-- Pentest finding 8: an account whose role reads ad content, made or widened by one admin, waits
-- for a second admin's approval before it can sign in. Accounts that existed before count as
-- approved by themselves when they were made, so nobody is locked out by the upgrade (docs/api.md).
ALTER TABLE users ADD COLUMN requested_by json, ADD COLUMN approved_by text, ADD COLUMN approved_at text;
UPDATE users SET requested_by = json_build_array(name), approved_by = name, approved_at = created_at;
ALTER TABLE users ALTER COLUMN requested_by SET NOT NULL;
`;

/** Exported for the upgrade test. */
export const LIST_NOTES_MIGRATION = `
-- A note per ad on a list (what a supervisor wants to check there), with who wrote it and when. It
-- goes with the entry: an ad purged or taken off the list takes its note along.
ALTER TABLE list_ads ADD COLUMN note text, ADD COLUMN note_by text, ADD COLUMN note_at text;
`;

// Search matches words in memory (src/store/word-index.ts) from ad_search.words; the GIN index on it
// answered a common word with a heap visit per matching ad and is no longer read.
export const SEARCH_WORDS_IN_MEMORY_MIGRATION = 'DROP INDEX ad_search_words;';
// An entity page of a phone number reads the links that carry it (shared-phone, the number as value)
// by this index rather than every link of the theme.
export const LINKS_BY_VALUE_MIGRATION = 'CREATE INDEX ad_links_by_value ON ad_links (value, reason);';
/** Exported for the upgrade test. */
export const RUN_ABANDONED_MIGRATION = `
-- A run given up because its owner was gone (src/retention/housekeeping.ts) is finished with what is
-- known; this says so. Runs finished before cannot be told apart and count as complete.
ALTER TABLE runs ADD COLUMN abandoned boolean NOT NULL DEFAULT false;
`;

export const MIGRATIONS: readonly string[] = [VERSION_1, SESSION_JUSTIFICATION_MIGRATION, TOKEN_APPROVAL_MIGRATION, USER_APPROVAL_MIGRATION,
  LIST_NOTES_MIGRATION, EXPORT_REQUESTS_MIGRATION, REFERENCE_DATA_MIGRATION, INSPECTIONS_MIGRATION, HEALTH_MIGRATION,
  FRONTIER_MIGRATION, SEARCH_WORDS_IN_MEMORY_MIGRATION, CONFIG_MIGRATION, IMAGE_HASHES_MIGRATION, STANDING_SEARCHES_MIGRATION,
  IMAGE_HASH_BANDS_COVERING_MIGRATION, LINKS_BY_VALUE_MIGRATION, RUN_ABANDONED_MIGRATION];
export const SCHEMA_VERSION = MIGRATIONS.length;

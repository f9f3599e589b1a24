// The API's tables: accounts, sessions, service tokens and lists; plus the tables that make search
// fast (phone numbers and indicator ids per capture, a narrow row per ad), all kept by triggers so
// the code that saves ads need not know them. Both constants are appended to MIGRATIONS in
// schema.sql.ts, in this order.

export const API_MIGRATION = `
CREATE TABLE users (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('expert', 'analyst', 'supervisor', 'admin', 'auditor')),
  themes TEXT NOT NULL CHECK (json_valid(themes) AND json_type(themes) = 'array'),
  password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  totp_secret TEXT,
  totp_last_counter INTEGER,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY NOT NULL CHECK (length(id_hash) = 64),
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('expert', 'analyst', 'supervisor', 'admin', 'auditor')),
  themes TEXT NOT NULL CHECK (json_valid(themes) AND json_type(themes) = 'array'),
  secret_hash TEXT NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
) STRICT;

CREATE TABLE lists (
  id TEXT PRIMARY KEY NOT NULL,
  theme TEXT NOT NULL,
  name TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (theme, name)
) STRICT;

-- A purged ad leaves every list it was on (ON DELETE CASCADE): retention wins over a selection.
CREATE TABLE list_ads (
  list_id TEXT NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
  ad_id TEXT NOT NULL REFERENCES ads (id) ON DELETE CASCADE,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (list_id, ad_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX list_ads_by_ad ON list_ads (ad_id);

-- Phone numbers and indicator ids of each capture, filled by triggers so the code that saves ads
-- need not know about them, and removed with their capture. Captures are never updated in place.
CREATE TABLE capture_phones (
  phone TEXT NOT NULL,
  capture_id TEXT NOT NULL REFERENCES captures (id) ON DELETE CASCADE,
  PRIMARY KEY (phone, capture_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX capture_phones_by_capture ON capture_phones (capture_id);
CREATE TABLE capture_indicators (
  indicator TEXT NOT NULL,
  capture_id TEXT NOT NULL REFERENCES captures (id) ON DELETE CASCADE,
  PRIMARY KEY (indicator, capture_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX capture_indicators_by_capture ON capture_indicators (capture_id);
CREATE TRIGGER captures_lookups AFTER INSERT ON captures BEGIN
  INSERT OR IGNORE INTO capture_phones (phone, capture_id)
    SELECT value, NEW.id FROM json_each(NEW.fields, '$.phones') WHERE type = 'text';
  INSERT OR IGNORE INTO capture_indicators (indicator, capture_id)
    SELECT json_extract(value, '$.id'), NEW.id FROM json_each(NEW.hits) WHERE json_type(value, '$.id') = 'text';
END;
INSERT OR IGNORE INTO capture_phones (phone, capture_id)
  SELECT j.value, c.id FROM captures c, json_each(c.fields, '$.phones') j WHERE j.type = 'text';
INSERT OR IGNORE INTO capture_indicators (indicator, capture_id)
  SELECT json_extract(j.value, '$.id'), c.id FROM captures c, json_each(c.hits) j WHERE json_type(j.value, '$.id') = 'text';
`;

export const API_SEARCH_MIGRATION = `
-- Ads by their latest capture: the network query joins on it, and SQLite's deferred foreign-key
-- check looks every new capture up here (without the index each save scanned all ads).
CREATE INDEX ads_by_latest_capture ON ads (latest_capture_id);

-- What search filters, sorts and counts on, one narrow row per ad (rid = ads.rid = ads_fts rowid), so
-- a search matching thousands of ads never reads their wide capture rows: measured at 100,000 ads,
-- count + facets + page fell from about 190 ms to about 25 ms. Filled from whichever of the ad row
-- and its latest capture is written second.
CREATE TABLE ad_search (
  rid INTEGER PRIMARY KEY,
  theme TEXT NOT NULL,
  source TEXT NOT NULL,
  city_key TEXT,
  score REAL NOT NULL,
  indicator_count INTEGER NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  capture_id TEXT NOT NULL
) STRICT;
CREATE INDEX ad_search_by_rank ON ad_search (theme, score DESC, last_seen DESC);
CREATE TRIGGER ad_search_capture AFTER INSERT ON captures BEGIN
  INSERT OR REPLACE INTO ad_search
    SELECT a.rid, a.theme, a.source, NEW.city_key, NEW.score, json_array_length(NEW.hits), a.first_seen, a.last_seen, NEW.id
    FROM ads a WHERE a.id = NEW.ad_id AND a.latest_capture_id = NEW.id;
END;
CREATE TRIGGER ad_search_ad_insert AFTER INSERT ON ads BEGIN
  INSERT OR REPLACE INTO ad_search
    SELECT NEW.rid, NEW.theme, NEW.source, c.city_key, c.score, json_array_length(c.hits), NEW.first_seen, NEW.last_seen, c.id
    FROM captures c WHERE c.id = NEW.latest_capture_id;
END;
CREATE TRIGGER ad_search_ad_update AFTER UPDATE OF latest_capture_id, first_seen, last_seen ON ads BEGIN
  INSERT OR REPLACE INTO ad_search
    SELECT NEW.rid, NEW.theme, NEW.source, c.city_key, c.score, json_array_length(c.hits), NEW.first_seen, NEW.last_seen, c.id
    FROM captures c WHERE c.id = NEW.latest_capture_id;
END;
CREATE TRIGGER ad_search_ad_delete AFTER DELETE ON ads BEGIN
  DELETE FROM ad_search WHERE rid = OLD.rid;
END;
INSERT INTO ad_search
  SELECT a.rid, a.theme, a.source, c.city_key, c.score, json_array_length(c.hits), a.first_seen, a.last_seen, c.id
  FROM ads a JOIN captures c ON c.id = a.latest_capture_id;
`;

// Why a session reads ad content (DESIGN §2a.5): given once per session instead of on every read.
export const SESSION_JUSTIFICATION_MIGRATION = `
ALTER TABLE sessions ADD COLUMN justification TEXT;
`;

// Every change to ad_search numbered, so the search columns held in memory (search.sqlite.ts) read
// only the rows changed since they last looked, also when another process (a crawl) wrote them.
export const SEARCH_CHANGES_MIGRATION = `
-- One row per stored ad: a later change renumbers it.
CREATE TABLE ad_search_changes (
  rid INTEGER PRIMARY KEY,
  rev INTEGER NOT NULL UNIQUE
) STRICT;
-- How many ads left ad_search: a reader that sees the count grow reads them all again. Deletes are
-- rare (the retention purge) and a purged ad must leave no row behind, not even its number.
CREATE TABLE ad_search_deletions (n INTEGER NOT NULL) STRICT;
INSERT INTO ad_search_deletions (n) VALUES (0);
CREATE TRIGGER ad_search_changes_insert AFTER INSERT ON ad_search BEGIN
  INSERT OR REPLACE INTO ad_search_changes (rid, rev) VALUES (NEW.rid, (SELECT coalesce(max(rev), 0) + 1 FROM ad_search_changes));
END;
CREATE TRIGGER ad_search_changes_update AFTER UPDATE ON ad_search BEGIN
  INSERT OR REPLACE INTO ad_search_changes (rid, rev) VALUES (NEW.rid, (SELECT coalesce(max(rev), 0) + 1 FROM ad_search_changes));
END;
CREATE TRIGGER ad_search_changes_delete AFTER DELETE ON ad_search BEGIN
  DELETE FROM ad_search_changes WHERE rid = OLD.rid;
  UPDATE ad_search_deletions SET n = n + 1;
END;
`;

/** Appended to MIGRATIONS in schema.sql.ts after JOBS_MIGRATION. */
export const TOKEN_APPROVAL_MIGRATION = `
-- Pentest finding 8: a token whose role reads ad content waits for a second admin's approval.
-- Tokens that existed before are approved by their creator, except those that read content: one
-- admin alone made them, so they wait for a second admin like a new one (docs/api.md).
ALTER TABLE api_tokens ADD COLUMN approved_by TEXT;
ALTER TABLE api_tokens ADD COLUMN approved_at TEXT;
UPDATE api_tokens SET approved_by = created_by, approved_at = created_at WHERE role NOT IN ('expert', 'analyst', 'supervisor');
`;

/** Appended to MIGRATIONS in schema.sql.ts after TOKEN_APPROVAL_MIGRATION. */
export const USER_APPROVAL_MIGRATION = `
-- Pentest finding 8: an account whose role reads ad content, made or widened by one admin, waits
-- for a second admin's approval before it can sign in. Accounts that existed before count as
-- approved by themselves when they were made, so nobody is locked out by the upgrade (docs/api.md).
ALTER TABLE users ADD COLUMN requested_by TEXT;
ALTER TABLE users ADD COLUMN approved_by TEXT;
ALTER TABLE users ADD COLUMN approved_at TEXT;
UPDATE users SET requested_by = json_array(name), approved_by = name, approved_at = created_at;
`;

/** Appended to MIGRATIONS in schema.sql.ts after USER_APPROVAL_MIGRATION. */
export const LIST_NOTES_MIGRATION = `
-- A note per ad on a list (what a supervisor wants to check there), with who wrote it and when. It
-- goes with the entry: an ad purged or taken off the list takes its note along.
ALTER TABLE list_ads ADD COLUMN note TEXT;
ALTER TABLE list_ads ADD COLUMN note_by TEXT;
ALTER TABLE list_ads ADD COLUMN note_at TEXT;
`;

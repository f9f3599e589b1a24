// The configuration a process holds, and how a newer version reaches it without a restart. Two
// homes, one behaviour: with PostgreSQL the versions live in the database (imported from the folder
// given on first start), and so in an embedded installation once `baken config import` has put them
// in baken.db; otherwise the embedded default reads its folder. Every process polls: the newest
// version's number (one indexed read), or the folder's files. Polling rather than LISTEN/NOTIFY:
// it is the same on SQLite and PostgreSQL, needs no connection held open per process, survives a
// database restart or a pooler in between, and a change waiting a few seconds costs nothing.
import { BakenError } from '../domain/errors.ts';
import type { ConfigVersionStore } from '../store/config-versions.ts';
import { apiSettingsFrom, loadApiSettings, type ApiSettings } from './api-settings.ts';
import { API_SETTINGS_FILE, filesFingerprint, readConfigFiles, writeConfigFiles, type ConfigFiles } from './config-files.ts';
import { loadConfig, parseConfig, type Config } from './load.ts';

export interface Configuration {
  /** Where it lives: the configuration directory, or the versions in the database. */
  readonly home: 'folder' | 'database';
  /** The version in force; a job or crawl takes it once at its start and keeps it to its end. */
  current: Config;
  /** The version in force: its number in the database, or the first 12 hex digits of the folder's fingerprint. */
  readonly version: string;
  files(): ConfigFiles;
  /** Checks `files` with the loader, stores them as the new version and puts it in force; a
   *  configuration that does not load is refused with the loader's message and nothing changes. */
  save(files: ConfigFiles, by: string, reason: string): Promise<void>;
  /** Puts a newer version in force if there is one; returns its version, or null. */
  refresh(): Promise<string | null>;
  close(): Promise<void>;
}

/** The API's settings in the configuration in force: the version's api.yaml where it holds one; a
 *  version stored before api.yaml was shared has none, and this machine's file holds, as it did. */
export function apiSettingsOf(configuration: Configuration): ApiSettings {
  const text = configuration.files()[API_SETTINGS_FILE];
  const dir = configuration.current.dir;
  return text === undefined ? loadApiSettings(dir) : apiSettingsFrom(text, dir);
}

/** How often a running process looks for a newer version: every 10 s, or BAKEN_CONFIG_POLL_MS. */
export function configPollMs(value = process.env['BAKEN_CONFIG_POLL_MS']): number {
  if (value === undefined || value === '') return 10_000;
  if (!/^\d+$/.test(value) || Number(value) < 100) {
    throw new BakenError('USAGE', `BAKEN_CONFIG_POLL_MS: expected a whole number of milliseconds, at least 100, got "${value}"`);
  }
  return Number(value);
}

export function checked(files: ConfigFiles, dir: string): Config {
  try {
    // A version whose api.yaml would not load is refused like any other file of it.
    apiSettingsFrom(files[API_SETTINGS_FILE] ?? null, dir);
    return parseConfig(files, { dir });
  } catch (err) {
    if (err instanceof BakenError && err.code === 'CONFIG_INVALID') {
      throw new BakenError('INPUT_INVALID', `refused: the configuration would not load: ${err.message}`, { cause: err });
    }
    throw err;
  }
}

/** The embedded default: the folder is the configuration. `loaded`: the folder as already loaded. */
export function folderConfiguration(dir: string, loaded: Config = loadConfig(dir)): Configuration {
  let fingerprint = filesFingerprint(readConfigFiles(dir));
  let current = loaded;
  let refused: string | null = null;
  return {
    home: 'folder',
    get current() { return current; },
    set current(config: Config) { current = config; },
    get version() { return fingerprint.slice(0, 12); },
    // The folder as it is now: an operator may have edited it since the last poll.
    files: () => readConfigFiles(dir),
    async save(next) {
      const config = checked(next, dir);
      writeConfigFiles(dir, next, readConfigFiles(dir));
      [fingerprint, current] = [filesFingerprint(next), config];
    },
    async refresh() {
      const now = readConfigFiles(dir);
      const seen = filesFingerprint(now);
      if (seen === fingerprint || seen === refused) return null;
      // A file saved half edited is refused (once) and read again when it changes next.
      refused = seen;
      const config = parseConfig(now, { dir });
      [fingerprint, current] = [seen, config];
      return fingerprint.slice(0, 12);
    },
    close: async () => undefined,
  };
}

/** The versions in the database. `dir` is where relative paths in them lead (a theme's evaluation sets). */
export async function storedConfiguration(versions: ConfigVersionStore, dir: string, now: () => Date = () => new Date()): Promise<Configuration> {
  const first = await versions.latest();
  if (first === null) throw new BakenError('CONFIG_MISSING', 'the database holds no configuration yet: run baken config import DIR');
  let held = first;
  let current = parseConfig(held.files, { dir });
  let refused: number | null = null;
  return {
    home: 'database',
    get current() { return current; },
    set current(config: Config) { current = config; },
    get version() { return String(held.number); },
    files: () => held.files,
    async save(files, by, reason) {
      const config = checked(files, dir);
      held = await versions.add(held.number, { files, by, at: now().toISOString(), reason });
      current = config;
    },
    async refresh() {
      const newest = await versions.latestNumber();
      if (newest === held.number || newest === refused) return null;
      const latest = (await versions.latest())!;
      // Stored versions were checked, but a file a theme names may be missing on this machine.
      refused = latest.number;
      current = parseConfig(latest.files, { dir });
      held = latest;
      return String(held.number);
    },
    close: () => versions.close(),
  };
}

/** Stores the folder's files as the first version when the database holds none; another process
 *  doing the same at the same moment wins, and its version is the one in force. */
export async function importIfEmpty(versions: ConfigVersionStore, dir: string, by: string, now: () => Date): Promise<void> {
  if (await versions.latestNumber() !== null) return;
  const files = readConfigFiles(dir);
  loadConfig(dir);
  await versions.add(null, { files, by, at: now().toISOString(), reason: `first start: imported ${dir}` })
    .catch((err: unknown) => { if (!(err instanceof BakenError && err.code === 'CONFLICT')) throw err; });
}

/** Polls for a newer version until `signal` aborts; a version that does not load is logged and the
 *  one in force kept. Logs the version, never the content. */
export function watchConfiguration(configuration: Configuration, log: (event: 'config.reloaded' | 'config.refused', data: Record<string, unknown>) => void,
  signal: AbortSignal, everyMs: number): void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    configuration.refresh()
      .then((version) => { if (version !== null) log('config.reloaded', { version }); })
      .catch((err: unknown) => log('config.refused', { version: configuration.version, reason: err instanceof Error ? err.message : String(err) }))
      .finally(() => { busy = false; });
  }, everyMs);
  timer.unref();
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}

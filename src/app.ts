// Wiring in one place, without side effects: configuration, the stores, the blobs and the services
// every door calls. The rows live in SQLite in the data directory (the embedded default) or in
// PostgreSQL (at scale); files always in the data directory, which machines that share a PostgreSQL
// database share as a volume.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadApiSettings, type ApiSettings } from './config/api-settings.ts';
import { apiSettingsOf, folderConfiguration, importIfEmpty, storedConfiguration, type Configuration } from './config/configuration.ts';
import type { Config } from './config/load.ts';
import { anchoredStore, type LogAnchor } from './evidence/log-anchor.ts';
import type { Frontier } from './crawl/frontier.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import { AuditTrail } from './services/audit-trail.ts';
import { createServices, type Services } from './services/services.ts';
import type { AccountStore } from './store/accounts.ts';
import type { ExportRequestStore } from './store/export-requests.ts';
import type { InspectionStore } from './store/inspections.ts';
import type { ReferenceStore } from './store/reference-data.ts';
import type { ListStore } from './store/lists.ts';
import type { StandingSearchStore } from './store/standing-searches.ts';
import { openSqliteApiStores } from './store/sqlite/api-stores.sqlite.ts';
import { openSqliteConfigVersions } from './store/sqlite/config-versions.sqlite.ts';
import { openPostgresConfigVersions } from './store/postgres/config-versions.postgres.ts';
import { openSqliteJobQueue } from './store/sqlite/jobs.sqlite.ts';
import { openSqliteFrontier } from './store/sqlite/frontier.sqlite.ts';
import { createFileBlobStore } from './store/blobs.files.ts';
import { openSqliteStore } from './store/sqlite/store.sqlite.ts';
import { openPostgresApiStores } from './store/postgres/api-stores.postgres.ts';
import { openPostgresJobQueue } from './store/postgres/jobs.postgres.ts';
import { openPostgresFrontier } from './store/postgres/frontier.postgres.ts';
import { openPostgresStore } from './store/postgres/store.postgres.ts';
import { loadOrCreateSecretKey } from './store/secret-key.ts';
import type { BlobStore, Store } from './store/store.ts';

/** `database`: a postgres:// URL, or null (or absent) for SQLite in `dataDir`. */
export interface Storage { dataDir: string; database?: string | null }

/** `store` anchors its logs as it writes (signed checkpoints in the data directory); `anchor`
 *  writes one at once, as every export does. `config` is the version in force as the app opened;
 *  `configuration` holds the newest (src/config/configuration.ts). */
export interface App extends Storage {
  config: Config; configuration: Configuration; store: Store; anchor: LogAnchor; blobs: BlobStore; frontier: Frontier; close(): Promise<void>;
}

/** Where the configuration lives (src/config/configuration.ts): in PostgreSQL, which takes the
 *  folder `dir` as its first version when it holds none; in baken.db once `baken config import` put
 *  it there; else in the folder. `by` names who imported the first version. */
export async function openConfiguration(storage: Storage, dir: string, by: string): Promise<Configuration> {
  // An embedded installation not made yet holds no versions: its folder, checked before anything is
  // created, so a command refused for a bad configuration leaves no data directory behind.
  if (!storage.database && !existsSync(join(storage.dataDir, 'baken.db'))) return folderConfiguration(dir);
  const versions = await (storage.database ? openPostgresConfigVersions(storage.database) : openSqliteConfigVersions(storage.dataDir));
  try {
    if (storage.database) await importIfEmpty(versions, dir, by, () => new Date());
    if (await versions.latestNumber() !== null) return await storedConfiguration(versions, dir);
  } catch (err) {
    await versions.close();
    throw err;
  }
  await versions.close();
  return folderConfiguration(dir);
}

/** `config`: a configuration, or a loaded folder (tests, and commands that only read it). */
export async function openApp(opts: Storage & { config: Config | Configuration }): Promise<App> {
  const configuration = 'refresh' in opts.config ? opts.config : folderConfiguration(opts.config.dir, opts.config);
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const { store, anchor } = anchoredStore(opts.database ? await openPostgresStore(opts.database) : await openSqliteStore(opts.dataDir), opts.dataDir);
  const blobs = createFileBlobStore(opts.dataDir);
  const frontier = await (opts.database ? openPostgresFrontier(opts.database) : openSqliteFrontier(opts.dataDir))
    .catch(async (err: unknown) => { await store.close(); throw err; });
  return {
    dataDir: opts.dataDir, database: opts.database ?? null, config: configuration.current, configuration, store, anchor, blobs, frontier,
    close: async () => { await frontier.close(); await store.close(); await configuration.close(); },
  };
}

export function openJobQueue(storage: Storage): Promise<JobQueue> {
  return storage.database ? openPostgresJobQueue(storage.database) : openSqliteJobQueue(storage.dataDir);
}

/** Everything the doors need: the ports, the API's settings, and the application layer over them. */
export interface ApiApp extends App { accounts: AccountStore; lists: ListStore; exportRequests: ExportRequestStore; reference: ReferenceStore; inspections: InspectionStore; standing: StandingSearchStore; jobs: JobQueue; settings: ApiSettings; services: Services;
  /** The trail the services write to, for a door to settle its calls on (AuditTrail.settled). */
  trail: AuditTrail }

export async function openApiApp(opts: Storage & { config: Config | Configuration }): Promise<ApiApp> {
  const settings = 'refresh' in opts.config ? apiSettingsOf(opts.config) : loadApiSettings(opts.config.dir);
  const app = await openApp(opts);
  const opened = async () => {
    const secretKey = loadOrCreateSecretKey(opts.dataDir);
    return opts.database ? openPostgresApiStores(opts.database, secretKey) : openSqliteApiStores(opts.dataDir, secretKey);
  };
  const api = await opened().catch(async (err: unknown) => { await app.close(); throw err; });
  const jobs = await openJobQueue(opts).catch(async (err: unknown) => { await api.close(); await app.close(); throw err; });
  const trail = new AuditTrail(app.store);
  const services = createServices({ ...app, ...api, jobs, settings, config: app.configuration, trail, now: () => new Date() });
  return { ...app, ...api, jobs, settings, services, trail, close: async () => { await jobs.close(); await api.close(); await app.close(); } };
}

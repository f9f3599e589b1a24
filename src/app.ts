// Wiring in one place, without side effects: configuration, the stores, the blobs and the services
// every door calls. The rows live in SQLite in the data directory (the embedded default) or in
// PostgreSQL (at scale); files always in the data directory, which machines that share a PostgreSQL
// database share as a volume.
import { mkdirSync } from 'node:fs';
import { loadApiSettings, type ApiSettings } from './config/api-settings.ts';
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
 *  writes one at once, as every export does. */
export interface App extends Storage { config: Config; store: Store; anchor: LogAnchor; blobs: BlobStore; frontier: Frontier; close(): Promise<void> }

export async function openApp(opts: Storage & { config: Config }): Promise<App> {
  const { config } = opts;
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const { store, anchor } = anchoredStore(opts.database ? await openPostgresStore(opts.database) : await openSqliteStore(opts.dataDir), opts.dataDir);
  const blobs = createFileBlobStore(opts.dataDir);
  const frontier = await (opts.database ? openPostgresFrontier(opts.database) : openSqliteFrontier(opts.dataDir))
    .catch(async (err: unknown) => { await store.close(); throw err; });
  return {
    dataDir: opts.dataDir, database: opts.database ?? null, config, store, anchor, blobs, frontier,
    close: async () => { await frontier.close(); await store.close(); },
  };
}

export function openJobQueue(storage: Storage): Promise<JobQueue> {
  return storage.database ? openPostgresJobQueue(storage.database) : openSqliteJobQueue(storage.dataDir);
}

/** Everything the doors need: the ports, the API's settings, and the application layer over them. */
export interface ApiApp extends App { accounts: AccountStore; lists: ListStore; exportRequests: ExportRequestStore; reference: ReferenceStore; inspections: InspectionStore; standing: StandingSearchStore; jobs: JobQueue; settings: ApiSettings; services: Services }

export async function openApiApp(opts: Storage & { config: Config }): Promise<ApiApp> {
  const settings = loadApiSettings(opts.config.dir);
  const app = await openApp(opts);
  const opened = async () => {
    const secretKey = loadOrCreateSecretKey(opts.dataDir);
    return opts.database ? openPostgresApiStores(opts.database, secretKey) : openSqliteApiStores(opts.dataDir, secretKey);
  };
  const api = await opened().catch(async (err: unknown) => { await app.close(); throw err; });
  const jobs = await openJobQueue(opts).catch(async (err: unknown) => { await api.close(); await app.close(); throw err; });
  const services = createServices({
    ...app, ...api, jobs, settings, config: { current: app.config }, trail: new AuditTrail(app.store), now: () => new Date(),
  });
  return { ...app, ...api, jobs, settings, services, close: async () => { await jobs.close(); await api.close(); await app.close(); } };
}

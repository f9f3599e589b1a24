// Wiring in one place: configuration, the stores and the blobs. The rows live in SQLite in the data
// directory (the embedded default) or in PostgreSQL (at scale); files always in the data directory,
// which machines that share a PostgreSQL database share as a volume.
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { stagingVerdict } from './analyse/staging.ts';
import { loadApiSettings, type ApiSettings } from './config/api-settings.ts';
import type { Config } from './config/load.ts';
import { anchoredStore, type LogAnchor } from './evidence/log-anchor.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import type { AccountStore } from './store/accounts.ts';
import type { ListStore } from './store/lists.ts';
import { openSqliteApiStores } from './store/sqlite/api-stores.sqlite.ts';
import { openSqliteJobQueue } from './store/sqlite/jobs.sqlite.ts';
import { createFileBlobStore } from './store/blobs.files.ts';
import { openSqliteStore } from './store/sqlite/store.sqlite.ts';
import { openPostgresApiStores } from './store/postgres/api-stores.postgres.ts';
import { openPostgresJobQueue } from './store/postgres/jobs.postgres.ts';
import { openPostgresStore } from './store/postgres/store.postgres.ts';
import { WRITE_GRACE_MS, type BlobStore, type Store } from './store/store.ts';

/** `database`: a postgres:// URL, or null (or absent) for SQLite in `dataDir`. */
export interface Storage { dataDir: string; database?: string | null }

/** `store` anchors its logs as it writes (signed checkpoints in the data directory); `anchor`
 *  writes one at once, as every export does. */
export interface App extends Storage { config: Config; store: Store; anchor: LogAnchor; blobs: BlobStore; close(): Promise<void> }

export async function openApp(opts: Storage & { config: Config }): Promise<App> {
  const { config } = opts;
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const { store, anchor } = anchoredStore(opts.database ? await openPostgresStore(opts.database) : await openSqliteStore(opts.dataDir), opts.dataDir);
  const blobs = createFileBlobStore(opts.dataDir);
  await purgeAbandonedStaging(store);
  await sweepOrphanBlobs(store, blobs);
  return { dataDir: opts.dataDir, database: opts.database ?? null, config, store, anchor, blobs, close: () => store.close() };
}

export function openJobQueue(storage: Storage): Promise<JobQueue> {
  return storage.database ? openPostgresJobQueue(storage.database) : openSqliteJobQueue(storage.dataDir);
}

/** What the API and `baken user` need besides the store: accounts, lists, the job queue and the API's settings. */
export interface ApiApp extends App { accounts: AccountStore; lists: ListStore; jobs: JobQueue; settings: ApiSettings }

export async function openApiApp(opts: Storage & { config: Config }): Promise<ApiApp> {
  const settings = loadApiSettings(opts.config.dir);
  const app = await openApp(opts);
  const api = await (opts.database ? openPostgresApiStores(opts.database) : openSqliteApiStores(opts.dataDir))
    .catch(async (err: unknown) => { await app.close(); throw err; });
  const jobs = await openJobQueue(opts).catch(async (err: unknown) => { await api.close(); await app.close(); throw err; });
  return { ...app, ...api, jobs, settings, close: async () => { await jobs.close(); await api.close(); await app.close(); } };
}

// Blobs are written before their row is committed; a crash in between leaves blobs no row refers
// to. Start-up removes them, sparing the blobs of another process's crawl in flight.
export async function sweepOrphanBlobs(store: Store, blobs: BlobStore, now = new Date()): Promise<number> {
  return blobs.sweep(await store.referencedBlobs(), new Date(now.getTime() - WRITE_GRACE_MS));
}

// Staged ads of a run whose process died (a crash, a kill) or whose window is over are purged at
// start-up, so a crash can never leave an ad without indicators behind (DESIGN.md §2.3).
export async function purgeAbandonedStaging(store: Store, now = new Date()): Promise<number> {
  const here = { host: hostname(), alive: processAlive };
  let purged = 0;
  for (const run of await store.stagingRuns()) {
    const verdict = stagingVerdict(run, now, here);
    if (verdict !== 'live') purged += await store.purgeStaging(run.runId, verdict, now.toISOString());
  }
  return purged;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

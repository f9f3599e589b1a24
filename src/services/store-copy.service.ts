// Moving an installation between the embedded store and PostgreSQL (`baken store copy`): every row
// of the one copied into the other, recorded in the target's audit trail with counts only, in the
// same transaction as the rows. Files stay in the data directory a PostgreSQL installation shares
// with its machines; a move back to the embedded default copies them into the new data directory.
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Who } from '../accounts/actor.ts';
import type { Config } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import { openPostgresCopySource, openPostgresCopyTarget } from '../store/postgres/copy.postgres.ts';
import { openSqliteCopySource, openSqliteCopyTarget } from '../store/sqlite/copy.sqlite.ts';
import { copyStore, type CopyCounts, type CopySource, type CopyTarget } from '../store/store-copy.ts';
import { auditEvent } from './audit-trail.ts';
import { themesFor } from './context.ts';

/** An installation: its data directory, and its PostgreSQL database when the rows live there. */
export interface Installation { dataDir: string; database: string | null }

export interface CopyRequest { from: Installation; to: Installation; includeStaged: boolean }

export interface CopyResult { from: 'embedded' | 'postgres'; to: 'embedded' | 'postgres'; dataDir: string; tables: CopyCounts; files: number }

export async function copyInstallation(who: Who, config: Config, request: CopyRequest, now: () => Date = () => new Date()): Promise<CopyResult> {
  themesFor(who, 'store.copy', config);
  const { from, to } = request;
  if ((from.database === null) === (to.database === null)) {
    throw new BakenError('USAGE', 'store copy moves an installation between its data directory\'s embedded store and PostgreSQL: '
      + 'give one data directory and one postgres:// URL');
  }
  const toEmbedded = to.database === null;
  if (toEmbedded) {
    refuseFilledDirectory(to.dataDir, from.dataDir);
    if (!existsSync(from.dataDir)) throw new BakenError('NOT_FOUND', `the data directory ${from.dataDir} does not exist (--data)`);
  }
  const source = from.database === null ? openSqliteCopySource(from.dataDir) : await openPostgresCopySource(from.database);
  try {
    const target = to.database === null ? openSqliteCopyTarget(to.dataDir) : await openPostgresCopyTarget(to.database);
    const tables = await copyRows(who, source, target, request, now);
    // Files after rows: a refused copy costs no copying of blobs.
    const files = toEmbedded ? copyFiles(from.dataDir, to.dataDir) : 0;
    return { from: source.kind, to: target.kind, dataDir: to.dataDir, tables, files };
  } catch (e) {
    if (toEmbedded) emptyDirectory(to.dataDir);
    throw e;
  } finally {
    await source.close();
  }
}

function copyRows(who: Who, source: CopySource, target: CopyTarget, request: CopyRequest, now: () => Date): Promise<CopyCounts> {
  return copyStore(source, target, {
    includeStaged: request.includeStaged,
    at: now().toISOString(),
    closing: (tables) => ({
      ...auditEvent(who, 'store.copy', {
        query: { from: source.kind, to: target.kind, includeStaged: request.includeStaged, tables },
        count: Object.values(tables).reduce((a, b) => a + b, 0),
      }),
    }),
  });
}

/** The new data directory must be new: a copy never mixes with what is there. */
function refuseFilledDirectory(dir: string, from: string): void {
  if (resolve(dir) === resolve(from)) throw new BakenError('USAGE', `--to ${dir} is the data directory copied from; name a new one`);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new BakenError('CONFLICT', `${dir} is not empty; copy into a new or empty data directory`);
  }
}

/** Every file of the data directory but the embedded store's own (blobs, keys, checkpoints), as
 *  they are; returns how many. */
function copyFiles(from: string, to: string): number {
  const skipped = new Set(['baken.db', 'baken.db-wal', 'baken.db-shm'].map((f) => join(from, f)));
  let files = 0;
  cpSync(from, to, {
    recursive: true, errorOnExist: true, force: false, preserveTimestamps: true,
    filter: (src) => {
      if (skipped.has(src) || basename(src) === '.tmp') return false;
      if (statSync(src).isFile()) files++;
      return true;
    },
  });
  return files;
}

/** Undoes a copy into a new data directory: it was empty before, so all it holds is the copy's. */
function emptyDirectory(dir: string): void {
  for (const entry of existsSync(dir) ? readdirSync(dir) : []) rmSync(join(dir, entry), { recursive: true, force: true });
}

// Content-addressed artefacts (HTML, images, screenshots) as files: <dataDir>/blobs/<ab>/<sha256>.
// A file's name is the hash of its bytes, so `verify` can prove it unchanged and two ads sharing an
// image share one file.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { BakenError } from '../domain/errors.ts';
import type { BlobStore } from './store.ts';

const HASH = /^[0-9a-f]{64}$/;
const PREFIX = /^[0-9a-f]{2}$/;

export function createFileBlobStore(dataDir: string): FileBlobStore {
  return new FileBlobStore(join(dataDir, 'blobs'));
}

export class FileBlobStore implements BlobStore {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  async put(bytes: Uint8Array): Promise<string> {
    const hash = sha256Hex(bytes);
    const target = this.pathOf(hash);
    // A file already there is touched, not rewritten: a purge or sweep deciding right now sees it as
    // new and spares it for the row this put is about to be committed with.
    if (await touched(target)) return hash;
    const tmpDir = join(this.root, '.tmp');
    const dir = join(this.root, hash.slice(0, 2));
    // 0700: artefacts are police data; nobody else on the machine may read them.
    await mkdir(tmpDir, { recursive: true, mode: 0o700 });
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const tmp = join(tmpDir, `${hash}.${randomUUID()}`);
    try {
      const file = await open(tmp, 'wx', 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      // A crash must leave either no file or the whole file under its hash, never a torn one.
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    await syncDir(dir);
    return hash;
  }

  async get(sha256: string): Promise<Buffer> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.pathOf(sha256));
    } catch (err) {
      if (isNotFound(err)) throw new Error(`blob ${sha256} is not in ${this.root}`, { cause: err });
      throw err;
    }
    // Evidence is only handed out when it is provably what was captured.
    const actual = sha256Hex(bytes);
    if (actual !== sha256) throw new Error(`blob ${sha256} in ${this.root} is corrupt: its bytes hash to ${actual}`);
    return bytes;
  }

  async has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  async delete(sha256: string, writtenBefore?: Date): Promise<boolean> {
    const path = this.pathOf(sha256);
    const written = (await stat(path).catch((err: unknown) => { if (isNotFound(err)) return null; throw err; }))?.mtime;
    if (written === undefined || (writtenBefore !== undefined && written >= writtenBefore)) return false;
    await rm(path, { force: true });
    return true;
  }

  async *list(): AsyncIterable<string> {
    for (const prefix of (await readdirIfAny(this.root)).filter((d) => PREFIX.test(d)).sort()) {
      const names = await readdirIfAny(join(this.root, prefix));
      for (const name of names.sort()) {
        if (HASH.test(name) && name.startsWith(prefix)) yield name;
      }
    }
  }

  async sweep(keep: Set<string>, before: Date): Promise<number> {
    let removed = 0;
    for await (const hash of this.list()) {
      if (!keep.has(hash) && await this.delete(hash, before)) removed++;
    }
    const old = async (path: string) => (await stat(path).catch(() => null))?.mtime ?? before;
    const tmpDir = join(this.root, '.tmp');
    for (const name of await readdirIfAny(tmpDir)) {
      if (await old(join(tmpDir, name)) < before) await rm(join(tmpDir, name), { force: true });
    }
    return removed;
  }

  private pathOf(sha256: string): string {
    // The hash becomes a path: anything but 64 lower-case hex could walk out of the blob folder.
    if (typeof sha256 !== 'string' || !HASH.test(sha256)) {
      throw new BakenError('STORE_REJECTED', `blob hash ${JSON.stringify(sha256)} is not a SHA-256 (64 lower-case hex characters)`);
    }
    return join(this.root, sha256.slice(0, 2), sha256);
  }
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Marks an existing file as written now; false when there is no such file. */
async function touched(path: string): Promise<boolean> {
  const now = new Date();
  try {
    await utimes(path, now, now);
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

async function readdirIfAny(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if (isNotFound(err)) return [];
    throw err;
  }
}

/** Makes the rename itself durable, not only the file's bytes. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isNotFound(err: unknown): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === 'ENOENT';
}

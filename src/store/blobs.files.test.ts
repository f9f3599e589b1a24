import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BakenError } from '../domain/errors.ts';
import { createFileBlobStore, type FileBlobStore } from './blobs.files.ts';

async function withBlobs(test: (blobs: FileBlobStore, dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'baken-blobs-'));
  try {
    await test(createFileBlobStore(dataDir), dataDir);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function listAll(blobs: FileBlobStore): Promise<string[]> {
  const hashes: string[] = [];
  for await (const hash of blobs.list()) hashes.push(hash);
  return hashes;
}

const bytes = new TextEncoder().encode('<html>an ad</html>');
const expected = createHash('sha256').update(bytes).digest('hex');

describe('file blob store', () => {
  it('returns the SHA-256 of the bytes and gives the same bytes back', () => withBlobs(async (blobs, dataDir) => {
    const hash = await blobs.put(bytes);
    assert.equal(hash, expected);
    assert.deepEqual(new Uint8Array(await blobs.get(hash)), bytes);
    assert.equal(await blobs.has(hash), true);
    assert.deepEqual(await readdir(join(dataDir, 'blobs', hash.slice(0, 2))), [hash]);
  }));

  it('stores the same bytes once however often they are put', () => withBlobs(async (blobs) => {
    assert.equal(await blobs.put(bytes), expected);
    assert.equal(await blobs.put(bytes), expected);
    assert.deepEqual(await listAll(blobs), [expected]);
  }));

  it('lists every stored hash', () => withBlobs(async (blobs) => {
    const a = await blobs.put(new TextEncoder().encode('a'));
    const b = await blobs.put(new TextEncoder().encode('b'));
    assert.deepEqual((await listAll(blobs)).sort(), [a, b].sort());
  }));

  it('deletes a blob and does not mind deleting one that is gone', () => withBlobs(async (blobs) => {
    const hash = await blobs.put(bytes);
    assert.equal(await blobs.delete(hash), true);
    assert.equal(await blobs.has(hash), false);
    assert.deepEqual(await listAll(blobs), []);
    assert.equal(await blobs.delete(hash), false);
  }));

  it('spares a blob written, or put again, at or after the time a deletion names', () => withBlobs(async (blobs, dataDir) => {
    const hash = await blobs.put(bytes);
    const file = join(dataDir, 'blobs', hash.slice(0, 2), hash);
    const long = new Date('2025-01-01T00:00:00.000Z');
    await utimes(file, long, long);
    const purgeFrom = new Date(Date.now() - 60_000);
    await blobs.put(bytes);
    assert.ok((await stat(file)).mtime >= purgeFrom, 'putting bytes it holds marks the file as written now');
    assert.equal(await blobs.delete(hash, purgeFrom), false);
    assert.equal(await blobs.has(hash), true);
    await utimes(file, long, long);
    assert.equal(await blobs.delete(hash, purgeFrom), true);
    assert.equal(await blobs.has(hash), false);
  }));

  it('throws an error naming the hash when a blob is missing', () => withBlobs(async (blobs) => {
    await assert.rejects(blobs.get(expected), (err: Error) => err.message.includes(expected) && /not in/.test(err.message));
  }));

  it('refuses to hand out a blob whose bytes no longer match its hash', () => withBlobs(async (blobs, dataDir) => {
    const hash = await blobs.put(bytes);
    await writeFile(join(dataDir, 'blobs', hash.slice(0, 2), hash), 'tampered');
    await assert.rejects(blobs.get(hash), /corrupt/);
  }));

  it('rejects hashes that are not 64 lower-case hex, such as path traversal', () => withBlobs(async (blobs) => {
    const bad = ['../x', `../${expected.slice(3)}`, expected.toUpperCase(), `${expected.slice(0, 63)}/`, '', 'ab/../../etc/passwd'];
    for (const hash of bad) {
      const rejected = (err: unknown) => err instanceof BakenError && err.code === 'STORE_REJECTED';
      await assert.rejects(blobs.get(hash), rejected, `get(${JSON.stringify(hash)})`);
      await assert.rejects(blobs.has(hash), rejected, `has(${JSON.stringify(hash)})`);
      await assert.rejects(blobs.delete(hash), rejected, `delete(${JSON.stringify(hash)})`);
    }
  }));

  it('leaves no temporary file behind after a put', () => withBlobs(async (blobs, dataDir) => {
    await blobs.put(bytes);
    assert.deepEqual(await readdir(join(dataDir, 'blobs', '.tmp')), []);
  }));

  it('lists nothing for a data directory that holds no blobs yet', () => withBlobs(async (blobs) => {
    assert.deepEqual(await listAll(blobs), []);
  }));
});

describe('FileBlobStore.sweep', () => {
  it('removes old unreferenced blobs and keeps referenced and recent ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'baken-sweep-'));
    try {
      const blobs = createFileBlobStore(dir);
      const kept = await blobs.put(Buffer.from('kept'));
      const orphan = await blobs.put(Buffer.from('orphan'));
      assert.equal(await blobs.sweep(new Set([kept]), new Date(Date.now() - 60_000)), 0, 'recent orphans survive');
      assert.equal(await blobs.sweep(new Set([kept]), new Date(Date.now() + 60_000)), 1);
      assert.equal(await blobs.has(kept), true);
      assert.equal(await blobs.has(orphan), false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// Two kept ads that show the same photo (issue 17): stored once, exported standalone from either
// ad or both, checked by verify for each ad, and erased only when neither ad needs it any more.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { WARCParser } from 'warcio';
import { sha256Hex } from '../domain/canonical-json.ts';
import { createFileBlobStore } from '../store/blobs.files.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';
import { warcExport } from './export.ts';
import { anchoredStore } from './log-anchor.ts';
import { sealedRun } from './sealed-ad.fixtures.ts';
import { verifyAdEvidence, verifyEvidence } from './verify.ts';
import { checkWarc } from './warc-check.ts';

/** Random bytes stand in for JPEGs: gzip cannot shrink them, so sizes show where they are written. */
const shared = randomBytes(40_000);
const ownOfA = randomBytes(30_000);
const ownOfB = randomBytes(30_000);

async function withTwoAds(test: (ctx: Awaited<ReturnType<typeof open>>) => Promise<void>): Promise<void> {
  const ctx = await open();
  try { await test(ctx); } finally {
    await ctx.store.close();
    await rm(ctx.dataDir, { recursive: true, force: true });
  }
}

async function open() {
  const dataDir = await mkdtemp(join(tmpdir(), 'baken-shared-photo-'));
  const { store } = anchoredStore(await openSqliteStore(dataDir), dataDir);
  const blobs = createFileBlobStore(dataDir);
  const [a, b] = await sealedRun(store, 'mensenhandel', [
    { url: 'https://ads.example/a', seenAt: '2025-03-01T10:00:00.000Z', photos: [ownOfA, shared] },
    { url: 'https://ads.example/b', seenAt: '2025-09-01T10:00:00.000Z', photos: [shared, ownOfB] },
  ], { blobs, dataDir });
  return { dataDir, store, blobs, a: a!, b: b!, deps: { store, blobs, dataDir, themes: ['mensenhandel'] } };
}

/** Per record holding or naming the shared photo: its type, URI and what it refers to. */
async function sharedRecords(warc: Buffer): Promise<{ type: string; id: string; refersTo: string | null; payload: Buffer }[]> {
  const digest = `sha256:${sha256Hex(shared)}`;
  const out = [];
  for await (const r of WARCParser.iterRecords([warc], { parseHttp: true })) {
    const payload = Buffer.from(await r.readFully(false));
    if (r.warcPayloadDigest === digest) out.push({ type: r.warcType!, id: r.warcHeader('WARC-Record-ID')!, refersTo: r.warcHeader('WARC-Refers-To') ?? null, payload });
  }
  return out;
}

describe('a photo two kept ads share', () => {
  it('is written once: one blob, in no WARC', () => withTwoAds(async ({ blobs }) => {
    let holding = 0;
    for await (const sha of blobs.list()) {
      const bytes = await blobs.get(sha);
      const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
      if (plain.includes(shared)) holding++;
    }
    assert.equal(holding, 1, 'blobs holding the shared photo');
    assert.equal(await blobs.has(sha256Hex(shared)), true);
  }));

  it('is in the exported WARC of each ad alone, and written once, then revisited, in an export of both', () => withTwoAds(async ({ deps, a, b }) => {
    for (const ad of [a, b]) {
      const { bytes } = await warcExport(deps, ad.adId);
      assert.deepEqual((await checkWarc(bytes)).problems, [], ad.adId);
      const records = await sharedRecords(bytes);
      assert.deepEqual(records.map((r) => r.type), ['response'], ad.adId);
      assert.deepEqual(records[0]!.payload, shared);
    }
    const { bytes, captures } = await warcExport(deps);
    assert.equal(captures.length, 2);
    assert.deepEqual((await checkWarc(bytes)).problems, []);
    const records = await sharedRecords(bytes);
    assert.deepEqual(records.map((r) => r.type), ['response', 'revisit']);
    assert.equal(records[1]!.refersTo, records[0]!.id, 'the revisit refers to the record holding the photo');
    assert.ok(bytes.length < shared.length + ownOfA.length + ownOfB.length + 20_000, `${bytes.length} bytes: the photo once`);
  }));

  it('with one byte flipped, is named by verify for every ad that shows it', () => withTwoAds(async ({ dataDir, store, blobs, a, b }) => {
    const sha = sha256Hex(shared);
    const file = join(blobs.root, sha.slice(0, 2), sha);
    const bytes = await readFile(file);
    bytes[1000]! ^= 0x01;
    await writeFile(file, bytes);
    for (const ad of [a, b]) {
      const { failures } = await verifyAdEvidence({ store, blobs, dataDir }, ad.adId);
      assert.ok(failures.some((f) => f.what === `capture ${ad.captureId}` && f.why === `its image ${sha} is damaged or missing`), JSON.stringify(failures));
    }
    const { failures } = await verifyEvidence({ store, blobs, dataDir });
    assert.deepEqual(failures.filter((f) => f.what.startsWith('capture ')).map((f) => f.what).sort(), [`capture ${a.captureId}`, `capture ${b.captureId}`].sort());
  }));

  it('stays while another kept ad needs it when one ad is purged, and is erased when both are', () => withTwoAds(async ({ store, blobs }) => {
    const sha = sha256Hex(shared);
    const first = await store.purgeExpired('mensenhandel', { lastSeenBefore: '2025-06-01T00:00:00.000Z' }, '2025-09-02T00:00:00.000Z');
    assert.equal(first.ads, 1);
    assert.ok(!first.blobs.includes(sha), 'the shared photo is not among the files to erase');
    assert.ok(first.blobs.includes(sha256Hex(ownOfA)), 'the purged ad\'s own photo is');
    for (const blob of first.blobs) await blobs.delete(blob);
    assert.equal(await blobs.has(sha), true);

    const second = await store.purgeExpired('mensenhandel', { lastSeenBefore: '2026-01-01T00:00:00.000Z' }, '2026-01-02T00:00:00.000Z');
    assert.ok(second.blobs.includes(sha), 'no ad needs the photo any more');
    for (const blob of second.blobs) await blobs.delete(blob);
    assert.equal(await blobs.has(sha), false);
    let left = 0;
    for await (const _ of blobs.list()) left++;
    assert.equal(left, 0, 'no file of either ad is left');
  }));
});

// Search by photo through the real app: a demo ad's picture, resized and re-encoded, finds the ads
// that carry it first; an unrelated picture finds nothing; the upload is nowhere on disk afterwards;
// bad uploads are refused with a clear problem and change nothing; themes without pictures have none.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { renderPicture } from '../../demo/images.ts';
import { perceptualHash } from '../analyse/image-hash.ts';
import { PHOTO_LIMITS } from '../services/photo-search.service.ts';
import { keptAd, startTestRun } from '../store/store.fixtures.ts';
import { auditSince, lastAuditSeq, openApiWorld, type ApiWorld, type Session } from './api.fixtures.ts';

const WHY = 'justification=PL0900-2026-16';
const PICTURE = { picture: 4242, width: 480, height: 360, quality: 82 };

interface Answer { hash: string; maxDistance: number; total: number; truncated: boolean; hits: { id: string; distance: number; image: number | null; summary: { title: string | null } | null }[] }

/** Every file under `dir` changed since `since` that holds `needle` (unreadable entries are skipped: tmp is shared). */
function filesHolding(dir: string, needle: Buffer, since: number): string[] {
  const found: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of entries) {
    const path = join(dir, name);
    try {
      const st = statSync(path);
      if (st.isDirectory()) found.push(...filesHolding(path, needle, since));
      else if (st.isFile() && st.mtimeMs >= since && st.size < 64 * 1024 * 1024 && readFileSync(path).includes(needle)) found.push(path);
    } catch {
      continue;
    }
  }
  return found;
}

describe('search by photo', { timeout: 120_000 }, () => {
  let w: ApiWorld;
  let expert: Session;
  let ads: { first: string; reused: string; other: string };

  before(async () => {
    w = await openApiWorld();
    expert = await w.login('expert-mensenhandel');
    // Two ads carry the demo picture (the second a re-encoded copy at another size, as the demo reuses pictures), one another picture.
    const runId = await startTestRun(w.store);
    const save = async (url: string, picture: Buffer, title: string) => (await w.store.saveAd(keptAd(runId, {
      url, fields: { title, city: 'Utrecht' }, perceptualHashes: [await perceptualHash(picture)],
    }))).adId;
    ads = {
      first: await save('https://ads.example/photo/1', await renderPicture(PICTURE), 'Eerste'),
      reused: await save('https://ads.example/photo/2', await renderPicture({ ...PICTURE, width: 640, height: 480, quality: 70 }), 'Hergebruikt'),
      other: await save('https://ads.example/photo/3', await renderPicture({ ...PICTURE, picture: 17 }), 'Anders'),
    };
  });
  after(() => w?.close());

  const upload = (session: Session, body: Uint8Array, query = '', type = 'image/jpeg') => w.app.inject({
    method: 'POST', url: `/api/images/search?${WHY}${query}`, headers: { ...session.headers, 'content-type': type }, payload: Buffer.from(body),
  });

  it('finds the ads carrying a demo picture first when it is resized and re-encoded as JPEG, each with its distance', async () => {
    const resized = await sharp(await renderPicture(PICTURE)).resize(300, 225).jpeg({ quality: 55 }).toBuffer();
    const res = await upload(expert, resized);
    assert.equal(res.statusCode, 200, res.body);
    const answer = res.json() as Answer;
    assert.equal(answer.maxDistance, 10, 'the configured default');
    assert.deepEqual(answer.hits.map((h) => h.id).sort(), [ads.first, ads.reused].sort(), 'both ads with the picture, and no other');
    assert.ok(answer.hits.every((h) => h.distance <= 10 && h.image === 0 && h.summary !== null));
    assert.deepEqual(answer.hits.map((h) => h.distance), answer.hits.map((h) => h.distance).sort((a, b) => a - b), 'nearest first');
    assert.equal(answer.hash, await perceptualHash(resized));
  });

  it('finds nothing within the threshold for an unrelated picture', async () => {
    const res = await upload(expert, await renderPicture({ ...PICTURE, picture: 90_210 }));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().total, res.json().hits], [0, []]);
  });

  it('narrows to a smaller distance on request, but never beyond the configured one', async () => {
    const exact = await upload(expert, await renderPicture(PICTURE), '&maxDistance=0');
    assert.equal(exact.statusCode, 200, exact.body);
    const hits = (exact.json() as Answer).hits;
    assert.ok(hits.some((h) => h.id === ads.first) && hits.every((h) => h.distance === 0), JSON.stringify(hits));
    const wider = await upload(expert, await renderPicture(PICTURE), '&maxDistance=11');
    assert.deepEqual([wider.statusCode, wider.json().code], [400, 'INPUT_INVALID']);
    assert.match(wider.json().detail, /maxDistance must be a whole number from 0 to 10/);
  });

  it('records the picture\'s hash and the ads found in the audit trail, never the picture', async () => {
    const picture = await renderPicture(PICTURE);
    const from = await lastAuditSeq(w.store);
    const res = await upload(expert, picture);
    const events = (await auditSince(w.store, from)).map((e) => e.body);
    assert.deepEqual(events.map((e) => [e.action, e['query'], e['count'], e['justification']]),
      [['ads.image-search', { hash: res.json().hash, maxDistance: 10 }, 2, 'PL0900-2026-16']]);
    assert.deepEqual([...(events[0]!['resources'] as string[])].sort(), [ads.first, ads.reused].sort());
    assert.ok(JSON.stringify(events).length < 2000, 'the event is small: no picture in it');
  });

  it('leaves the uploaded bytes nowhere on disk', async () => {
    const since = Date.now() - 1000;
    // A marker after the picture's end: decoders ignore it, and any copy of the upload would hold it.
    const marker = Buffer.from(`baken-photo-marker-${process.pid}-${since}`);
    const bytes = Buffer.concat([await renderPicture({ ...PICTURE, quality: 64 }), marker]);
    const res = await upload(expert, bytes);
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(res.json().total >= 1);
    assert.deepEqual(filesHolding(w.dataDir, marker, 0), [], 'nothing in the data directory');
    assert.deepEqual(filesHolding(tmpdir(), marker, since), [], 'nothing in the temporary directory');
  });

  it('refuses bad uploads with a clear problem and changes nothing', async () => {
    const before = await w.store.search({ themes: ['mensenhandel'] });
    const from = await lastAuditSeq(w.store);
    const cases: [string, Promise<{ statusCode: number; json(): { code: string; detail: string } }>, number, RegExp][] = [
      ['not a picture', upload(expert, Buffer.from('this is a letter, not a photo')), 400, /not a picture Baken can read/],
      ['empty', upload(expert, new Uint8Array(0)), 400, /expected the file as the request body/],
      ['too large', upload(expert, new Uint8Array(PHOTO_LIMITS.bytes + 1)), 413, /./],
      ['sent as text', upload(expert, Buffer.from('x'), '', 'text/plain'), 400, /expected the file as the request body/],
    ];
    for (const [label, call, status, detail] of cases) {
      const res = await call;
      assert.equal(res.statusCode, status, `${label}: ${JSON.stringify(res.json())}`);
      assert.equal(res.json().code, 'INPUT_INVALID', label);
      assert.match(res.json().detail, detail, label);
    }
    assert.deepEqual(await w.store.search({ themes: ['mensenhandel'] }), before, 'the store is as it was');
    const actions = (await auditSince(w.store, from)).map((e) => e.body.action);
    assert.ok(actions.every((a) => a === 'request.refused'), `only refusals are recorded: ${actions.join(', ')}`);
  });

  it('has no search by photo in a theme that stores no pictures, and keeps other themes out', async () => {
    const picture = await renderPicture(PICTURE);
    const municipal = await upload(await w.login('expert-toezicht'), picture, '&theme=toezicht');
    assert.deepEqual([municipal.statusCode, municipal.json().code], [400, 'INPUT_INVALID']);
    assert.match(municipal.json().detail, /the theme toezicht stores no pictures/);
    const supervisor = await upload(await w.login('supervisor-toezicht'), picture);
    assert.equal(supervisor.statusCode, 400);
    assert.match(supervisor.json().detail, /none of your themes stores pictures/);
    assert.equal((await upload(await w.login('supervisor-toezicht'), picture, '&theme=mensenhandel')).statusCode, 404);
    assert.equal((await upload(await w.login('admin-mensenhandel'), picture)).statusCode, 403);
    const analyst = await upload(await w.login('analyst-mensenhandel'), picture);
    assert.equal(analyst.statusCode, 200, 'analysts search as they search by text');
  });
});

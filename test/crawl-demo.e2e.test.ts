// The walking skeleton end to end: crawl all three demo platforms in real Chromium through the CLI
// and check the outcome against the platforms' ground truth.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { openSqliteStore } from '../src/store/sqlite/store.sqlite.ts';
import { adId } from '../src/store/ad-keys.ts';
import type { Store, StoredAd } from '../src/store/store.ts';
import { FIELD_NAMES } from '../src/domain/ad.ts';
import { BAKEN_BIN, filesUnder, startDemoEnv, type DemoEnv, type Truth, type TruthAd } from './demo-env.ts';

const run = promisify(execFile);

describe('crawling the demo platforms', { timeout: 15 * 60_000 }, () => {
  let env: DemoEnv;
  let truth: Truth;
  let summary: Record<string, unknown>;
  let store: Store;
  const stored = new Map<string, StoredAd | null>();

  before(async () => {
    env = await startDemoEnv();
    truth = await env.truth();
    const { stdout } = await run(process.execPath, [BAKEN_BIN, 'crawl', '--theme', 'mensenhandel', '--json',
      '--data', env.dataDir, '--config', env.configDir], { maxBuffer: 1 << 20 });
    summary = JSON.parse(stdout);
    store = await openSqliteStore(env.dataDir);
    for (const ad of truth.ads) stored.set(ad.id, await store.getAd(adId('mensenhandel', ad.url), ['mensenhandel']));
  });
  after(async () => { await store?.close(); await env?.close(); });

  const planted = () => truth.ads.filter((a) => a.planted.length > 0);
  const clean = () => truth.ads.filter((a) => a.planted.length === 0);

  it('prints one JSON summary that adds up', () => {
    assert.deepEqual(Object.keys(summary).sort(), ['captured', 'deleted', 'durationMs', 'failed', 'kept', 'run']);
    assert.equal(summary.captured, truth.ads.length);
    assert.equal(summary.failed, 0);
    assert.equal(summary.kept, planted().length);
    assert.equal(summary.deleted, clean().length);
  });

  it('keeps every ad with planted indicators', () => {
    const missing = planted().filter((a) => !stored.get(a.id)).map((a) => a.id);
    assert.deepEqual(missing, [], `planted ads not kept: ${missing.join(', ')}`);
  });

  it('deletes every ad without planted indicators', () => {
    const kept = clean().filter((a) => stored.get(a.id)).map((a) => a.id);
    assert.deepEqual(kept, [], `clean ads kept: ${kept.join(', ')}`);
  });

  it('leaves no text, URL, image or screenshot of a deleted ad anywhere in the data directory', async () => {
    const files = filesUnder(env.dataDir).map((f) => readFileSync(f));
    const contains = (needle: string) => files.some((b) => b.includes(needle));
    // Sanity: the search does find what was kept, so its silence about deleted ads means something.
    const keptAd = planted()[0]!;
    assert.ok(contains(keptAd.ref!), 'the reference of a kept ad should be found in the data dir');
    for (const ad of clean()) {
      assert.ok(!contains(ad.ref!), `reference of deleted ad ${ad.id} found in the data dir`);
      assert.ok(!contains(new URL(ad.url).pathname), `URL of deleted ad ${ad.id} found in the data dir`);
    }
    const blobNames = new Set(filesUnder(join(env.dataDir, 'blobs')).map((f) => f.split('/').pop()));
    for (const ad of clean()) {
      for (const img of ad.fields.images) {
        const sha = createHash('sha256').update(Buffer.from(await (await fetch(img)).arrayBuffer())).digest('hex');
        assert.ok(!blobNames.has(sha), `image ${img} of deleted ad ${ad.id} is stored`);
      }
    }
    const referenced = await store.referencedBlobs();
    assert.deepEqual([...blobNames].filter((n) => !referenced.has(n!)), [], 'every blob belongs to a kept capture');
  });

  it('stores each kept ad with its screenshot, HTML, images and forensic metadata', () => {
    for (const ad of planted()) {
      const s = stored.get(ad.id)!;
      assert.equal(s.artefacts.filter((a) => a.kind === 'screenshot').length, 1, `${ad.id} screenshot`);
      assert.equal(s.artefacts.filter((a) => a.kind === 'html').length, 1, `${ad.id} html`);
      assert.equal(s.artefacts.filter((a) => a.kind === 'image').length, ad.fields.images.length, `${ad.id} images`);
      assert.equal(s.meta.status, 200);
      assert.equal(s.meta.serverIp, '127.0.0.1');
      assert.match(s.meta.capturedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.match(s.meta.softwareVersion, /^baken\/\d/);
      assert.ok(s.meta.headers['content-type'], `${ad.id} headers`);
      assert.deepEqual(s.hits.map((h) => h.id).filter((id) => (ad.planted as string[]).includes(id)).sort(), [...ad.planted].sort(),
        `${ad.id}: every planted indicator is explained`);
    }
  });

  it('extracts every field of the kept ads as the platform shows it', () => {
    const fields = FIELD_NAMES;
    const wrong: string[] = [];
    const norm = (v: unknown) => JSON.stringify(v, (_, x) => typeof x === 'string' ? x.replace(/\s+/g, ' ').trim() : x);
    for (const ad of planted()) {
      const got = stored.get(ad.id)!.fields;
      for (const f of fields) {
        if (norm(got[f]) !== norm(ad.fields[f])) wrong.push(`${ad.id}.${f}: expected ${norm(ad.fields[f])}, got ${norm(got[f])}`);
      }
    }
    assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} wrong fields`);
  });

  it('explains each cross-ad hit with the other kept ads of the same truth network, never naming a deleted one', () => {
    const idOf = new Map(truth.ads.map((a) => [a.id, adId('mensenhandel', a.url)]));
    const deleted = new Set(clean().map((a) => idOf.get(a.id)!));
    const signals = { phone: 'shared-phone', image: 'shared-image', template: 'template-text' } as const;
    for (const [kind, indicator] of Object.entries(signals)) {
      const networks = truth.networks.filter((n) => n.kind === kind);
      assert.ok(networks.length > 0, `the demo has ${kind} networks`);
      for (const network of networks) {
        const kept = network.ads.filter((a) => stored.get(a));
        for (const member of kept) {
          const hit = stored.get(member)!.hits.find((h) => h.id === indicator);
          assert.ok(hit, `${member} of ${kind} network ${network.id} is kept with a ${indicator} hit`);
          const linked = hit.evidence.flatMap((e) => (e.kind === 'linked' ? e.ads : []));
          const others = kept.filter((a) => a !== member).map((a) => idOf.get(a)!);
          assert.deepEqual(others.filter((o) => !linked.includes(o)), [], `${member}'s ${indicator} evidence names the kept ads of its network`);
          assert.deepEqual(linked.filter((id) => deleted.has(id)), [], `${member}'s evidence names no deleted ad`);
        }
      }
    }
  });

  it('answers `baken network` with the whole truth network of an ad, each link with its reason', async () => {
    const network = truth.networks.find((n) => n.kind === 'template')!;
    const ids = network.ads.map((a) => adId('mensenhandel', truth.ads.find((t) => t.id === a)!.url));
    const { stdout } = await run(process.execPath, [BAKEN_BIN, 'network', '--ad', ids[0]!, '--json', '--data', env.dataDir, '--config', env.configDir]);
    const found = JSON.parse(stdout) as { theme: string; ads: string[]; links: { a: string; b: string; reason: string }[] };
    assert.equal(found.theme, 'mensenhandel');
    assert.deepEqual(ids.filter((id) => !found.ads.includes(id)), [], 'every ad of the template network is in it');
    assert.ok(found.links.some((l) => l.reason === 'template-text' && ids.includes(l.a) && ids.includes(l.b)));
  });

  it('leaves nothing in staging once the run is over', () => {
    const db = new DatabaseSync(join(env.dataDir, 'baken.db'), { readOnly: true });
    try {
      assert.equal(db.prepare('SELECT count(*) AS n FROM staged_ads').get()!['n'], 0);
    } finally {
      db.close();
    }
  });

  it('finds kept ads by full-text search, never deleted ones', async () => {
    const ad: TruthAd = planted()[0]!;
    const word = String(ad.fields.alias);
    const result = await store.search({ themes: ['mensenhandel'], text: word, limit: 200 });
    assert.ok(result.hits.some((h) => h.url === ad.url), `search for ${word} finds ${ad.id}`);
    const cleanUrls = new Set(clean().map((a) => a.url));
    assert.ok(result.hits.every((h) => !cleanUrls.has(h.url)));
  });
});

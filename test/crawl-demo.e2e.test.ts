// The walking skeleton end to end: crawl all three demo platforms in real Chromium through the CLI
// and check the outcome against what the analysis of the platforms' ground truth keeps.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { openSqliteStore } from '../src/store/sqlite/store.sqlite.ts';
import { adId } from '../src/domain/ad-keys.ts';
import type { Store, StoredAd } from '../src/store/store.ts';
import { FIELD_NAMES } from '../src/domain/ad.ts';
import { ROLES, type Role } from '../src/accounts/roles.ts';
import { hashPassword } from '../src/accounts/passwords.ts';
import { buildApi } from '../src/api/build-api.ts';
import { openApiApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { BAKEN_BIN, expectedKept, filesUnder, runBaken, startDemoEnv, type DemoEnv, type ExpectedCrawl, type Truth, type TruthAd } from './demo-env.ts';

const run = promisify(execFile);

describe('crawling the demo platforms', { timeout: 15 * 60_000 }, () => {
  let env: DemoEnv;
  let truth: Truth;
  let summary: Record<string, unknown>;
  let store: Store;
  let expected: ExpectedCrawl;
  const stored = new Map<string, StoredAd | null>();

  before(async () => {
    env = await startDemoEnv();
    truth = await env.truth();
    expected = await expectedKept(env, truth);
    const { stdout } = await run(process.execPath, [BAKEN_BIN, 'crawl', '--theme', 'mensenhandel', '--json',
      '--data', env.dataDir, '--config', env.configDir], { maxBuffer: 1 << 20 });
    summary = JSON.parse(stdout);
    store = await openSqliteStore(env.dataDir);
    for (const ad of truth.ads) stored.set(ad.id, await store.getAd(adId('mensenhandel', ad.url), ['mensenhandel']));
  });
  after(async () => { await store?.close(); await env?.close(); });

  // What the analysis of the truth keeps, not what was planted: the demo does not know the profile.
  const toKeep = () => truth.ads.filter((a) => expected.ids.has(a.id));
  const toDelete = () => truth.ads.filter((a) => !expected.ids.has(a.id));

  it('prints one JSON summary that adds up', () => {
    assert.deepEqual(Object.keys(summary).sort(), ['captured', 'deleted', 'durationMs', 'failed', 'kept', 'run']);
    assert.equal(summary.captured, truth.ads.length);
    assert.equal(summary.failed, 0);
    assert.equal(summary.kept, toKeep().length);
    assert.equal(summary.deleted, toDelete().length);
  });

  it('records the collection in the audit trail, under the operator running it, with its counts only', async () => {
    const crawls = (await store.readLog('audit')).map((e) => e.body).filter((b) => b['action'] === 'crawl.run');
    assert.deepEqual(crawls.map((b) => [b['actor'], b['role'], b['themes'], b['resources'], b['count'], b['outcome']]),
      [['cli', 'admin', ['mensenhandel'], [summary.run], summary.kept, 'ok']]);
    const { run: _, ...counts } = summary;
    assert.deepEqual(crawls[0]!['query'], counts);
  });

  it('keeps every ad that the analysis of the truth keeps', () => {
    assert.ok(toKeep().length > 50, `the analysis keeps ${toKeep().length} ads`);
    const missing = toKeep().filter((a) => !stored.get(a.id)).map((a) => a.id);
    assert.deepEqual(missing, [], `ads not kept: ${missing.join(', ')}`);
  });

  it('deletes every ad that the analysis of the truth deletes', () => {
    const kept = toDelete().filter((a) => stored.get(a.id)).map((a) => a.id);
    assert.deepEqual(kept, [], `clean ads kept: ${kept.join(', ')}`);
  });

  it('leaves no text, URL, image or screenshot of a deleted ad anywhere in the data directory', async () => {
    const files = filesUnder(env.dataDir).map((f) => readFileSync(f));
    const contains = (needle: string) => files.some((b) => b.includes(needle));
    // Sanity: the search does find what was kept, so its silence about deleted ads means something.
    const keptAd = toKeep()[0]!;
    assert.ok(contains(keptAd.ref!), 'the reference of a kept ad should be found in the data dir');
    for (const ad of toDelete()) {
      assert.ok(!contains(ad.ref!), `reference of deleted ad ${ad.id} found in the data dir`);
      assert.ok(!contains(new URL(ad.url).pathname), `URL of deleted ad ${ad.id} found in the data dir`);
    }
    const blobNames = new Set(filesUnder(join(env.dataDir, 'blobs')).map((f) => f.split('/').pop()));
    for (const ad of toDelete()) {
      for (const img of ad.fields.images) {
        const sha = createHash('sha256').update(Buffer.from(await (await fetch(img)).arrayBuffer())).digest('hex');
        assert.ok(!blobNames.has(sha), `image ${img} of deleted ad ${ad.id} is stored`);
      }
    }
    const referenced = await store.referencedBlobs();
    assert.deepEqual([...blobNames].filter((n) => !referenced.has(n!)), [], 'every blob belongs to a kept capture');
  });

  it('stores each kept ad with its screenshot, HTML, images and forensic metadata', () => {
    for (const ad of toKeep()) {
      const s = stored.get(ad.id)!;
      assert.equal(s.artefacts.filter((a) => a.kind === 'screenshot').length, 1, `${ad.id} screenshot`);
      assert.equal(s.artefacts.filter((a) => a.kind === 'html').length, 1, `${ad.id} html`);
      assert.equal(s.artefacts.filter((a) => a.kind === 'image').length, ad.fields.images.length, `${ad.id} images`);
      assert.equal(s.meta.status, 200);
      assert.equal(s.meta.serverIp, '127.0.0.1');
      assert.match(s.meta.capturedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.match(s.meta.softwareVersion, /^baken\/\d/);
      assert.ok(s.meta.headers['content-type'], `${ad.id} headers`);
      assert.deepEqual(s.hits.map((h) => h.id).sort(), [...expected.hits.get(ad.id)!].sort(), `${ad.id}: explained by the hits the analysis gives`);
    }
  });

  it('extracts every field of the kept ads as the platform shows it', () => {
    const fields = FIELD_NAMES;
    const wrong: string[] = [];
    const norm = (v: unknown) => JSON.stringify(v, (_, x) => typeof x === 'string' ? x.replace(/\s+/g, ' ').trim() : x);
    for (const ad of toKeep()) {
      const got = stored.get(ad.id)!.fields;
      for (const f of fields) {
        if (norm(got[f]) !== norm(ad.fields[f])) wrong.push(`${ad.id}.${f}: expected ${norm(ad.fields[f])}, got ${norm(got[f])}`);
      }
    }
    assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} wrong fields`);
  });

  it('explains each cross-ad hit with the other kept ads of the same truth network, never naming a deleted one', () => {
    const idOf = new Map(truth.ads.map((a) => [a.id, adId('mensenhandel', a.url)]));
    const deleted = new Set(toDelete().map((a) => idOf.get(a.id)!));
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
    // A template network the analysis keeps whole: one whose copies it misses has nothing to answer.
    const network = truth.networks.find((n) => n.kind === 'template' && n.ads.every((id) => expected.ids.has(id)));
    assert.ok(network, 'the analysis keeps some template network whole');
    const ids = network.ads.map((a) => adId('mensenhandel', truth.ads.find((t) => t.id === a)!.url));
    const { stdout } = await run(process.execPath, [BAKEN_BIN, 'network', '--ad', ids[0]!, '--justification', 'signal research', '--json',
      '--data', env.dataDir, '--config', env.configDir]);
    const found = JSON.parse(stdout) as { ads: { id: string; summary: { theme: string } }[]; links: { a: string; b: string; reason: string }[] };
    assert.ok(found.ads.every((a) => a.summary.theme === 'mensenhandel'));
    const inNetwork = found.ads.map((a) => a.id);
    assert.deepEqual(ids.filter((id) => !inNetwork.includes(id)), [], 'every ad of the template network is in it');
    assert.ok(found.links.some((l) => l.reason === 'template-text' && ids.includes(l.a) && ids.includes(l.b)));
  });

  it('leaves nothing in staging once the run is over, and logs how many staged ads it deleted', async () => {
    const db = new DatabaseSync(join(env.dataDir, 'baken.db'), { readOnly: true });
    try {
      assert.equal(db.prepare('SELECT count(*) AS n FROM staged_ads').get()!['n'], 0);
    } finally {
      db.close();
    }
    // The staged ads the run's cross-ad analysis did not keep are erased by the end of the run's
    // staging, whose custody entry counts them apart from the ads deleted at the gate.
    const purged = (await store.readLog('custody')).map((e) => e.body).filter((b) => b.action === 'staging-purged' && b['run'] === summary.run);
    assert.ok(purged.every((b) => b['reason'] === 'run-ended'));
    const staged = purged.reduce((n, b) => n + Number(b['ads']), 0);
    assert.ok(staged > 0 && staged <= Number(summary.deleted), `${staged} staged ads deleted of ${String(summary.deleted)} deleted`);
  });

  it('finds kept ads by full-text search, never deleted ones', async () => {
    const ad: TruthAd = toKeep()[0]!;
    const word = String(ad.fields.alias);
    const result = await store.search({ themes: ['mensenhandel'], text: word, limit: 200 });
    assert.ok(result.hits.some((h) => h.url === ad.url), `search for ${word} finds ${ad.id}`);
    const cleanUrls = new Set(toDelete().map((a) => a.url));
    assert.ok(result.hits.every((h) => !cleanUrls.has(h.url)));
  });

  it('answers every kept ad to each role as the policy says, and audits each answer once', async () => {
    const kept = (await store.search({ themes: ['mensenhandel'], limit: 200 })).hits.map((h) => h.id);
    const app = await openApiApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
    const api = await buildApi({ ...app, config: app.configuration });
    try {
      const expected: Record<Role, number> = { expert: 200, analyst: 200, supervisor: 404, admin: 403, auditor: 403 };
      const from = (await app.store.readLog('audit')).at(-1)?.seq ?? 0;
      let linked = 0;
      for (const role of ROLES) {
        const passwordHash = await hashPassword('correct horse battery staple', `${role}-demo`);
        await app.accounts.addUser({ name: `${role}-demo`, role, themes: ['mensenhandel'], passwordHash, totpSecret: null, requestedBy: ['demo'], approvedBy: 'demo' }, new Date().toISOString());
        const login = await api.inject({ method: 'POST', url: '/api/session', payload: { name: `${role}-demo`, password: 'correct horse battery staple' } });
        const cookie = login.headers['set-cookie'];
        for (const id of kept) {
          const res = await api.inject({ method: 'GET', url: `/api/ads/${id}?justification=signal+research`, headers: { cookie: String(cookie) } });
          assert.equal(res.statusCode, expected[role], `${role} reading ${id}: ${res.body.slice(0, 300)}`);
          if (res.statusCode !== 200) continue;
          const ad = res.json() as { indicatorCount: number; hits?: { evidence: { kind: string }[] }[] };
          assert.ok(ad.indicatorCount > 0);
          assert.equal(ad.hits !== undefined, role === 'expert', `${role} sees which indicators hit only as an expert`);
          if (ad.hits?.some((h) => h.evidence.some((e) => e.kind === 'linked'))) linked++;
        }
      }
      assert.ok(linked > 0, 'some kept ads carry cross-ad evidence');
      const reads = (await app.store.readLog('audit', { fromSeq: from + 1 })).filter((e) => e.body['action'] === 'ads.read');
      assert.equal(reads.length, 2 * kept.length, 'one ads.read per answer to the expert and the analyst');
      assert.ok(reads.every((e) => e.body['outcome'] === 'ok'));
    } finally {
      await api.close();
      await app.close();
    }
  });

  it('puts every CLI read and export of ad content in the audit trail, under the operator\'s name, with the justification', async () => {
    const ad = (await store.search({ themes: ['mensenhandel'], limit: 1 })).hits[0]!.id;
    const commands: [string, string[]][] = [
      ['ads.search', ['search', 'Utrecht', '--theme', 'mensenhandel']],
      ['ads.network', ['network', '--ad', ad]],
      ['ads.versions', ['versions', '--ad', ad]],
      ['exports.request', ['export', 'request', 'warc', '--ad', ad]],
      ['exports.request', ['export', 'request', 'bundle', '--ad', ad]],
    ];
    for (const [action, args] of commands) {
      const before = (await store.readLog('audit')).at(-1)?.seq ?? 0;
      const refused = await runBaken(env, [...args, '--json']);
      assert.equal(refused.code, 64, `${args[0]} without a justification is refused: ${refused.stderr}`);
      assert.equal(JSON.parse(refused.stdout).error.code, 'JUSTIFICATION_REQUIRED');
      const done = await runBaken(env, [...args, '--by', 'rechercheur.de.vries', '--justification', 'PL0900-2026-7', '--json']);
      assert.equal(done.code, 0, `${args.join(' ')}: ${done.stderr}`);
      const events = (await store.readLog('audit', { fromSeq: before + 1 })).map((e) => e.body);
      assert.deepEqual(events.map((e) => [e['action'], e['outcome']]), [['request.refused', 'JUSTIFICATION_REQUIRED'], [action, 'ok']], args.join(' '));
      assert.deepEqual([events[1]!['actor'], events[1]!['user'], events[1]!['justification'], events[1]!['themes']],
        ['cli', 'rechercheur.de.vries', 'PL0900-2026-7', ['mensenhandel']], args.join(' '));
    }
  });

});

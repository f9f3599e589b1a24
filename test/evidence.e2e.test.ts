// Court-grade evidence end to end: a crawl of a small demo platform, then verify, exports that
// third-party tools accept, and tamper tests — one flipped byte in each kind of stored thing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { checkWarc } from '../src/evidence/warc-check.ts';
import { openSqliteStore } from '../src/store/sqlite/store.sqlite.ts';
import { BAKEN_BIN, expectedKept, exportApproved, startDemoEnv, type DemoEnv, type ExpectedCrawl, type Truth } from './demo-env.ts';

// Asynchronous on purpose: the demo platforms run in this process and must keep answering.
function baken(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BAKEN_BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

// Each export is three commands now (request, approve, download): the suite is given longer.
describe('evidence of a crawl', { timeout: 15 * 60_000 }, () => {
  let env: DemoEnv;
  let truth: Truth;
  let expected: ExpectedCrawl;
  let work: string;
  const dataArgs = () => ['--data', env.dataDir, '--config', env.configDir];

  before(async () => {
    env = await startDemoEnv({ size: 'small' });
    truth = await env.truth();
    expected = await expectedKept(env, truth, { platforms: ['classic'] });
    work = mkdtempSync(join(tmpdir(), 'baken-evidence-'));
    const r = await baken(['crawl', '--theme', 'mensenhandel', '--source', 'mensenhandel-classic', '--json', ...dataArgs()]);
    assert.equal(r.code, 0, r.stderr);
  });
  after(async () => { rmSync(work, { recursive: true, force: true }); await env?.close(); });

  const db = (dir = env.dataDir) => new DatabaseSync(join(dir, 'baken.db'));
  const firstAd = () => db().prepare('SELECT id FROM ads ORDER BY id LIMIT 1').get()!['id'] as string;
  const classic = () => truth.ads.filter((a) => a.platform === 'classic');

  it('verifies a clean data directory', async () => {
    const r = await baken(['verify', '--json', ...dataArgs()]);
    const report = JSON.parse(r.stdout);
    assert.equal(r.code, 0, JSON.stringify(report.failures));
    // At least a screenshot, the HTML, a picture, the WARC and the manifest of each kept ad.
    assert.ok(expected.ids.size > 0 && report.checked >= 5 * expected.ids.size, `${report.checked} checked for ${expected.ids.size} kept ads`);
    assert.equal(report.ok, report.checked);
  });

  it('exports a WARC that warcio reads back with every digest matching, holding every kept ad and no deleted one', async () => {
    const { out } = await exportApproved((a) => baken([...a, ...dataArgs()]), ['warc', '--theme', 'mensenhandel', '--justification', 'signal research'], join(work, 'all.warc.gz'));
    const { records, problems } = await checkWarc(readFileSync(out));
    assert.deepEqual(problems, []);
    const responses = new Set(records.filter((r) => r.type === 'response').map((r) => r.uri));
    for (const ad of classic()) {
      assert.equal(responses.has(ad.url), expected.ids.has(ad.id), `${ad.id} (kept by the analysis: ${expected.ids.has(ad.id)})`);
    }
    assert.ok(records.some((r) => r.type === 'response' && r.ip === '127.0.0.1'));
    assert.ok(records.some((r) => r.type === 'resource' && r.uri?.startsWith('urn:baken:screenshot:')));
  });

  it('exports a bundle that sha256sum and openssl accept, once a colleague approved it, into a directory', async () => {
    const dir = join(work, 'bundle');
    mkdirSync(dir);
    const { out } = await exportApproved((a) => baken([...a, ...dataArgs()]), ['bundle', '--ad', firstAd(), '--justification', 'signal research'], dir);
    assert.equal(out, join(dir, `bundle-${firstAd()}.tar`));
    assert.equal(spawnSync('tar', ['xf', out], { cwd: dir }).status, 0);
    const sums = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    assert.equal(sums.status, 0, sums.stdout + sums.stderr);
    const sig = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'public-key.pem', '-rawin', '-in', 'manifest.json', '-sigfile', 'manifest.sig'], { cwd: dir, encoding: 'utf8' });
    assert.match(sig.stdout, /Signature Verified Successfully/, sig.stderr);
    writeFileSync(join(dir, 'manifest.json'), readFileSync(join(dir, 'manifest.json'), 'utf8').replace('"capture"', '"Capture"'));
    const forged = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'public-key.pem', '-rawin', '-in', 'manifest.json', '-sigfile', 'manifest.sig'], { cwd: dir, encoding: 'utf8' });
    assert.notEqual(forged.status, 0, 'a changed manifest no longer verifies');
  });

  it('records every export in the custody log', () => {
    const actions = db().prepare("SELECT json_extract(body, '$.format') AS f FROM log_entries WHERE log = 'custody' AND json_extract(body, '$.action') = 'export'").all();
    assert.deepEqual(actions.map((a) => a['f']).sort(), ['bundle', 'warc']);
  });

  /** Copies the data directory, damages the copy, and returns what verify says about it. */
  async function tampered(damage: (dir: string) => void, args: string[] = []) {
    const dir = mkdtempSync(join(work, 'tamper-'));
    cpSync(env.dataDir, dir, { recursive: true });
    damage(dir);
    const r = await baken(['verify', '--json', ...args, '--data', dir, '--config', env.configDir]);
    return { code: r.code, failures: JSON.parse(r.stdout).failures as { what: string; why: string }[] };
  }
  const blobOf = (dir: string, kind: string) => {
    const sha = db(dir).prepare('SELECT sha256 FROM capture_artefacts WHERE kind = ? ORDER BY sha256 LIMIT 1').get(kind)!['sha256'] as string;
    return { sha, file: join(dir, 'blobs', sha.slice(0, 2), sha) };
  };
  const flipByte = (file: string, at = 100) => { const b = readFileSync(file); b[at] = b[at]! ^ 0x01; writeFileSync(file, b); };

  for (const kind of ['html', 'screenshot', 'image', 'warc', 'manifest']) {
    it(`names a ${kind} blob with one flipped byte`, async () => {
      let sha = '';
      const { code, failures } = await tampered((dir) => { const b = blobOf(dir, kind); sha = b.sha; flipByte(b.file); });
      assert.equal(code, 1);
      assert.ok(failures.some((f) => f.what === `blob ${sha}` && /corrupt/.test(f.why)), JSON.stringify(failures));
    });
  }

  it('names a capture whose database row was changed', async () => {
    const { code, failures } = await tampered((dir) => {
      db(dir).exec("UPDATE captures SET fields = json_set(fields, '$.city', 'Elders') WHERE id = (SELECT min(id) FROM captures)");
    });
    assert.equal(code, 1);
    assert.ok(failures.some((f) => f.what.startsWith('capture ') && f.why === 'fields differs from the signed manifest'), JSON.stringify(failures));
  });

  it('names a capture whose perceptual hashes were changed, which later runs compare pictures with', async () => {
    const { code, failures } = await tampered((dir) => {
      db(dir).exec(`UPDATE captures SET perceptual_hashes = '["0123456789abcdef"]' WHERE id = (SELECT min(id) FROM captures)`);
    });
    assert.equal(code, 1);
    assert.ok(failures.some((f) => f.what.startsWith('capture ') && f.why === 'perceptual hashes differs from the signed manifest'), JSON.stringify(failures));
  });

  it('names a capture whose signature was replaced', async () => {
    const { failures } = await tampered((dir) => {
      db(dir).exec("UPDATE captures SET signature = 'AAAA' || substr(signature, 5) WHERE id = (SELECT min(id) FROM captures)");
    });
    assert.ok(failures.some((f) => /signature is not valid/.test(f.why)), JSON.stringify(failures));
  });

  it('names an ad whose sighting was removed', async () => {
    const { failures } = await tampered((dir) => { db(dir).exec('DELETE FROM sightings WHERE rowid = (SELECT min(rowid) FROM sightings)'); });
    assert.ok(failures.some((f) => f.what.startsWith('ad ') && /sightings/.test(f.why)), JSON.stringify(failures));
  });

  it('names the custody log entry that was changed, even with the append-only guard removed', async () => {
    const { failures } = await tampered((dir) => {
      const d = db(dir);
      d.exec('DROP TRIGGER log_entries_no_update');
      d.exec("UPDATE log_entries SET body = replace(body, '\"deleted\":', '\"deleted\":1') WHERE log = 'custody' AND json_extract(body, '$.action') = 'run'");
    });
    assert.ok(failures.some((f) => /^custody log entry \d+$/.test(f.what) && /changed after writing/.test(f.why)), JSON.stringify(failures));
  });

  it('names run counts that no longer match the custody log', async () => {
    const { failures } = await tampered((dir) => { db(dir).exec('UPDATE runs SET deleted = deleted + 1'); });
    assert.ok(failures.some((f) => f.what.startsWith('run ') && /counts differ/.test(f.why)), JSON.stringify(failures));
  });

  const firstCapture = (dir: string) => db(dir).prepare('SELECT id, ad_id FROM captures ORDER BY id LIMIT 1').get() as { id: string; ad_id: string };
  /** Removes every row of the ad that verify reads, as someone hiding it would; nothing cascades. */
  const deleteAd = (dir: string, ad: string) => {
    const d = db(dir);
    d.exec('PRAGMA foreign_keys = OFF');
    d.prepare('DELETE FROM capture_artefacts WHERE capture_id IN (SELECT id FROM captures WHERE ad_id = ?)').run(ad);
    for (const table of ['captures', 'sightings']) d.prepare(`DELETE FROM ${table} WHERE ad_id = ?`).run(ad);
    d.prepare('DELETE FROM ads WHERE id = ?').run(ad);
  };
  // An unfinished run row: a place to move a capture or sighting to that the run checks do not see.
  const forgeRun = (dir: string) => {
    db(dir).exec("INSERT INTO runs (id, theme, source, started_at, software_version) SELECT 'forged-run', theme, source, started_at, software_version FROM runs LIMIT 1");
  };

  it('names each capture of an ad that was deleted whole', async () => {
    let capture = { id: '', ad_id: '' };
    const { code, failures } = await tampered((dir) => { capture = firstCapture(dir); deleteAd(dir, capture.ad_id); });
    assert.equal(code, 1);
    const why = `the custody log records capture ${capture.id} of ad ${capture.ad_id}, but the store has no such capture`;
    assert.ok(failures.some((f) => f.what === `capture ${capture.id}` && f.why === why), JSON.stringify(failures));
  });

  it('with --ad, expects from the custody log only the captures of that ad', async () => {
    const ad = firstCapture(env.dataDir).ad_id;
    const other = db().prepare('SELECT id FROM ads WHERE id <> ? ORDER BY id LIMIT 1').get(ad)!['id'] as string;
    const damage = (dir: string) => deleteAd(dir, ad);
    const asked = await tampered(damage, ['--ad', ad]);
    assert.equal(asked.code, 1);
    assert.ok(asked.failures.some((f) => f.what.startsWith('capture ') && /but the store has no such capture/.test(f.why)), JSON.stringify(asked.failures));
    const elsewhere = await tampered(damage, ['--ad', other]);
    assert.equal(elsewhere.code, 0, JSON.stringify(elsewhere.failures));
  });

  it('names a capture moved to another ad', async () => {
    let capture = { id: '', ad_id: '' };
    let to = '';
    const { failures } = await tampered((dir) => {
      capture = firstCapture(dir);
      const d = db(dir);
      to = d.prepare('SELECT id FROM ads WHERE id <> ? ORDER BY id LIMIT 1').get(capture.ad_id)!['id'] as string;
      d.prepare('UPDATE captures SET ad_id = ?, version = (SELECT max(version) + 1 FROM captures WHERE ad_id = ?) WHERE id = ?').run(to, to, capture.id);
    });
    const why = `ad is ${to} in the store but ${capture.ad_id} in the custody log`;
    assert.ok(failures.some((f) => f.what === `capture ${capture.id}` && f.why === why), JSON.stringify(failures));
  });

  it('names a capture whose run was changed', async () => {
    let capture = { id: '', ad_id: '' };
    const { failures } = await tampered((dir) => {
      capture = firstCapture(dir);
      forgeRun(dir);
      db(dir).prepare("UPDATE captures SET run_id = 'forged-run' WHERE id = ?").run(capture.id);
    });
    assert.ok(failures.some((f) => f.what === `capture ${capture.id}` && /^run is forged-run in the store but \S+ in the custody log$/.test(f.why)), JSON.stringify(failures));
  });

  it('names an ad whose sighting was moved to another run', async () => {
    let ad = '';
    const { failures } = await tampered((dir) => {
      ad = firstCapture(dir).ad_id;
      forgeRun(dir);
      db(dir).prepare("UPDATE sightings SET run_id = 'forged-run' WHERE ad_id = ?").run(ad);
    });
    assert.ok(failures.some((f) => f.what === `ad ${ad}` && /^run of the sighting at \S+ is forged-run in the store but \S+ in the custody log$/.test(f.why)), JSON.stringify(failures));
  });

  for (const [column, value] of [['mime', "'text/plain'"], ['bytes', 'bytes + 1'], ['url', "'https://example.org/'"]]) {
    it(`names a capture whose manifest artefact row has a changed ${column}`, async () => {
      let capture = { id: '', ad_id: '' };
      const { code, failures } = await tampered((dir) => {
        capture = firstCapture(dir);
        db(dir).prepare(`UPDATE capture_artefacts SET ${column} = ${value} WHERE capture_id = ? AND kind = 'manifest'`).run(capture.id);
      });
      assert.equal(code, 1);
      assert.ok(failures.some((f) => f.what === `capture ${capture.id}` && /manifest's artefact row does not describe the manifest/.test(f.why)), JSON.stringify(failures));
    });
  }

  it('reports a capture row that is no longer valid JSON as unreadable, naming its ad and quoting none of it', async () => {
    let capture = { id: '', ad_id: '' };
    let broken = '';
    const { code, failures } = await tampered((dir) => {
      capture = firstCapture(dir);
      const d = db(dir);
      d.exec('PRAGMA ignore_check_constraints = ON');
      d.prepare('UPDATE captures SET fields = substr(fields, 2) WHERE id = ?').run(capture.id);
      broken = d.prepare('SELECT fields FROM captures WHERE id = ?').get(capture.id)!['fields'] as string;
    });
    assert.equal(code, 1);
    assert.ok(failures.some((f) => f.what === 'store' && f.why.includes(`ad ${capture.ad_id}`) && /unreadable row/.test(f.why)), JSON.stringify(failures));
    assert.ok(!JSON.stringify(failures).includes(broken.slice(0, 12)), 'no failure quotes the row');
  });

  it('reports a custody log entry that is no longer valid JSON as unreadable, naming where it is', async () => {
    const { code, failures } = await tampered((dir) => {
      const d = db(dir);
      d.exec('DROP TRIGGER log_entries_no_update');
      d.exec('PRAGMA ignore_check_constraints = ON');
      d.exec("UPDATE log_entries SET body = substr(body, 2) WHERE log = 'custody' AND seq = 2");
    });
    assert.equal(code, 1);
    assert.ok(failures.some((f) => f.what === 'store' && /^custody log: unreadable row at or after entry 2\b/.test(f.why)), JSON.stringify(failures));
  });

  for (const [column, value, why] of [
    ['software_version', "'baken/9.9.9'", /^software version differs from the signed manifests of its captures$/],
    ['finished_at', 'NULL', /^finish time is null in the store but \S+ in the custody log$/],
    ['started_at', 'finished_at', /^start time is after its finish or after one of its captures$/],
  ] as const) {
    it(`names a run whose ${column} was changed`, async () => {
      const { failures } = await tampered((dir) => { db(dir).exec(`UPDATE runs SET ${column} = ${value}`); });
      assert.ok(failures.some((f) => f.what.startsWith('run ') && why.test(f.why)), JSON.stringify(failures));
    });
  }
});

describe('a crawl killed between writing blobs and committing', { timeout: 5 * 60_000 }, () => {
  it('leaves no half-visible ad, and verify stays clean after restart', async () => {
    const env = await startDemoEnv({ size: 'small' });
    try {
      const args = ['crawl', '--theme', 'mensenhandel', '--source', 'mensenhandel-classic', '--data', env.dataDir, '--config', env.configDir];
      const killed = await baken(args, { BAKEN_FAULT: 'before-commit' });
      assert.equal(killed.signal, 'SIGKILL', 'the crawl was killed at the fault point');
      const d = new DatabaseSync(join(env.dataDir, 'baken.db'));
      assert.equal(d.prepare('SELECT count(*) AS n FROM ads').get()!['n'], 0, 'the ad being committed is not there at all');
      d.close();
      const verified = await baken(['verify', '--json', '--data', env.dataDir, '--config', env.configDir]);
      assert.equal(verified.code, 0, verified.stdout);
      const again = await baken([...args, '--json']);
      assert.equal(again.code, 0, again.stderr);
      assert.ok(JSON.parse(again.stdout).kept > 0);
      assert.equal((await baken(['verify', '--json', '--data', env.dataDir, '--config', env.configDir])).code, 0);
    } finally {
      await env.close();
    }
  });
});

describe('a crawl killed while ads wait in staging', { timeout: 5 * 60_000 }, () => {
  it('leaves no staged ad once collection starts again, and logs only the count; the run is marked abandoned; verify changes nothing', async () => {
    const env = await startDemoEnv({ size: 'small' });
    try {
      const args = ['crawl', '--theme', 'mensenhandel', '--source', 'mensenhandel-classic', '--data', env.dataDir, '--config', env.configDir];
      const killed = await baken(args, { BAKEN_FAULT: 'after-staging' });
      assert.equal(killed.signal, 'SIGKILL', 'the crawl was killed with an ad in staging');
      const staged = () => {
        const d = new DatabaseSync(join(env.dataDir, 'baken.db'), { readOnly: true });
        try { return d.prepare('SELECT count(*) AS n FROM staged_ads').get()!['n']; } finally { d.close(); }
      };
      assert.equal(staged(), 1, 'the staged ad is there while nothing has started');
      const verified = await baken(['verify', '--json', '--data', env.dataDir, '--config', env.configDir]);
      assert.equal(verified.code, 0, verified.stdout);
      assert.equal(staged(), 1, 'verify only reads');
      const purged = await baken(['purge', '--json', '--data', env.dataDir, '--config', env.configDir]);
      assert.equal(purged.code, 0, purged.stderr);
      assert.equal(staged(), 0, 'the purge first removed the abandoned staging');
      const store = await openSqliteStore(env.dataDir);
      try {
        const purged = (await store.readLog('custody')).filter((e) => e.body['action'] === 'staging-purged');
        assert.deepEqual(purged.map((e) => ({ ...e.body, run: 'r' })), [{ action: 'staging-purged', run: 'r', theme: 'mensenhandel', ads: 1, reason: 'abandoned' }]);
        const runs = (await store.runs('mensenhandel')).map((r) => ({ finished: r.finishedAt !== null, abandoned: r.abandoned }));
        assert.deepEqual(runs, [{ finished: true, abandoned: true }], 'the killed run is finished as abandoned');
      } finally {
        await store.close();
      }
      const after = await baken(['verify', '--json', '--data', env.dataDir, '--config', env.configDir]);
      assert.equal(after.code, 0, after.stdout);
    } finally {
      await env.close();
    }
  });
});

describe('the evidence of a script-rendered platform', { timeout: 5 * 60_000 }, () => {
  it('archives the data the ad page fetched from its site, as served, in the WARC of each kept ad', async () => {
    const env = await startDemoEnv({ size: 'small' });
    try {
      const args = ['--data', env.dataDir, '--config', env.configDir];
      const crawled = await baken(['crawl', '--theme', 'mensenhandel', '--source', 'mensenhandel-swipe', '--json', ...args]);
      assert.equal(crawled.code, 0, crawled.stderr);
      assert.ok(JSON.parse(crawled.stdout).kept > 0);
      const { out } = await exportApproved((a) => baken([...a, ...args]), ['warc', '--theme', 'mensenhandel', '--justification', 'signal research'], join(env.dataDir, '..', 'swipe.warc.gz'));
      const { records, problems } = await checkWarc(readFileSync(out));
      assert.deepEqual(problems, []);
      const truth = await env.truth();
      const expected = await expectedKept(env, truth, { platforms: ['swipe'] });
      const kept = truth.ads.filter((a) => expected.ids.has(a.id));
      assert.equal(JSON.parse(crawled.stdout).kept, kept.length);
      const responses = new Set(records.filter((r) => r.type === 'response').map((r) => r.uri));
      const missing = kept.filter((a) => ![...responses].some((u) => u?.endsWith(`/swipe/api/ads/${a.id}`))).map((a) => a.id);
      assert.deepEqual(missing, [], 'every kept ad\'s own data response is in the WARC');
    } finally {
      await env.close();
    }
  });
});

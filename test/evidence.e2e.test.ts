// Court-grade evidence end to end: a crawl of a small demo platform, then verify, exports that
// third-party tools accept, and tamper tests — one flipped byte in each kind of stored thing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { checkWarc } from '../src/evidence/warc-check.ts';
import { BAKEN_BIN, startDemoEnv, type DemoEnv, type Truth } from './demo-env.ts';

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

describe('evidence of a crawl', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let truth: Truth;
  let work: string;
  const dataArgs = () => ['--data', env.dataDir, '--config', env.configDir];

  before(async () => {
    env = await startDemoEnv({ size: 'small' });
    truth = await env.truth();
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
    assert.ok(report.checked > 50);
    assert.equal(report.ok, report.checked);
  });

  it('exports a WARC that warcio reads back with every digest matching, holding every kept ad and no deleted one', async () => {
    const out = join(work, 'all.warc.gz');
    assert.equal((await baken(['export', 'warc', '--out', out, ...dataArgs()])).code, 0);
    const { records, problems } = await checkWarc(readFileSync(out));
    assert.deepEqual(problems, []);
    const responses = new Set(records.filter((r) => r.type === 'response').map((r) => r.uri));
    for (const ad of classic()) {
      assert.equal(responses.has(ad.url), ad.planted.length > 0, `${ad.id} (planted: ${ad.planted.join(',') || 'none'})`);
    }
    assert.ok(records.some((r) => r.type === 'response' && r.ip === '127.0.0.1'));
    assert.ok(records.some((r) => r.type === 'resource' && r.uri?.startsWith('urn:baken:screenshot:')));
  });

  it('exports a bundle that sha256sum and openssl accept', async () => {
    const dir = join(work, 'bundle');
    assert.equal((await baken(['export', 'bundle', '--ad', firstAd(), '--out', dir, ...dataArgs()])).code, 0);
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
  async function tampered(damage: (dir: string) => void) {
    const dir = mkdtempSync(join(work, 'tamper-'));
    cpSync(env.dataDir, dir, { recursive: true });
    damage(dir);
    const r = await baken(['verify', '--json', '--data', dir, '--config', env.configDir]);
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

// The operator follows the export rule (issue 13): on the command line too, nothing leaves without
// a second person's decision, a requester cannot approve their own export, and a download comes
// only after approval, once, and never after a refusal. Against a real crawl of a demo platform.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { checkWarc } from '../src/evidence/warc-check.ts';
import { runBaken, startDemoEnv, type DemoEnv } from './demo-env.ts';

interface Answer { id: string; state: string; awaiting: { id: string }[]; sha256: string; out: string; error?: { code: string; message: string } }

describe('four-eyes exports on the command line', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let ad: string;
  before(async () => {
    env = await startDemoEnv({ size: 'small' });
    const r = await runBaken(env, ['crawl', '--theme', 'mensenhandel', '--source', 'mensenhandel-classic', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const db = new DatabaseSync(join(env.dataDir, 'baken.db'));
    ad = db.prepare("SELECT a.id FROM ads a JOIN capture_artefacts c ON c.capture_id = a.latest_capture_id WHERE c.kind = 'warc' ORDER BY a.id LIMIT 1").get()!['id'] as string;
    db.close();
  });
  after(() => env?.close());

  const run = async (args: string[]) => {
    const r = await runBaken(env, [...args, '--json']);
    return { code: r.code, body: JSON.parse(r.stdout) as Answer };
  };

  it('refuses the requester\'s own approval and an early download, then lets a colleague decide and the requester download once', async () => {
    const out = join(env.dataDir, '..', 'four-eyes.warc.gz');
    const asked = await run(['export', 'request', 'warc', '--ad', ad, '--justification', 'PL0900-2026-8', '--by', 'anna']);
    assert.deepEqual([asked.code, asked.body.state], [0, 'requested']);
    const own = await run(['export', 'approve', asked.body.id, '--by', 'Anna']);
    assert.deepEqual([own.code, own.body.error?.code], [77, 'FORBIDDEN']);
    const early = await run(['export', 'download', asked.body.id, '--out', out, '--by', 'anna']);
    assert.deepEqual([early.code, early.body.error?.code], [2, 'CONFLICT']);
    assert.match(early.body.error!.message, /awaits a second person's approval/);
    assert.equal(existsSync(out), false, 'nothing was written');
    const listed = await run(['export', 'list', '--by', 'bert']);
    assert.ok(listed.body.awaiting.some((r) => r.id === asked.body.id), 'the request awaits bert\'s decision');
    assert.deepEqual((await run(['export', 'approve', asked.body.id, '--by', 'bert'])).body.state, 'approved');
    const done = await run(['export', 'download', asked.body.id, '--out', out, '--by', 'anna']);
    assert.equal(done.code, 0);
    assert.deepEqual((await checkWarc(readFileSync(out))).problems, []);
    const twice = await run(['export', 'download', asked.body.id, '--out', out, '--by', 'anna']);
    assert.deepEqual([twice.code, twice.body.error?.code], [2, 'CONFLICT']);
  });

  it('never hands over a refused export, and says who refused it and why', async () => {
    const asked = await run(['export', 'request', 'bundle', '--ad', ad, '--justification', 'PL0900-2026-9', '--by', 'anna']);
    assert.deepEqual((await run(['export', 'refuse', asked.body.id, '--reason', 'geen zaak', '--by', 'bert'])).body.state, 'refused');
    const late = await run(['export', 'download', asked.body.id, '--out', join(env.dataDir, '..'), '--by', 'anna']);
    assert.deepEqual([late.code, late.body.error?.code], [2, 'CONFLICT']);
    assert.match(late.body.error!.message, /refused by bert: geen zaak/);
  });
});

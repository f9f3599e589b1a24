// Four-eyes exports through the API (issue 13 item 3): a requester never approves their own export,
// nothing downloads before approval or after a refusal, only the requester downloads, once, another
// theme's requests are not there, and every step is an audit and a custody event.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newSecret, secretHash } from '../accounts/secrets.ts';
import { apiSettingsSchema } from '../config/api-settings.ts';
import { loadConfig } from '../config/load.ts';
import { sha256Hex } from '../domain/canonical-json.ts';
import { BakenError } from '../domain/errors.ts';
import { AuditTrail } from '../services/audit-trail.ts';
import { ExportService } from '../services/export.service.ts';
import { auditSince, justify, lastAuditSeq, openApiWorld, type ApiWorld, type Session, serviceContextOf } from './api.fixtures.ts';

describe('four-eyes exports', { timeout: 120_000 }, () => {
  let w: ApiWorld;
  const s = new Map<string, Session>();
  before(async () => {
    w = await openApiWorld();
    for (const name of ['expert-mensenhandel', 'analyst-mensenhandel', 'expert-toezicht', 'supervisor-toezicht']) s.set(name, await justify(w.app, await w.login(name)));
    // A second expert of the police theme, to approve what an expert may export alone: evidence.
    await w.addUser('expert2-mensenhandel', 'expert', ['mensenhandel']);
    s.set('expert2-mensenhandel', await w.login('expert2-mensenhandel'));
  });
  after(() => w?.close());

  const as = (name: string) => s.get(name)!.headers;
  const ask = (name: string, payload: object) => w.app.inject({ method: 'POST', url: '/api/exports?justification=ZAAK-2026-5', headers: as(name), payload });
  const approve = (name: string, id: string) => w.app.inject({ method: 'POST', url: `/api/exports/${id}/approve`, headers: as(name) });
  const refuse = (name: string, id: string, reason: string) => w.app.inject({ method: 'POST', url: `/api/exports/${id}/refuse`, headers: as(name), payload: { reason } });
  const download = (name: string, id: string) => w.app.inject({ method: 'GET', url: `/api/exports/${id}/download`, headers: as(name) });
  const bundle = async () => {
    const res = await ask('expert-mensenhandel', { kind: 'bundle', subject: w.ads.mensenhandel[0] });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };
  const problem = (res: { statusCode: number; json(): { code: string; detail: string } }) => [res.statusCode, res.json().code];
  const custody = async () => (await w.store.readLog('custody')).map((e) => e.body);

  it('never lets the requester approve or refuse their own export, and changes nothing', async () => {
    const id = await bundle();
    const own = await approve('expert-mensenhandel', id);
    assert.deepEqual(problem(own), [403, 'FORBIDDEN']);
    assert.match(own.json().detail, /second person/);
    assert.deepEqual(problem(await refuse('expert-mensenhandel', id, 'toch niet')), [403, 'FORBIDDEN']);
    assert.equal((await w.exportRequests.exportRequest(id, ['mensenhandel']))?.state, 'requested');
  });

  it('refuses a download before approval, and then lets the requester download once', async () => {
    const id = await bundle();
    const early = await download('expert-mensenhandel', id);
    assert.deepEqual(problem(early), [409, 'CONFLICT']);
    assert.match(early.json().detail, /awaits a second person's approval/);
    assert.equal((await approve('expert2-mensenhandel', id)).statusCode, 200);
    const res = await download('expert-mensenhandel', id);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/x-tar');
    assert.equal(res.headers['x-baken-sha256'], sha256Hex(res.rawPayload));
    const again = await download('expert-mensenhandel', id);
    assert.deepEqual(problem(again), [409, 'CONFLICT']);
    assert.match(again.json().detail, /was downloaded at/);
  });

  it('hands over a bundle that unpacks and checks with sha256sum alone', async () => {
    const id = await bundle();
    await approve('expert2-mensenhandel', id);
    const res = await download('expert-mensenhandel', id);
    const dir = mkdtempSync(join(tmpdir(), 'baken-bundle-'));
    try {
      writeFileSync(join(dir, 'b.tar'), res.rawPayload);
      execFileSync('tar', ['xf', 'b.tar'], { cwd: dir });
      assert.match(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' }), /metadata.json: OK/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never hands over a refused export, and tells the requester who refused it and why', async () => {
    const id = await bundle();
    const refused = await refuse('expert2-mensenhandel', id, 'geen zaaknummer');
    assert.deepEqual([refused.statusCode, refused.json().state, refused.json().reason], [200, 'refused', 'geen zaaknummer']);
    const res = await download('expert-mensenhandel', id);
    assert.deepEqual(problem(res), [409, 'CONFLICT']);
    assert.match(res.json().detail, /refused by expert2-mensenhandel: geen zaaknummer/);
    assert.deepEqual(problem(await approve('analyst-mensenhandel', id)), [403, 'FORBIDDEN'], 'an analyst may not export evidence at all');
  });

  it('lets only the requester download, not the approver', async () => {
    const id = await bundle();
    await approve('expert2-mensenhandel', id);
    const res = await download('expert2-mensenhandel', id);
    assert.deepEqual(problem(res), [403, 'FORBIDDEN']);
    assert.match(res.json().detail, /only the requester/);
    assert.equal((await download('expert-mensenhandel', id)).statusCode, 200, 'the refused attempt used nothing up');
  });

  it('answers 404 for every step on a request of another theme', async () => {
    const id = await bundle();
    assert.deepEqual(problem(await approve('expert-toezicht', id)), [404, 'NOT_FOUND']);
    assert.deepEqual(problem(await refuse('expert-toezicht', id, 'niet van ons')), [404, 'NOT_FOUND']);
    assert.deepEqual(problem(await download('expert-toezicht', id)), [404, 'NOT_FOUND']);
    assert.deepEqual(problem(await ask('expert-toezicht', { kind: 'bundle', subject: w.ads.mensenhandel[0] })), [404, 'NOT_FOUND']);
    const listed = (await w.app.inject({ method: 'GET', url: '/api/exports', headers: as('expert-toezicht') })).json();
    assert.ok(![...listed.mine, ...listed.awaiting].some((r: { id: string }) => r.id === id));
  });

  it('refuses an export kind the role may not do, and a request of a kind that does not exist', async () => {
    assert.deepEqual(problem(await ask('analyst-mensenhandel', { kind: 'warc', subject: w.ads.mensenhandel[0] })), [403, 'FORBIDDEN']);
    assert.deepEqual(problem(await ask('expert-mensenhandel', { kind: 'screenshots', subject: w.ads.mensenhandel[0] })), [400, 'INPUT_INVALID']);
    assert.deepEqual(problem(await ask('expert-mensenhandel', { kind: 'bundle', subject: w.ads.mensenhandel[0], params: { x: 1 } })), [400, 'INPUT_INVALID']);
  });

  it('shows the requester their requests and a second person those awaiting their decision', async () => {
    const id = await bundle();
    const mine = (await w.app.inject({ method: 'GET', url: '/api/exports', headers: as('expert-mensenhandel') })).json();
    assert.ok(mine.mine.some((r: { id: string }) => r.id === id));
    assert.ok(!mine.awaiting.some((r: { id: string }) => r.id === id), 'not awaiting its own requester');
    const theirs = (await w.app.inject({ method: 'GET', url: '/api/exports', headers: as('expert2-mensenhandel') })).json();
    assert.ok(theirs.awaiting.some((r: { id: string }) => r.id === id));
    const analyst = (await w.app.inject({ method: 'GET', url: '/api/exports', headers: as('analyst-mensenhandel') })).json();
    assert.ok(!analyst.awaiting.some((r: { id: string }) => r.id === id), 'an analyst may not decide on evidence exports');
  });

  it('lets no service token approve an export', async () => {
    const secret = newSecret();
    await w.accounts.addToken({ name: 'koppeling', role: 'expert', themes: ['mensenhandel'], secretHash: secretHash(secret), createdBy: 'admin-mensenhandel', expiresAt: null, approvedBy: 'admin-mensenhandel' }, w.clock.now.toISOString());
    const id = await bundle();
    const res = await w.app.inject({ method: 'POST', url: `/api/exports/${id}/approve`, headers: { authorization: `Bearer ${secret}` } });
    assert.deepEqual(problem(res), [403, 'FORBIDDEN']);
  });

  it('audits request, approval, refusal and download under their own actions, and puts each in the custody log', async () => {
    const from = await lastAuditSeq(w.store);
    const custodyFrom = (await custody()).length;
    const id = await bundle();
    await approve('expert2-mensenhandel', id);
    const res = await download('expert-mensenhandel', id);
    const other = await bundle();
    await refuse('expert2-mensenhandel', other, 'dubbel');
    const events = (await auditSince(w.store, from)).map((e) => [e.body.action, e.body['user'], (e.body['resources'] as string[])[0], e.body['justification']]);
    assert.deepEqual(events, [
      ['exports.request', 'expert-mensenhandel', id, 'ZAAK-2026-5'], ['exports.approve', 'expert2-mensenhandel', id, 'ZAAK-2026-5'],
      ['exports.download', 'expert-mensenhandel', id, 'ZAAK-2026-5'],
      ['exports.request', 'expert-mensenhandel', other, 'ZAAK-2026-5'], ['exports.refuse', 'expert2-mensenhandel', other, 'ZAAK-2026-5'],
    ]);
    const entries = (await custody()).slice(custodyFrom);
    assert.deepEqual(entries.map((e) => [e.action, e['request'], e['by']]), [
      ['export-request', id, 'expert-mensenhandel'], ['export-approve', id, 'expert2-mensenhandel'], ['export', id, undefined],
      ['export-request', other, 'expert-mensenhandel'], ['export-refuse', other, 'expert2-mensenhandel'],
    ]);
    assert.equal(entries[2]!['sha256'], sha256Hex(res.rawPayload), 'the custody entry holds the hash of what left');
  });

  it('approves at once under the requester\'s name where the theme has four-eyes off, still audited', async () => {
    const themeFile = join(w.configDir, 'themes', 'mensenhandel.yaml');
    writeFileSync(themeFile, `${readFileSync(themeFile, 'utf8')}exports:\n  fourEyes: false\n`);
    const exports = new ExportService(serviceContextOf(w));
    const who = { actor: { kind: 'user' as const, id: 'u', name: 'expert-mensenhandel', role: 'expert' as const, themes: ['mensenhandel'] }, client: 'test' };
    const from = await lastAuditSeq(w.store);
    const r = await exports.request(who, { kind: 'warc', subject: w.ads.mensenhandel[0]!, params: {}, justification: 'ZAAK-2026-6' });
    assert.deepEqual([r.state, r.decidedBy], ['approved', 'expert-mensenhandel']);
    assert.deepEqual((await auditSince(w.store, from)).map((e) => [e.body.action, e.body['query']]),
      [['exports.request', { kind: 'warc', params: {} }], ['exports.approve', { kind: 'warc', fourEyes: false }]]);
    await assert.rejects(exports.download(who, r.id), (e: unknown) => e instanceof BakenError && e.code === 'NOT_FOUND' && /no WARC captures/.test(e.message),
      'the fixture ads have no WARC: the producer says so, and nothing is marked downloaded');
    assert.equal((await w.exportRequests.exportRequest(r.id, ['mensenhandel']))?.state, 'approved');
  });
});

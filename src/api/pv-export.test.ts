// The official report through the API: an expert requests the PV of an ad of their theme, a
// colleague approves it, and only then does the requester download the filled-in document. Bad input
// is refused when the export is asked for, so no bad request is ever put before a colleague.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { zipEntries } from '../reports/zip-entries.fixtures.ts';
import { auditSince, justify, lastAuditSeq, openApiWorld, type ApiWorld, type Session } from './api.fixtures.ts';

describe('the PV as an export', { timeout: 120_000 }, () => {
  let w: ApiWorld;
  const s = new Map<string, Session>();
  const ask = (name: string, subject: string, params: object) => w.app.inject({
    method: 'POST', url: '/api/exports?justification=ZAAK-2026-9', headers: s.get(name)!.headers, payload: { kind: 'pv', subject, params },
  });
  const approved = async (id: string) => {
    const res = await w.app.inject({ method: 'POST', url: `/api/exports/${id}/approve`, headers: s.get('expert2-mensenhandel')!.headers });
    assert.equal(res.statusCode, 200, res.body);
  };
  const download = (id: string) => w.app.inject({ method: 'GET', url: `/api/exports/${id}/download`, headers: s.get('expert-mensenhandel')!.headers });

  before(async () => {
    w = await openApiWorld();
    for (const name of ['expert-mensenhandel', 'analyst-mensenhandel', 'expert-toezicht']) s.set(name, await justify(w.app, await w.login(name)));
    await w.addUser('expert2-mensenhandel', 'expert', ['mensenhandel']);
    s.set('expert2-mensenhandel', await w.login('expert2-mensenhandel'));
  });
  after(() => w?.close());

  it('downloads the PV as a DOCX with the officer and unit filled in only after a colleague approved it', async () => {
    const res = await ask('expert-mensenhandel', w.ads.mensenhandel[0], { officer: 'J. de Vries', unit: 'AVIM Midden-Nederland', format: 'docx' });
    assert.equal(res.statusCode, 201, res.body);
    const { id } = res.json() as { id: string };
    assert.equal((await download(id)).statusCode, 409, 'nothing leaves before approval');
    await approved(id);
    const file = await download(id);
    assert.equal(file.statusCode, 200, file.body);
    assert.equal(file.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(String(file.headers['content-disposition']), new RegExp(`filename="pv-${w.ads.mensenhandel[0]}\\.docx"`));
    const body = zipEntries(file.rawPayload).get('word/document.xml')!.toString('utf8');
    assert.ok(body.includes('J. de Vries') && body.includes('AVIM Midden-Nederland'));
  });

  it('downloads a PDF when asked', async () => {
    const { id } = (await ask('expert-mensenhandel', w.ads.mensenhandel[0], { officer: 'J. de Vries', unit: 'AVIM', format: 'pdf' })).json() as { id: string };
    await approved(id);
    assert.equal((await download(id)).rawPayload.subarray(0, 5).toString(), '%PDF-');
  });

  it('refuses a missing officer, an unknown format, an analyst and another theme\'s ad when asked, recording no request', async () => {
    const from = await lastAuditSeq(w.store);
    const ad = w.ads.mensenhandel[0];
    const noOfficer = await ask('expert-mensenhandel', ad, { officer: ' ', unit: 'AVIM', format: 'docx' });
    assert.deepEqual([noOfficer.statusCode, noOfficer.json().code], [400, 'INPUT_INVALID']);
    assert.match(noOfficer.json().detail, /officer/);
    const badFormat = await ask('expert-mensenhandel', ad, { officer: 'J. de Vries', unit: 'AVIM', format: 'odt' });
    assert.deepEqual([badFormat.statusCode, badFormat.json().code], [400, 'INPUT_INVALID']);
    assert.deepEqual((await ask('analyst-mensenhandel', ad, { officer: 'A', unit: 'B' })).statusCode, 403);
    assert.deepEqual((await ask('expert-toezicht', ad, { officer: 'A', unit: 'B' })).statusCode, 404);
    const actions = (await auditSince(w.store, from)).map((e) => e.body.action);
    assert.ok(!actions.includes('exports.request'), `no request recorded, got ${actions.join(', ')}`);
  });
});

// The official report through the API: an expert downloads the PV of an ad of their theme as a file
// that names its template version; bad input is refused before anything is made or recorded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { zipEntries } from '../reports/zip-entries.fixtures.ts';
import { auditSince, justify, lastAuditSeq, openApiWorld, type ApiWorld, type Session } from './api.fixtures.ts';

describe('POST /api/ads/:id/report', { timeout: 120_000 }, () => {
  let w: ApiWorld;
  let expert: Session;
  const report = (id: string, payload: object, session = expert) =>
    w.app.inject({ method: 'POST', url: `/api/ads/${id}/report?justification=ZAAK-2026-9`, headers: session.headers, payload });

  before(async () => {
    w = await openApiWorld();
    expert = await justify(w.app, await w.login('expert-mensenhandel'));
  });
  after(() => w?.close());

  it('answers the PV as a DOCX download with its template version, and records the export', async () => {
    const from = await lastAuditSeq(w.store);
    const res = await report(w.ads.mensenhandel[0], { officer: 'J. de Vries', unit: 'AVIM Midden-Nederland', format: 'docx' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(String(res.headers['content-disposition']), new RegExp(`attachment; filename="pv-${w.ads.mensenhandel[0]}\\.docx"`));
    assert.equal(res.headers['x-baken-template-version'], '2026.1');
    const body = zipEntries(res.rawPayload).get('word/document.xml')!.toString('utf8');
    assert.ok(body.includes('J. de Vries') && body.includes('AVIM Midden-Nederland'));
    const events = (await auditSince(w.store, from)).map((e) => e.body);
    assert.deepEqual(events.map((e) => [e.action, e['resources'], e['query'], e['justification']]),
      [['ads.export', [w.ads.mensenhandel[0]], { format: 'pv-docx', templateVersion: '2026.1' }, 'ZAAK-2026-9']]);
  });

  it('answers a PDF when asked', async () => {
    const res = await report(w.ads.mensenhandel[0], { officer: 'J. de Vries', unit: 'AVIM', format: 'pdf' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
  });

  it('refuses a missing officer, an unknown format and an unknown ad, recording no export', async () => {
    const from = await lastAuditSeq(w.store);
    const noOfficer = await report(w.ads.mensenhandel[0], { officer: ' ', unit: 'AVIM', format: 'docx' });
    assert.deepEqual([noOfficer.statusCode, noOfficer.json().code], [400, 'INPUT_INVALID']);
    assert.match(noOfficer.json().detail, /officer/);
    const badFormat = await report(w.ads.mensenhandel[0], { officer: 'J. de Vries', unit: 'AVIM', format: 'odt' });
    assert.equal(badFormat.statusCode, 400);
    const unknown = await report('0'.repeat(24), { officer: 'J. de Vries', unit: 'AVIM', format: 'docx' });
    assert.deepEqual([unknown.statusCode, unknown.json().code], [404, 'NOT_FOUND']);
    const actions = (await auditSince(w.store, from)).map((e) => e.body.action);
    assert.ok(!actions.includes('ads.export'), `no export recorded, got ${actions.join(', ')}`);
  });
});

// The attachment and the record of processing in the application layer, on a real store: who may
// make them, what they count, and what the audit trail keeps of it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Who } from '../accounts/actor.ts';
import type { Role } from '../accounts/roles.ts';
import { DEFAULT_API_SETTINGS } from '../config/api-settings.ts';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import { auditSince, lastAuditSeq, openApiWorld, type ApiWorld , serviceContextOf } from '../api/api.fixtures.ts';
import { zipEntries } from '../reports/zip-entries.fixtures.ts';
import { AuditTrail } from './audit-trail.ts';
import { ReportsService } from './reports.service.ts';

const as = (role: Role, themes: string[]): Who => ({ actor: { kind: 'user', id: `${role}-id`, name: `${role}.test`, role, themes }, client: 'test' });
const code = (e: unknown) => (e instanceof BakenError ? e.code : String(e));
const text = (bytes: Uint8Array) => zipEntries(Buffer.from(bytes)).get('word/document.xml')!.toString('utf8').replace(/<[^>]+>/g, ' ');

describe('ReportsService', { timeout: 120_000 }, () => {
  let w: ApiWorld;
  let reports: ReportsService;

  before(async () => {
    w = await openApiWorld();
    reports = new ReportsService(serviceContextOf(w));
  });
  after(() => w?.close());

  it('gives the record of processing to admins and auditors, of their themes only, and records it', async () => {
    const from = await lastAuditSeq(w.store);
    const { record, file } = await reports.processing(as('auditor', ['toezicht']), {});
    assert.deepEqual(record.themes.map((t) => t.theme), ['toezicht']);
    assert.equal(file, null);
    assert.deepEqual((await reports.processing(as('admin', ['mensenhandel', 'toezicht']), {})).record.themes.length, 2);
    for (const role of ['expert', 'analyst', 'supervisor'] as const) {
      await assert.rejects(reports.processing(as(role, ['toezicht']), {}), (e) => code(e) === 'FORBIDDEN', role);
    }
    const events = (await auditSince(w.store, from)).map((e) => [e.body.action, e.body.user, e.body['themes']]);
    assert.deepEqual(events, [['reports.processing', 'auditor.test', ['toezicht']], ['reports.processing', 'admin.test', ['mensenhandel', 'toezicht']]]);
  });

  it('counts in the attachment what the runs of the period deleted at the gate, and nothing outside it', async () => {
    // The fixture's runs finished on 2025-03-01: 40 captured, 3 kept, 37 deleted at the gate.
    const march = await reports.attachment(as('expert', ['toezicht']), { theme: 'toezicht', from: '2025-03-01', to: '2025-03-31', format: 'docx' });
    assert.match(text(march.bytes), /Terstond verwijderd \(geen signalen\)\s+37\b/);
    assert.equal(march.templateVersion, '2026.1');
    const april = await reports.attachment(as('expert', ['toezicht']), { theme: 'toezicht', from: '2025-04-01', to: '2025-04-30', format: 'docx' });
    assert.match(text(april.bytes), /Terstond verwijderd \(geen signalen\)\s+0\b/);
  });

  it('refuses the attachment of a theme not the caller\'s, and a period that is no period', async () => {
    await assert.rejects(reports.attachment(as('expert', ['toezicht']), { theme: 'mensenhandel', format: 'pdf' }), (e) => code(e) === 'NOT_FOUND');
    await assert.rejects(reports.attachment(as('expert', ['toezicht']), { theme: 'toezicht', from: '2025-13', format: 'pdf' }),
      (e) => code(e) === 'INPUT_INVALID' && /from: expected a date as YYYY-MM-DD/.test((e as Error).message));
    await assert.rejects(reports.attachment(as('expert', ['toezicht']), { theme: 'toezicht', from: '2025-05-01', to: '2025-04-01', format: 'pdf' }),
      (e) => code(e) === 'INPUT_INVALID');
  });

});

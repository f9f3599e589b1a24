// Reference imports through the application layer on the real stores (SQLite, then PostgreSQL), the
// real audit trail and the demo configuration's column mapping: a good file, a file with bad rows
// (nothing stored), an Excel file, a replacement, the audit entries, and theme separation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Who } from '../accounts/actor.ts';
import type { Role } from '../accounts/roles.ts';
import { openApiApp, type ApiApp } from '../app.ts';
import { loadConfig } from '../config/load.ts';
import { sha256Hex } from '../domain/canonical-json.ts';
import { BakenError } from '../domain/errors.ts';
import { makeXlsx } from '../municipal/xlsx.fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../store/postgres/test-database.postgres.ts';

const CONFIG = new URL('../../config', import.meta.url).pathname;
const who = (role: Role, themes: string[], name = `${role}-test`): Who => ({ actor: { kind: 'user', id: name, name, role, themes }, client: '127.0.0.1' });
const supervisor = who('supervisor', ['toezicht'], 'carla');

const HEADER = 'Vergunningnummer,Naam inrichting,Adres,Postcode,Plaats,Gemeente,Geldig vanaf,Geldig tot';
const csv = (...lines: string[]) => new TextEncoder().encode(`${[HEADER, ...lines].join('\r\n')}\r\n`);
const GOOD = csv('HLM-2026-001,Club Rood,Korte Veerstraat 1,2011 AB,Haarlem,0392,01-01-2026,31-12-2027', 'hlm-2025-017 ,Huize Anna,Nieuwe Gracht 5,,Haarlem,0392,1-6-2025,');
const BAD = csv(
  'HLM-1,Club,Straat 1,2011 AB,Haarlem,0392,01-01-2026,',
  ',Zonder nummer,Straat 2,,Haarlem,0392,01-01-2026,',
  'HLM-3,Club,Straat 3,,Haarlem,0392,31-02-2026,',
  'HLM-4,Club,Straat 4,,Nergens,9999,01-01-2026,',
  'HLM-5,Club,Straat 5,,Haarlem,0392,01-06-2026,01-05-2026',
);
const invalidWith = (rows: { row: number; field?: string }[]) => (err: unknown) =>
  err instanceof BakenError && err.code === 'INPUT_INVALID' && /nothing was imported/.test(err.message)
  && JSON.stringify(err.rows?.map((r) => ({ row: r.row, field: r.field }))) === JSON.stringify(rows);
const isCode = (code: string) => (err: unknown) => err instanceof BakenError && err.code === code;

for (const adapter of ['sqlite', 'postgres'] as const) {
  describe(`reference imports (${adapter})`, () => {
    let app: ApiApp;
    let dataDir: string;
    let database: TestDatabase | null = null;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'baken-reference-'));
      database = adapter === 'postgres' ? await createTestDatabase() : null;
      app = await openApiApp({ dataDir, database: database?.url ?? null, config: loadConfig(CONFIG) });
    });
    after(async () => {
      await app?.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const auditOf = async (action: string) => (await app.store.readLog('audit')).filter((e) => e.body.action === action).map((e) => e.body);

    it('imports a good file through the theme\'s column mapping as version 1, and audits kind, version, rows and hash but no content', async () => {
      const imported = await app.services.reference.import(supervisor, { theme: 'toezicht', kind: 'licences', fileName: 'vergunningen.csv', bytes: GOOD });
      assert.deepEqual([imported.version, imported.rows, imported.importedBy, imported.fileName], [1, 2, 'carla', 'vergunningen.csv']);
      const current = await app.reference.currentRows('toezicht', 'licences');
      assert.deepEqual(current.rows.map((r) => [r.licence, r.validFrom, r.validTo]), [['HLM-2026-001', '2026-01-01', '2027-12-31'], ['HLM-2025-017', '2025-06-01', null]]);
      const [event] = await auditOf('reference.import');
      assert.deepEqual(event!.query, { kind: 'licences', version: 1, rows: 2, sha256: imported.sha256, fileName: 'vergunningen.csv' });
      assert.deepEqual([event!.themes, event!.resources, event!.user], [['toezicht'], [imported.id], 'carla']);
      assert.doesNotMatch(JSON.stringify(await app.store.readLog('audit')), /Club Rood|Korte Veerstraat/);
    });

    it('refuses a file with bad rows whole, naming each row and why, and keeps the version in force', async () => {
      const before = await app.reference.currentRows('toezicht', 'licences');
      await assert.rejects(app.services.reference.import(supervisor, { theme: 'toezicht', kind: 'licences', fileName: 'fouten.csv', bytes: BAD }),
        invalidWith([{ row: 3, field: 'licence' }, { row: 4, field: 'validFrom' }, { row: 5, field: 'municipality' }, { row: 6, field: 'validTo' }]));
      assert.deepEqual(await app.reference.currentRows('toezicht', 'licences'), before);
      const refused = (await auditOf('reference.import')).at(-1)!;
      assert.deepEqual([refused.outcome, refused.count, refused.query], ['INPUT_INVALID', 0, { kind: 'licences', fileName: 'fouten.csv', sha256: sha256Hex(BAD), badRows: 4 }]);
    });

    it('imports an Excel workbook with date cells, and the newer version replaces the older one', async () => {
      const header = HEADER.split(',');
      const bytes = await makeXlsx([header, ['hlm-2026-002', 'Villa Nova', 'Zijlweg 9', '2013 DE', 'Haarlem', 392, { date: '2026-03-01' }, '']]);
      const imported = await app.services.reference.import(supervisor, { theme: 'toezicht', kind: 'licences', fileName: 'register.xlsx', bytes });
      assert.equal(imported.version, 2);
      const current = await app.reference.currentRows('toezicht', 'licences');
      assert.deepEqual([current.version, current.rows], [imported, [
        { licence: 'HLM-2026-002', businessName: 'Villa Nova', address: 'Zijlweg 9', postcode: '2013 DE', municipality: '0392', validFrom: '2026-03-01', validTo: null },
      ]]);
      const { imports: versions } = await app.services.reference.versions(supervisor, 'toezicht');
      assert.deepEqual(versions.map((v) => [v.kind, v.version]), [['licences', 2], ['licences', 1]]);
      const [read] = await auditOf('reference.read');
      assert.deepEqual([read!.count, read!.resources], [2, versions.map((v) => v.id)]);
    });

    it('lets a single column mapping override the configured one', async () => {
      const bytes = new TextEncoder().encode('Datum,Gemeente,Soort,Omschrijving\n02-11-2026,0392,Overlast,Veel bezoek laat in de avond\n');
      const imported = await app.services.reference.import(supervisor, { theme: 'toezicht', kind: 'reports', fileName: 'mma.csv', bytes, columns: { category: 'Soort' } });
      assert.equal(imported.rows, 1);
      assert.deepEqual((await app.reference.currentRows('toezicht', 'reports')).rows, [{ date: '2026-11-02', municipality: '0392', category: 'Overlast', text: 'Veel bezoek laat in de avond' }]);
    });

    it('deletes a version, audited, so the one before is in force again', async () => {
      const [newest] = (await app.services.reference.versions(supervisor, 'toezicht')).imports;
      assert.equal(newest!.kind, 'reports');
      const licences = (await app.services.reference.versions(supervisor)).imports.filter((v) => v.kind === 'licences');
      await app.services.reference.delete(supervisor, licences[0]!.id);
      assert.equal((await app.reference.currentRows('toezicht', 'licences')).version?.version, 1);
      const [event] = await auditOf('reference.delete');
      assert.deepEqual([event!.resources, event!.query], [[licences[0]!.id], { kind: 'licences', version: 2 }]);
    });

    it('keeps a municipal theme\'s registers from police roles, auditors and other themes, and police themes have none', async () => {
      const [any] = (await app.services.reference.versions(supervisor)).imports;
      const upload = { theme: 'toezicht', kind: 'licences', fileName: 'v.csv', bytes: GOOD };
      for (const role of ['expert', 'analyst', 'auditor'] as const) {
        await assert.rejects(app.services.reference.import(who(role, ['toezicht']), upload), isCode('FORBIDDEN'), role);
        await assert.rejects(app.services.reference.versions(who(role, ['toezicht'])), isCode('FORBIDDEN'), role);
        await assert.rejects(app.services.reference.delete(who(role, ['toezicht']), any!.id), isCode('FORBIDDEN'), role);
      }
      const policeAdmin = who('admin', ['mensenhandel']);
      await assert.rejects(app.services.reference.import(policeAdmin, upload), isCode('NOT_FOUND'));
      await assert.rejects(app.services.reference.import(policeAdmin, { ...upload, theme: 'mensenhandel' }), isCode('NOT_FOUND'));
      await assert.rejects(app.services.reference.versions(policeAdmin, 'toezicht'), isCode('NOT_FOUND'));
      assert.deepEqual(await app.services.reference.versions(policeAdmin), { themes: [], imports: [] });
      await assert.rejects(app.services.reference.delete(policeAdmin, any!.id), isCode('NOT_FOUND'));
      assert.ok((await app.services.reference.versions(who('admin', ['toezicht']), 'toezicht')).imports.length > 0, 'the theme\'s own admin sees them');
      assert.equal((await app.reference.currentRows('toezicht', 'licences')).version?.version, 1, 'nothing was changed');
    });

    it('refuses an unknown kind and a nameless file before reading it', async () => {
      await assert.rejects(app.services.reference.import(supervisor, { theme: 'toezicht', kind: 'permits', fileName: 'x.csv', bytes: GOOD }),
        (err) => isCode('INPUT_INVALID')(err) && /the kinds are licences, kvk, reports/.test((err as Error).message));
      await assert.rejects(app.services.reference.import(supervisor, { theme: 'toezicht', kind: 'kvk', fileName: ' ', bytes: GOOD }), isCode('INPUT_INVALID'));
    });
  });
}

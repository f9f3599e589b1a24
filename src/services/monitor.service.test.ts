// The selection the inspection lists are filled from: the theme's active ads that the profile's
// criteria pick, per municipality, with reasons; gone ads and ads in no single municipality left out.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiWorld, serviceContextOf, type ApiWorld } from '../api/api.fixtures.ts';
import { keptAd, SOFTWARE } from '../store/store.fixtures.ts';
import { MonitorService } from './monitor.service.ts';

describe('the monitor\'s selection for the inspection lists', { timeout: 60_000 }, () => {
  let w: ApiWorld;
  before(async () => { w = await openApiWorld(); });
  after(() => w?.close());

  it('selects the active ads the toezicht criteria pick, each with its municipality and reasons', async () => {
    await w.reference.addImport({ theme: 'toezicht', kind: 'licences', fileName: 'v.csv', sha256: 'b'.repeat(64), rows: 1, importedBy: 'fixture', importedAt: '2026-02-01T00:00:00.000Z' },
      [{ licence: 'P-2026-00001', businessName: 'Club', address: 'Straat 1', postcode: null, municipality: '0392', validFrom: '2026-01-01', validTo: null }]);
    const save = async (runId: string, n: string, fields: object, capturedAt: string, source = 'toezicht-classic') => (await w.store.saveAd(keptAd(runId, {
      theme: 'toezicht', source, url: `https://ads.example/sel/${n}`, fields, capturedAt,
    }))).adId;
    const run = async (startedAt: string) => w.store.startRun({ theme: 'toezicht', source: 'toezicht-classic', startedAt, softwareVersion: SOFTWARE });
    const first = await run('2026-02-10T09:00:00.000Z');
    const gone = await save(first, 'gone', { city: 'Haarlem', licence: 'P-2026-77777' }, '2026-02-10T10:00:00.000Z');
    await w.store.finishRun(first, { captured: 1, kept: 1, deleted: 0, failed: 0 }, '2026-02-10T11:00:00.000Z');
    const second = await run('2026-02-27T09:00:00.000Z');
    const unknown = await save(second, 'unknown', { city: 'Haarlem', licence: 'P-2026-55555' }, '2026-02-27T10:00:00.000Z');
    await save(second, 'licensed', { city: 'Haarlem', licence: 'p-2026-00001' }, '2026-02-10T10:00:00.000Z');
    await save(second, 'bergen', { city: 'Bergen', licence: 'P-2026-55555' }, '2026-02-27T10:00:00.000Z');
    await w.store.finishRun(second, { captured: 3, kept: 3, deleted: 0, failed: 0 }, '2026-02-27T11:00:00.000Z');

    const before = (await w.store.readLog('audit')).length;
    const selected = await new MonitorService(serviceContextOf(w)).selection('toezicht');
    const mine = selected.filter((s) => [gone, unknown].includes(s.adId) || s.municipality.code === '0392');
    assert.deepEqual(mine.map((s) => [s.adId, s.municipality.name, s.criteria.map((c) => [c.id, c.label, c.reason])]), [
      [unknown, 'Haarlem', [
        ['licence-unknown', 'Vergunning onbekend', 'Licence number P-2026-55555 is not in the licence register'],
        ['new-this-week', 'Nieuw deze week', 'First seen on 27-02-2026, within 7 days'],
      ]],
    ], 'the gone ad, the licensed one and the one in ambiguous Bergen are not selected');
    assert.equal((await w.store.readLog('audit')).length, before, 'internal: nothing audited');
  });
});

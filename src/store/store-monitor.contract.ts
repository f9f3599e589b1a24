// The store contract for the municipal monitor: each kept ad of one theme, compactly, from its
// latest capture, and nothing of another theme.
import assert from 'node:assert/strict';
import { keptAd, startTestRun, type ContractTest } from './store.fixtures.ts';

export function monitorContract(test: ContractTest): void {
  test('gives the monitor every kept ad of the theme with its latest place, title, licence and phones only', async (store) => {
    const runId = await startTestRun(store, 'toezicht');
    const url = 'https://ads.example/moved';
    await store.saveAd(keptAd(runId, { theme: 'toezicht', url, fields: { city: 'Haarlem', title: 'Oud', text: 'tekst', age: 30 }, capturedAt: '2025-03-01T10:00:00.000Z' }));
    const moved = await store.saveAd(keptAd(runId, {
      theme: 'toezicht', url, fields: { city: 'Utrecht', title: 'Nieuw', licence: 'P-1', phones: ['+31612345678'], text: 'tekst' }, capturedAt: '2025-03-03T10:00:00.000Z',
    }));
    const bare = await store.saveAd(keptAd(runId, { theme: 'toezicht', url: 'https://ads.example/bare', fields: {}, capturedAt: '2025-03-02T10:00:00.000Z' }));
    await store.saveAd(keptAd(await startTestRun(store), { url }));
    const rows = await store.monitorRows('toezicht');
    assert.deepEqual(rows, [
      { id: moved.adId, source: 'demo-classic', firstSeen: '2025-03-01T10:00:00.000Z', lastSeen: '2025-03-03T10:00:00.000Z',
        fields: { city: 'Utrecht', title: 'Nieuw', licence: 'P-1', phones: ['+31612345678'] } },
      { id: bare.adId, source: 'demo-classic', firstSeen: '2025-03-02T10:00:00.000Z', lastSeen: '2025-03-02T10:00:00.000Z', fields: {} },
    ].sort((a, b) => a.id.localeCompare(b.id)));
    assert.deepEqual(await store.monitorRows('nope'), []);
  });
}

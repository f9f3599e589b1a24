// The store contract for per-source health: extraction counts per run and source that concurrent
// writers add up, failures counted by reason, and the alerts of runs whose yield dropped.
import assert from 'node:assert/strict';
import type { SourceAlert } from './store.ts';
import { startTestRun, type ContractTest } from './store.fixtures.ts';

export function healthContract(test: ContractTest): void {
  test('counts extraction outcomes per run and source, every concurrent count added', async (store) => {
    const older = await startTestRun(store);
    const newer = await store.startRun({ theme: 'mensenhandel', source: null, startedAt: '2025-03-02T10:00:00.000Z', softwareVersion: 'baken test' });
    const other = await startTestRun(store, 'toezicht');
    await Promise.all([
      ...Array.from({ length: 20 }, () => store.countExtraction(newer, 'classic', 'complete')),
      store.countExtraction(newer, 'classic', 'empty'), store.countExtraction(newer, 'swipe', 'partial'),
      store.countExtraction(older, 'classic', 'complete'), store.countExtraction(other, 'classic', 'empty'),
    ]);
    assert.deepEqual(await store.extractionYields('mensenhandel'), [
      { runId: newer, source: 'classic', complete: 20, partial: 0, empty: 1 },
      { runId: newer, source: 'swipe', complete: 0, partial: 1, empty: 0 },
      { runId: older, source: 'classic', complete: 1, partial: 0, empty: 0 },
    ], 'newest run first, only the theme\'s runs');
  });

  test('refuses to count a page of a run that does not exist, and stores nothing', async (store) => {
    await assert.rejects(store.countExtraction('no-such-run', 'classic', 'complete'));
    assert.deepEqual(await store.extractionYields('mensenhandel'), []);
  });

  test('counts a theme\'s failed pages per run, source and reason', async (store) => {
    const run = await startTestRun(store);
    await store.recordFailure(run, { source: 'classic', url: 'https://ads.example/1', reason: 'HTTP 500', attempts: 2 });
    await store.recordFailure(run, { source: 'classic', url: 'https://ads.example/2', reason: 'HTTP 500', attempts: 2 });
    await store.recordFailure(run, { source: 'classic', url: 'https://ads.example/3', reason: 'timeout', attempts: 1 });
    await store.recordFailure(await startTestRun(store, 'toezicht'), { source: 'classic', url: 'https://ads.example/4', reason: 'timeout', attempts: 1 });
    assert.deepEqual(await store.failureCounts('mensenhandel'), [
      { runId: run, source: 'classic', reason: 'HTTP 500', pages: 2 },
      { runId: run, source: 'classic', reason: 'timeout', pages: 1 },
    ]);
  });

  test('keeps alerts per theme, newest first, and a second raise for a run replaces the first', async (store) => {
    const first = await startTestRun(store);
    const second = await startTestRun(store);
    const alert = (runId: string, raisedAt: string, y: number): SourceAlert => ({
      theme: 'mensenhandel', source: 'classic', runId, kind: 'yield-drop', yield: y, baseline: 0.9, floor: 0.5, raisedAt,
    });
    await store.raiseAlert(alert(first, '2025-03-01T12:00:00.000Z', 0.2));
    await store.raiseAlert(alert(second, '2025-03-02T12:00:00.000Z', 0.1));
    await store.raiseAlert({ ...alert(second, '2025-03-02T13:00:00.000Z', 0), baseline: null });
    await store.raiseAlert({ ...alert(await startTestRun(store, 'toezicht'), '2025-03-03T12:00:00.000Z', 0), theme: 'toezicht' });
    assert.deepEqual(await store.alerts('mensenhandel'), [
      { ...alert(second, '2025-03-02T13:00:00.000Z', 0), baseline: null },
      alert(first, '2025-03-01T12:00:00.000Z', 0.2),
    ]);
  });

  test('refuses an alert with a yield outside 0..1 and keeps the ones stored', async (store) => {
    const run = await startTestRun(store);
    const good: SourceAlert = { theme: 'mensenhandel', source: 'classic', runId: run, kind: 'yield-drop', yield: 0.1, baseline: null, floor: 0.5, raisedAt: '2025-03-01T12:00:00.000Z' };
    await store.raiseAlert(good);
    await assert.rejects(store.raiseAlert({ ...good, source: 'swipe', yield: 1.5 }));
    assert.deepEqual(await store.alerts('mensenhandel'), [good]);
  });
}

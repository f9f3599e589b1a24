import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';
import type { Store } from '../store/store.ts';
import type { ExtractionOutcome } from '../analyse/extraction-yield.ts';
import { raiseYieldAlerts } from './yield-alerts.ts';

const config = loadConfig(new URL('../../config', import.meta.url).pathname);

describe('yield alerts at the end of a run', () => {
  let dir: string;
  let store: Store;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'baken-yield-')); store = await openSqliteStore(dir); });
  after(async () => { await store.close(); await rm(dir, { recursive: true, force: true }); });

  async function run(startedAt: string, pages: Record<string, ExtractionOutcome[]>): Promise<string> {
    const id = await store.startRun({ theme: 'toezicht', source: null, startedAt, softwareVersion: 'baken test' });
    for (const [source, outcomes] of Object.entries(pages)) for (const o of outcomes) await store.countExtraction(id, source, o);
    return id;
  }

  it('raises nothing for a run whose sources yield as usual', async () => {
    const id = await run('2025-03-01T10:00:00.000Z', { 'toezicht-classic': ['complete', 'complete', 'partial'] });
    assert.deepEqual(await raiseYieldAlerts(store, config, { id, theme: 'toezicht' }, new Date('2025-03-01T11:00:00.000Z')), []);
    assert.deepEqual(await store.alerts('toezicht'), []);
  });

  it('stores an alert for the source whose pages came back empty, against its earlier yield', async () => {
    const id = await run('2025-03-02T10:00:00.000Z', { 'toezicht-classic': ['empty', 'empty', 'complete'], 'toezicht-swipe': ['complete'] });
    const raised = await raiseYieldAlerts(store, config, { id, theme: 'toezicht' }, new Date('2025-03-02T11:00:00.000Z'));
    const expected = { theme: 'toezicht', source: 'toezicht-classic', runId: id, kind: 'yield-drop', yield: 1 / 3, baseline: 2 / 3, floor: 0.5, raisedAt: '2025-03-02T11:00:00.000Z' };
    assert.deepEqual(raised, [expected]);
    assert.deepEqual(await store.alerts('toezicht'), [expected]);
  });
});

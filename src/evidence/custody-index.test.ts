import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LogBody, LogEntry } from '../domain/hash-chain.ts';
import { bySighting, custodyIndex } from './custody-index.ts';

const entries = (...bodies: LogBody[]): LogEntry[] =>
  bodies.map((body, i) => ({ log: 'custody', seq: i + 1, at: '2026-01-01T00:00:00.000Z', prevHash: '', hash: '', body }));

describe('custodyIndex', () => {
  it('records each capture with its ad, version, run and manifest', () => {
    const index = custodyIndex(entries(
      { action: 'capture', ad: 'ad1', capture: 'c1', version: 1, run: 'r1', manifest: 'm1', seenAt: '2026-01-01T10:00:00.000Z' },
      { action: 'version', ad: 'ad1', capture: 'c2', version: 2, run: 'r2', manifest: 'm2', seenAt: '2026-01-02T10:00:00.000Z' },
    ));
    assert.deepEqual([...index.captures], [
      ['c1', { ad: 'ad1', version: 1, run: 'r1', manifest: 'm1' }],
      ['c2', { ad: 'ad1', version: 2, run: 'r2', manifest: 'm2' }],
    ]);
  });

  it('lists an ad\'s sightings in time order, and those of one instant by run', () => {
    const at = '2026-01-02T10:00:00.000Z';
    const index = custodyIndex(entries(
      { action: 'sighting', ad: 'ad1', capture: 'c1', run: 'r3', seenAt: at },
      { action: 'capture', ad: 'ad1', capture: 'c1', version: 1, run: 'r1', manifest: 'm1', seenAt: '2026-01-01T10:00:00.000Z' },
      { action: 'sighting', ad: 'ad1', capture: 'c1', run: 'r2', seenAt: at },
    ));
    assert.deepEqual(index.seen.get('ad1')?.map((s) => s.run), ['r1', 'r2', 'r3']);
  });

  it('keeps a run\'s theme, source, finish time, counts and whether it was given up', () => {
    const index = custodyIndex(entries(
      { action: 'run', run: 'r1', theme: 't', source: null, captured: 3, kept: 1, deleted: 2, failed: 0, finishedAt: '2026-01-01T11:00:00.000Z' },
      { action: 'run', run: 'r2', theme: 't', source: 's', captured: 1, kept: 0, deleted: 1, failed: 2, finishedAt: '2026-01-01T12:00:00.000Z', abandoned: true },
    ));
    assert.deepEqual(index.runs.get('r1'), {
      theme: 't', source: null, finishedAt: '2026-01-01T11:00:00.000Z', counts: { captured: 3, kept: 1, deleted: 2, failed: 0 }, abandoned: false,
    });
    assert.deepEqual(index.runs.get('r2'), {
      theme: 't', source: 's', finishedAt: '2026-01-01T12:00:00.000Z', counts: { captured: 1, kept: 0, deleted: 1, failed: 2 }, abandoned: true,
    });
  });

  it('names every theme a run was logged for, once each', () => {
    const index = custodyIndex(entries(
      { action: 'run', run: 'r1', theme: 't', source: null, captured: 1, kept: 1, deleted: 0, failed: 0, finishedAt: '2026-01-01T11:00:00.000Z' },
      { action: 'run', run: 'r2', theme: 'u', source: null, captured: 0, kept: 0, deleted: 0, failed: 0, finishedAt: '2026-01-01T12:00:00.000Z' },
      { action: 'run', run: 'r3', theme: 't', source: null, captured: 0, kept: 0, deleted: 0, failed: 0, finishedAt: '2026-01-01T13:00:00.000Z' },
    ));
    assert.deepEqual([...index.themes], ['t', 'u']);
  });

  it('indexes the rest of the log when a gone entry no longer lists its ads', () => {
    const index = custodyIndex(entries(
      { action: 'gone', run: 'r1', theme: 't', source: 's', ads: 'ad1', goneAt: '2026-01-03T00:00:00.000Z' },
      { action: 'gone', run: 'r1', theme: 't', source: 's', ads: ['ad2'], goneAt: '2026-01-03T00:00:00.000Z' },
    ));
    assert.deepEqual([...index.gone.keys()], ['ad2']);
  });

  it('expects no more of a purged ad and its captures, but what is captured again after the purge', () => {
    const index = custodyIndex(entries(
      { action: 'capture', ad: 'ad1', capture: 'c1', version: 1, run: 'r1', manifest: 'm1', seenAt: '2026-01-01T10:00:00.000Z' },
      { action: 'capture', ad: 'ad2', capture: 'c2', version: 1, run: 'r1', manifest: 'm2', seenAt: '2026-01-01T10:00:00.000Z' },
      { action: 'gone', run: 'r1', theme: 't', source: 's', ads: ['ad1'], goneAt: '2026-01-02T00:00:00.000Z' },
      { action: 'purge', theme: 't', reason: 'retention', ads: ['ad1'], captures: ['c1'], at: '2026-08-01T00:00:00.000Z' },
      { action: 'capture', ad: 'ad1', capture: 'c3', version: 1, run: 'r2', manifest: 'm3', seenAt: '2026-08-02T10:00:00.000Z' },
    ));
    assert.deepEqual([...index.captures.keys()], ['c2', 'c3']);
    assert.deepEqual([...index.purged], ['c1']);
    assert.deepEqual(index.seen.get('ad1'), [{ run: 'r2', seenAt: '2026-08-02T10:00:00.000Z' }]);
    assert.equal(index.gone.has('ad1'), false);
  });

  it('keeps a sighting with its run and time, beside the sightings of the ad\'s captures', () => {
    const index = custodyIndex(entries(
      { action: 'capture', ad: 'ad1', capture: 'c1', version: 1, run: 'r1', manifest: 'm1', seenAt: '2026-01-01T10:00:00.000Z' },
      { action: 'sighting', ad: 'ad1', capture: 'c1', run: 'r2', seenAt: '2026-01-02T10:00:00.000Z' },
      { action: 'sighting', ad: 'ad2', capture: 'c9', run: 'r2', seenAt: '2026-01-02T11:00:00.000Z' },
    ));
    assert.deepEqual([...index.seen], [
      ['ad1', [{ run: 'r1', seenAt: '2026-01-01T10:00:00.000Z' }, { run: 'r2', seenAt: '2026-01-02T10:00:00.000Z' }]],
      ['ad2', [{ run: 'r2', seenAt: '2026-01-02T11:00:00.000Z' }]],
    ]);
    assert.deepEqual([...index.captures.keys()], ['c1'], 'a sighting records no capture');
  });

  it('keeps the latest gone mark of each ad a gone entry lists', () => {
    const index = custodyIndex(entries(
      { action: 'gone', run: 'r1', theme: 't', source: 's', ads: ['ad1', 'ad2'], goneAt: '2026-01-03T00:00:00.000Z' },
      { action: 'gone', run: 'r2', theme: 't', source: 's', ads: ['ad2'], goneAt: '2026-01-04T00:00:00.000Z' },
    ));
    assert.deepEqual([...index.gone], [['ad1', '2026-01-03T00:00:00.000Z'], ['ad2', '2026-01-04T00:00:00.000Z']]);
  });

  it('clears a gone mark with the sighting or capture the log records after it, whatever the time each names', () => {
    const gone = (ads: string[]) => ({ action: 'gone', run: 'r1', theme: 't', source: 's', ads, goneAt: '2026-01-03T12:00:00.000Z' });
    const index = custodyIndex(entries(
      gone(['ad1', 'ad2', 'ad3']),
      // Captured before the gone mark, settled and logged after it (another worker's run).
      { action: 'sighting', ad: 'ad1', run: 'r2', seenAt: '2026-01-03T11:59:00.000Z' },
      { action: 'version', ad: 'ad2', capture: 'c2', version: 2, run: 'r2', manifest: 'm2', seenAt: '2026-01-03T11:00:00.000Z' },
      { action: 'sighting', ad: 'ad4', run: 'r2', seenAt: '2026-01-03T13:00:00.000Z' },
      gone(['ad4']),
    ));
    assert.deepEqual([...index.gone], [['ad3', '2026-01-03T12:00:00.000Z'], ['ad4', '2026-01-03T12:00:00.000Z']]);
  });

  it('expects a purged capture again once the log records it captured again, and nothing of a purge entry without lists', () => {
    const capture = { action: 'capture', ad: 'ad1', capture: 'c1', version: 1, run: 'r1', manifest: 'm1', seenAt: '2026-01-01T10:00:00.000Z' };
    const index = custodyIndex(entries(
      capture,
      { action: 'purge', theme: 't', reason: 'retention', ads: ['ad1'], captures: ['c1'], at: '2026-08-01T00:00:00.000Z' },
      { ...capture, seenAt: '2026-08-02T10:00:00.000Z' },
      { action: 'purge', theme: 't', reason: 'retention', ads: 'ad1', captures: 'c1', at: '2026-09-01T00:00:00.000Z' },
    ));
    assert.deepEqual([...index.purged], []);
    assert.deepEqual([...index.captures.keys()], ['c1']);
    assert.deepEqual(index.seen.get('ad1'), [{ run: 'r1', seenAt: '2026-08-02T10:00:00.000Z' }]);
  });
});

describe('bySighting', () => {
  const at = (seenAt: string, run: string) => ({ run, seenAt });

  it('orders by time first, whatever the runs', () => {
    assert.equal(bySighting(at('2026-01-01T10:00:00.000Z', 'r2'), at('2026-01-01T10:00:00.001Z', 'r1')), -1);
    assert.equal(bySighting(at('2026-01-01T10:00:00.001Z', 'r1'), at('2026-01-01T10:00:00.000Z', 'r2')), 1);
  });

  it('orders sightings of one instant by run, and finds one sighting equal to itself', () => {
    const t = '2026-01-01T10:00:00.000Z';
    assert.deepEqual([bySighting(at(t, 'r1'), at(t, 'r2')), bySighting(at(t, 'r2'), at(t, 'r1')), bySighting(at(t, 'r1'), at(t, 'r1'))], [-1, 1, 0]);
  });
});

// Health through the API: liveness without sign-in and without data, 503 when the store is gone;
// Prometheus metrics only for the scrape token, read from the store, not audited per scrape; and
// per-source health for admins of the theme.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lastAuditSeq, auditSince, METRICS_TOKEN, openApiWorld, type ApiWorld, type Session } from './api.fixtures.ts';
import { SOFTWARE_VERSION } from '../version.ts';
import type { Store } from '../store/store.ts';

describe('health and metrics', { timeout: 60_000 }, () => {
  let w: ApiWorld;
  let admin: Session;
  let run: string;
  before(async () => {
    w = await openApiWorld();
    admin = await w.login('admin-toezicht');
    // The newest run of toezicht-classic (the world's runs are of the whole theme): 3 complete pages and 1 empty one, two failures, a yield alert.
    run = await w.store.startRun({ theme: 'toezicht', source: 'toezicht-classic', startedAt: '2030-03-01T01:00:00.000Z', softwareVersion: 'test' });
    for (const o of ['complete', 'complete', 'complete', 'empty'] as const) await w.store.countExtraction(run, 'toezicht-classic', o);
    await w.store.recordFailure(run, { source: 'toezicht-classic', url: 'https://ads.example/slow', reason: 'page.goto: Timeout 4000ms exceeded.', attempts: 2 });
    await w.store.recordFailure(run, { source: 'toezicht-classic', url: 'https://ads.example/gone', reason: 'HTTP 500', attempts: 2 });
    await w.store.finishRun(run, { captured: 4, kept: 3, deleted: 1, failed: 2 }, '2030-03-01T02:00:00.000Z');
    // An older run of the source, given up when its worker died before it captured anything.
    const given = await w.store.startRun({ theme: 'toezicht', source: 'toezicht-classic', startedAt: '2030-02-01T01:00:00.000Z', softwareVersion: 'test' });
    await w.store.finishRun(given, { captured: 0, kept: 0, deleted: 0, failed: 0 }, '2030-02-01T03:00:00.000Z', 'abandoned');
    await w.store.raiseAlert({ theme: 'toezicht', source: 'toezicht-classic', runId: run, kind: 'yield-drop', yield: 0.75, baseline: null, floor: 0.9, raisedAt: '2030-03-01T02:00:00.000Z' });
  });
  after(() => w?.close());

  const metrics = (token?: string) => w.app.inject({ method: 'GET', url: '/api/metrics', ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });

  it('answers liveness without sign-in, with the version and nothing about the data', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { status: 'ok', version: SOFTWARE_VERSION, store: 'ok' });
  });

  it('answers 503 with STORE_UNAVAILABLE when the store does not answer', async () => {
    const down = await openApiWorld({
      wrapStore: (store) => new Proxy(store, {
        get: (target, name) => (name === 'readLog' ? () => Promise.reject(new Error('connection refused')) : Reflect.get(target, name) as unknown),
      }) as Store,
    });
    try {
      const res = await down.app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(res.statusCode, 503, res.body);
      assert.equal(res.json().code, 'STORE_UNAVAILABLE');
      assert.doesNotMatch(res.body, /connection refused/, 'the cause stays in the server');
    } finally {
      await down.close();
    }
  });

  it('refuses the metrics without the scrape token, with a wrong one, and with a session alone', async () => {
    for (const res of [await metrics(), await metrics('wrong-token'), await w.app.inject({ method: 'GET', url: '/api/metrics', headers: admin.headers })]) {
      assert.equal(res.statusCode, 401, res.body);
      assert.match(res.json().detail, /BAKEN_METRICS_TOKEN/);
    }
  });

  it('serves no metrics at all when no scrape token is configured', async () => {
    const off = await openApiWorld({ metricsToken: null });
    try {
      const res = await off.app.inject({ method: 'GET', url: '/api/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      assert.equal(res.statusCode, 401);
      assert.match(res.json().detail, /metrics are off/);
    } finally {
      await off.close();
    }
  });

  it('gives the store\'s counts as Prometheus text to the scrape token, without writing to the audit trail', async () => {
    const before = await lastAuditSeq(w.store);
    const purged = await w.store.purgeExpired('toezicht', { lastSeenBefore: '2100-01-01T00:00:00.000Z' }, '2025-09-01T00:00:00.000Z');
    const finished = (await w.store.runs('toezicht')).filter((r) => r.finishedAt !== null);
    assert.ok(finished.some((r) => r.id === run));
    const res = await metrics(METRICS_TOKEN);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    const lines = res.body.split('\n');
    for (const expected of [
      'baken_pages_captured_total{theme="toezicht",source="toezicht-classic",extraction="complete"} 3',
      'baken_pages_captured_total{theme="toezicht",source="toezicht-classic",extraction="empty"} 1',
      'baken_page_failures_total{theme="toezicht",source="toezicht-classic",cause="timeout"} 1',
      'baken_page_failures_total{theme="toezicht",source="toezicht-classic",cause="http-error"} 1',
      `baken_gate_decisions_total{theme="toezicht",decision="kept"} ${finished.reduce((n, r) => n + r.kept, 0)}`,
      `baken_gate_decisions_total{theme="toezicht",decision="deleted"} ${finished.reduce((n, r) => n + r.deleted, 0)}`,
      `baken_purged_ads_total{theme="toezicht",reason="retention"} ${purged.ads}`,
      'baken_source_extraction_yield{theme="toezicht",source="toezicht-classic"} 0.75',
      'baken_source_yield_alert{theme="toezicht",source="toezicht-classic"} 1',
      'baken_queue_queued 0', 'baken_queue_leased 0',
    ]) assert.ok(lines.includes(expected), `expected the line ${expected} in:\n${res.body}`);
    assert.ok(purged.ads > 0, 'the world has toezicht ads to purge');
    assert.doesNotMatch(res.body, /ads\.example/, 'no URL in the metrics');
    assert.deepEqual(await auditSince(w.store, before), [], 'a scrape every 15 s must not flood the audit trail');
  });

  it('a second scrape gives the same purge count, not twice it', async () => {
    const once = (await metrics(METRICS_TOKEN)).body.split('\n').find((l) => l.startsWith('baken_purged_ads_total{theme="toezicht"'));
    const twice = (await metrics(METRICS_TOKEN)).body.split('\n').find((l) => l.startsWith('baken_purged_ads_total{theme="toezicht"'));
    assert.ok(once);
    assert.equal(twice, once);
  });

  it('shows an admin each source of the theme with its last success, failure rate, runs given up, yield and alert, and audits the read', async () => {
    const before = await lastAuditSeq(w.store);
    const res = await w.app.inject({ method: 'GET', url: '/api/admin/source-health?theme=toezicht', headers: admin.headers });
    assert.equal(res.statusCode, 200, res.body);
    const classic = (res.json() as { source: string; name: string }[]).find((s) => s.source === 'toezicht-classic');
    assert.deepEqual(classic, {
      theme: 'toezicht', source: 'toezicht-classic', name: 'Rosebud (demo, klassieke site)',
      lastRun: '2030-03-01T01:00:00.000Z', lastSuccess: '2030-03-01T02:00:00.000Z', runs: 3, captured: 4, failed: 2, abandoned: 1, failureRate: 2 / 6,
      yield: 0.75, usualYield: null,
      alert: { theme: 'toezicht', source: 'toezicht-classic', runId: run, kind: 'yield-drop', yield: 0.75, baseline: null, floor: 0.9, raisedAt: '2030-03-01T02:00:00.000Z' },
    });
    const events = await auditSince(w.store, before);
    assert.deepEqual(events.map((e) => e.body.action), ['health.read']);
  });

  it('refuses source health to roles other than admin, and another theme\'s admin sees none of it', async () => {
    const analyst = await w.login('analyst-toezicht');
    assert.equal((await w.app.inject({ method: 'GET', url: '/api/admin/source-health', headers: analyst.headers })).statusCode, 403);
    const other = await w.login('admin-mensenhandel');
    assert.equal((await w.app.inject({ method: 'GET', url: '/api/admin/source-health?theme=toezicht', headers: other.headers })).statusCode, 404);
    const own = await w.app.inject({ method: 'GET', url: '/api/admin/source-health', headers: other.headers });
    assert.ok((own.json() as { theme: string }[]).every((s) => s.theme === 'mensenhandel'));
  });
});

// The audit trail: every call that reads or changes data leaves exactly one event, with who, what,
// which themes and resources, the query, the count, the client and the justification; refusals are
// recorded; and when the trail cannot be written, the call fails and returns nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { GRANTS, type Role } from '../accounts/roles.ts';
import { rechainWithout, tamperDatabase } from '../evidence/log-tamper.fixtures.ts';
import type { Store } from '../store/store.ts';
import { auditSince, lastAuditSeq, openApiWorld, type ApiWorld } from './api.fixtures.ts';
import { EXAMPLES } from './route-examples.fixtures.ts';
import { ROUTES } from './route-table.ts';

function roleFor(access: string): Role {
  for (const role of ['expert', 'analyst', 'auditor', 'admin'] as const) {
    if (access === 'public' || access === 'signed-in' || GRANTS[role].has(access as never)) return role;
  }
  throw new Error(`no role may ${access}`);
}

describe('audit trail', { timeout: 120_000 }, () => {
  let w: ApiWorld;
  before(async () => { w = await openApiWorld(); });
  after(() => w?.close());

  for (const route of ROUTES) {
    const key = `${route.method} ${route.url}`;
    const wanted = route.audit === null ? 'writes nothing to the audit trail' : `writes exactly one ${route.audit} event`;
    it(`${key} ${wanted}`, async () => {
      const role = roleFor(route.access);
      const session = route.access === 'public' ? null : await w.login(`${role}-mensenhandel`);
      const request = await EXAMPLES[key]!.build(w, 'mensenhandel');
      const from = await lastAuditSeq(w.store);
      const res = await w.app.inject({
        method: route.method, url: request.url, headers: session?.headers ?? {}, ...(request.payload === undefined ? {} : { payload: request.payload as object }),
      });
      assert.equal(res.statusCode, route.status, res.body);
      const events = (await auditSince(w.store, from)).map((e) => e.body.action);
      assert.deepEqual(events, route.audit === null ? [] : [route.audit]);
    });
  }

  it('records user, role, themes, resources, query, count, client and justification of a search', async () => {
    const session = await w.login('analyst-mensenhandel');
    const from = await lastAuditSeq(w.store);
    const res = await w.app.inject({
      method: 'GET', url: '/api/ads?q=stad&city=Utrecht&justification=PL0900-2026-42', headers: session.headers, remoteAddress: '10.1.2.3',
    });
    const [event] = await auditSince(w.store, from);
    assert.ok(event);
    assert.deepEqual(event.body, {
      action: 'ads.search', user: 'analyst-mensenhandel', actor: 'user', role: 'analyst', actorThemes: ['mensenhandel'], themes: ['mensenhandel'],
      resources: res.json().hits.map((h: { id: string }) => h.id), query: { q: 'stad', city: 'Utrecht', page: 1, pageSize: 20 },
      count: 2, client: '10.1.2.3', justification: 'PL0900-2026-42', outcome: 'ok',
    });
    assert.match(event.at, /^\d{4}-\d{2}-\d{2}T/);
  });

  it('records a refused attempt at another theme\'s ad, without its content', async () => {
    const session = await w.login('expert-toezicht');
    const from = await lastAuditSeq(w.store);
    assert.equal((await w.app.inject({ method: 'GET', url: `/api/ads/${w.ads.mensenhandel[0]}`, headers: session.headers })).statusCode, 404);
    const events = await auditSince(w.store, from);
    assert.deepEqual(events.map((e) => [e.body.action, e.body['outcome'], e.body['user']]), [['request.refused', 'NOT_FOUND', 'expert-toezicht']]);
  });

  it('records failed sign-ins with the reason, and no name that is not an account', async () => {
    const from = await lastAuditSeq(w.store);
    await w.app.inject({ method: 'POST', url: '/api/session', payload: { name: 'target-toezicht', password: 'wrong wrong wrong' } });
    await w.app.inject({ method: 'POST', url: '/api/session', payload: { name: 'my password is hunter2', password: 'x' } });
    const events = (await auditSince(w.store, from)).map((e) => [e.body.action, e.body['user'], e.body['outcome']]);
    assert.deepEqual(events, [['session.login-failed', 'target-toezicht', 'wrong-password'], ['session.login-failed', null, 'unknown-user']]);
  });

  it('lets the auditor filter the trail, see only their themes, and check the chain', async () => {
    const expert = await w.login('expert-toezicht');
    await w.app.inject({ method: 'GET', url: '/api/ads?justification=signal+research', headers: expert.headers });
    const auditor = await w.login('auditor-toezicht');
    const page = (await w.app.inject({ method: 'GET', url: '/api/audit?action=ads.search', headers: auditor.headers })).json();
    assert.equal(page.total, 1, 'the one search in the municipal theme');
    for (const e of page.entries) {
      assert.equal(e.body.action, 'ads.search');
      assert.ok(e.body.themes.includes('toezicht'), `event ${e.seq} touches ${e.body.themes}`);
    }
    const police = (await w.app.inject({ method: 'GET', url: '/api/audit?user=analyst-mensenhandel', headers: auditor.headers })).json();
    assert.deepEqual(police.entries.filter((e: { body: { themes: string[] } }) => e.body.themes.length > 0), [], 'events of a police theme stay hidden');
    const check = (await w.app.inject({ method: 'GET', url: '/api/audit/verify', headers: auditor.headers })).json();
    assert.equal(check.ok, true);
    assert.ok(check.checked > 10);
  });
});

describe('the audit chain check', () => {
  let w: ApiWorld;
  before(async () => { w = await openApiWorld(); });
  after(() => w?.close());

  it('names where a trail re-chained without one user\'s entries stops agreeing with its signed checkpoints', async () => {
    const expert = await w.login('expert-mensenhandel');
    await w.app.inject({ method: 'GET', url: '/api/ads?justification=signal+research', headers: expert.headers });
    const auditor = await w.login('auditor-mensenhandel');
    const check = async () => (await w.app.inject({ method: 'GET', url: '/api/audit/verify', headers: auditor.headers })).json();
    assert.deepEqual((await check()).checkpoints, []);
    tamperDatabase(join(w.dataDir, 'baken.db'), (db) => rechainWithout(db, 'audit', (body) => body['user'] === 'expert-mensenhandel'));
    const result = await check();
    assert.deepEqual(result.breaks, [], 'the re-chained trail is intact as a chain');
    assert.equal(result.ok, false);
    assert.equal(result.checkpoints.length, 1, JSON.stringify(result.checkpoints));
    assert.match(result.checkpoints[0], /^audit log: entry #1 onward differ from the signed checkpoint of \S+ \(entry #1 has another hash\)/);
  });
});

describe('when the audit trail cannot be written', () => {
  let w: ApiWorld;
  let failing = false;
  before(async () => {
    w = await openApiWorld({
      wrapStore: (store) => new Proxy(store, {
        get: (target, name: keyof Store) => (name === 'appendLog' && failing
          ? () => Promise.reject(new Error('disk full'))
          : (target[name] as (...a: unknown[]) => unknown).bind(target)),
      }),
    });
  });
  after(() => w?.close());

  it('fails the request and returns none of the data', async () => {
    const session = await w.login('expert-mensenhandel');
    failing = true;
    try {
      const res = await w.app.inject({ method: 'GET', url: `/api/ads/${w.ads.mensenhandel[0]}`, headers: session.headers });
      assert.equal(res.statusCode, 500);
      assert.doesNotMatch(res.body, /Advertentie|ads\.example|disk full/);
      const search = await w.app.inject({ method: 'GET', url: '/api/ads?justification=signal+research', headers: session.headers });
      assert.equal(search.statusCode, 500);
      assert.doesNotMatch(search.body, /Advertentie/);
    } finally {
      failing = false;
    }
  });

  it('refuses a change before making it', async () => {
    const session = await w.login('analyst-mensenhandel');
    failing = true;
    try {
      const res = await w.app.inject({ method: 'POST', url: '/api/lists', headers: session.headers, payload: { theme: 'mensenhandel', name: 'never made' } });
      assert.equal(res.statusCode, 500);
    } finally {
      failing = false;
    }
    assert.equal((await w.lists.lists(['mensenhandel'])).some((l) => l.name === 'never made'), false);
  });
});

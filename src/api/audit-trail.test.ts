// The audit trail: every call that reads or changes data leaves exactly one event, with who, what,
// which themes and resources, the query, the count, the client and the justification; refusals are
// recorded; and when the trail cannot be written, the call fails and returns nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { GRANTS, KIND_ONLY, type Action, type Role } from '../accounts/roles.ts';
import { rechainWithout, tamperDatabase } from '../evidence/log-tamper.fixtures.ts';
import type { Store } from '../store/store.ts';
import { auditSince, justify, lastAuditSeq, openApiWorld, type ApiWorld } from './api.fixtures.ts';
import { EXAMPLES } from './route-examples.fixtures.ts';
import { ROUTES } from './route-table.ts';

/** Who may call the route: for an action of one kind of theme only, its first role in that kind's
 *  theme; else the first role of these, in the police theme. */
function callerFor(access: string): { role: Role; theme: 'mensenhandel' | 'toezicht' } {
  const only = KIND_ONLY[access as Action];
  if (only) return { role: [...only.roles][0]!, theme: only.kind === 'municipal' ? 'toezicht' : 'mensenhandel' };
  return { role: roleFor(access), theme: 'mensenhandel' };
}

function roleFor(access: string): Role {
  for (const role of ['expert', 'analyst', 'auditor', 'admin'] as const) {
    if (access === 'public' || access === 'signed-in' || GRANTS[role].has(access as never)) return role;
  }
  throw new Error(`no role may ${access}`);
}

/** The example's URL with its justification taken out. */
function withoutJustification(url: string): string {
  const u = new URL(url, 'http://baken.invalid');
  u.searchParams.delete('justification');
  return u.pathname + u.search;
}

/** The path parameters of `url` under the route pattern `route`, e.g. { id } for /api/ads/:id. */
function paramsOf(route: string, url: string): Record<string, string> {
  const path = new URL(url, 'http://baken.invalid').pathname.split('/');
  return Object.fromEntries(route.split('/').flatMap((part, i) => (part.startsWith(':') ? [[part.slice(1), path[i]!]] : [])));
}

describe('audit trail', { timeout: 120_000 }, () => {
  let w: ApiWorld;
  before(async () => { w = await openApiWorld(); });
  after(() => w?.close());

  for (const route of ROUTES) {
    const key = `${route.method} ${route.url}`;
    const wanted = route.audit === null ? 'writes nothing to the audit trail' : `writes exactly one ${route.audit} event`;
    it(`${key} ${wanted}`, async () => {
      const { role, theme } = callerFor(route.access);
      const session = route.access === 'public' ? null : await w.login(`${role}-${theme}`);
      const request = await EXAMPLES[key]!.build(w, theme, `${role}-${theme}`);
      const from = await lastAuditSeq(w.store);
      const res = await w.app.inject({
        method: route.method, url: request.url, headers: { ...session?.headers, ...request.headers }, ...(request.payload === undefined ? {} : { payload: request.payload as object }),
      });
      assert.equal(res.statusCode, route.status, res.body);
      const events = (await auditSince(w.store, from)).map((e) => e.body.action);
      assert.deepEqual(events, route.audit === null ? [] : [route.audit]);
    });
  }

  it('asks why on exactly the routes that read ad content', () => {
    assert.deepEqual(ROUTES.filter((r) => r.justified).map((r) => `${r.method} ${r.url}`), [
      'GET /api/ads', 'GET /api/ads/:id', 'GET /api/ads/:id/screenshot', 'GET /api/ads/:id/images/:n', 'GET /api/ads/:id/thumbnail',
      'GET /api/ads/:id/html', 'GET /api/ads/:id/versions', 'POST /api/ads/:id/verify', 'GET /api/ads/:id/network', 'GET /api/holds', 'POST /api/images/search',
      'GET /api/entities/phone/:value', 'GET /api/entities/picture/:hash', 'GET /api/entities/template/:id', 'POST /api/searches', 'GET /api/searches/:id/hits',
      'GET /api/lists/:id', 'GET /api/inspections/:municipality', 'POST /api/exports',
    ]);
  });

  for (const route of ROUTES.filter((r) => r.justified)) {
    const key = `${route.method} ${route.url}`;
    it(`${key} without a justification of the request or the session is refused, and the refusal names what it probed`, async () => {
      const { role, theme } = callerFor(route.access);
      const session = await w.login(`${role}-${theme}`);
      const request = await EXAMPLES[key]!.build(w, theme, `${role}-${theme}`);
      const url = withoutJustification(request.url);
      const from = await lastAuditSeq(w.store);
      const res = await w.app.inject({ method: route.method, url, headers: { ...session.headers, ...request.headers }, ...(request.payload === undefined ? {} : { payload: request.payload as object }) });
      assert.deepEqual([res.statusCode, res.json().code], [400, 'JUSTIFICATION_REQUIRED'], res.body);
      assert.match(res.json().detail, /justification/);
      const events = (await auditSince(w.store, from)).map((e) => e.body);
      const params = paramsOf(route.url, url);
      assert.deepEqual(events.map((e) => [e.action, e['outcome'], e['resources'], e['query']]),
        [['request.refused', 'JUSTIFICATION_REQUIRED', Object.values(params), { method: route.method, route: route.url, params }]]);
    });

    it(`${key} records the session's justification when the request gives none`, async () => {
      const { role, theme } = callerFor(route.access);
      const session = await justify(w.app, await w.login(`${role}-${theme}`), 'PL0900-2026-77');
      const request = await EXAMPLES[key]!.build(w, theme, `${role}-${theme}`);
      const url = withoutJustification(request.url);
      const from = await lastAuditSeq(w.store);
      const res = await w.app.inject({ method: route.method, url, headers: { ...session.headers, ...request.headers }, ...(request.payload === undefined ? {} : { payload: request.payload as object }) });
      assert.equal(res.statusCode, route.status, res.body);
      const events = (await auditSince(w.store, from)).map((e) => [e.body.action, e.body['justification']]);
      assert.deepEqual(events, [[route.audit, 'PL0900-2026-77']]);
    });
  }

  it('records the request\'s own justification over the session\'s', async () => {
    const session = await justify(w.app, await w.login('expert-mensenhandel'), 'signal research');
    const from = await lastAuditSeq(w.store);
    const byQuery = await w.app.inject({ method: 'GET', url: `/api/ads/${w.ads.mensenhandel[0]}?justification=PL0900-2026-1`, headers: session.headers });
    const byHeader = await w.app.inject({
      method: 'GET', url: `/api/ads/${w.ads.mensenhandel[0]}/network`, headers: { ...session.headers, 'x-baken-justification': 'PL0900-2026-2' },
    });
    assert.deepEqual([byQuery.statusCode, byHeader.statusCode], [200, 200]);
    const events = (await auditSince(w.store, from)).map((e) => [e.body.action, e.body['justification']]);
    assert.deepEqual(events, [['ads.read', 'PL0900-2026-1'], ['ads.network', 'PL0900-2026-2']]);
  });

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
      resources: res.json().hits.map((h: { id: string }) => h.id), query: { q: 'stad', city: 'Utrecht', sort: 'score', page: 1, pageSize: 20 },
      count: 2, client: '10.1.2.3', justification: 'PL0900-2026-42', outcome: 'ok',
    });
    assert.match(event.at, /^\d{4}-\d{2}-\d{2}T/);
  });

  it('records a refused attempt at another theme\'s ad, without its content', async () => {
    const session = await w.login('expert-toezicht');
    const from = await lastAuditSeq(w.store);
    const probed = w.ads.mensenhandel[0];
    assert.equal((await w.app.inject({ method: 'GET', url: `/api/ads/${probed}?justification=signal%20research`, headers: session.headers })).statusCode, 404);
    const events = await auditSince(w.store, from);
    assert.deepEqual(events.map((e) => [e.body.action, e.body['outcome'], e.body['user']]), [['request.refused', 'NOT_FOUND', 'expert-toezicht']]);
    assert.deepEqual(events[0]!.body['resources'], [probed], 'the refusal names the ad it probed');
    assert.deepEqual(events[0]!.body['query'], { method: 'GET', route: '/api/ads/:id', params: { id: probed } });
    assert.doesNotMatch(JSON.stringify(events[0]!.body), /Advertentie|ads\.example/);
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
    const succeeded = (await w.app.inject({ method: 'GET', url: '/api/audit?outcome=ok&action=ads.search', headers: auditor.headers })).json();
    assert.equal(succeeded.total, 1, 'the search succeeded');
    // Newest first; each read is itself recorded, so later reads see the earlier reads on top.
    const seqsOf = (r: { entries: { seq: number }[] }) => r.entries.map((e) => e.seq);
    const newest = seqsOf((await w.app.inject({ method: 'GET', url: '/api/audit?order=desc&pageSize=6', headers: auditor.headers })).json());
    const all = seqsOf((await w.app.inject({ method: 'GET', url: '/api/audit?pageSize=500', headers: auditor.headers })).json());
    assert.deepEqual(newest, all.slice(-7, -1).reverse(), 'the newest six, newest first');
    const second = seqsOf((await w.app.inject({ method: 'GET', url: '/api/audit?order=desc&pageSize=3&page=2', headers: auditor.headers })).json());
    assert.deepEqual(second, newest.slice(1, 4), 'page 2 counts from the newest (now the two reads above)');
    const none = (await w.app.inject({ method: 'GET', url: '/api/audit?outcome=FORBIDDEN&action=ads.search', headers: auditor.headers })).json();
    assert.equal(none.total, 0, 'the outcome narrows the trail');
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
      const res = await w.app.inject({ method: 'GET', url: `/api/ads/${w.ads.mensenhandel[0]}?justification=signal+research`, headers: session.headers });
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

describe('when an answer does not match its response schema', () => {
  let w: ApiWorld;
  before(async () => {
    w = await openApiWorld({
      // An evidence kind the API does not describe: the answer cannot be sent as documented.
      wrapStore: (store) => new Proxy(store, {
        get: (target, name: keyof Store) => (name === 'getAd'
          ? async (...args: Parameters<Store['getAd']>) => {
            const ad = await target.getAd(...args);
            return ad && { ...ad, hits: [{ id: 'odd', weight: 1, evidence: [{ kind: 'unheard-of' }] }] };
          }
          : (target[name] as (...a: unknown[]) => unknown).bind(target)),
      }),
    });
  });
  after(() => w?.close());

  it('fails the read and records it as failed, never as a success', async () => {
    const session = await w.login('expert-mensenhandel');
    const from = await lastAuditSeq(w.store);
    const res = await w.app.inject({ method: 'GET', url: `/api/ads/${w.ads.mensenhandel[0]}?justification=signal+research`, headers: session.headers });
    assert.equal(res.statusCode, 500);
    assert.doesNotMatch(res.body, /Advertentie|unheard-of/);
    const events = (await auditSince(w.store, from)).map((e) => [e.body.action, e.body['outcome'], e.body['status']]);
    assert.deepEqual(events, [['ads.read', 'INTERNAL', 500]]);
  });
});

describe('when a change fails after it was recorded', () => {
  let w: ApiWorld;
  before(async () => {
    w = await openApiWorld({
      wrapStore: (store) => new Proxy(store, {
        get: (target, name: keyof Store) => (name === 'placeHold'
          ? () => Promise.reject(new Error('the database went away'))
          : (target[name] as (...a: unknown[]) => unknown).bind(target)),
      }),
    });
  });
  after(() => w?.close());

  it('follows its record with the failure and its status', async () => {
    const session = await w.login('expert-mensenhandel');
    const from = await lastAuditSeq(w.store);
    const id = w.ads.mensenhandel[0]!;
    const res = await w.app.inject({ method: 'PUT', url: `/api/ads/${id}/hold`, headers: session.headers, payload: { caseNumber: 'ZAAK-1' } });
    assert.equal(res.statusCode, 500);
    assert.doesNotMatch(res.body, /went away/);
    const events = (await auditSince(w.store, from)).map((e) => [e.body.action, e.body.resources, e.body.query, e.body['outcome'], e.body['status']]);
    assert.deepEqual(events, [
      ['holds.change', [id], { op: 'place' }, 'ok', undefined],
      ['request.failed', [id], { op: 'place', action: 'holds.change' }, 'INTERNAL', 500],
    ], 'recorded before it was made, then its failure');
  });
});

// Administration through the API: configuration changes land as validated YAML or not at all, and
// user changes respect the admin's own themes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { totpCode, totpCounter } from '../accounts/totp.ts';
import { apiSettingsSchema } from '../config/api-settings.ts';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import { AuditTrail } from '../services/audit-trail.ts';
import { UsersService } from '../services/users.service.ts';
import { auditSince, lastAuditSeq, openApiWorld, PASSWORD, type ApiWorld, type Session, serviceContextOf } from './api.fixtures.ts';

const BAKEN = new URL('../../bin/baken.ts', import.meta.url).pathname;

describe('administration', () => {
  let w: ApiWorld;
  let admin: Session;
  before(async () => {
    w = await openApiWorld();
    admin = await w.login('admin-mensenhandel');
    await w.addUser('tweede-beheerder', 'admin', ['mensenhandel']);
  });
  after(() => w?.close());

  const call = (method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, payload?: object, session = admin) =>
    w.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  const configFiles = () => readdirSync(w.configDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => `${join(e.parentPath, e.name)}:${createHash('sha256').update(readFileSync(join(e.parentPath, e.name))).digest('hex')}`).sort();

  it('writes a changed source as YAML that the loader reads back, and serves the change at once', async () => {
    const source = (await call('GET', '/api/admin/sources/mensenhandel-classic')).json();
    const res = await call('PUT', '/api/admin/sources/mensenhandel-classic', { ...source, name: 'Rosebud (renamed)' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(loadConfig(w.configDir).sources.get('mensenhandel-classic')?.name, 'Rosebud (renamed)');
    assert.equal((await call('GET', '/api/admin/sources/mensenhandel-classic')).json().name, 'Rosebud (renamed)');
  });

  it('refuses a change that would break the configuration, with the loader\'s message, and changes no file', async () => {
    const before = configFiles();
    const source = (await call('GET', '/api/admin/sources/mensenhandel-classic')).json();
    const res = await call('PUT', '/api/admin/sources/mensenhandel-classic', { ...source, extractor: 'no-such-extractor' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().detail, /sources\/mensenhandel-classic: extractor: no extractor "no-such-extractor"/);
    const badType = await call('PUT', '/api/admin/sources/mensenhandel-classic', { ...source, discover: { ...source.discover, maxPages: 'many' } });
    assert.equal(badType.statusCode, 400);
    assert.match(badType.json().detail, /discover\.maxPages/);
    const renamed = await call('PUT', '/api/admin/sources/mensenhandel-classic', { ...source, id: 'other-id' });
    assert.equal(renamed.statusCode, 400);
    assert.deepEqual(configFiles(), before);
  });

  it('refuses a source that points at the cloud metadata service, with the loader\'s message, and changes no file', async () => {
    const before = configFiles();
    const source = (await call('GET', '/api/admin/sources/mensenhandel-classic')).json();
    const res = await call('PUT', '/api/admin/sources/mensenhandel-classic', { ...source, start: 'http://169.254.169.254/latest/meta-data/' });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().detail, /sources\/mensenhandel-classic\.yaml: start: host 169\.254\.169\.254 is a loopback, private or link-local address/);
    assert.deepEqual(configFiles(), before);
  });

  it('adds a schedule and refuses one that runs too often', async () => {
    const nightly = { id: 'mensenhandel-nightly', theme: 'mensenhandel', source: 'mensenhandel-swipe', every: '12h' };
    const added = await call('PUT', '/api/admin/schedules/mensenhandel-nightly', nightly);
    assert.equal(added.statusCode, 200, added.body);
    assert.deepEqual(loadConfig(w.configDir).schedules.get('mensenhandel-nightly'), nightly);
    const tooOften = await call('PUT', '/api/admin/schedules/mensenhandel-nightly', { ...nightly, every: '1m' });
    assert.equal(tooOften.statusCode, 400);
    assert.match(tooOften.body, /at least 15m/);
  });

  it('never lets an admin move configuration into a theme they do not hold', async () => {
    const res = await call('PUT', '/api/admin/schedules/sneaky', { id: 'sneaky', theme: 'toezicht', every: '1d' });
    assert.equal(res.statusCode, 404);
    assert.equal(loadConfig(w.configDir).schedules.has('sneaky'), false);
  });

  it('writes a new item to a new file, never over a file that holds another theme\'s item, and audits only its own theme', async () => {
    // The operator keeps a police source in a file named like a municipal id.
    const police = readFileSync(join(w.configDir, 'sources/mensenhandel-velvet.yaml'), 'utf8');
    renameSync(join(w.configDir, 'sources/mensenhandel-velvet.yaml'), join(w.configDir, 'sources/toezicht-extra.yaml'));
    const municipal = await call('GET', '/api/admin/sources/toezicht-classic', undefined, await w.login('admin-toezicht'));
    const from = await lastAuditSeq(w.store);
    const res = await call('PUT', '/api/admin/sources/toezicht-extra', { ...municipal.json(), id: 'toezicht-extra' }, await w.login('admin-toezicht'));
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(readFileSync(join(w.configDir, 'sources/toezicht-extra.yaml'), 'utf8'), police, 'the police file is untouched');
    const loaded = loadConfig(w.configDir);
    assert.deepEqual([loaded.sources.get('mensenhandel-velvet')?.theme, loaded.sources.get('toezicht-extra')?.theme], ['mensenhandel', 'toezicht']);
    const changes = (await auditSince(w.store, from)).filter((e) => e.body.action === 'config.change');
    assert.deepEqual(changes.map((e) => [e.body['themes'], e.body['resources']]), [[['toezicht'], ['sources/toezicht-extra']]]);
  });

  it('answers a read of another theme\'s item exactly as a read of an item that does not exist', async () => {
    const toezicht = await w.login('admin-toezicht');
    for (const kind of ['sources', 'profiles', 'schedules']) {
      const taken = { sources: 'mensenhandel-classic', profiles: 'mensenhandel', schedules: 'mensenhandel-daily' }[kind]!;
      const hidden = await call('GET', `/api/admin/${kind}/${taken}`, undefined, toezicht);
      const absent = await call('GET', `/api/admin/${kind}/${taken}-absent`, undefined, toezicht);
      assert.equal(hidden.statusCode, 404, hidden.body);
      assert.deepEqual(hidden.json(), { ...absent.json(), detail: absent.json().detail.replace(`${taken}-absent`, taken) });
    }
  });

  it('answers a write to another theme\'s id exactly as a write to a free id, and changes no file', async () => {
    const toezicht = await w.login('admin-toezicht');
    const before = configFiles();
    const source = (await call('GET', '/api/admin/sources/toezicht-classic', undefined, toezicht)).json();
    for (const theme of ['toezicht', 'mensenhandel']) {
      const put = (id: string) => call('PUT', `/api/admin/sources/${id}`, { ...source, id, theme }, toezicht);
      const taken = await put('mensenhandel-classic');
      const free = await put('mensenhandel-free');
      assert.equal(taken.statusCode, theme === 'toezicht' ? 400 : 404, taken.body);
      assert.deepEqual(taken.json(), { ...free.json(), detail: free.json().detail.replace('mensenhandel-free', 'mensenhandel-classic') });
    }
    assert.deepEqual(configFiles(), before);
  });

  it('adds a user under the name asked for and a random suffix, who can then sign in, and refuses a short password and a foreign theme', async () => {
    const add = (body: object) => call('POST', '/api/admin/users', { role: 'analyst', themes: ['mensenhandel'], password: PASSWORD, ...body });
    const res = await add({ name: 'nieuwe-analist' });
    assert.equal(res.statusCode, 201, res.body);
    const { name } = res.json() as { name: string };
    assert.match(name, /^nieuwe-analist\.[a-z2-9]{5}$/);
    assert.deepEqual({ ...res.json() as object, id: 'x', name: 'x', createdAt: 'x', updatedAt: 'x' }, {
      id: 'x', name: 'x', role: 'analyst', themes: ['mensenhandel'], disabled: false, totp: false, lockedUntil: null, createdAt: 'x', updatedAt: 'x',
      approved: false, requestedBy: ['admin-mensenhandel'], approvedBy: null, approvedAt: null,
    });
    const approved = await call('POST', `/api/admin/users/${res.json().id}/approve`, undefined, await w.login('tweede-beheerder'));
    assert.equal(approved.statusCode, 200, approved.body);
    await w.login(name);
    const again = await add({ name: 'NIEUWE-analist' });
    assert.equal(again.statusCode, 201, 'the same name asked for twice gives two users');
    assert.notEqual(again.json().name.toLowerCase(), name);
    assert.equal((await add({ name: 'kort', password: 'short' })).statusCode, 400);
    assert.equal((await add({ name: 'elders', themes: ['toezicht'] })).statusCode, 404);
    assert.equal((await w.accounts.users()).some((u) => u.name.startsWith('kort') || u.name.startsWith('elders')), false);
  });

  it('answers a new user named like a user of another theme exactly as one named like nobody', async () => {
    const toezicht = await w.login('admin-toezicht');
    const add = (name: string) => call('POST', '/api/admin/users', { name, role: 'analyst', themes: ['toezicht'], password: PASSWORD }, toezicht);
    const shape = (res: Awaited<ReturnType<typeof add>>, asked: string) => {
      const body = res.json() as Record<string, unknown>;
      assert.match(String(body['name']), new RegExp(`^${asked}\\.[a-z2-9]{5}$`));
      return [res.statusCode, { ...body, id: 'x', name: 'x', createdAt: 'x', updatedAt: 'x' }];
    };
    const police = shape(await add('expert-mensenhandel'), 'expert-mensenhandel');
    const nobody = shape(await add('niemand-zo'), 'niemand-zo');
    assert.deepEqual(police, nobody);
    assert.equal(police[0], 201);
    assert.equal((await w.accounts.userByName('expert-mensenhandel'))?.role, 'expert', 'the police user is untouched');

    const hidden = await call('PATCH', `/api/admin/users/${w.users.get('expert-mensenhandel')!.id}`, { disabled: true }, toezicht);
    const absent = await call('PATCH', '/api/admin/users/00000000-0000-4000-8000-000000000000', { disabled: true }, toezicht);
    assert.equal(hidden.statusCode, 404);
    assert.deepEqual(hidden.json(), { ...absent.json(), detail: absent.json().detail.replace('00000000-0000-4000-8000-000000000000', w.users.get('expert-mensenhandel')!.id) });
  });

  it('shows the scheduled jobs of the admin\'s themes, newest first, with what they did or why they failed', async () => {
    const slot = '2026-03-01T02:00:00.000Z';
    for (const theme of ['mensenhandel', 'toezicht']) {
      await w.jobs.enqueue({ kind: 'purge', theme, source: null, schedule: `retention:${theme}`, slot }, slot);
    }
    await w.jobs.enqueue({ kind: 'crawl', theme: 'mensenhandel', source: null, schedule: 'mensenhandel-daily', slot: '2026-03-01T03:00:00.000Z' }, '2026-03-01T03:00:00.000Z');
    const stale = { before: '2026-03-01T00:00:00.000Z', maxAttempts: 3 };
    const purge = (await w.jobs.claim('test', '2026-03-01T03:00:00.000Z', stale))!;
    await w.jobs.finish(purge.id, 'test', { purged: 2, captures: 2, files: 6, held: 0 }, '2026-03-01T03:00:01.000Z');
    const from = await lastAuditSeq(w.store);
    const res = await call('GET', '/api/admin/jobs');
    assert.equal(res.statusCode, 200, res.body);
    const jobs = res.json() as { schedule: string; state: string; result: unknown }[];
    assert.deepEqual(jobs.map((j) => [j.schedule, j.state, j.result]), [
      ['mensenhandel-daily', 'queued', null], ['retention:mensenhandel', 'done', { purged: 2, captures: 2, files: 6, held: 0 }],
    ]);
    assert.equal((await call('GET', '/api/admin/jobs?theme=toezicht')).statusCode, 404);
    assert.equal((await call('GET', '/api/admin/jobs?limit=0')).statusCode, 400);
    assert.equal((await call('GET', '/api/admin/jobs', undefined, await w.login('expert-mensenhandel'))).statusCode, 403);
    const read = (await auditSince(w.store, from)).filter((e) => e.body.action === 'jobs.read');
    assert.deepEqual(read.map((e) => [e.body['themes'], e.body['count']]), [[['mensenhandel'], 2]]);
  });

  it('ends a user\'s sessions when their role changes, and keeps an admin from demoting themselves', async () => {
    const target = w.users.get('target-mensenhandel')!;
    const session = await w.login('target-mensenhandel');
    const res = await call('PATCH', `/api/admin/users/${target.id}`, { role: 'expert' });
    assert.equal(res.json().role, 'expert');
    assert.equal('totpUri' in res.json(), false, 'no code is enrolled while none is required');
    assert.equal((await w.app.inject({ method: 'GET', url: '/api/session', headers: session.headers })).statusCode, 401);
    const self = w.users.get('admin-mensenhandel')!;
    assert.equal((await call('PATCH', `/api/admin/users/${self.id}`, { disabled: true })).statusCode, 409);
    assert.equal((await call('PATCH', `/api/admin/users/${w.users.get('analyst-toezicht')!.id}`, { disabled: true })).statusCode, 404);
  });
});

describe('service tokens that read ad content', () => {
  let w: ApiWorld;
  before(async () => {
    w = await openApiWorld();
    await w.addUser('tweede-beheerder', 'admin', ['mensenhandel']);
  });
  after(() => w?.close());

  const post = async (url: string, as: string, payload?: object) =>
    w.app.inject({ method: 'POST', url, headers: (await w.login(as)).headers, ...(payload ? { payload } : {}) });
  const bearerCall = (secret: string) => w.app.inject({ method: 'GET', url: '/api/ads?justification=signal%20research', headers: { authorization: `Bearer ${secret}` } });

  it('keeps a token that reads content unusable until another admin of its themes approves it, and audits both steps', async () => {
    const from = await lastAuditSeq(w.store);
    const created = await post('/api/admin/tokens', 'admin-mensenhandel', { name: 'analyse job', role: 'analyst', themes: ['mensenhandel'] });
    assert.equal(created.statusCode, 201, created.body);
    const { token, secret } = created.json() as { token: { id: string; approvedBy: string | null }; secret: string };
    assert.equal(token.approvedBy, null);
    assert.equal((await bearerCall(secret)).statusCode, 401, 'a pending token does not authenticate');

    const self = await post(`/api/admin/tokens/${token.id}/approve`, 'admin-mensenhandel');
    assert.deepEqual([self.statusCode, self.json().code], [403, 'FORBIDDEN']);
    assert.match(self.json().detail, /another admin than the one who asked for it/);
    assert.equal((await post(`/api/admin/tokens/${token.id}/approve`, 'admin-toezicht')).statusCode, 404, 'an admin of other themes cannot see it');
    assert.equal((await bearerCall(secret)).statusCode, 401);

    const approved = await post(`/api/admin/tokens/${token.id}/approve`, 'tweede-beheerder');
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().approvedBy, 'tweede-beheerder');
    assert.equal((await bearerCall(secret)).statusCode, 200);
    assert.equal((await post(`/api/admin/tokens/${token.id}/approve`, 'tweede-beheerder')).statusCode, 409);

    const changes = (await auditSince(w.store, from)).filter((e) => e.body.action === 'tokens.change' && e.body['outcome'] === 'ok');
    assert.deepEqual(changes.map((e) => [e.body['user'], e.body['query']]), [
      ['admin-mensenhandel', { op: 'create', role: 'analyst', pending: true }],
      ['tweede-beheerder', { op: 'approve', role: 'analyst' }],
    ]);
  });

  it('makes tokens of roles that read no content usable at once, as before', async () => {
    const created = await post('/api/admin/tokens', 'admin-mensenhandel', { name: 'figures job', role: 'auditor', themes: ['mensenhandel'] });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().token.approvedBy, 'admin-mensenhandel');
    const res = await w.app.inject({ method: 'GET', url: '/api/session', headers: { authorization: `Bearer ${created.json().secret}` } });
    assert.equal(res.statusCode, 200);
  });

  it('lets no service token ask for or approve a token that reads content', async () => {
    const { secret } = (await post('/api/admin/tokens', 'admin-mensenhandel', { name: 'admin job', role: 'admin', themes: ['mensenhandel'] })).json() as { secret: string };
    const asToken = (url: string, payload?: object) => w.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${secret}` }, ...(payload ? { payload } : {}) });
    const ask = await asToken('/api/admin/tokens', { name: 'by a token', role: 'analyst', themes: ['mensenhandel'] });
    assert.deepEqual([ask.statusCode, ask.json().code], [403, 'FORBIDDEN']);
    assert.equal((await w.accounts.tokens()).some((t) => t.name === 'by a token'), false);
    const pending = (await post('/api/admin/tokens', 'tweede-beheerder', { name: 'waits', role: 'supervisor', themes: ['mensenhandel'] })).json() as { token: { id: string } };
    assert.equal((await asToken(`/api/admin/tokens/${pending.token.id}/approve`)).statusCode, 403);
    assert.equal((await w.accounts.tokens()).find((t) => t.id === pending.token.id)?.approvedAt, null);
  });
});

describe('adding users while one-time codes are required', () => {
  let w: ApiWorld;
  const adminSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  before(async () => {
    w = await openApiWorld({ auth: { requireTotp: true } });
    await w.accounts.updateUser(w.users.get('admin-mensenhandel')!.id, { totpSecret: adminSecret }, w.clock.now.toISOString());
    const second = await w.addUser('tweede-beheerder', 'admin', ['mensenhandel']);
    await w.accounts.updateUser(second.id, { totpSecret: adminSecret }, w.clock.now.toISOString());
  });
  after(() => w?.close());

  const codeOf = (secret: string) => totpCode(secret, totpCounter(w.clock.now));
  /** Each sign-in a step later, so the admin's code is never a replay. */
  const adminSession = () => {
    w.clock.advance(30_000);
    return w.login('admin-mensenhandel', codeOf(adminSecret));
  };
  const add = async (body: object) => w.app.inject({
    method: 'POST', url: '/api/admin/users', headers: (await adminSession()).headers, payload: { themes: ['mensenhandel'], password: PASSWORD, ...body },
  });
  /** A second admin approves what the first asked for: a content-reading account signs in only then. */
  const approve = async (id: string) => {
    w.clock.advance(30_000);
    const second = await w.login('tweede-beheerder', codeOf(adminSecret));
    const res = await w.app.inject({ method: 'POST', url: `/api/admin/users/${id}/approve`, headers: second.headers });
    assert.equal(res.statusCode, 200, res.body);
  };
  const signIn = (name: string, totp?: string) =>
    w.app.inject({ method: 'POST', url: '/api/session', payload: { name, password: PASSWORD, ...(totp === undefined ? {} : { totp }) } });
  /** The operator at the machine shows the user their code's secret: `baken user totp`. */
  const operatorShowsCode = async (name: string) => {
    const out = execFileSync(process.execPath, [BAKEN, 'user', 'totp', '--name', name, '--json', '--config', w.configDir, '--data', w.dataDir], { encoding: 'utf8' });
    return new URL((JSON.parse(out) as { totpUri: string }).totpUri).searchParams.get('secret')!;
  };
  const assertNoSecret = (body: string) => assert.doesNotMatch(body, /otpauth|secret|totpUri/i, 'the admin never sees the second factor');

  it('enrols a code for a new expert without showing it to the admin; the operator shows it to the expert, who signs in with it', async () => {
    const from = await lastAuditSeq(w.store);
    const res = await add({ name: 'nieuwe-expert', role: 'expert' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().totp, true);
    assertNoSecret(res.body);
    const { name } = res.json() as { name: string };
    assert.equal((await signIn(name)).statusCode, 401, 'no code, no session');

    await approve(res.json().id);
    const secret = await operatorShowsCode(name);
    assert.equal((await signIn(name, codeOf(secret))).statusCode, 201);
    const events = (await auditSince(w.store, from)).filter((e) => e.body.action === 'users.change');
    assert.deepEqual(events.map((e) => e.body['query']), [{ op: 'add', role: 'expert', totp: true, pending: true }, { op: 'approve', role: 'expert' }, { op: 'totp' }]);
    assert.doesNotMatch(JSON.stringify(await auditSince(w.store, from)), new RegExp(secret), 'the secret never reaches the trail');
  });

  it('never shows the code again: the user list only says one is enrolled', async () => {
    const added = await add({ name: 'andere-expert', role: 'expert' });
    assert.equal(added.statusCode, 201);
    const listed = (await w.app.inject({ method: 'GET', url: '/api/admin/users', headers: (await adminSession()).headers })).json() as Record<string, unknown>[];
    const expert = listed.find((u) => u['name'] === added.json().name);
    assert.equal(expert?.['totp'], true);
    assertNoSecret(JSON.stringify(listed));
  });

  it('enrols an admin too, even when the body asks for no code', async () => {
    const res = await add({ name: 'nieuwe-beheerder', role: 'admin', totp: false });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().totp, true);
    assert.equal((await signIn(res.json().name)).statusCode, 401, 'no code, no session');
  });

  it('enrols an analyst only when asked, and then asks for the code at sign-in', async () => {
    const plain = await add({ name: 'analist-zonder', role: 'analyst' });
    assert.deepEqual([plain.statusCode, plain.json().totp], [201, false]);
    await approve(plain.json().id);
    assert.equal((await signIn(plain.json().name)).statusCode, 201);

    const asked = await add({ name: 'analist-met', role: 'analyst', totp: true });
    assert.equal(asked.statusCode, 201, asked.body);
    assertNoSecret(asked.body);
    assert.equal((await signIn(asked.json().name)).statusCode, 401, 'no code, no session');
    await approve(asked.json().id);
    assert.equal((await signIn(asked.json().name, codeOf(await operatorShowsCode(asked.json().name)))).statusCode, 201);
  });

  it('enrols a code when an analyst is made expert, without showing it to the admin, and keeps it on a later change', async () => {
    const from = await lastAuditSeq(w.store);
    const added = await add({ name: 'bevorderd', role: 'analyst' });
    const { id, name } = added.json() as { id: string; name: string };
    const patch = async (body: object) => w.app.inject({ method: 'PATCH', url: `/api/admin/users/${id}`, headers: (await adminSession()).headers, payload: body });
    const promoted = await patch({ role: 'expert' });
    assert.equal(promoted.statusCode, 200, promoted.body);
    assert.equal(promoted.json().totp, true);
    assertNoSecret(promoted.body);
    assert.equal((await signIn(name)).statusCode, 401, 'no code, no session');
    const stored = (await w.accounts.user(id))?.totpSecret;

    const again = await patch({ role: 'admin' });
    assert.equal(again.statusCode, 200, again.body);
    assertNoSecret(again.body);
    assert.equal((await w.accounts.user(id))?.totpSecret, stored, 'an enrolled code is kept, not replaced');
    const changes = (await auditSince(w.store, from)).filter((e) => e.body.action === 'users.change').map((e) => e.body['query']);
    assert.deepEqual(changes, [
      { op: 'add', role: 'analyst', totp: false, pending: true }, { op: 'change', role: 'expert', totp: true, pending: true }, { op: 'change', role: 'admin' },
    ]);
  });

  it('shows a code\'s secret to no admin through the service either: only the operator may', async () => {
    const who = { actor: { kind: 'user' as const, id: w.users.get('admin-mensenhandel')!.id, name: 'admin-mensenhandel', role: 'admin' as const, themes: ['mensenhandel'] }, client: 'test' };
    const target = w.users.get('target-mensenhandel')!;
    const users = new UsersService(serviceContextOf(w));
    await assert.rejects(users.enrolTotp(who, target.id), (e: unknown) => e instanceof BakenError && e.code === 'FORBIDDEN');
    assert.equal((await w.accounts.user(target.id))?.totpSecret, null);
    const added = await users.add(who, { name: 'via-dienst', role: 'expert', themes: ['mensenhandel'], password: PASSWORD, totp: true });
    assert.equal(added.totpUri, null);
  });
});

// Four-eyes on accounts that read ad content (pentest finding 8): an admin who makes an analyst
// with a password of their choosing, or promotes, widens or resets one, cannot sign in as it and
// read content alone — it waits for a second admin of its themes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Who } from '../accounts/actor.ts';
import { apiSettingsSchema } from '../config/api-settings.ts';
import { loadConfig } from '../config/load.ts';
import { AuditTrail } from '../services/audit-trail.ts';
import { SIGN_IN_FAILED } from '../services/session.service.ts';
import { UsersService } from '../services/users.service.ts';
import { auditSince, lastAuditSeq, openApiWorld, PASSWORD, type ApiWorld, type Session, serviceContextOf } from './api.fixtures.ts';

describe('accounts that read ad content need a second admin', () => {
  let w: ApiWorld;
  before(async () => {
    w = await openApiWorld();
    await w.addUser('tweede-beheerder', 'admin', ['mensenhandel']);
    await w.addUser('beheerder-beide', 'admin', ['mensenhandel', 'toezicht']);
    await w.addUser('tweede-beide', 'admin', ['mensenhandel', 'toezicht']);
  });
  after(() => w?.close());

  const as = async (name: string) => (await w.login(name)).headers;
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, admin: string, payload?: object) =>
    w.app.inject({ method, url, headers: await as(admin), ...(payload ? { payload } : {}) });
  const approve = (id: string, admin: string) => call('POST', `/api/admin/users/${id}/approve`, admin);
  const signIn = (name: string, password = PASSWORD) => w.app.inject({ method: 'POST', url: '/api/session', payload: { name, password } });
  const answer = (res: { statusCode: number; json: () => { code?: string; detail?: string } }) => [res.statusCode, res.json().code, res.json().detail];
  const stillSignedIn = async (session: Session) => (await w.app.inject({ method: 'GET', url: '/api/session', headers: session.headers })).statusCode;

  it('keeps an analyst an admin made with a known password from signing in until another admin of its themes approves it', async () => {
    const from = await lastAuditSeq(w.store);
    const made = await call('POST', '/api/admin/users', 'admin-mensenhandel', { name: 'eigen-analist', role: 'analyst', themes: ['mensenhandel'], password: PASSWORD });
    assert.equal(made.statusCode, 201, made.body);
    const { id, name } = made.json() as { id: string; name: string };
    assert.deepEqual(answer(await signIn(name)), [401, 'UNAUTHENTICATED', SIGN_IN_FAILED], 'refused like any other failure');
    const listed = (await call('GET', '/api/admin/users', 'admin-mensenhandel')).json() as { id: string; approved: boolean; requestedBy: string[] }[];
    assert.deepEqual(listed.filter((u) => u.id === id).map((u) => [u.approved, u.requestedBy]), [[false, ['admin-mensenhandel']]]);

    const self = await approve(id, 'admin-mensenhandel');
    assert.deepEqual([self.statusCode, self.json().code], [403, 'FORBIDDEN']);
    assert.match(self.json().detail, /another admin than those who made the changes awaiting approval/);
    const foreign = await approve(id, 'admin-toezicht');
    const absent = await approve('00000000-0000-4000-8000-000000000000', 'admin-toezicht');
    assert.equal(foreign.statusCode, 404, 'an admin of other themes cannot see it');
    assert.deepEqual(foreign.json(), { ...absent.json(), detail: absent.json().detail.replace('00000000-0000-4000-8000-000000000000', id) });
    assert.equal((await signIn(name)).statusCode, 401);
    assert.equal((await w.accounts.user(id))?.approvedAt, null, 'refused approvals change nothing');

    const approved = await approve(id, 'tweede-beheerder');
    assert.equal(approved.statusCode, 200, approved.body);
    assert.deepEqual([approved.json().approved, approved.json().approvedBy], [true, 'tweede-beheerder']);
    assert.equal((await signIn(name)).statusCode, 201);
    assert.deepEqual([(await approve(id, 'tweede-beheerder')).json().code, (await approve(id, 'tweede-beheerder')).statusCode], ['CONFLICT', 409]);

    const events = await auditSince(w.store, from);
    assert.deepEqual(events.filter((e) => e.body.action === 'session.login-failed' && e.body['user'] === name).map((e) => e.body['outcome']),
      ['awaiting-approval', 'awaiting-approval']);
    assert.deepEqual(events.filter((e) => e.body.action === 'users.change' && e.body['outcome'] === 'ok').map((e) => [e.body['user'], e.body['query']]), [
      ['admin-mensenhandel', { op: 'add', role: 'analyst', totp: false, pending: true }],
      ['tweede-beheerder', { op: 'approve', role: 'analyst' }],
    ]);
  });

  for (const [what, patch, password] of [
    ['a promotion to expert', { role: 'expert' }, PASSWORD],
    ['an added theme', { themes: ['mensenhandel', 'toezicht'] }, PASSWORD],
    ['a password the admin set', { password: 'een nieuw wachtwoord van de beheerder' }, 'een nieuw wachtwoord van de beheerder'],
  ] as const) {
    it(`makes an approved content reader wait again, and ends its sessions, after ${what}`, async () => {
      const user = await w.addUser(`lezer-${what.replaceAll(' ', '-')}`, 'analyst', ['mensenhandel']);
      const session = await w.login(user.name);
      const changed = await call('PATCH', `/api/admin/users/${user.id}`, 'beheerder-beide', patch);
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual([changed.json().approved, changed.json().requestedBy, changed.json().approvedBy], [false, ['beheerder-beide'], null]);
      assert.equal(await stillSignedIn(session), 401, 'its sessions ended');
      assert.equal((await signIn(user.name, password)).statusCode, 401);
      assert.equal((await approve(user.id, 'beheerder-beide')).statusCode, 403);
      assert.equal((await approve(user.id, 'tweede-beide')).statusCode, 200);
      assert.equal((await signIn(user.name, password)).statusCode, 201);
    });
  }

  it('lets none of the admins who changed a waiting account approve it: the one who made it cannot, after another admin\'s change', async () => {
    const made = await call('POST', '/api/admin/users', 'beheerder-beide', { name: 'twee-handen', role: 'analyst', themes: ['mensenhandel'], password: PASSWORD });
    const { id, name } = made.json() as { id: string; name: string };
    const reset = await call('PATCH', `/api/admin/users/${id}`, 'tweede-beide', { password: 'het wachtwoord van de tweede' });
    assert.deepEqual(reset.json().requestedBy, ['beheerder-beide', 'tweede-beide']);
    for (const admin of ['beheerder-beide', 'tweede-beide']) assert.equal((await approve(id, admin)).statusCode, 403, admin);
    assert.equal((await signIn(name, 'het wachtwoord van de tweede')).statusCode, 401);
    assert.equal((await approve(id, 'admin-mensenhandel')).statusCode, 200, 'a third admin of its themes');
    assert.equal((await signIn(name, 'het wachtwoord van de tweede')).statusCode, 201);
    const again = await call('PATCH', `/api/admin/users/${id}`, 'tweede-beide', { themes: ['mensenhandel', 'toezicht'] });
    assert.deepEqual(again.json().requestedBy, ['tweede-beide'], 'after an approval, only the new change\'s maker');
  });

  it('ends a session of an account that has come to wait for approval at its next request', async () => {
    const user = await w.addUser('lezer-met-sessie', 'analyst', ['mensenhandel']);
    const session = await w.login(user.name);
    assert.equal(await stillSignedIn(session), 200);
    await w.accounts.updateUser(user.id, { requestedBy: ['elders'], approvedBy: null, approvedAt: null }, w.clock.now.toISOString());
    assert.equal(await stillSignedIn(session), 401);
  });

  it('keeps a content reader approved through a change that gives it nothing more', async () => {
    const user = await w.addUser('lezer-zonder-meer', 'expert', ['mensenhandel', 'toezicht']);
    const session = await w.login(user.name);
    for (const patch of [{ themes: ['toezicht'] }, { role: 'analyst' }, { disabled: false }, { role: 'analyst', themes: ['toezicht'] }]) {
      const res = await call('PATCH', `/api/admin/users/${user.id}`, 'beheerder-beide', patch);
      assert.deepEqual([res.statusCode, res.json().approved], [200, true], JSON.stringify(patch));
    }
    assert.equal(await stillSignedIn(session), 401, 'a change still ends the sessions');
    assert.equal((await signIn(user.name)).statusCode, 201);
  });

  it('makes admin and auditor accounts usable at once: they read no content', async () => {
    for (const role of ['admin', 'auditor']) {
      const made = await call('POST', '/api/admin/users', 'admin-mensenhandel', { name: `nieuwe-${role}`, role, themes: ['mensenhandel'], password: PASSWORD });
      assert.deepEqual([made.statusCode, made.json().approved, made.json().approvedBy], [201, true, 'admin-mensenhandel']);
      assert.equal((await signIn(made.json().name)).statusCode, 201);
      assert.equal((await approve(made.json().id, 'tweede-beheerder')).statusCode, 409, 'nothing awaits approval');
    }
  });

  it('lets a service token make a content reader, which waits, but never approve one', async () => {
    const made = await call('POST', '/api/admin/tokens', 'admin-mensenhandel', { name: 'beheer-job', role: 'admin', themes: ['mensenhandel'] });
    const headers = { authorization: `Bearer ${(made.json() as { secret: string }).secret}` };
    const added = await w.app.inject({ method: 'POST', url: '/api/admin/users', headers, payload: { name: 'via-token', role: 'supervisor', themes: ['mensenhandel'], password: PASSWORD } });
    assert.deepEqual([added.statusCode, added.json().approved, added.json().requestedBy], [201, false, ['beheer-job']]);
    const byToken = await w.app.inject({ method: 'POST', url: `/api/admin/users/${added.json().id}/approve`, headers });
    assert.deepEqual([byToken.statusCode, byToken.json().code], [403, 'FORBIDDEN']);
    assert.equal((await signIn(added.json().name)).statusCode, 401);
    assert.equal((await approve(added.json().id, 'admin-mensenhandel')).statusCode, 200, 'a person other than the token approves');
    assert.equal((await signIn(added.json().name)).statusCode, 201);
  });

  it('lets the operator at the machine add a content reader and reset its password without a second admin', async () => {
    const operator: Who = { actor: { kind: 'cli', id: 'cli:root', name: 'root', role: 'admin', themes: ['mensenhandel', 'toezicht'] }, client: 'cli' };
    const users = new UsersService(serviceContextOf(w));
    const { user } = await users.add(operator, { name: 'door-operator', role: 'analyst', themes: ['mensenhandel'], password: PASSWORD });
    assert.deepEqual([user.approved, user.approvedBy], [true, 'root']);
    assert.equal((await signIn('door-operator')).statusCode, 201);
    const reset = await users.change(operator, user.id, { password: 'het wachtwoord van de operator' });
    assert.equal(reset.user.approved, true);
    assert.equal((await signIn('door-operator', 'het wachtwoord van de operator')).statusCode, 201);
  });
});

// Signing in and staying signed in: cookies, expiry, CSRF, lockout, rate limits, TOTP and tokens.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { secretHash } from '../accounts/secrets.ts';
import { totpCode, totpCounter } from '../accounts/totp.ts';
import { SIGN_IN_FAILED } from '../services/session.service.ts';
import { auditSince, lastAuditSeq, openApiWorld, PASSWORD, sessionOf, type ApiWorld } from './api.fixtures.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.ts';

const MINUTE = 60_000;

/** A fresh user of the fixture's password, so a test may lock it without touching another's user. */
const fixtureUser = (w: ApiWorld, name: string) => {
  const { role, themes, passwordHash } = w.users.get('target-toezicht')!;
  return { name, role, themes, passwordHash, totpSecret: null, requestedBy: ['fixture'], approvedBy: 'fixture' };
};

describe('sessions', () => {
  let w: ApiWorld;
  before(async () => { w = await openApiWorld({ auth: { idleMinutes: 30, absoluteHours: 12, maxFailedLogins: 3, lockMinutes: 15 } }); });
  after(() => w?.close());

  const login = (name: string, password = PASSWORD, extra: Record<string, string> = {}) =>
    w.app.inject({ method: 'POST', url: '/api/session', payload: { name, password, ...extra } });
  const whoAmI = (cookie: string) => w.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });

  it('sets a Secure, HttpOnly, SameSite=Strict __Host- cookie and answers who is signed in', async () => {
    const res = await login('analyst-mensenhandel');
    assert.equal(res.statusCode, 201);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    assert.ok(cookie, 'a session cookie');
    assert.deepEqual({ secure: cookie.secure, httpOnly: cookie.httpOnly, sameSite: cookie.sameSite, path: cookie.path, domain: cookie.domain },
      { secure: true, httpOnly: true, sameSite: 'Strict', path: '/', domain: undefined });
    const me = await whoAmI(sessionOf(res).cookie);
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.name, 'analyst-mensenhandel');
    assert.equal(me.json().csrfToken, res.json().csrfToken);
  });

  it('refuses a wrong password and an unknown name with the same answer', async () => {
    const wrong = await login('target-mensenhandel', 'not the password at all');
    const unknown = await login('nobody-at-all', PASSWORD);
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.json().detail, unknown.json().detail);
    assert.equal(wrong.cookies.length, 0);
  });

  it('ends a session after the idle limit, and keeps an active one alive', async () => {
    const { cookie } = sessionOf(await login('analyst-mensenhandel'));
    w.clock.advance(29 * MINUTE);
    assert.equal((await whoAmI(cookie)).statusCode, 200, 'used within the idle limit');
    w.clock.advance(29 * MINUTE);
    assert.equal((await whoAmI(cookie)).statusCode, 200, 'the idle timer restarted at the last use');
    w.clock.advance(30 * MINUTE);
    assert.equal((await whoAmI(cookie)).statusCode, 401, 'idle for 30 minutes');
  });

  it('ends a session at the absolute limit however active it is', async () => {
    const { cookie } = sessionOf(await login('analyst-mensenhandel'));
    for (let i = 0; i < 24; i++) {
      w.clock.advance(29 * MINUTE);
      assert.equal((await whoAmI(cookie)).statusCode, 200, `still in use after ${(i + 1) * 29} minutes`);
    }
    w.clock.advance(29 * MINUTE);
    assert.equal((await whoAmI(cookie)).statusCode, 401, 'after 12 h 5 min, although used every 29 minutes');
  });

  it('signs out: the cookie no longer works', async () => {
    const session = sessionOf(await login('analyst-mensenhandel'));
    const out = await w.app.inject({ method: 'DELETE', url: '/api/session', headers: session.headers });
    assert.equal(out.statusCode, 204);
    assert.equal((await whoAmI(session.cookie)).statusCode, 401);
  });

  it('rejects a state-changing call without or with a wrong CSRF token, and changes nothing', async () => {
    const session = sessionOf(await login('analyst-mensenhandel'));
    const before = (await w.lists.lists(['mensenhandel'])).length;
    const create = (headers: Record<string, string>) =>
      w.app.inject({ method: 'POST', url: '/api/lists', headers, payload: { theme: 'mensenhandel', name: `csrf ${Object.keys(headers).length}-${Math.random()}` } });
    const missing = await create({ cookie: session.cookie });
    const wrong = await create({ cookie: session.cookie, [CSRF_HEADER]: 'x'.repeat(session.csrf.length) });
    assert.deepEqual([missing.statusCode, missing.json().code], [403, 'CSRF_REJECTED']);
    assert.deepEqual([wrong.statusCode, wrong.json().code], [403, 'CSRF_REJECTED']);
    assert.equal((await w.lists.lists(['mensenhandel'])).length, before);
    assert.equal((await create(session.headers)).statusCode, 201);
  });

  it('locks an account after repeated failures, even for the right password, until the lock ends', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await login('target-toezicht', 'wrong password, try again')).statusCode, 401);
    assert.equal((await login('target-toezicht')).statusCode, 401, 'locked');
    w.clock.advance(14 * MINUTE);
    assert.equal((await login('target-toezicht')).statusCode, 401, 'still locked');
    w.clock.advance(MINUTE);
    assert.equal((await login('target-toezicht')).statusCode, 201, 'the lock has ended');
  });

  it('counts every one of 20 simultaneous wrong passwords, so they lock the account', async () => {
    const { id } = await w.accounts.addUser(fixtureUser(w, 'gelijktijdig'), w.clock.now.toISOString());
    const answers = await Promise.all(Array.from({ length: 20 }, () => login('gelijktijdig', 'wrong password, try again')));
    assert.deepEqual(new Set(answers.map((r) => r.statusCode)), new Set([401]));
    const user = await w.accounts.user(id);
    assert.equal(user?.lockedUntil, new Date(w.clock.now.getTime() + 15 * MINUTE).toISOString(), '20 failures with a limit of 3 lock the account');
    assert.equal(user?.failedLogins, 20 % 3);
    assert.equal((await login('gelijktijdig')).statusCode, 401, 'locked, even for the right password');
  });

  it('ends the sessions of a disabled user at once', async () => {
    const { cookie } = sessionOf(await login('target-mensenhandel'));
    const user = w.users.get('target-mensenhandel')!;
    await w.accounts.updateUser(user.id, { disabled: true }, w.clock.now.toISOString());
    assert.equal((await whoAmI(cookie)).statusCode, 401);
    assert.equal((await login('target-mensenhandel')).statusCode, 401);
    await w.accounts.updateUser(user.id, { disabled: false }, w.clock.now.toISOString());
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 once a client address has tried too often in a minute', async () => {
    const w = await openApiWorld({ auth: { loginsPerMinute: 3 } });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await w.app.inject({ method: 'POST', url: '/api/session', payload: { name: 'x', password: 'y' } })).statusCode);
      assert.deepEqual(codes, [401, 401, 401, 429]);
      const limited = await w.app.inject({ method: 'POST', url: '/api/session', payload: { name: 'x', password: 'y' } });
      assert.equal(limited.json().code, 'RATE_LIMITED');
    } finally {
      await w.close();
    }
  });
});

describe('one-time codes (TOTP)', () => {
  let w: ApiWorld;
  let secret: string;
  before(async () => {
    w = await openApiWorld({ auth: { requireTotp: true } });
    secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await w.accounts.updateUser(w.users.get('expert-mensenhandel')!.id, { totpSecret: secret }, w.clock.now.toISOString());
  });
  after(() => w?.close());

  const login = (name: string, totp?: string) =>
    w.app.inject({ method: 'POST', url: '/api/session', payload: { name, password: PASSWORD, ...(totp === undefined ? {} : { totp }) } });

  it('accepts the current code once, and refuses it a second time', async () => {
    const code = totpCode(secret, totpCounter(w.clock.now));
    assert.equal((await login('expert-mensenhandel', code)).statusCode, 201);
    assert.equal((await login('expert-mensenhandel', code)).statusCode, 401, 'a replayed code');
    w.clock.advance(30_000);
    assert.equal((await login('expert-mensenhandel', totpCode(secret, totpCounter(w.clock.now)))).statusCode, 201);
  });

  it('answers a missing code exactly as a wrong password, so the answer never confirms a password', async () => {
    const withoutCode = await login('expert-mensenhandel');
    const wrongPassword = await w.app.inject({ method: 'POST', url: '/api/session', payload: { name: 'expert-mensenhandel', password: 'not the password at all' } });
    const unknown = await w.app.inject({ method: 'POST', url: '/api/session', payload: { name: 'nobody-at-all', password: PASSWORD } });
    const answer = (r: typeof withoutCode) => [r.statusCode, r.json().code, r.json().detail];
    assert.deepEqual(answer(withoutCode), [401, 'UNAUTHENTICATED', SIGN_IN_FAILED]);
    assert.deepEqual(answer(wrongPassword), answer(withoutCode));
    assert.deepEqual(answer(unknown), answer(withoutCode));
    assert.match(SIGN_IN_FAILED, /one-time code/, 'the one answer tells a client that a code may be needed');
  });

  it('lets only one of 5 simultaneous sign-ins with the same code through', async () => {
    // A user of its own, whose failure count no other test has raised towards a lock.
    await w.accounts.addUser({ ...fixtureUser(w, 'expert-gelijktijdig'), role: 'expert', totpSecret: secret }, w.clock.now.toISOString());
    const code = totpCode(secret, totpCounter(w.clock.now));
    const answers = await Promise.all(Array.from({ length: 5 }, () => login('expert-gelijktijdig', code)));
    assert.deepEqual(answers.map((r) => r.statusCode).sort(), [201, 401, 401, 401, 401]);
    assert.equal(answers.filter((r) => r.cookies.some((c) => c.name === SESSION_COOKIE)).length, 1, 'exactly one session');
  });

  it('refuses a wrong code', async () => {
    w.clock.advance(60_000);
    const code = totpCode(secret, totpCounter(w.clock.now) + 5);
    const res = await login('expert-mensenhandel', code);
    assert.deepEqual([res.statusCode, res.json().code], [401, 'UNAUTHENTICATED']);
  });

  it('refuses an admin without an enrolled code like any failure, and records why in the trail', async () => {
    const from = await lastAuditSeq(w.store);
    const res = await login('admin-mensenhandel');
    assert.deepEqual([res.statusCode, res.json().detail], [401, SIGN_IN_FAILED]);
    const events = await auditSince(w.store, from);
    assert.deepEqual(events.map((e) => [e.body.action, e.body['outcome']]), [['session.login-failed', 'totp-not-enrolled']]);
  });

  it('lets an analyst without a code sign in: codes are required for experts and admins', async () => {
    assert.equal((await login('analyst-mensenhandel')).statusCode, 201);
  });
});

describe('service tokens', () => {
  let w: ApiWorld;
  before(async () => {
    w = await openApiWorld();
    await w.addUser('tweede-beheerder', 'admin', ['mensenhandel']);
  });
  after(() => w?.close());

  /** A token that reads content works only once a second admin approved it (see admin.test.ts). */
  const approve = async (id: string) => {
    const res = await w.app.inject({ method: 'POST', url: `/api/admin/tokens/${id}/approve`, headers: (await w.login('tweede-beheerder')).headers });
    assert.equal(res.statusCode, 200, res.body);
  };

  it('act with their own role and themes, need no CSRF token, and stop working once revoked', async () => {
    const admin = await w.login('admin-mensenhandel');
    const created = await w.app.inject({
      method: 'POST', url: '/api/admin/tokens', headers: admin.headers, payload: { name: 'export job', role: 'analyst', themes: ['mensenhandel'] },
    });
    assert.equal(created.statusCode, 201);
    const { secret, token } = created.json() as { secret: string; token: { id: string } };
    await approve(token.id);
    const bearer = { authorization: `Bearer ${secret}` };
    const search = await w.app.inject({ method: 'GET', url: '/api/ads?justification=signal%20research', headers: bearer });
    assert.equal(search.statusCode, 200);
    assert.ok(search.json().hits.every((h: { theme: string }) => h.theme === 'mensenhandel'));
    assert.equal((await w.app.inject({ method: 'GET', url: `/api/ads/${w.ads.toezicht[0]}`, headers: { ...bearer, 'x-baken-justification': 'signal research' } })).statusCode, 404);
    const list = await w.app.inject({ method: 'POST', url: '/api/lists', headers: bearer, payload: { theme: 'mensenhandel', name: 'by token' } });
    assert.equal(list.statusCode, 201, 'a bearer token carries no ambient authority, so no CSRF token is needed');
    assert.equal((await w.app.inject({ method: 'DELETE', url: `/api/admin/tokens/${token.id}`, headers: admin.headers })).statusCode, 204);
    assert.equal((await w.app.inject({ method: 'GET', url: '/api/ads?justification=signal%20research', headers: bearer })).statusCode, 401);
  });

  it('stop working when the admin who made them is disabled, demoted or loses the theme, and work again once restored', async () => {
    const creator = await w.accounts.addUser({ ...fixtureUser(w, 'tijdelijke-beheerder'), role: 'admin', themes: ['mensenhandel'] }, w.clock.now.toISOString());
    const admin = await w.login('tijdelijke-beheerder');
    const { secret } = (await w.app.inject({
      // An auditor's token needs no second admin, so only its creator's standing decides here.
      method: 'POST', url: '/api/admin/tokens', headers: admin.headers, payload: { name: 'lent power', role: 'auditor', themes: ['mensenhandel'] },
    })).json() as { secret: string };
    const call = async () => (await w.app.inject({ method: 'GET', url: '/api/session', headers: { authorization: `Bearer ${secret}` } })).statusCode;
    const change = (c: object) => w.accounts.updateUser(creator.id, c, w.clock.now.toISOString());
    assert.equal(await call(), 200);
    await change({ disabled: true });
    assert.equal(await call(), 401, 'the creator is disabled');
    await change({ disabled: false });
    assert.equal(await call(), 200, 'the creator is enabled again');
    await change({ role: 'analyst' });
    assert.equal(await call(), 401, 'the creator is no longer an admin');
    await change({ role: 'admin', themes: ['toezicht'] });
    assert.equal(await call(), 401, 'the creator no longer holds the token\'s theme');
  });

  it('stop working when no user of their creator\'s name exists', async () => {
    const bearer = 'baken_made-by-someone-gone';
    await w.accounts.addToken({
      name: 'orphan', role: 'analyst', themes: ['mensenhandel'], secretHash: secretHash(bearer), createdBy: 'vertrokken-beheerder', expiresAt: null, approvedBy: 'tweede-beheerder',
    }, w.clock.now.toISOString());
    const res = await w.app.inject({ method: 'GET', url: '/api/session', headers: { authorization: `Bearer ${bearer}` } });
    assert.equal(res.statusCode, 401);
  });

  it('stop working when they expire', async () => {
    const admin = await w.login('admin-mensenhandel');
    const expiresAt = new Date(w.clock.now.getTime() + 60_000).toISOString();
    const { secret, token } = (await w.app.inject({
      method: 'POST', url: '/api/admin/tokens', headers: admin.headers, payload: { name: 'short', role: 'analyst', themes: ['mensenhandel'], expiresAt },
    })).json() as { secret: string; token: { id: string } };
    await approve(token.id);
    const call = () => w.app.inject({ method: 'GET', url: '/api/session', headers: { authorization: `Bearer ${secret}` } });
    assert.equal((await call()).statusCode, 200);
    w.clock.advance(60_000);
    assert.equal((await call()).statusCode, 401);
  });

  it('never reach beyond the themes of the admin who made them', async () => {
    const admin = await w.login('admin-mensenhandel');
    const res = await w.app.inject({
      method: 'POST', url: '/api/admin/tokens', headers: admin.headers, payload: { name: 'wide', role: 'expert', themes: ['mensenhandel', 'toezicht'] },
    });
    assert.equal(res.statusCode, 404);
    assert.equal((await w.accounts.tokens()).some((t) => t.name === 'wide'), false);
  });

  it('may act as an expert while one-time codes are not required', async () => {
    const admin = await w.login('admin-mensenhandel');
    const res = await w.app.inject({
      method: 'POST', url: '/api/admin/tokens', headers: admin.headers, payload: { name: 'expert job', role: 'expert', themes: ['mensenhandel'] },
    });
    assert.equal(res.statusCode, 201, res.body);
  });
});

describe('service tokens while one-time codes are required', () => {
  let w: ApiWorld;
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  before(async () => {
    w = await openApiWorld({ auth: { requireTotp: true } });
    await w.accounts.updateUser(w.users.get('admin-mensenhandel')!.id, { totpSecret: secret }, w.clock.now.toISOString());
  });
  after(() => w?.close());

  const adminSession = () => {
    w.clock.advance(30_000);
    return w.login('admin-mensenhandel', totpCode(secret, totpCounter(w.clock.now)));
  };

  for (const role of ['expert', 'admin'] as const) {
    it(`refuses a token acting as ${role}, which a code could not protect, says why, and records the refusal`, async () => {
      const admin = await adminSession();
      const from = await lastAuditSeq(w.store);
      const res = await w.app.inject({
        method: 'POST', url: '/api/admin/tokens', headers: admin.headers, payload: { name: `${role} job`, role, themes: ['mensenhandel'] },
      });
      assert.deepEqual([res.statusCode, res.json().code], [403, 'FORBIDDEN']);
      assert.match(res.json().detail, new RegExp(`cannot act as ${role} while auth.requireTotp is on`));
      assert.equal((await w.accounts.tokens()).some((t) => t.name === `${role} job`), false);
      const events = await auditSince(w.store, from);
      assert.deepEqual(events.map((e) => [e.body.action, e.body['outcome']]), [['request.refused', 'FORBIDDEN']]);
    });
  }

  it('still creates a token for a role that needs no code', async () => {
    const admin = await adminSession();
    const res = await w.app.inject({
      method: 'POST', url: '/api/admin/tokens', headers: admin.headers, payload: { name: 'analyst job', role: 'analyst', themes: ['mensenhandel'] },
    });
    assert.equal(res.statusCode, 201, res.body);
  });

  it('refuses an expert token made before codes were required, and records the attempt', async () => {
    const bearer = 'baken_made-while-codes-were-optional';
    await w.accounts.addToken({
      name: 'old expert job', role: 'expert', themes: ['mensenhandel'], secretHash: secretHash(bearer), createdBy: 'admin-mensenhandel', expiresAt: null,
      approvedBy: 'admin-toezicht',
    }, w.clock.now.toISOString());
    const from = await lastAuditSeq(w.store);
    const res = await w.app.inject({ method: 'GET', url: '/api/ads?justification=signal%20research', headers: { authorization: `Bearer ${bearer}` } });
    assert.deepEqual([res.statusCode, res.json().code], [403, 'FORBIDDEN']);
    const events = await auditSince(w.store, from);
    assert.deepEqual(events.map((e) => [e.body.action, e.body['outcome'], e.body['user']]), [['request.refused', 'FORBIDDEN', 'old expert job']]);
  });
});

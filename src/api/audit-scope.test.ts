// Whose audit entries an auditor reads: only those whose themes are all the auditor's. A municipal
// auditor never learns which phone numbers, cases or ads the police looked at, nor when police users
// signed in or from where; an entry about a user or a name that concerns every theme is for an
// auditor of every theme.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword } from '../accounts/passwords.ts';
import type { LogEntry } from '../domain/hash-chain.ts';
import { openApiWorld, PASSWORD, type ApiWorld, type Session } from './api.fixtures.ts';

const POLICE_USERS = /mensenhandel|both/;

describe('audit entries an auditor may read', { timeout: 120_000 }, () => {
  let w: ApiWorld;
  let municipal: Session;
  let police: Session;
  let everyTheme: Session;

  before(async () => {
    w = await openApiWorld();
    for (const [name, role] of [['expert-both', 'expert'], ['auditor-both', 'auditor']] as const) {
      const passwordHash = await hashPassword(PASSWORD, name);
      await w.accounts.addUser({ name, role, themes: ['mensenhandel', 'toezicht'], passwordHash, totpSecret: null, requestedBy: ['fixture'], approvedBy: 'fixture' }, w.clock.now.toISOString());
    }
    const policeExpert = await w.login('expert-mensenhandel');
    await w.app.inject({ method: 'GET', url: '/api/ads?phone=%2B31611111111&justification=PL0900-2026-42', headers: policeExpert.headers, remoteAddress: '10.9.9.9' });
    await w.app.inject({ method: 'GET', url: `/api/ads/${w.ads.mensenhandel[0]}?justification=signal+research`, headers: policeExpert.headers });
    await w.app.inject({ method: 'DELETE', url: '/api/session', headers: policeExpert.headers });
    await w.app.inject({ method: 'POST', url: '/api/session', payload: { name: 'target-mensenhandel', password: 'wrong wrong wrong' } });
    await w.app.inject({ method: 'POST', url: '/api/session', payload: { name: 'no-such-user', password: 'wrong wrong wrong' } });
    await w.login('expert-both');
    const municipalExpert = await w.login('expert-toezicht');
    await w.app.inject({ method: 'GET', url: '/api/ads?justification=signal+research', headers: municipalExpert.headers });
    municipal = await w.login('auditor-toezicht');
    police = await w.login('auditor-mensenhandel');
    everyTheme = await w.login('auditor-both');
  });
  after(() => w?.close());

  const trail = async (session: Session, query = ''): Promise<LogEntry[]> => {
    const res = await w.app.inject({ method: 'GET', url: `/api/audit?pageSize=500${query}`, headers: session.headers });
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json() as { total: number; entries: LogEntry[] };
    assert.ok(page.total <= 500, 'the whole trail fits on one page');
    return page.entries;
  };
  const summary = (entries: LogEntry[]) => entries.map((e) => `${e.body.action} ${String(e.body['user'])} ${String(e.body['outcome'])}`);

  it('shows a municipal auditor no police search, ad, sign-in, sign-out or failed sign-in, and the municipal ones', async () => {
    const seen = await trail(municipal);
    const leaks = seen.filter((e) => POLICE_USERS.test(String(e.body['user'])) || e.body['user'] === null
      || (e.body['themes'] as string[]).includes('mensenhandel') || JSON.stringify(e.body).includes('+31611111111'));
    assert.deepEqual(summary(leaks), [], 'no entry of a police user, theme or search');
    const own = summary(seen);
    for (const wanted of ['session.login expert-toezicht ok', 'ads.search expert-toezicht ok']) {
      assert.ok(own.includes(wanted), `expected "${wanted}" among ${JSON.stringify(own)}`);
    }
  });

  it('shows a police auditor the police entries, and no municipal ones', async () => {
    const own = summary(await trail(police));
    for (const wanted of ['ads.search expert-mensenhandel ok', 'ads.read expert-mensenhandel ok', 'session.login expert-mensenhandel ok',
      'session.logout expert-mensenhandel ok', 'session.login-failed target-mensenhandel wrong-password']) {
      assert.ok(own.includes(wanted), `expected "${wanted}" among ${JSON.stringify(own)}`);
    }
    assert.deepEqual(own.filter((s) => / (expert|auditor)-toezicht /.test(s)), [], 'no entry of a municipal user');
  });

  it('shows the sign-in of a user of both themes, and a failed sign-in under an unknown name, only to an auditor of every theme', async () => {
    const concernsEveryTheme = (s: string) => s === 'session.login expert-both ok' || s === 'session.login-failed null unknown-user';
    assert.deepEqual(summary(await trail(municipal)).filter(concernsEveryTheme), []);
    assert.deepEqual(summary(await trail(police)).filter(concernsEveryTheme), []);
    assert.deepEqual(summary(await trail(everyTheme)).filter(concernsEveryTheme), ['session.login-failed null unknown-user', 'session.login expert-both ok']);
  });

  it('counts only the visible entries in the total, also when filtered by user', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/audit?user=expert-mensenhandel', headers: municipal.headers });
    assert.deepEqual(res.json(), { total: 0, page: 1, pageSize: 100, entries: [] });
  });
});

// Why ad content is read (DESIGN §2a.5; finding 7): a person says it once for the session, a
// service token with each request, and a read without any is refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newSecret, secretHash } from '../accounts/secrets.ts';
import { auditSince, lastAuditSeq, openApiWorld, type ApiWorld, type Session } from './api.fixtures.ts';

describe('justifications', () => {
  let w: ApiWorld;
  before(async () => { w = await openApiWorld(); });
  after(() => w?.close());

  const put = (session: Session, payload: unknown, headers = session.headers) =>
    w.app.inject({ method: 'PUT', url: '/api/session/justification', headers, payload: payload as object });
  const read = (headers: Record<string, string>) => w.app.inject({ method: 'GET', url: `/api/ads/${w.ads.mensenhandel[0]}`, headers });

  it('keeps the justification with the session, shows it in the session view, and not in another session of the same person', async () => {
    const session = await w.login('analyst-mensenhandel');
    const other = await w.login('analyst-mensenhandel');
    assert.equal((await w.app.inject({ method: 'GET', url: '/api/session', headers: session.headers })).json().justification, null);
    const set = await put(session, { justification: '  PL0900-2026-42 ' });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.json().justification, 'PL0900-2026-42');
    assert.equal((await w.app.inject({ method: 'GET', url: '/api/session', headers: session.headers })).json().justification, 'PL0900-2026-42');
    assert.equal((await read(session.headers)).statusCode, 200);
    assert.equal((await read(other.headers)).statusCode, 400, 'the other session said nothing');
  });

  it('refuses a justification that is too short, or sent without the CSRF token, and keeps the one it had', async () => {
    const session = await w.login('analyst-mensenhandel');
    assert.equal((await put(session, { justification: 'signal research' })).statusCode, 200);
    const short = await put(session, { justification: ' x ' });
    assert.deepEqual([short.statusCode, short.json().code], [400, 'INPUT_INVALID']);
    assert.match(short.json().detail, /at least 3 characters/);
    assert.equal((await put(session, {})).statusCode, 400);
    const noCsrf = await put(session, { justification: 'PL0900-2026-9' }, { cookie: session.cookie });
    assert.deepEqual([noCsrf.statusCode, noCsrf.json().code], [403, 'CSRF_REJECTED']);
    assert.equal((await w.app.inject({ method: 'GET', url: '/api/session', headers: session.headers })).json().justification, 'signal research');
  });

  it('audits setting a justification with the justification', async () => {
    const session = await w.login('expert-mensenhandel');
    const from = await lastAuditSeq(w.store);
    await put(session, { justification: 'PL0900-2026-5' });
    const events = (await auditSince(w.store, from)).map((e) => [e.body.action, e.body['user'], e.body['justification']]);
    assert.deepEqual(events, [['session.justify', 'expert-mensenhandel', 'PL0900-2026-5']]);
  });

  it('lets a service token say why per request only: with the header it reads, without it is refused', async () => {
    const secret = newSecret();
    await w.accounts.addToken({ name: 'export job', role: 'analyst', themes: ['mensenhandel'], secretHash: secretHash(secret), createdBy: 'admin-mensenhandel', expiresAt: null, approvedBy: 'second-admin' }, w.clock.now.toISOString());
    const bearer = { authorization: `Bearer ${secret}` };
    const from = await lastAuditSeq(w.store);
    const bare = await read(bearer);
    assert.deepEqual([bare.statusCode, bare.json().code], [400, 'JUSTIFICATION_REQUIRED']);
    const withHeader = await read({ ...bearer, 'x-baken-justification': 'PL0900-2026-8' });
    assert.equal(withHeader.statusCode, 200, withHeader.body);
    const badHeader = await read({ ...bearer, 'x-baken-justification': 'x' });
    assert.deepEqual([badHeader.statusCode, badHeader.json().code], [400, 'JUSTIFICATION_REQUIRED']);
    const events = (await auditSince(w.store, from)).map((e) => [e.body.action, e.body['outcome'], e.body['justification']]);
    assert.deepEqual(events, [
      ['request.refused', 'JUSTIFICATION_REQUIRED', null], ['ads.read', 'ok', 'PL0900-2026-8'], ['request.refused', 'JUSTIFICATION_REQUIRED', null],
    ]);
    const session = await w.app.inject({ method: 'PUT', url: '/api/session/justification', headers: bearer, payload: { justification: 'signal research' } });
    assert.deepEqual([session.statusCode, session.json().code], [400, 'INPUT_INVALID']);
    assert.match(session.json().detail, /x-baken-justification/);
  });
});

// The behaviour every adapter of the API's own ports (accounts, lists, export requests, reference data, standing searches) must show.
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BakenError } from '../domain/errors.ts';
import type { AccountStore } from './accounts.ts';
import type { ExportRequestStore, NewExportRequest } from './export-requests.ts';
import { inspectionsContract } from './inspections.contract.ts';
import type { InspectionStore } from './inspections.ts';
import type { ListStore } from './lists.ts';
import { referenceDataContract } from './reference-data.contract.ts';
import type { ReferenceStore } from './reference-data.ts';
import { standingSearchesContract } from './standing-searches.contract.ts';
import type { StandingSearchStore } from './standing-searches.ts';
import { keptAd, startTestRun } from './store.fixtures.ts';
import type { Store } from './store.ts';

type Opener = () => Promise<{
  store: Store; accounts: AccountStore; lists: ListStore; exportRequests: ExportRequestStore; reference: ReferenceStore; inspections: InspectionStore; standing: StandingSearchStore;
  /** The key the accounts were opened with. */
  secretKey: Buffer;
  /** The TOTP column as stored, read and written past the adapter. */
  rawTotpSecret(userId: string): Promise<string | null>;
  setRawTotpSecret(userId: string, value: string): Promise<void>;
  /** The accounts opened again on the same database with `key`, as another process would. */
  reopen(key: Buffer): Promise<AccountStore>;
  cleanup(): Promise<void>;
}>;
type Ports = Awaited<ReturnType<Opener>>;

const AT = '2026-03-01T10:00:00.000Z';
const LATER = '2026-03-02T09:30:00.000Z';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const OTHER_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const user = { name: 'anna', role: 'expert' as const, themes: ['mensenhandel'], passwordHash: HASH, totpSecret: null, requestedBy: ['operator'], approvedBy: 'operator' };
const pick = (u: { failedLogins: number; lockedUntil: string | null } | null) => u && { failedLogins: u.failedLogins, lockedUntil: u.lockedUntil };
const isCode = (code: string) => (err: unknown) => err instanceof BakenError && err.code === code;

export function apiStoresContract(name: string, open: Opener): void {
  referenceDataContract(name, open);
  const test = (title: string, body: (p: Ports) => Promise<void>): void => {
    it(title, async () => {
      const ports = await open();
      try { await body(ports); } finally { await ports.cleanup(); }
    });
  };

  describe(`accounts contract: ${name}`, () => {
    test('adds a user and finds it by id and by name, ignoring case', async ({ accounts }) => {
      const added = await accounts.addUser(user, AT);
      assert.deepEqual({ ...added, id: 'x' }, {
        id: 'x', ...user, totpLastCounter: null, disabled: false, failedLogins: 0, lockedUntil: null, createdAt: AT, updatedAt: AT, approvedAt: AT,
      });
      assert.deepEqual(await accounts.user(added.id), added);
      assert.deepEqual(await accounts.userByName('ANNA'), added);
      assert.equal(await accounts.userByName('bob'), null);
    });

    test('refuses a second user of the same name with CONFLICT', async ({ accounts }) => {
      await accounts.addUser(user, AT);
      await assert.rejects(accounts.addUser({ ...user, name: 'Anna' }, AT), isCode('CONFLICT'));
      assert.equal((await accounts.users()).length, 1);
    });

    test('changes only the fields named and stamps the change', async ({ accounts }) => {
      const added = await accounts.addUser(user, AT);
      const changed = await accounts.updateUser(added.id, { disabled: true, themes: ['toezicht'], lockedUntil: null }, '2026-03-02T00:00:00.000Z');
      assert.deepEqual(changed, { ...added, disabled: true, themes: ['toezicht'], updatedAt: '2026-03-02T00:00:00.000Z' });
      await assert.rejects(accounts.updateUser('nobody', { disabled: true }, AT), isCode('NOT_FOUND'));
    });

    test('makes an account wait for approval in the same write that changes it, and approves it once', async ({ accounts }) => {
      const added = await accounts.addUser(user, AT);
      const later = '2026-03-02T00:00:00.000Z';
      const waiting = await accounts.updateUser(added.id, { role: 'analyst', requestedBy: ['carla'], approvedBy: null, approvedAt: null }, later);
      assert.deepEqual(waiting, { ...added, role: 'analyst', requestedBy: ['carla'], approvedBy: null, approvedAt: null, updatedAt: later });
      assert.deepEqual(await accounts.user(added.id), waiting);
    });

    test('approves a waiting account only by another than who asked for it, as it was when seen, and only once', async ({ accounts }) => {
      const pending = await accounts.addUser({ ...user, requestedBy: ['carla'], approvedBy: null }, AT);
      assert.deepEqual([pending.requestedBy, pending.approvedBy, pending.approvedAt], [['carla'], null, null]);
      const later = '2026-03-02T00:00:00.000Z';
      assert.equal(await accounts.approveUser(pending.id, 'carla', later, pending.updatedAt), false, 'not by who asked for it');
      assert.equal(await accounts.approveUser(pending.id, 'bert', later, '2026-01-01T00:00:00.000Z'), false, 'not a version the approver did not see');
      assert.equal(await accounts.approveUser('00000000-0000-4000-8000-000000000000', 'bert', later, pending.updatedAt), false);
      assert.deepEqual(await accounts.user(pending.id), pending, 'a refused approval changes nothing');
      assert.equal(await accounts.approveUser(pending.id, 'bert', later, pending.updatedAt), true);
      const approved = { ...pending, approvedBy: 'bert', approvedAt: later, updatedAt: later };
      assert.deepEqual(await accounts.user(pending.id), approved);
      assert.equal(await accounts.approveUser(pending.id, 'dirk', later, later), false, 'approved once, by the first approver');
      assert.deepEqual(await accounts.user(pending.id), approved);
    });

    test('approves a waiting account by none of those who asked for its changes', async ({ accounts }) => {
      const pending = await accounts.addUser({ ...user, requestedBy: ['carla', 'dirk'], approvedBy: null }, AT);
      const later = '2026-03-02T00:00:00.000Z';
      assert.equal(await accounts.approveUser(pending.id, 'dirk', later, pending.updatedAt), false);
      assert.equal(await accounts.approveUser(pending.id, 'carla', later, pending.updatedAt), false);
      assert.equal((await accounts.user(pending.id))?.approvedAt, null);
      assert.equal(await accounts.approveUser(pending.id, 'bert', later, pending.updatedAt), true);
      assert.deepEqual(await accounts.user(pending.id), { ...pending, approvedBy: 'bert', approvedAt: later, updatedAt: later });
    });

    test('keeps the justification of a session, replaced by the next one, and of that session only', async ({ accounts }) => {
      const { id } = await accounts.addUser(user, AT);
      const session = { idHash: 'c'.repeat(64), userId: id, csrfToken: 'csrf', createdAt: AT, lastSeenAt: AT, justification: null };
      await accounts.createSession(session);
      await accounts.createSession({ ...session, idHash: 'd'.repeat(64) });
      assert.equal((await accounts.session(session.idHash))?.justification, null);
      await accounts.justifySession(session.idHash, 'PL0900-2026-42');
      await accounts.justifySession(session.idHash, 'signal research');
      assert.deepEqual(await accounts.session(session.idHash), { ...session, justification: 'signal research' });
      assert.equal((await accounts.session('d'.repeat(64)))?.justification, null);
    });

    test('counts every one of 20 concurrent failed sign-ins', async ({ accounts }) => {
      const { id } = await accounts.addUser(user, AT);
      await Promise.all(Array.from({ length: 20 }, () => accounts.recordFailedLogin(id, new Date(AT), { maxFailures: 100, lockMinutes: 15 })));
      assert.deepEqual(pick(await accounts.user(id)), { failedLogins: 20, lockedUntil: null });
    });

    test('locks an account when concurrent failures reach the limit, and counts afresh after the lock', async ({ accounts }) => {
      const { id } = await accounts.addUser(user, AT);
      const states = await Promise.all(Array.from({ length: 20 }, () => accounts.recordFailedLogin(id, new Date(AT), { maxFailures: 7, lockMinutes: 15 })));
      assert.deepEqual(pick(await accounts.user(id)), { failedLogins: 6, lockedUntil: '2026-03-01T10:15:00.000Z' }, '20 failures = 2 locks + 6');
      assert.equal(states.filter((s) => s.failedLogins === 0).length, 2, 'two of the failures each reached the limit');
    });

    test('clears the failure count after a good sign-in, unless the account is locked', async ({ accounts }) => {
      const { id } = await accounts.addUser(user, AT);
      const rules = { maxFailures: 3, lockMinutes: 15 };
      await accounts.recordFailedLogin(id, new Date(AT), rules);
      assert.equal(await accounts.recordSuccessfulLogin(id, new Date(AT)), true);
      assert.deepEqual(pick(await accounts.user(id)), { failedLogins: 0, lockedUntil: null });
      for (let i = 0; i < 3; i++) await accounts.recordFailedLogin(id, new Date(AT), rules);
      assert.equal(await accounts.recordSuccessfulLogin(id, new Date('2026-03-01T10:14:59.000Z')), false, 'still locked');
      assert.deepEqual(pick(await accounts.user(id)), { failedLogins: 0, lockedUntil: '2026-03-01T10:15:00.000Z' });
      assert.equal(await accounts.recordSuccessfulLogin(id, new Date('2026-03-01T10:15:00.000Z')), true, 'the lock has ended');
    });

    test('lets exactly one of 20 concurrent sign-ins use a TOTP time step, and never an earlier one', async ({ accounts }) => {
      const { id } = await accounts.addUser(user, AT);
      const taken = await Promise.all(Array.from({ length: 20 }, () => accounts.consumeTotpCounter(id, 1000)));
      assert.equal(taken.filter(Boolean).length, 1);
      assert.equal(await accounts.consumeTotpCounter(id, 999), false);
      assert.equal(await accounts.consumeTotpCounter(id, 1001), true);
      assert.equal((await accounts.user(id))?.totpLastCounter, 1001);
    });

    test('seals a TOTP secret at rest: the column holds no base32 secret, and it reads back whole', async ({ accounts, rawTotpSecret }) => {
      const { id } = await accounts.addUser({ ...user, totpSecret: SECRET }, AT);
      const sealedOnAdd = await rawTotpSecret(id);
      assert.doesNotMatch(sealedOnAdd ?? '', /[A-Z2-7]{16}/, `stored as ${sealedOnAdd}`);
      assert.equal((await accounts.user(id))?.totpSecret, SECRET);
      const changed = await accounts.updateUser(id, { totpSecret: OTHER_SECRET }, AT);
      assert.equal(changed.totpSecret, OTHER_SECRET);
      assert.doesNotMatch(await rawTotpSecret(id) ?? '', /[A-Z2-7]{16}/);
      assert.notEqual(await rawTotpSecret(id), sealedOnAdd);
    });

    test('seals a secret stored in plain text before sealing existed, on the next open, and still reads it', async ({ accounts, rawTotpSecret, setRawTotpSecret, reopen, secretKey }) => {
      const { id } = await accounts.addUser(user, AT);
      await setRawTotpSecret(id, SECRET);
      assert.equal((await accounts.user(id))?.totpSecret, SECRET, 'read as it is before the next open');
      const again = await reopen(secretKey);
      assert.doesNotMatch(await rawTotpSecret(id) ?? '', /[A-Z2-7]{16}/);
      assert.equal((await again.user(id))?.totpSecret, SECRET);
      assert.equal((await accounts.userByName('anna'))?.totpSecret, SECRET);
    });

    test('refuses to open with another key, saying which key the secrets were sealed with', async ({ accounts, reopen }) => {
      await accounts.addUser({ ...user, totpSecret: SECRET }, AT);
      await assert.rejects(reopen(randomBytes(32)), (err: unknown) => isCode('SECRET_KEY')(err) && /was sealed with key [0-9a-f]{16}, but this installation's secret key is/.test((err as Error).message));
      assert.equal((await accounts.userByName('anna'))?.totpSecret, SECRET, 'nothing stored was changed');
    });

    test("refuses a sealed secret copied onto another user's row", async ({ accounts, rawTotpSecret, setRawTotpSecret }) => {
      const anna = await accounts.addUser({ ...user, totpSecret: SECRET }, AT);
      const bob = await accounts.addUser({ ...user, name: 'bob', totpSecret: OTHER_SECRET }, AT);
      await setRawTotpSecret(bob.id, (await rawTotpSecret(anna.id))!);
      await assert.rejects(accounts.user(bob.id), isCode('SECRET_KEY'));
    });

    test('keeps sessions until they are ended, one by one or all of a user', async ({ accounts }) => {
      const { id } = await accounts.addUser(user, AT);
      const session = { idHash: 'a'.repeat(64), userId: id, csrfToken: 'csrf', createdAt: AT, lastSeenAt: AT, justification: null };
      await accounts.createSession(session);
      await accounts.createSession({ ...session, idHash: 'b'.repeat(64) });
      await accounts.touchSession(session.idHash, '2026-03-01T10:05:00.000Z');
      assert.equal((await accounts.session(session.idHash))?.lastSeenAt, '2026-03-01T10:05:00.000Z');
      await accounts.deleteSession(session.idHash);
      assert.equal(await accounts.session(session.idHash), null);
      assert.equal(await accounts.deleteSessionsOf(id), 1);
      assert.equal(await accounts.session('b'.repeat(64)), null);
    });

    test('finds a token by its secret hash and revokes it once', async ({ accounts }) => {
      const token = await accounts.addToken({
        name: 'export job', role: 'analyst', themes: ['mensenhandel'], secretHash: 'c'.repeat(64), createdBy: 'admin', expiresAt: null, approvedBy: 'admin',
      }, AT);
      assert.deepEqual([token.approvedBy, token.approvedAt], ['admin', AT], 'a token needing no second admin is approved by its creator');
      assert.deepEqual(await accounts.tokenBySecretHash('c'.repeat(64)), token);
      assert.equal(await accounts.revokeToken(token.id, AT), true);
      assert.equal(await accounts.revokeToken(token.id, AT), false);
      assert.equal((await accounts.tokens())[0]?.revokedAt, AT);
    });

    test('keeps a token pending until it is approved, once, and never approves a revoked one', async ({ accounts }) => {
      const later = '2026-03-02T10:00:00.000Z';
      const add = (secret: string) => accounts.addToken({
        name: 'pending job', role: 'analyst', themes: ['mensenhandel'], secretHash: secret.repeat(64), createdBy: 'anna', expiresAt: null, approvedBy: null,
      }, AT);
      const pending = await add('d');
      assert.deepEqual([pending.approvedBy, pending.approvedAt], [null, null]);
      assert.equal(await accounts.approveToken(pending.id, 'bert', later), true);
      assert.equal(await accounts.approveToken(pending.id, 'carla', AT), false, 'approved once, by the first approver');
      assert.deepEqual(await accounts.tokenBySecretHash('d'.repeat(64)), { ...pending, approvedBy: 'bert', approvedAt: later });
      const revoked = await add('e');
      await accounts.revokeToken(revoked.id, AT);
      assert.equal(await accounts.approveToken(revoked.id, 'bert', later), false);
      assert.equal(await accounts.approveToken('00000000-0000-4000-8000-000000000000', 'bert', later), false);
      assert.equal((await accounts.tokenBySecretHash('e'.repeat(64)))?.approvedAt, null);
    });
  });

  inspectionsContract(name, test);
  standingSearchesContract(name, test);

  describe(`lists contract: ${name}`, () => {
    test('creates a list, adds and removes ads of its theme, and counts them', async ({ store, lists }) => {
      const { adId } = await store.saveAd(keptAd(await startTestRun(store)));
      const list = await lists.createList({ theme: 'mensenhandel', name: 'Controle maart', createdBy: 'anna' }, AT);
      assert.equal(list.size, 0);
      assert.equal(await lists.addEntry(list.id, { adId, addedBy: 'anna', addedAt: AT }), true);
      assert.equal(await lists.addEntry(list.id, { adId, addedBy: 'anna', addedAt: AT }), false);
      assert.equal((await lists.list(list.id, ['mensenhandel']))?.size, 1);
      assert.deepEqual(await lists.entries(list.id, ['mensenhandel']), [{ adId, addedBy: 'anna', addedAt: AT, note: null }]);
      assert.equal(await lists.removeEntry(list.id, adId, AT), true);
      assert.equal(await lists.removeEntry(list.id, adId, AT), false);
    });

    test('never puts an ad of another theme on a list', async ({ store, lists }) => {
      const { adId } = await store.saveAd(keptAd(await startTestRun(store, 'toezicht'), { theme: 'toezicht' }));
      const list = await lists.createList({ theme: 'mensenhandel', name: 'L', createdBy: 'anna' }, AT);
      await assert.rejects(lists.addEntry(list.id, { adId, addedBy: 'anna', addedAt: AT }), isCode('NOT_FOUND'));
      assert.deepEqual(await lists.entries(list.id, ['mensenhandel']), []);
    });

    test('shows a list only to callers holding its theme', async ({ lists }) => {
      const list = await lists.createList({ theme: 'mensenhandel', name: 'L', createdBy: 'anna' }, AT);
      assert.equal(await lists.list(list.id, ['toezicht']), null);
      assert.deepEqual(await lists.lists(['toezicht']), []);
      assert.deepEqual(await lists.entries(list.id, ['toezicht']), []);
      assert.deepEqual((await lists.lists(['mensenhandel', 'toezicht'])).map((l) => l.id), [list.id]);
    });

    test('refuses a second list of the same name in a theme, but not in another theme', async ({ lists }) => {
      await lists.createList({ theme: 'mensenhandel', name: 'L', createdBy: 'anna' }, AT);
      await assert.rejects(lists.createList({ theme: 'mensenhandel', name: 'L', createdBy: 'bob' }, AT), isCode('CONFLICT'));
      await lists.createList({ theme: 'toezicht', name: 'L', createdBy: 'bob' }, AT);
    });

    test('keeps a note per ad on a list with who wrote it and when, and clears it', async ({ store, lists }) => {
      const { adId } = await store.saveAd(keptAd(await startTestRun(store)));
      const list = await lists.createList({ theme: 'mensenhandel', name: 'L', createdBy: 'anna' }, AT);
      await lists.addEntry(list.id, { adId, addedBy: 'anna', addedAt: AT });
      const note = { text: 'Pand "Rozengracht" — check = vergunning,\nnieuw nummer', by: 'bert', at: LATER };
      assert.equal(await lists.setNote(list.id, adId, note, LATER), true);
      assert.deepEqual((await lists.entries(list.id, ['mensenhandel']))[0]?.note, note);
      assert.equal((await lists.list(list.id, ['mensenhandel']))?.updatedAt, LATER);
      assert.equal(await lists.setNote(list.id, adId, null, LATER), true);
      assert.equal((await lists.entries(list.id, ['mensenhandel']))[0]?.note, null);
    });

    test('writes no note on an ad that is not on the list', async ({ store, lists }) => {
      const { adId } = await store.saveAd(keptAd(await startTestRun(store)));
      const list = await lists.createList({ theme: 'mensenhandel', name: 'L', createdBy: 'anna' }, AT);
      assert.equal(await lists.setNote(list.id, adId, { text: 'x', by: 'bert', at: LATER }, LATER), false);
      assert.equal((await lists.list(list.id, ['mensenhandel']))?.updatedAt, AT);
    });

    test('drops the note with the entry when the ad is taken off the list', async ({ store, lists }) => {
      const { adId } = await store.saveAd(keptAd(await startTestRun(store)));
      const list = await lists.createList({ theme: 'mensenhandel', name: 'L', createdBy: 'anna' }, AT);
      await lists.addEntry(list.id, { adId, addedBy: 'anna', addedAt: AT });
      await lists.setNote(list.id, adId, { text: 'x', by: 'bert', at: LATER }, LATER);
      await lists.removeEntry(list.id, adId, LATER);
      await lists.addEntry(list.id, { adId, addedBy: 'anna', addedAt: LATER });
      assert.equal((await lists.entries(list.id, ['mensenhandel']))[0]?.note, null);
    });

    test('deletes a list with its entries', async ({ store, lists }) => {
      const { adId } = await store.saveAd(keptAd(await startTestRun(store)));
      const list = await lists.createList({ theme: 'mensenhandel', name: 'L', createdBy: 'anna' }, AT);
      await lists.addEntry(list.id, { adId, addedBy: 'anna', addedAt: AT });
      assert.equal(await lists.deleteList(list.id), true);
      assert.equal(await lists.list(list.id, ['mensenhandel']), null);
      assert.equal(await lists.deleteList(list.id), false);
    });
  });

  describe(`export requests contract: ${name}`, () => {
    const asked: NewExportRequest = {
      kind: 'bundle', theme: 'mensenhandel', subject: 'ad-1', params: { officer: 'A. Jansen' }, justification: 'ZAAK-2026-001',
      requestedBy: 'anna', state: 'requested', decidedBy: null,
    };

    test('keeps a request as asked, waiting, and shows it only to callers holding its theme', async ({ exportRequests }) => {
      const r = await exportRequests.addExportRequest(asked, AT);
      assert.deepEqual({ ...r, id: 'x' }, {
        id: 'x', ...asked, requestedAt: AT, decidedAt: null, reason: null, downloadedAt: null, sha256: null,
      });
      assert.deepEqual(await exportRequests.exportRequest(r.id, ['mensenhandel']), r);
      assert.equal(await exportRequests.exportRequest(r.id, ['toezicht']), null);
      assert.deepEqual(await exportRequests.exportRequests({ themes: ['toezicht'] }), []);
    });

    test('keeps a request approved at once under its requester\'s name, stamped with the request\'s time', async ({ exportRequests }) => {
      const r = await exportRequests.addExportRequest({ ...asked, state: 'approved', decidedBy: 'anna' }, AT);
      assert.deepEqual([r.state, r.decidedBy, r.decidedAt], ['approved', 'anna', AT]);
    });

    test('lists requests newest first, by requester (ignoring case) and by state', async ({ exportRequests }) => {
      const first = await exportRequests.addExportRequest(asked, AT);
      const second = await exportRequests.addExportRequest({ ...asked, requestedBy: 'bert', subject: null, kind: 'warc', params: {} }, LATER);
      assert.deepEqual((await exportRequests.exportRequests({ themes: ['mensenhandel'] })).map((r) => r.id), [second.id, first.id]);
      assert.deepEqual((await exportRequests.exportRequests({ themes: ['mensenhandel'], requestedBy: 'ANNA' })).map((r) => r.id), [first.id]);
      await exportRequests.decideExportRequest(first.id, { state: 'refused', by: 'bert', reason: 'no case' }, LATER);
      assert.deepEqual((await exportRequests.exportRequests({ themes: ['mensenhandel'], state: 'requested' })).map((r) => r.id), [second.id]);
    });

    test('decides a request once, never by its requester, and keeps why it was refused', async ({ exportRequests }) => {
      const r = await exportRequests.addExportRequest(asked, AT);
      assert.equal(await exportRequests.decideExportRequest(r.id, { state: 'approved', by: 'Anna', reason: null }, LATER), false, 'not by its requester');
      assert.deepEqual(await exportRequests.exportRequest(r.id, ['mensenhandel']), r, 'a refused decision changes nothing');
      assert.equal(await exportRequests.decideExportRequest(r.id, { state: 'refused', by: 'bert', reason: 'no case number' }, LATER), true);
      assert.equal(await exportRequests.decideExportRequest(r.id, { state: 'approved', by: 'carla', reason: null }, LATER), false, 'only once');
      const refused = await exportRequests.exportRequest(r.id, ['mensenhandel']);
      assert.deepEqual([refused?.state, refused?.decidedBy, refused?.decidedAt, refused?.reason], ['refused', 'bert', LATER, 'no case number']);
    });

    test('lets exactly one of 10 concurrent approvals through', async ({ exportRequests }) => {
      const r = await exportRequests.addExportRequest(asked, AT);
      const won = await Promise.all(Array.from({ length: 10 }, (_, i) => exportRequests.decideExportRequest(r.id, { state: 'approved', by: `b${i}`, reason: null }, LATER)));
      assert.equal(won.filter(Boolean).length, 1);
    });

    test('marks an approved request downloaded once, by its requester only, with the artefact\'s hash', async ({ exportRequests }) => {
      const r = await exportRequests.addExportRequest(asked, AT);
      const sha = 'a'.repeat(64);
      assert.equal(await exportRequests.markExportDownloaded(r.id, 'anna', sha, LATER), false, 'not before approval');
      await exportRequests.decideExportRequest(r.id, { state: 'approved', by: 'bert', reason: null }, LATER);
      assert.equal(await exportRequests.markExportDownloaded(r.id, 'bert', sha, LATER), false, 'not by the approver');
      const downloads = await Promise.all([1, 2, 3].map(() => exportRequests.markExportDownloaded(r.id, 'anna', sha, LATER)));
      assert.equal(downloads.filter(Boolean).length, 1, 'only once');
      const done = await exportRequests.exportRequest(r.id, ['mensenhandel']);
      assert.deepEqual([done?.state, done?.downloadedAt, done?.sha256], ['downloaded', LATER, sha]);
    });
  });
}

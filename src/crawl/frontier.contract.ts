// The behaviour every adapter of the crawl frontier must show. `open()` gives two frontiers on one
// database, as two worker processes (or machines) share it. Hosts are shared by every run, so each
// test uses hosts of its own.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LEASE_EXPIRED, type Frontier, type FrontierRun, type NewPage } from './frontier.ts';

type Opener = () => Promise<{ a: Frontier; b: Frontier; cleanup(): Promise<void> }>;

const T0 = Date.parse('2026-05-10T12:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);
const run = (runId: string, jobId: string | null = null): FrontierRun => ({ runId, theme: 'mensenhandel', source: null, jobId, owner: null });
const page = (url: string, kind: NewPage['kind'] = 'ad', delayMs = 0, maxAttempts = 3): NewPage => ({ source: 'classic', url, kind, delayMs, maxAttempts });

export function frontierContract(name: string, open: Opener): void {
  describe(`frontier contract: ${name}`, () => {
    let a: Frontier;
    let b: Frontier;
    let cleanup: (() => Promise<void>) | undefined;
    before(async () => {
      ({ a, b, cleanup } = await open());
    });
    after(async () => {
      await cleanup?.();
    });

    it('holds a URL once per run, whoever adds it again', async () => {
      await a.openRun(run('r1'), [page('http://one.example/list', 'list'), page('http://one.example/list', 'list')]);
      await b.openRun(run('r1'), [page('http://one.example/list', 'list')]);
      assert.equal(await a.unfinished('r1'), 1);
      const list = (await b.lease('w-b', at(0), 60_000, 'r1'))!;
      assert.deepEqual([list.kind, list.url, list.attempts], ['list', 'http://one.example/list', 1]);
      const found = ['http://one.example/ad/1', 'http://one.example/ad/2', 'http://one.example/ad/1', 'http://one.example/list'].map((u) => page(u));
      assert.equal(await b.complete(list, 'w-b', { outcome: 'listed', found, complete: true }), true);
      assert.equal(await a.unfinished('r1'), 2, 'two new ads; the list page is not added again');
      const urls = [];
      for (let next = await a.lease('w-a', at(1), 60_000, 'r1'); next; next = await a.lease('w-a', at(1), 60_000, 'r1')) urls.push(next.url);
      assert.deepEqual(urls, ['http://one.example/ad/1', 'http://one.example/ad/2']);
    });

    it('gives each page to one leaser only, however many lease at once', async () => {
      const urls = Array.from({ length: 12 }, (_, i) => `http://many${i}.example/ad`);
      await a.openRun(run('r2'), urls.map((u) => page(u)));
      const leases = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).lease(`w-${i}`, at(0), 60_000, 'r2')));
      const taken = leases.filter((p) => p !== null).map((p) => p.url);
      assert.deepEqual(taken.sort(), [...urls].sort(), 'every page once, none twice');
    });

    it('keeps a host\'s politeness delay across leasers, while other hosts go ahead', async () => {
      await a.openRun(run('r3'), [page('http://polite.example/1', 'ad', 500), page('http://polite.example/2', 'ad', 500), page('http://other.example/1', 'ad', 500)]);
      const [first, second] = await Promise.all([a.lease('w-a', at(0), 60_000, 'r3'), b.lease('w-b', at(0), 60_000, 'r3')]);
      assert.deepEqual([first?.url, second?.url].sort(), ['http://other.example/1', 'http://polite.example/1']);
      assert.equal(await b.lease('w-b', at(499), 60_000, 'r3'), null, 'the host is booked until 500 ms after the first visit');
      assert.equal(await a.lease('w-a', at(499), 60_000, 'r3'), null);
      assert.equal((await b.lease('w-b', at(500), 60_000, 'r3'))?.url, 'http://polite.example/2');
    });

    it('takes over a page whose lease expired, and no longer lets the old leaser complete it', async () => {
      await a.openRun(run('r4'), [page('http://expiry.example/1')]);
      const held = (await a.lease('w-dead', at(0), 1_000, 'r4'))!;
      assert.equal(await a.renew(held, 'w-dead', at(500), 1_000), true, 'renewed until 1500');
      assert.equal(await b.lease('w-b', at(1_400), 1_000, 'r4'), null);
      const taken = (await b.lease('w-b', at(1_501), 1_000, 'r4'))!;
      assert.deepEqual([taken.url, taken.attempts], ['http://expiry.example/1', 2]);
      assert.equal(await a.renew(held, 'w-dead', at(1_600), 1_000), false);
      assert.equal(await a.complete(held, 'w-dead', { outcome: 'kept', market: {} }), false);
      assert.equal(await b.complete(taken, 'w-b', { outcome: 'deleted', market: { city: 'Utrecht' } }), true);
      assert.deepEqual((await a.results('r4')).outcomes, { kept: 0, deleted: 1, staged: 0 });
    });

    it('retries a page after its back-off and records it failed, with its cause, once its attempts are used', async () => {
      await a.openRun(run('r5'), [page('http://retry.example/1', 'ad', 0, 2), page('http://dies.example/1', 'ad', 0, 1)]);
      const first = (await a.lease('w-a', at(0), 60_000, 'r5'))!;
      await a.fail(first, 'w-a', 'HTTP 503', at(1_000));
      const dies = (await b.lease('w-b', at(10), 1_000, 'r5'))!;
      assert.equal(dies.url, 'http://dies.example/1');
      assert.equal(await b.lease('w-b', at(999), 60_000, 'r5'), null, 'the retry waits for its back-off');
      const second = (await b.lease('w-b', at(1_000), 60_000, 'r5'))!;
      assert.deepEqual([second.url, second.attempts], ['http://retry.example/1', 2]);
      await b.fail(second, 'w-b', 'HTTP 503', at(3_000));
      assert.equal(await a.lease('w-a', at(5_000), 60_000, 'r5'), null, 'the retried page used its attempts; the dead leaser\'s page its only one');
      assert.equal(await a.unfinished('r5'), 0);
      const failures = (await a.results('r5')).failures.sort((x, y) => x.url.localeCompare(y.url));
      assert.deepEqual(failures, [
        { source: 'classic', url: 'http://dies.example/1', cause: LEASE_EXPIRED, attempts: 1 },
        { source: 'classic', url: 'http://retry.example/1', cause: 'HTTP 503', attempts: 2 },
      ]);
    });

    it('lets exactly one worker settle a run once its pages are done, and another take over when that one dies', async () => {
      await a.openRun(run('r6', 'job-6'), [page('http://settle.example/list', 'list')]);
      assert.deepEqual(await b.runsOfJob('job-6'), [{ ...run('r6', 'job-6'), settled: false }]);
      assert.deepEqual(await b.run('r6'), run('r6', 'job-6'));
      assert.equal(await b.run('r-none'), null);
      assert.ok((await b.openJobRuns()).some((r) => r.runId === 'r6'));
      const list = (await b.lease('w-b', at(0), 60_000))!;
      assert.equal(list.runId, 'r6', 'an idle worker leases pages of any job run');
      assert.equal(await a.claimSettle('r6', 'w-a', at(1), 1_000), false, 'a page is still in hand');
      await b.complete(list, 'w-b', { outcome: 'listed', found: [], complete: true });
      const claims = await Promise.all([a.claimSettle('r6', 'w-a', at(2), 1_000), b.claimSettle('r6', 'w-b', at(2), 1_000)]);
      assert.equal(claims.filter(Boolean).length, 1);
      const [winner, loser, w, l] = claims[0] ? [a, b, 'w-a', 'w-b'] : [b, a, 'w-b', 'w-a'];
      assert.equal(await loser.claimSettle('r6', l, at(900), 1_000), false);
      assert.equal(await loser.claimSettle('r6', l, at(1_003), 1_000), true, 'the settling worker died: its claim expired');
      await winner.settled('r6', w);
      assert.equal(await a.isSettled('r6'), false, 'only the worker holding the claim settles');
      await loser.settled('r6', l);
      assert.equal(await a.isSettled('r6'), true);
      assert.deepEqual(await a.results('r6'), { outcomes: { kept: 0, deleted: 0, staged: 0 }, failures: [], market: [], listings: [] }, 'its pages are forgotten');
      assert.equal(await winner.claimSettle('r6', w, at(5_000), 1_000), false, 'a settled run is not settled again');
      assert.ok(!(await a.openJobRuns()).some((r) => r.runId === 'r6'));
      assert.deepEqual(await a.runsOfJob('job-6'), [{ ...run('r6', 'job-6'), settled: true }]);
    });

    it('takes back a page a stopping worker hands back without counting its lease as an attempt', async () => {
      await a.openRun(run('r9'), [page('http://handback.example/1', 'ad', 0, 1)]);
      const held = (await a.lease('w-a', at(0), 60_000, 'r9'))!;
      await b.release(held, 'w-b');
      assert.equal(await b.lease('w-b', at(1), 60_000, 'r9'), null, 'only the worker holding it hands it back');
      await a.release(held, 'w-a');
      const again = (await b.lease('w-b', at(2), 60_000, 'r9'))!;
      assert.deepEqual([again.url, again.attempts], ['http://handback.example/1', 1], 'its one attempt is still to come');
      assert.equal(await a.lastActivity('r9'), at(60_002).getTime(), 'the lease taken last, until it ends');
      assert.equal(await b.complete(again, 'w-b', { outcome: 'kept', market: {} }), true);
      assert.equal(await a.complete(held, 'w-a', { outcome: 'kept', market: {} }), false, 'a page handed back is no longer the stopping worker\'s');
    });

    it('forgets the pages of a run given up because its process died', async () => {
      await a.openRun({ ...run('r8'), owner: 'host:1' }, [page('http://gone.example/list', 'list')]);
      assert.equal(await a.lastActivity('r8'), null, 'never leased');
      assert.ok((await b.openRuns()).some((r) => r.runId === 'r8' && r.owner === 'host:1'));
      assert.ok(!(await b.openJobRuns()).some((r) => r.runId === 'r8'), 'a process\'s run is not a job\'s');
      assert.equal(await b.abandon('r8'), 1);
      assert.equal(await a.isSettled('r8'), true);
      assert.equal(await a.lease('w-a', at(0), 60_000, 'r8'), null);
      assert.ok(!(await b.openRuns()).some((r) => r.runId === 'r8'));
    });

    it('gives the settle step the outcomes, the market and only complete listings, and counts the queue', async () => {
      await a.openRun(run('r7'), [page('http://results.example/list', 'list'), page('http://cut.example/list', 'list')]);
      const l1 = (await a.lease('w-a', at(0), 60_000, 'r7'))!;
      const l2 = (await a.lease('w-a', at(0), 60_000, 'r7'))!;
      await a.complete(l1, 'w-a', { outcome: 'listed', found: [page('http://results.example/1'), page('http://results.example/2')], complete: true });
      await a.complete(l2, 'w-a', { outcome: 'listed', found: [{ ...page('http://cut.example/1'), source: 'cut' }], complete: false });
      const before = await b.stats(at(10));
      const ad = (await b.lease('w-b', at(20), 60_000, 'r7'))!;
      const inHand = await b.stats(at(50));
      assert.deepEqual([inHand.queued, inHand.leased], [before.queued - 1, before.leased + 1]);
      assert.ok(inHand.oldestLeaseAgeMs !== null && inHand.oldestLeaseAgeMs >= 30);
      await b.complete(ad, 'w-b', { outcome: 'staged', market: { city: 'Utrecht', prices: [{ amount: 150, currency: 'EUR', label: 'uur' }] } });
      for (let p = await b.lease('w-b', at(30), 60_000, 'r7'); p; p = await b.lease('w-b', at(30), 60_000, 'r7')) {
        await b.complete(p, 'w-b', { outcome: 'kept', market: {} });
      }
      const results = await a.results('r7');
      assert.deepEqual(results.outcomes, { kept: 2, deleted: 0, staged: 1 });
      assert.deepEqual(results.market[0], { city: 'Utrecht', prices: [{ amount: 150, currency: 'EUR', label: 'uur' }] });
      assert.deepEqual(results.listings, [{ source: 'classic', adUrls: ['http://results.example/1', 'http://results.example/2'] }]);
      assert.equal((await a.stats(at(60))).leased, before.leased);
    });
  });
}

// The behaviour every adapter of the configuration's versions must show. `open()` gives two stores
// on one database, as two processes (or machines) share it; the tests run in order on it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BakenError } from '../domain/errors.ts';
import type { ConfigVersionStore } from './config-versions.ts';

type Opener = () => Promise<{ a: ConfigVersionStore; b: ConfigVersionStore; cleanup(): Promise<void> }>;

const AT = '2026-05-10T12:00:00.000Z';
const files = (every: string) => ({ 'themes/t.yaml': 'id: t\n', 'schedules/t.yaml': `id: t\ntheme: t\nevery: ${every}\n` });

export function configVersionsContract(name: string, open: Opener): void {
  describe(`configuration versions contract: ${name}`, () => {
    let a: ConfigVersionStore;
    let b: ConfigVersionStore;
    let cleanup: (() => Promise<void>) | undefined;
    before(async () => {
      ({ a, b, cleanup } = await open());
    });
    after(async () => {
      await cleanup?.();
    });

    it('has no version before the first is stored', async () => {
      assert.equal(await a.latestNumber(), null);
      assert.equal(await a.latest(), null);
    });

    it('numbers the versions from 1 and gives every process the newest, with who, when and why', async () => {
      const first = await a.add(null, { files: files('1d'), by: 'ops', at: AT, reason: 'imported /etc/baken' });
      assert.equal(first.number, 1);
      const second = await b.add(1, { files: files('6h'), by: 'alice', at: AT, reason: 'schedules/t: replace' });
      assert.equal(second.number, 2);
      assert.equal(await a.latestNumber(), 2);
      assert.deepEqual(await a.latest(), { number: 2, files: files('6h'), by: 'alice', at: AT, reason: 'schedules/t: replace' });
    });

    it('refuses a version made from one that is no longer the newest, and keeps the newest', async () => {
      for (const stale of [1, null]) {
        await assert.rejects(b.add(stale, { files: files('1h'), by: 'bob', at: AT, reason: 'late' }),
          (e: unknown) => e instanceof BakenError && e.code === 'CONFLICT' && /no longer the newest/.test(e.message));
      }
      assert.deepEqual((await a.latest())?.files, files('6h'));
    });

    it('lets one of two processes storing after the same version in, and refuses the other', async () => {
      const outcomes = await Promise.allSettled([
        a.add(2, { files: files('2h'), by: 'a', at: AT, reason: 'a' }),
        b.add(2, { files: files('3h'), by: 'b', at: AT, reason: 'b' }),
      ]);
      assert.deepEqual(outcomes.map((o) => o.status).sort(), ['fulfilled', 'rejected']);
      assert.equal(await b.latestNumber(), 3);
    });
  });
}

// How a running process gets a newer configuration: from its folder (the embedded default) or from
// the versions in the database, with a version that does not load refused and the one in force kept.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BakenError } from '../domain/errors.ts';
import type { ConfigVersionStore } from '../store/config-versions.ts';
import { openSqliteConfigVersions } from '../store/sqlite/config-versions.sqlite.ts';
import { readConfigFiles } from './config-files.ts';
import { configPollMs, folderConfiguration, importIfEmpty, storedConfiguration, watchConfiguration } from './configuration.ts';

const BUNDLED = new URL('../../config', import.meta.url).pathname;
const DAILY = 'schedules/mensenhandel-daily.yaml';
const refused = (pattern: RegExp) => (e: unknown) => e instanceof BakenError && e.code === 'INPUT_INVALID' && pattern.test(e.message);

describe('the configuration in force', () => {
  let root: string;
  let dir: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'baken-configuration-'));
    dir = join(root, 'config');
    cpSync(BUNDLED, dir, { recursive: true });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('follows its folder: an edit is put in force at the next look, a broken file is refused once and the version in force kept', async () => {
    const c = folderConfiguration(dir);
    const first = c.version;
    assert.equal(await c.refresh(), null, 'nothing changed');
    writeFileSync(join(dir, DAILY), readFileSync(join(dir, DAILY), 'utf8').replace('every: 1d', 'every: 6h'));
    const second = await c.refresh();
    assert.ok(second !== null && second !== first && c.version === second);
    assert.equal(c.current.schedules.get('mensenhandel-daily')?.every, '6h');
    writeFileSync(join(dir, DAILY), 'id: mensenhandel-daily\ntheme: nowhere\nevery: 1d\n');
    await assert.rejects(c.refresh(), (e: unknown) => e instanceof BakenError && e.code === 'CONFIG_INVALID');
    assert.equal(await c.refresh(), null, 'refused once, not at every look');
    assert.deepEqual([c.version, c.current.schedules.get('mensenhandel-daily')?.every], [second, '6h']);
    writeFileSync(join(dir, DAILY), readFileSync(join(BUNDLED, DAILY), 'utf8'));
  });

  describe('stored in the database', () => {
    let dataDir: string;
    let a: ConfigVersionStore;
    let b: ConfigVersionStore;
    before(async () => {
      dataDir = join(root, 'data');
      [a, b] = [await openSqliteConfigVersions(dataDir), await openSqliteConfigVersions(dataDir)];
    });
    after(async () => { await a.close(); await b.close(); });

    it('imports the folder as version 1 once, however many processes start', async () => {
      await Promise.all([importIfEmpty(a, dir, 'ops', () => new Date()), importIfEmpty(b, dir, 'ops', () => new Date())]);
      assert.equal(await a.latestNumber(), 1);
      assert.deepEqual((await a.latest())?.files, readConfigFiles(dir));
    });

    it('refuses a change that would not load with the loader\'s message, and stores and spreads one that does', async () => {
      const mine = await storedConfiguration(a, dir);
      const theirs = await storedConfiguration(b, dir);
      const broken = { ...mine.files(), 'schedules/x.yaml': 'id: mensenhandel-x\ntheme: mensenhandel\nsource: mensenhandel-nowhere\nevery: 1h\n' };
      await assert.rejects(mine.save(broken, 'alice', 'test'), refused(/would not load: .*schedules\/mensenhandel-x: source: no source "mensenhandel-nowhere"/s));
      assert.deepEqual([mine.version, await a.latestNumber()], ['1', 1]);
      await mine.save({ ...mine.files(), 'schedules/x.yaml': 'id: mensenhandel-x\ntheme: mensenhandel\nevery: 1h\n' }, 'alice', 'add x');
      assert.deepEqual([mine.version, mine.current.schedules.has('mensenhandel-x')], ['2', true]);
      const logged: unknown[] = [];
      const stop = new AbortController();
      watchConfiguration(theirs, (event, data) => logged.push([event, data]), stop.signal, 20);
      while (logged.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      stop.abort();
      assert.deepEqual(logged, [['config.reloaded', { version: '2' }]]);
      assert.equal(theirs.current.schedules.has('mensenhandel-x'), true);
    });

    it('refuses a change made to a version that is no longer the newest', async () => {
      const stale = await storedConfiguration(b, dir);
      await (await storedConfiguration(a, dir)).save(readConfigFiles(dir), 'bob', 'back to the folder');
      await assert.rejects(stale.save(stale.files(), 'carol', 'late'), (e: unknown) => e instanceof BakenError && e.code === 'CONFLICT');
      assert.equal(await a.latestNumber(), 3);
    });
  });

  it('polls every 10 s unless BAKEN_CONFIG_POLL_MS says otherwise, and refuses a value that is no number', () => {
    assert.deepEqual([configPollMs(undefined), configPollMs('500')], [10_000, 500]);
    assert.throws(() => configPollMs('soon'), (e: unknown) => e instanceof BakenError && e.code === 'USAGE' && /BAKEN_CONFIG_POLL_MS/.test(e.message));
  });
});

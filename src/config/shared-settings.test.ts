// api.yaml and the report templates are part of the versioned configuration: on the SQLite and the
// PostgreSQL version stores, a machine whose own folder says otherwise serves the API with the
// settings, and writes reports with the templates, of the version in force, and a new version's
// template reaches a running process at its next look; a version whose api.yaml would not load is
// refused; a version stored before these were shared leaves each machine its own files, as before.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BakenError } from '../domain/errors.ts';
import type { ConfigVersionStore } from '../store/config-versions.ts';
import { openPostgresConfigVersions } from '../store/postgres/config-versions.postgres.ts';
import { createTestDatabase } from '../store/postgres/test-database.postgres.ts';
import { openSqliteConfigVersions } from '../store/sqlite/config-versions.sqlite.ts';
import { loadApiSettings } from './api-settings.ts';
import { API_SETTINGS_FILE } from './config-files.ts';
import { apiSettingsOf, importIfEmpty, storedConfiguration } from './configuration.ts';
import { loadReportTemplate } from './report-templates.ts';

const BUNDLED = new URL('../../config', import.meta.url).pathname;
const PV = 'reports/pv.yaml';

const ADAPTERS: [string, (root: string) => Promise<{ versions: ConfigVersionStore; cleanup(): Promise<void> }>][] = [
  ['sqlite', async (root) => {
    const versions = await openSqliteConfigVersions(join(root, 'data'));
    return { versions, cleanup: () => versions.close() };
  }],
  ['postgres', async () => {
    const database = await createTestDatabase();
    const versions = await openPostgresConfigVersions(database.url);
    return { versions, cleanup: async () => { await versions.close(); await database.drop(); } };
  }],
];

for (const [name, open] of ADAPTERS) {
  describe(`api.yaml and report templates in the configuration stored in ${name}`, () => {
    let root: string;
    let first: string;
    let other: string;
    let versions: ConfigVersionStore;
    let cleanup: () => Promise<void>;
    before(async () => {
      root = mkdtempSync(join(tmpdir(), 'baken-shared-api-'));
      [first, other] = [join(root, 'first'), join(root, 'other')];
      cpSync(BUNDLED, first, { recursive: true });
      cpSync(BUNDLED, other, { recursive: true });
      // The other machine's own folder asks for one-time codes; the imported version (the demo's) does not.
      writeFileSync(join(other, API_SETTINGS_FILE), 'auth:\n  requireTotp: true\n');
      // …and words its PV as version "local".
      writeFileSync(join(other, PV), readFileSync(join(BUNDLED, PV), 'utf8').replace('version: "2026.1"', 'version: local'));
      ({ versions, cleanup } = await open(root));
      await importIfEmpty(versions, first, 'ops', () => new Date());
    });
    after(async () => {
      await cleanup();
      rmSync(root, { recursive: true, force: true });
    });

    it('serves every machine the version\'s settings, not its own folder\'s', async () => {
      const there = await storedConfiguration(versions, other);
      assert.equal(loadApiSettings(other).auth.requireTotp, true);
      assert.equal(apiSettingsOf(there).auth.requireTotp, false);
    });

    it('refuses a version whose api.yaml would not load, keeping the one in force', async () => {
      const there = await storedConfiguration(versions, other);
      await assert.rejects(there.save({ ...there.files(), [API_SETTINGS_FILE]: 'auth:\n  requireTotp: sometimes\n' }, 'alice', 'test'),
        (e: unknown) => e instanceof BakenError && e.code === 'INPUT_INVALID' && /api\.yaml: auth\.requireTotp/.test(e.message));
      assert.equal(await versions.latestNumber(), 1);
    });

    it('writes every machine\'s reports with the version\'s templates, and a new one reaches a running process', async () => {
      const there = await storedConfiguration(versions, other);
      assert.equal(loadReportTemplate(there.current, 'pv').version, '2026.1');
      const here = await storedConfiguration(versions, first);
      await here.save({ ...here.files(), [PV]: here.files()[PV]!.replace('version: "2026.1"', 'version: 3') }, 'alice', 'new PV wording');
      assert.equal(loadReportTemplate(there.current, 'pv').version, '2026.1', 'in force until the next look');
      assert.notEqual(await there.refresh(), null);
      assert.equal(loadReportTemplate(there.current, 'pv').version, '3');
    });

    it('leaves each machine its own api.yaml and templates under a version that holds none', async () => {
      const there = await storedConfiguration(versions, other);
      const { [API_SETTINGS_FILE]: _dropped, [PV]: _pv, ...without } = there.files();
      await there.save(without, 'alice', 'as stored before api.yaml and the templates were shared');
      assert.equal(apiSettingsOf(there).auth.requireTotp, true);
      assert.equal(loadReportTemplate(there.current, 'pv').version, 'local');
    });
  });
}

// The demo imports each theme's configured reference files once: missing ones are skipped, and a
// second run over the same data adds no versions.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiApp } from '../app.ts';
import { loadConfig } from '../config/load.ts';
import { importDemoReference } from './demo-reference.ts';
import { operator } from './operator.ts';

describe('the demo\'s reference data', () => {
  it('imports the configured files that exist, once', async () => {
    const root = mkdtempSync(join(tmpdir(), 'baken-demo-reference-'));
    const configDir = join(root, 'config');
    cpSync(new URL('../../config', import.meta.url).pathname, configDir, { recursive: true });
    // Only the crime reports are there; the licence register and the KvK extract are not (yet).
    rmSync(join(configDir, 'reference'), { recursive: true, force: true });
    mkdirSync(join(configDir, 'reference', 'toezicht'), { recursive: true });
    writeFileSync(join(configDir, 'reference', 'toezicht', 'meldingen.csv'), 'Datum,Gemeente,Categorie,Omschrijving\n01-11-2026,0392,Overlast,Veel bezoek\n');
    const app = await openApiApp({ dataDir: join(root, 'data'), database: null, config: loadConfig(configDir) });
    try {
      const who = operator(app, 'admin', { by: 'demo' });
      assert.deepEqual((await importDemoReference(app, who)).map((i) => [i.theme, i.kind, i.fileName, i.rows, i.version]),
        [['toezicht', 'reports', 'meldingen.csv', 1, 1]]);
      assert.deepEqual(await importDemoReference(app, who), []);
    } finally {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

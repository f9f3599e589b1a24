// Checks that the classic and velvet pages, read with the bundled extractors, give the truth.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, rulesOf } from './reference-extract.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import type { Truth } from './truth.ts';

let server: DemoServer;
let truth: Truth;
before(async () => {
  server = await startDemoServer({ port: 0 });
  truth = await (await fetch(`${server.url}/_truth.json`)).json() as Truth;
});
after(() => server.close());

async function checkPlatform(platform: 'classic' | 'velvet'): Promise<void> {
  const rules = rulesOf(platform);
  for (const ad of truth.ads.filter((a) => a.platform === platform)) {
    const page = await (await fetch(ad.url, { headers: { cookie: 'velvet_age=ok' } })).text();
    assert.deepEqual(extract(page, rules, ad.url), ad.fields, ad.id);
  }
}

test('the classic extractor reads every field of every classic ad as the truth has it', () => checkPlatform('classic'));

test('the velvet extractor reads every field of every velvet ad as the truth has it', () => checkPlatform('velvet'));

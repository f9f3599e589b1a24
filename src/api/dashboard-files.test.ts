// The dashboard's files from the API's origin: the page with a fresh nonce on every request, built
// files only, hashed ones cacheable, and every other path answered as a problem, never a 500.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openApiWorld, type ApiWorld } from './api.fixtures.ts';

describe('serving the dashboard build', () => {
  let w: ApiWorld;
  const build = mkdtempSync(join(tmpdir(), 'baken-dashboard-'));
  before(async () => {
    writeFileSync(join(build, 'index.html'), '<script nonce="BAKEN_CSP_NONCE" src="main-AbCd1234.js"></script><bk-root ngCspNonce="BAKEN_CSP_NONCE"></bk-root>');
    writeFileSync(join(build, 'main-AbCd1234.js'), 'console.log(1)');
    mkdirSync(join(build, 'map'));
    writeFileSync(join(build, 'map', 'nl.json'), '{}');
    w = await openApiWorld({ dashboard: build });
  });
  after(async () => {
    await w?.close();
    rmSync(build, { recursive: true, force: true });
  });

  const nonceOf = (csp: unknown) => /'nonce-([^']+)'/.exec(String(csp))?.[1];

  it('sends the page for any route of the dashboard, and for its own name, with a fresh nonce each time', async () => {
    const nonces = new Set<string>();
    for (const url of ['/', '/search?q=x', '/ads/0123/network', '/index.html']) {
      const res = await w.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      const nonce = nonceOf(res.headers['content-security-policy']);
      assert.ok(nonce, url);
      assert.equal(res.body.split(`"${nonce}"`).length, 3, 'the nonce replaces every placeholder');
      assert.ok(!res.body.includes('BAKEN_CSP_NONCE'));
      assert.equal(res.headers['cache-control'], 'no-store');
      nonces.add(nonce);
    }
    assert.equal(nonces.size, 4);
  });

  it('serves the built files, caching only those named by their content hash', async () => {
    const hashed = await w.app.inject({ method: 'GET', url: '/main-AbCd1234.js' });
    assert.deepEqual([hashed.statusCode, hashed.headers['cache-control'], hashed.body], [200, 'public, max-age=31536000, immutable', 'console.log(1)']);
    const plain = await w.app.inject({ method: 'GET', url: '/map/nl.json' });
    assert.deepEqual([plain.statusCode, plain.headers['cache-control']], [200, 'no-cache']);
  });

  it('answers a missing file, an unknown API route, a path out of the build and bad encoding as problems', async () => {
    for (const [url, status, code] of [
      ['/missing.js', 404, 'NOT_FOUND'], ['/api/nothing-here', 404, 'NOT_FOUND'],
      ['/..%2f..%2fetc%2fpasswd.txt', 404, 'NOT_FOUND'], ['/%E0%A4%A', 400, 'INPUT_INVALID'],
    ] as const) {
      const res = await w.app.inject({ method: 'GET', url });
      assert.deepEqual([res.statusCode, res.json().code], [status, code], url);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    }
  });
});

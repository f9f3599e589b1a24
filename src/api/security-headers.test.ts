// The security headers as a browser receives them: on real answers of the built API, successes and
// problems alike, and HSTS only from a server that really speaks TLS (a throwaway certificate).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiWorld, type ApiWorld } from './api.fixtures.ts';

/** Exactly what security-headers.ts promises; a weakened value must fail here. */
const EXPECTED: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};
const HSTS = 'max-age=31536000; includeSubDomains';

const securityHeaders = (headers: IncomingHttpHeaders | Record<string, unknown>) =>
  Object.fromEntries(Object.keys(EXPECTED).map((name) => [name, headers[name]]));

describe('security headers over plain HTTP', () => {
  let w: ApiWorld;
  before(async () => { w = await openApiWorld(); });
  after(() => w?.close());

  it('sends the JSON policy, nosniff and DENY on a JSON answer', async () => {
    const session = await w.login('analyst-mensenhandel');
    const res = await w.app.inject({ method: 'GET', url: '/api/session', headers: session.headers });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.deepEqual(securityHeaders(res.headers), EXPECTED);
  });

  it('sends the same headers on a problem answer', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/session' });
    assert.equal(res.statusCode, 401);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.deepEqual(securityHeaders(res.headers), EXPECTED);
  });

  it('sends no Strict-Transport-Security, which a plain-HTTP host must not claim', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/session' });
    assert.equal(res.headers['strict-transport-security'], undefined);
  });
});

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe('security headers over TLS', { skip: hasOpenssl ? false : 'needs the openssl command for a throwaway certificate' }, () => {
  let w: ApiWorld;
  let dir: string;
  let cert: Buffer;
  let base: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baken-tls-'));
    const [keyFile, certFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
    cert = readFileSync(certFile);
    w = await openApiWorld({ tls: { key: readFileSync(keyFile), cert } });
    base = await w.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await w?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves HTTPS and sends Strict-Transport-Security with the other headers', async () => {
    assert.match(base, /^https:\/\/127\.0\.0\.1:\d+$/);
    // Trusting only the throwaway certificate proves the answer really came over TLS.
    const res = await new Promise<{ status: number; headers: IncomingHttpHeaders }>((resolve, reject) => {
      get(`${base}/api/session`, { ca: cert }, (r) => { r.resume(); r.on('end', () => resolve({ status: r.statusCode!, headers: r.headers })); }).on('error', reject);
    });
    assert.equal(res.status, 401);
    assert.equal(res.headers['strict-transport-security'], HSTS);
    assert.deepEqual(securityHeaders(res.headers), EXPECTED);
  });
});

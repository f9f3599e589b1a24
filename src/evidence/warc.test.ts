import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import type { CaptureMeta, HttpExchange } from '../domain/ad.ts';
import { buildCaptureWarc } from './warc.ts';
import { checkWarc } from './warc-check.ts';

const meta: CaptureMeta = {
  requestedUrl: 'http://127.0.0.1:4100/classic/ad/cl-1', finalUrl: 'http://127.0.0.1:4100/classic/ad/cl-1',
  capturedAt: '2026-03-02T10:00:00.000Z', status: 200, headers: { 'content-type': 'text/html' },
  serverIp: '127.0.0.1', tls: null, userAgent: 'Mozilla/5.0', softwareVersion: 'baken/0.1.0', method: 'test',
};

const exchange = (url: string, body: string, type: string): HttpExchange => ({
  url, method: 'GET', requestHeaders: [['User-Agent', 'Mozilla/5.0'], ['Accept', '*/*']], httpVersion: 'HTTP/1.1',
  status: 200, statusText: 'OK', responseHeaders: [['Content-Type', type], ['Content-Encoding', 'gzip'], ['Content-Length', '12']],
  body: Buffer.from(body), serverIp: '127.0.0.1', at: '2026-03-02T10:00:00.000Z',
});

async function sample() {
  return buildCaptureWarc({
    meta,
    document: exchange(meta.finalUrl, '<html>served page</html>', 'text/html'),
    data: [exchange('http://127.0.0.1:4100/swipe/api/ads/sw-1', '{"alias":"Ruby"}', 'application/json')],
    images: [exchange('http://127.0.0.1:4100/img/a.jpg', 'JPEGBYTES', 'image/jpeg')],
    html: '<html>rendered page</html>',
    screenshot: { body: Buffer.from('PNGBYTES'), mime: 'image/png' },
  });
}

describe('buildCaptureWarc', () => {
  it('writes WARC/1.1 records that warcio reads back with matching digests', async () => {
    const { records, problems } = await checkWarc(await sample());
    assert.deepEqual(problems, []);
    assert.deepEqual(records.map((r) => r.type),
      ['warcinfo', 'request', 'response', 'request', 'response', 'request', 'response', 'resource', 'resource', 'metadata']);
    const page = records.find((r) => r.type === 'response' && r.uri === meta.finalUrl)!;
    assert.equal(page.ip, '127.0.0.1');
    assert.equal(page.payloadBytes, '<html>served page</html>'.length);
    const data = records.find((r) => r.type === 'response' && r.uri?.endsWith('/swipe/api/ads/sw-1'));
    assert.equal(data?.payloadBytes, '{"alias":"Ruby"}'.length, 'the data the page fetched is archived as served');
  });

  it('keeps wire-encoding headers only under the archival prefix, with the true length', async () => {
    const text = gunzipSync(await sample()).toString('latin1');
    assert.match(text, /X-Archive-Orig-Content-Encoding: gzip/);
    assert.match(text, /Content-Length: 24\r\n/);
    assert.doesNotMatch(text, /\r\nContent-Encoding: gzip/);
  });

  it('reports a record whose content was changed', async () => {
    const warc = gunzipSync(await sample());
    const at = warc.indexOf('served page');
    warc[at] = 'S'.charCodeAt(0);
    const { problems } = await checkWarc(warc);
    assert.ok(problems.some((p) => /response record .*digest does not match/.test(p)), problems.join('; '));
  });
});

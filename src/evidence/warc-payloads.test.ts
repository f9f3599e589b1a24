import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { WARCParser } from 'warcio';
import { sha256Hex } from '../domain/canonical-json.ts';
import type { Artefact, CaptureMeta, HttpExchange } from '../domain/ad.ts';
import { buildCaptureWarc, type WarcInput } from './warc.ts';
import { checkWarc } from './warc-check.ts';
import { standaloneWarc } from './warc-payloads.ts';
import { unlistedPayloads } from './verify-capture.ts';

const at = '2026-03-02T10:00:00.000Z';
const exchange = (url: string, body: Buffer, type: string): HttpExchange => ({
  url, method: 'GET', requestHeaders: [['User-Agent', 'Mozilla/5.0']], httpVersion: 'HTTP/1.1', status: 200, statusText: 'OK',
  responseHeaders: [['Content-Type', type], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']], body, serverIp: '127.0.0.1', at,
});
/** Random bytes, as a JPEG's are to gzip: sizes then show where the photo is written. */
const SHARED_PHOTO = randomBytes(50_000);

function capture(ad: string): WarcInput {
  const url = `http://127.0.0.1:4100/classic/ad/${ad}`;
  const meta: CaptureMeta = {
    requestedUrl: url, finalUrl: url, capturedAt: at, status: 200, headers: { 'content-type': 'text/html' },
    serverIp: '127.0.0.1', tls: null, userAgent: 'Mozilla/5.0', softwareVersion: 'baken/0.1.0', method: 'test',
  };
  return {
    meta, document: exchange(url, Buffer.from(`<html>${ad}</html>`), 'text/html'), data: [],
    images: [exchange(`http://127.0.0.1:4100/img/own-${ad}.jpg`, Buffer.from(`JPEG of ${ad} only`), 'image/jpeg'),
      exchange(`http://127.0.0.1:4100/img/shared-${ad}.jpg`, SHARED_PHOTO, 'image/jpeg')],
    html: `<html>rendered ${ad}</html>`, screenshot: { body: Buffer.from(`PNG of ${ad}`), mime: 'image/png' },
  };
}

/** The blob store of a test: payloads by their SHA-256, as seal-and-store puts them. */
function blobsOf(...inputs: WarcInput[]): (sha: string) => Promise<Buffer> {
  const blobs = new Map<string, Buffer>();
  for (const i of inputs) for (const b of [...i.images.map((x) => x.body), i.screenshot!.body, Buffer.from(i.html)]) blobs.set(sha256Hex(b), b);
  return async (sha) => {
    const b = blobs.get(sha);
    if (!b) throw new Error(`blob ${sha} is not in the test store`);
    return b;
  };
}

interface Seen { type: string; uri: string; id: string; refersTo?: string; payloadDigest?: string; payload: Buffer; block: Buffer }

async function records(warc: Buffer): Promise<Seen[]> {
  const out: Seen[] = [];
  for await (const r of WARCParser.iterRecords([warc], { parseHttp: true })) {
    const payload = Buffer.from(await r.readFully(false));
    out.push({
      type: r.warcType!, uri: r.warcTargetURI ?? '', id: r.warcHeader('WARC-Record-ID')!, payload, block: payload,
      ...(r.warcHeader('WARC-Refers-To') ? { refersTo: r.warcHeader('WARC-Refers-To')! } : {}),
      ...(r.warcPayloadDigest ? { payloadDigest: r.warcPayloadDigest } : {}),
    });
  }
  return out;
}

describe('stored WARCs name their payloads by digest', () => {
  it('holds no byte of the images, the screenshot or the rendered DOM, and warcio reads it with matching digests', async () => {
    const input = capture('cl-1');
    const stored = await buildCaptureWarc(input, 'by-digest');
    const { problems } = await checkWarc(stored);
    assert.deepEqual(problems, []);
    const types = (await records(stored)).map((r) => r.type);
    assert.deepEqual(types, ['warcinfo', 'request', 'response', 'request', 'revisit', 'request', 'revisit', 'revisit', 'revisit', 'metadata']);
    const inline = await buildCaptureWarc(input);
    assert.ok(stored.length < 5_000 && inline.length > SHARED_PHOTO.length, `${stored.length} stored bytes against ${inline.length} inline`);
  });

  it('gives back, for one capture, the standalone WARC it stands for: the same records, payloads and digests', async () => {
    const input = capture('cl-1');
    const standalone = await standaloneWarc([await buildCaptureWarc(input, 'by-digest')], blobsOf(input));
    assert.deepEqual((await checkWarc(standalone)).problems, []);
    const inline = await records(await buildCaptureWarc(input));
    const back = await records(standalone);
    const shape = (rs: Seen[]) => rs.map((r) => [r.type, r.uri, r.payloadDigest ?? null, sha256Hex(r.payload)]);
    assert.deepEqual(shape(back), shape(inline));
    const photo = back.find((r) => r.uri.endsWith('/img/shared-cl-1.jpg') && r.type === 'response')!;
    assert.deepEqual(photo.payload, SHARED_PHOTO);
    const request = back.find((r) => r.uri === photo.uri && r.type === 'request')!;
    assert.ok(request, 'the request of the photo is there');
  });

  it('writes a photo two captures share once in a WARC of both: the second is a revisit of the first', async () => {
    const [a, b] = [capture('cl-1'), capture('cl-2')];
    const both = await standaloneWarc([await buildCaptureWarc(a, 'by-digest'), await buildCaptureWarc(b, 'by-digest')], blobsOf(a, b));
    assert.deepEqual((await checkWarc(both)).problems, []);
    const rs = await records(both);
    const digest = `sha256:${sha256Hex(SHARED_PHOTO)}`;
    const holding = rs.filter((r) => r.payloadDigest === digest);
    assert.deepEqual(holding.map((r) => r.type), ['response', 'revisit']);
    assert.equal(holding[1]!.refersTo, holding[0]!.id);
    assert.equal(holding[1]!.uri, 'http://127.0.0.1:4100/img/shared-cl-2.jpg');
    const aloneBytes = await standaloneWarc([await buildCaptureWarc(b, 'by-digest')], blobsOf(b));
    assert.ok(both.length < 1.5 * SHARED_PHOTO.length && aloneBytes.length > SHARED_PHOTO.length, `${both.length} bytes for both ads: the photo once`);
    const alone = await records(aloneBytes);
    assert.deepEqual(alone.find((r) => r.payloadDigest === digest && r.type === 'response')?.payload, SHARED_PHOTO,
      'exported alone, the second ad holds the photo itself');
  });

  it('refuses to make a WARC when the blob of a payload is gone, naming it', async () => {
    const input = capture('cl-1');
    await assert.rejects(standaloneWarc([await buildCaptureWarc(input, 'by-digest')], blobsOf()), /blob [0-9a-f]{64} is not in the test store/);
  });
});

describe('the payloads a stored WARC names', () => {
  const input = capture('named');
  const payloads = [...input.images.map((x) => x.body), input.screenshot!.body, Buffer.from(input.html)].map(sha256Hex);
  const artefact = (sha: string, kind: Artefact['kind'] = 'image'): Artefact => ({ kind, sha256: sha, mime: 'image/jpeg', bytes: 1 });

  it('are the blobs of its revisit records, each once, and none for a WARC that holds its payloads', async () => {
    assert.deepEqual((await checkWarc(await buildCaptureWarc(input, 'by-digest'))).named.sort(), [...payloads].sort());
    assert.deepEqual((await checkWarc(await buildCaptureWarc(input, 'inline'))).named, []);
  });

  it('must each be one of the capture\'s artefacts, not its WARC or manifest', () => {
    const [first, ...rest] = payloads;
    assert.deepEqual(unlistedPayloads(payloads, payloads.map((sha) => artefact(sha))), []);
    assert.deepEqual(unlistedPayloads(payloads, rest.map((sha) => artefact(sha))), [first]);
    assert.deepEqual(unlistedPayloads([first!], [artefact(first!, 'warc'), artefact(first!, 'manifest')]), [first]);
  });
});

// One WARC 1.1 file (ISO 28500) per kept capture: the request and response records of the ad page,
// the data it fetched from its own site and its images as the browser fetched them, the screenshot and rendered DOM as resource records,
// and the capture metadata as a metadata record. Every record carries SHA-256 block and payload
// digests, so any reader (warcio, pywb, …) can check each one on its own.
// As stored (`payloads: 'by-digest'`, issue 17), the images, the screenshot and the rendered DOM are
// revisit records naming their payload by its SHA-256, which is the name of the blob holding it: each
// captured byte is written once. Exports put the payloads back (warc-payloads.ts).
import { WARCRecord, WARCSerializer } from 'warcio';
import type { CaptureMeta, HttpExchange } from '../domain/ad.ts';
import { sha256Hex } from '../domain/canonical-json.ts';
import { SOFTWARE_VERSION } from '../version.ts';

export const DIGEST = { algo: 'sha-256', prefix: 'sha256:', base32: false } as const;

/** Marks a stored revisit record whose payload is a blob, and the record type it stands for. */
export const PAYLOAD_OF = 'Baken-Payload-Of';
export type PayloadRecordType = 'response' | 'resource';

// The browser hands over bodies already decoded, so headers describing the wire encoding would
// no longer be true of the stored payload. They are kept under the usual archival prefix instead.
const WIRE_HEADERS = new Set(['content-encoding', 'transfer-encoding', 'content-length']);

export interface WarcInput {
  meta: CaptureMeta;
  document: HttpExchange;
  /** Same-site XHR and fetch exchanges of the page. */
  data: HttpExchange[];
  images: HttpExchange[];
  html: string;
  screenshot: { body: Buffer; mime: string } | null;
}

/** 'inline': a standalone WARC. 'by-digest': the form Baken stores, beside the payloads' blobs. */
export type WarcPayloads = 'inline' | 'by-digest';

export async function buildCaptureWarc(input: WarcInput, payloads: WarcPayloads = 'inline'): Promise<Buffer> {
  const byDigest = payloads === 'by-digest';
  const { meta } = input;
  const records: WARCRecord[] = [
    WARCRecord.createWARCInfo({ filename: 'capture.warc.gz', warcVersion: 'WARC/1.1' }, {
      software: SOFTWARE_VERSION,
      'baken-method': meta.method,
      format: 'WARC File Format 1.1',
      conformsTo: 'https://iso.org/standard/68004.html',
    }),
  ];
  for (const x of [input.document, ...input.data]) records.push(...exchangeRecords(x, false));
  for (const x of input.images) records.push(...exchangeRecords(x, byDigest));
  const at = meta.capturedAt;
  if (input.screenshot) {
    records.push(resource(`urn:baken:screenshot:${meta.finalUrl}`, at, input.screenshot.mime, input.screenshot.body, byDigest));
  }
  records.push(resource(`urn:baken:rendered-dom:${meta.finalUrl}`, at, 'text/html; charset=utf-8', Buffer.from(input.html), byDigest));
  records.push(WARCRecord.create({
    url: meta.finalUrl, date: at, type: 'metadata', warcVersion: 'WARC/1.1',
    warcHeaders: { 'Content-Type': 'application/json' },
  }, [Buffer.from(JSON.stringify(meta))]));

  const parts: Uint8Array[] = [];
  for (const record of records) parts.push(await WARCSerializer.serialize(record, { gzip: true, digest: DIGEST }));
  return Buffer.concat(parts);
}

function exchangeRecords(x: HttpExchange, byDigest: boolean): WARCRecord[] {
  const response = WARCRecord.create({
    url: x.url, date: x.at, type: byDigest ? 'revisit' : 'response', warcVersion: 'WARC/1.1', keepHeadersCase: true,
    statusline: `${httpVersion(x)} ${x.status} ${x.statusText}`.trimEnd(),
    httpHeaders: archivalHeaders(x.responseHeaders, x.body.length),
    warcHeaders: { ...(x.serverIp ? { 'WARC-IP-Address': x.serverIp } : {}), ...(byDigest ? payloadHeaders('response', x.body) : {}) },
  }, byDigest ? [] : [x.body]);
  const responseId = response.warcHeader('WARC-Record-ID')!;
  const target = new URL(x.url);
  const request = WARCRecord.create({
    url: x.url, date: x.at, type: 'request', warcVersion: 'WARC/1.1', keepHeadersCase: true,
    statusline: `${x.method} ${target.pathname}${target.search} ${httpVersion(x)}`,
    httpHeaders: x.requestHeaders.filter(([name]) => !name.startsWith(':')),
    warcHeaders: { 'WARC-Concurrent-To': responseId },
  }, []);
  return [request, response];
}

// HTTP/2 and HTTP/3 have no status line; archives conventionally write them as HTTP/1.1.
function httpVersion(x: HttpExchange): string {
  return /^HTTP\/1\.[01]$/i.test(x.httpVersion) ? x.httpVersion.toUpperCase() : 'HTTP/1.1';
}

function archivalHeaders(headers: [string, string][], length: number): [string, string][] {
  const out = headers.map(([name, value]): [string, string] =>
    (WIRE_HEADERS.has(name.toLowerCase()) ? [`X-Archive-Orig-${name}`, value] : [name, value]));
  out.push(['Content-Length', String(length)]);
  return out;
}

function resource(url: string, date: string, mime: string, body: Buffer, byDigest: boolean): WARCRecord {
  return WARCRecord.create({
    url, date, type: byDigest ? 'revisit' : 'resource', warcVersion: 'WARC/1.1',
    warcHeaders: { 'Content-Type': mime, ...(byDigest ? payloadHeaders('resource', body) : {}) },
  }, byDigest ? [] : [body]);
}

/** A revisit of the identical-payload-digest profile that refers to a blob rather than to an earlier record. */
function payloadHeaders(type: PayloadRecordType, body: Buffer): Record<string, string> {
  return { 'WARC-Payload-Digest': `${DIGEST.prefix}${sha256Hex(body)}`, [PAYLOAD_OF]: type };
}

// Standalone WARC files from the WARCs Baken stores (warc.ts, 'by-digest'): a stored revisit record
// whose payload is a blob becomes, the first time its payload appears in the file, the response or
// resource record it stands for, with the blob as its payload; every later time, a revisit record
// of the identical-payload-digest profile that refers to that first record, as web archives
// deduplicate. Every other record is copied byte for byte.
import { WARCParser, WARCRecord, WARCSerializer, type WARCRecord as Record } from 'warcio';
import { DIGEST, PAYLOAD_OF, type PayloadRecordType } from './warc.ts';

/** Where a payload was first written in the file being made. */
interface Original { id: string; uri: string; date: string }

/** `payload` gives the bytes of a blob by its SHA-256 hex. */
export async function standaloneWarc(stored: Buffer[], payload: (sha256: string) => Promise<Buffer>): Promise<Buffer> {
  const originals = new Map<string, Original>();
  const parts: Uint8Array[] = [];
  for (const warc of stored) {
    const parser = new WARCParser([warc], { keepHeadersCase: true });
    for await (const record of parser) {
      await record.readFully(false);
      const type = record.warcHeader(PAYLOAD_OF) as PayloadRecordType | undefined;
      if (record.warcType !== 'revisit' || type === undefined) {
        parts.push(warc.subarray(parser.offset, parser.offset + parser.recordLength));
        continue;
      }
      const digest = record.warcPayloadDigest!;
      const original = originals.get(digest);
      if (original) parts.push(await WARCSerializer.serialize(revisitOf(record, original), { gzip: true, digest: DIGEST }));
      else {
        const sha = digest.slice(DIGEST.prefix.length);
        parts.push(await WARCSerializer.serialize(originalOf(record, type, await payload(sha)), { gzip: true, digest: DIGEST }));
        originals.set(digest, { id: record.warcHeader('WARC-Record-ID')!, uri: record.warcTargetURI!, date: record.warcDate! });
      }
    }
  }
  return Buffer.concat(parts);
}

/** The record a stored revisit stands for, under the same record id, so the request naming it as
 *  concurrent still points at it. */
function originalOf(stored: Record, type: PayloadRecordType, body: Buffer): Record {
  const ip = stored.warcHeader('WARC-IP-Address');
  const warcHeaders: { [name: string]: string } = { 'WARC-Record-ID': stored.warcHeader('WARC-Record-ID')!, ...(ip ? { 'WARC-IP-Address': ip } : {}) };
  if (type === 'resource') warcHeaders['Content-Type'] = stored.warcContentType!;
  const http = stored.httpHeaders;
  return WARCRecord.create({
    url: stored.warcTargetURI!, date: stored.warcDate!, type, warcVersion: 'WARC/1.1', keepHeadersCase: true, warcHeaders,
    ...(type === 'response' && http ? { statusline: http.statusline, httpHeaders: headerEntries(http.headers) } : {}),
  }, [body]);
}

/** A revisit of the identical-payload-digest profile pointing at the record that holds the payload. */
function revisitOf(stored: Record, original: Original): Record {
  const ip = stored.warcHeader('WARC-IP-Address');
  const http = stored.httpHeaders;
  return WARCRecord.create({
    url: stored.warcTargetURI!, date: stored.warcDate!, type: 'revisit', warcVersion: 'WARC/1.1', keepHeadersCase: true,
    refersToUrl: original.uri, refersToDate: original.date,
    warcHeaders: {
      'WARC-Record-ID': stored.warcHeader('WARC-Record-ID')!, 'WARC-Refers-To': original.id,
      'WARC-Payload-Digest': stored.warcPayloadDigest!, ...(ip ? { 'WARC-IP-Address': ip } : {}),
      ...(http ? {} : { 'Content-Type': stored.warcContentType! }),
    },
    ...(http ? { statusline: http.statusline, httpHeaders: headerEntries(http.headers) } : {}),
  }, []);
}

/** As a list, so that a header sent twice (Set-Cookie) stays twice. */
function headerEntries(headers: { entries(): Iterable<[string, string]> }): [string, string][] {
  return [...headers.entries()];
}

// Reads a WARC back with warcio's own parser and recomputes every record's digests: what `verify`
// and the export tests rely on to say a WARC is intact and readable by standard tools.
import { WARCParser } from 'warcio';
import { sha256Hex } from '../domain/canonical-json.ts';
import { DIGEST, PAYLOAD_OF } from './warc.ts';

export interface WarcRecordSummary { type: string; uri: string | null; ip: string | null; payloadBytes: number }

/** `named`: the SHA-256 of each blob a stored WARC's revisit records name as their payload. */
export async function checkWarc(bytes: Uint8Array): Promise<{ records: WarcRecordSummary[]; problems: string[]; named: string[] }> {
  const records: WarcRecordSummary[] = [];
  const problems: string[] = [];
  const named = new Set<string>();
  for await (const record of WARCParser.iterRecords([bytes], { parseHttp: false })) {
    const block = await record.readFully(false);
    const uri = record.warcTargetURI ?? null;
    const where = `${record.warcType} record ${records.length + 1} (${uri ?? 'no URI'})`;
    const version = record.warcHeaders.protocol ?? '';
    if (version !== 'WARC/1.1') problems.push(`${where}: expected WARC/1.1, found ${version || 'no version'}`);
    const expectBlock = record.warcBlockDigest;
    if (expectBlock && expectBlock !== `sha256:${sha256Hex(block)}`) problems.push(`${where}: block digest does not match`);
    const payload = payloadOf(record.warcType, block);
    const expectPayload = record.warcPayloadDigest;
    // A revisit's payload digest is that of the payload it does not hold (an earlier record's, or a blob's).
    if (expectPayload && record.warcType !== 'revisit' && expectPayload !== `sha256:${sha256Hex(payload)}`) problems.push(`${where}: payload digest does not match`);
    if (record.warcType === 'revisit' && record.warcHeader(PAYLOAD_OF) !== undefined) {
      if (expectPayload?.startsWith(DIGEST.prefix)) named.add(expectPayload.slice(DIGEST.prefix.length));
      else problems.push(`${where}: names its payload without a SHA-256 digest`);
    }
    records.push({ type: record.warcType, uri, ip: record.warcHeader('WARC-IP-Address') ?? null, payloadBytes: payload.length });
  }
  if (records.length === 0) problems.push('no WARC records found');
  return { records, problems, named: [...named] };
}

/** For request and response records the payload follows the HTTP headers; otherwise it is the block. */
function payloadOf(type: string, block: Uint8Array): Uint8Array {
  if (type !== 'response' && type !== 'request') return block;
  const buf = Buffer.from(block);
  const end = buf.indexOf('\r\n\r\n');
  return end < 0 ? new Uint8Array() : buf.subarray(end + 4);
}

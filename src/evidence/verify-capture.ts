// One capture against its signed manifest and its custody log entry, and one blob against its hash.
import { canonicalJson } from '../domain/canonical-json.ts';
import type { Artefact } from '../domain/ad.ts';
import { adId, contentHashOf, imageHashes } from '../domain/ad-keys.ts';
import type { BlobStore, CaptureEvidence } from '../store/store.ts';
import type { CustodyIndex } from './custody-index.ts';
import { signatureValid, type CaptureManifest } from './manifest.ts';
import type { PublicKey } from './signing-key.ts';
import { differences, type Report } from './verify-report.ts';
import { checkWarc } from './warc-check.ts';

/** Whether the blob is sound, and for a WARC the blobs its revisit records name as their payloads. */
export async function checkBlob(report: Report, blobs: BlobStore, sha: string, isWarc: boolean): Promise<{ sound: boolean; named: string[] }> {
  let problems: string[];
  let named: string[] = [];
  try {
    const bytes = await blobs.get(sha);
    const warc = isWarc ? await checkWarc(bytes) : null;
    problems = warc?.problems.map((p) => `WARC: ${p}`) ?? [];
    named = warc?.named ?? [];
  } catch (e) {
    problems = [(e as Error).message];
  }
  report.item(`blob ${sha}`, problems);
  return { sound: problems.length === 0, named };
}

/** `damaged`: the capture's artefacts whose blobs failed their own check; `named`: the blobs its WARC
 *  names as payloads, each of which must be one of its signed artefacts, or an export of the ad
 *  could not be made whole and a purge could erase a payload the WARC still needs. */
export async function checkCapture(report: Report, blobs: BlobStore, key: PublicKey | null, index: CustodyIndex, c: CaptureEvidence,
  damaged: Artefact[], named: string[]): Promise<void> {
  const problems: string[] = damaged.map((a) => `its ${a.kind} ${a.sha256} is damaged or missing`);
  problems.push(...unlistedPayloads(named, c.artefacts).map((sha) => `its WARC names payload ${sha}, which is not among its artefacts`));
  let bytes: Buffer | null = null;
  try { bytes = await blobs.get(c.manifest.sha256); } catch (e) { problems.push(`manifest: ${(e as Error).message}`); }
  if (bytes) problems.push(...manifestProblems(c, bytes, key));
  problems.push(...manifestArtefactProblems(c, bytes));
  if (c.ad.id !== adId(c.ad.theme, c.ad.url)) problems.push('ad id does not derive from its theme and URL');
  if (c.contentHash !== contentHashOf(c.fields, imageHashes(c.artefacts))) problems.push('content hash does not match its fields and images');
  const logged = index.captures.get(c.captureId);
  if (!logged) {
    problems.push(index.purged.has(c.captureId) ? 'the custody log records this capture as purged, but the store still holds it'
      : 'no custody log entry records this capture');
  }
  else {
    problems.push(...differences('the custody log', [
      ['ad', logged.ad, c.ad.id], ['version', logged.version, c.version], ['run', logged.run, c.runId], ['manifest', logged.manifest, c.manifest.sha256],
    ]));
  }
  report.item(`capture ${c.captureId}`, problems);
}

/** The payloads a capture's WARC names that are not among its artefacts. */
export function unlistedPayloads(named: readonly string[], artefacts: readonly Artefact[]): string[] {
  const listed = new Set(artefacts.filter((a) => a.kind !== 'warc' && a.kind !== 'manifest').map((a) => a.sha256));
  return named.filter((sha) => !listed.has(sha));
}

function manifestProblems(c: CaptureEvidence, bytes: Buffer, key: PublicKey | null): string[] {
  const problems: string[] = [];
  if (!key || !signatureValid(bytes, c.manifest.signature, key.publicKey) || key.keyId !== c.manifest.keyId) {
    problems.push('manifest signature is not valid for this installation\'s public key');
  }
  let m: CaptureManifest;
  // A row pointed at another blob (a page, a picture) must be named, not crash verify.
  try { m = JSON.parse(bytes.toString('utf8')) as CaptureManifest; } catch { return [...problems, 'manifest is not valid JSON']; }
  const differs = (what: string, a: unknown, b: unknown) => {
    if (canonicalJson(a) !== canonicalJson(b)) problems.push(`${what} differs from the signed manifest`);
  };
  differs('capture id', m.capture, c.captureId);
  differs('ad id', m.ad, c.ad.id);
  differs('theme, source and URL', [m.theme, m.source, m.url], [c.ad.theme, c.ad.source, c.ad.url]);
  differs('capture time', m.capturedAt, c.capturedAt);
  differs('capture metadata', m.meta, c.meta);
  differs('fields', m.fields, c.fields);
  differs('score and indicator hits', m.assessment, { score: c.score, hits: c.hits });
  differs('perceptual hashes', m.perceptualHashes ?? [], c.perceptualHashes);
  differs('artefact list', m.artefacts, c.artefacts.filter((a) => a.kind !== 'manifest'));
  return problems;
}

/** The manifest cannot sign its own row, so that row must be exactly what the manifest blob is, and last. */
function manifestArtefactProblems(c: CaptureEvidence, bytes: Buffer | null): string[] {
  const own = c.artefacts.filter((a) => a.kind === 'manifest');
  // An unreadable manifest is reported above; its size is then taken on trust rather than reported twice.
  const size = bytes?.length ?? own[0]?.bytes ?? 0;
  const expected: Artefact = { kind: 'manifest', sha256: c.manifest.sha256, mime: 'application/json', bytes: size };
  if (own.length === 0) return ['the manifest is not among its artefacts'];
  if (canonicalJson(own) !== canonicalJson([expected])) return ['the manifest\'s artefact row does not describe the manifest (kind, hash, type and size)'];
  if (c.artefacts.at(-1)?.kind !== 'manifest') return ['the manifest\'s artefact row is not the last of its artefacts'];
  return [];
}

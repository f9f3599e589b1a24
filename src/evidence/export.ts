// Exports for third parties: a WARC of selected captures, and a self-contained bundle of one ad
// that anyone can check with sha256sum and openssl, without Baken. These make the artefact; it
// leaves (and gets its custody entry, `recordExportCustody`) only when an approved request is
// downloaded (src/services/export.service.ts).
import { sha256Hex } from '../domain/canonical-json.ts';
import { BakenError } from '../domain/errors.ts';
import type { BlobStore, CaptureEvidence, Store } from '../store/store.ts';
import { loadPublicKey } from './signing-key.ts';
import { bundleReadme } from './bundle-readme.ts';
import type { LogAnchor } from './log-anchor.ts';
import { tarArchive } from './tar.ts';
import { standaloneWarc } from './warc-payloads.ts';

/** `themes`: only the captures of these themes' ads leave. */
interface Deps { store: Store; blobs: BlobStore; dataDir: string; themes: readonly string[] }

/** An export's bytes and the captures it carries. */
export interface EvidenceArtefact { bytes: Buffer; captures: string[] }

async function capturesOf(deps: Deps, adId?: string): Promise<CaptureEvidence[]> {
  return (await deps.store.evidence(adId)).filter((c) => deps.themes.includes(c.ad.theme));
}

/** All captures (every version) of the selected ad, or of all ads of the themes, as one WARC file. */
export async function warcExport(deps: Deps, adId?: string): Promise<EvidenceArtefact> {
  const captures = (await capturesOf(deps, adId)).filter((c) => c.artefacts.some((a) => a.kind === 'warc'));
  if (adId && captures.length === 0) throw new BakenError('NOT_FOUND', `no WARC captures of ad ${adId}`);
  const stored: Buffer[] = [];
  for (const c of captures) stored.push(await deps.blobs.get(c.artefacts.find((a) => a.kind === 'warc')!.sha256));
  return { bytes: await standaloneWarc(stored, (sha) => deps.blobs.get(sha)), captures: captures.map((c) => c.captureId) };
}

/** The latest capture of one ad as plain files with checksums, signature and public key, in one
 *  tar archive (unpacked, `sha256sum -c SHA256SUMS` checks it). */
export async function bundleExport(deps: Deps, adId: string, at: Date): Promise<EvidenceArtefact> {
  const captures = await capturesOf(deps, adId);
  if (captures.length === 0) throw new BakenError('NOT_FOUND', `no ad ${adId}`);
  const c = captures.reduce((a, b) => (b.version > a.version ? b : a));
  const files = new Map<string, Buffer>();
  let image = 0;
  for (const a of c.artefacts) {
    const bytes = await deps.blobs.get(a.sha256);
    files.set(artefactFileName(a.kind, a.mime, a.kind === 'image' ? ++image : 0), bytes);
    // The signed WARC names its payloads by digest (the files beside it); this one holds them.
    if (a.kind === 'warc') files.set(STANDALONE_WARC, await standaloneWarc([bytes], (sha) => deps.blobs.get(sha)));
  }
  files.set('manifest.sig', Buffer.from(c.manifest.signature, 'base64'));
  files.set('public-key.pem', Buffer.from(loadPublicKey(deps.dataDir).pem));
  files.set('metadata.json', Buffer.from(`${JSON.stringify(bundleMetadata(c), null, 2)}\n`));
  files.set('README.txt', Buffer.from(bundleReadme(c)));
  const sums = [...files].map(([name, bytes]) => `${sha256Hex(bytes)}  ${name}`).join('\n');
  files.set('SHA256SUMS', Buffer.from(`${sums}\n`));
  return { bytes: tarArchive(files, at), captures: [c.captureId] };
}

/** What left Baken, in the custody log, anchored at once: it is in a signed checkpoint before the
 *  download is handed over. */
export async function recordExportCustody(deps: { store: Store; anchor: LogAnchor }, entry: { request: string; kind: string; captures: string[]; sha256: string }): Promise<void> {
  await deps.store.appendLog('custody', { action: 'export', format: entry.kind, request: entry.request, captures: entry.captures, sha256: entry.sha256 });
  await deps.anchor.checkpoint();
}

const STANDALONE_WARC = 'capture-standalone.warc.gz';

/** How the bundle names an artefact; the official report names the files alike. */
export function artefactFileName(kind: string, mime: string, n: number): string {
  switch (kind) {
    case 'manifest': return 'manifest.json';
    case 'warc': return 'capture.warc.gz';
    case 'html': return 'rendered.html';
    case 'screenshot': return `screenshot.${mime.endsWith('png') ? 'png' : 'jpg'}`;
    default: return `image-${n}.${mime.includes('png') ? 'png' : 'jpg'}`;
  }
}

function bundleMetadata(c: CaptureEvidence) {
  return {
    ad: c.ad.id, capture: c.captureId, version: c.version, theme: c.ad.theme, source: c.ad.source, url: c.ad.url,
    capturedAt: c.capturedAt, firstSeen: c.ad.firstSeen, lastSeen: c.ad.lastSeen, goneAt: c.ad.goneAt,
    meta: c.meta, fields: c.fields, keyId: c.manifest.keyId,
  };
}

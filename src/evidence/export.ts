// Exports for third parties: a WARC of selected captures, and a self-contained bundle of one ad
// that anyone can check with sha256sum and openssl, without Baken. Every export is a custody event.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../domain/canonical-json.ts';
import { BakenError } from '../domain/errors.ts';
import type { BlobStore, CaptureEvidence, Store } from '../store/store.ts';
import { loadPublicKey } from './signing-key.ts';
import { bundleReadme } from './bundle-readme.ts';
import type { LogAnchor } from './log-anchor.ts';

/** `themes`: only the captures of these themes' ads leave. An export is anchored at once: what
 *  left Baken is in a signed checkpoint before the command ends. */
interface Deps { store: Store; blobs: BlobStore; dataDir: string; themes: readonly string[]; anchor: LogAnchor }

async function capturesOf(deps: Deps, adId?: string): Promise<CaptureEvidence[]> {
  return (await deps.store.evidence(adId)).filter((c) => deps.themes.includes(c.ad.theme));
}

/** All captures (every version) of the selected ads, or of all ads, as one WARC file. */
export async function exportWarc(deps: Deps, out: string, adId?: string): Promise<{ captures: number; bytes: number }> {
  const captures = (await capturesOf(deps, adId)).filter((c) => c.artefacts.some((a) => a.kind === 'warc'));
  if (adId && captures.length === 0) throw new BakenError('NOT_FOUND', `no WARC captures of ad ${adId}`);
  const parts: Buffer[] = [];
  for (const c of captures) parts.push(await deps.blobs.get(c.artefacts.find((a) => a.kind === 'warc')!.sha256));
  const file = Buffer.concat(parts);
  writeFileSync(out, file, { mode: 0o600 });
  await deps.store.appendLog('custody', {
    action: 'export', format: 'warc', captures: captures.map((c) => c.captureId), sha256: sha256Hex(file),
  });
  await deps.anchor.checkpoint();
  return { captures: captures.length, bytes: file.length };
}

/** The latest capture of one ad as plain files with checksums, signature and public key. */
export async function exportBundle(deps: Deps, adId: string, dir: string): Promise<{ files: string[] }> {
  const captures = await capturesOf(deps, adId);
  if (captures.length === 0) throw new BakenError('NOT_FOUND', `no ad ${adId}`);
  const c = captures.reduce((a, b) => (b.version > a.version ? b : a));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = new Map<string, Buffer>();
  let image = 0;
  for (const a of c.artefacts) {
    files.set(artefactFileName(a.kind, a.mime, a.kind === 'image' ? ++image : 0), await deps.blobs.get(a.sha256));
  }
  files.set('manifest.sig', Buffer.from(c.manifest.signature, 'base64'));
  files.set('public-key.pem', Buffer.from(loadPublicKey(deps.dataDir).pem));
  files.set('metadata.json', Buffer.from(`${JSON.stringify(bundleMetadata(c), null, 2)}\n`));
  files.set('README.txt', Buffer.from(bundleReadme(c)));
  const sums = [...files].map(([name, bytes]) => `${sha256Hex(bytes)}  ${name}`).join('\n');
  files.set('SHA256SUMS', Buffer.from(`${sums}\n`));
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes, { mode: 0o600 });
  await deps.store.appendLog('custody', { action: 'export', format: 'bundle', captures: [c.captureId], sha256: sha256Hex(sums) });
  await deps.anchor.checkpoint();
  return { files: [...files.keys()] };
}

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

// What a crawl wrote, against what it captured (issue 17's goal: bytes written per kept ad ≤ 1.1×
// the unique bytes captured for it plus its screenshot). Read from the blob store after the run:
// every blob is written once, so its size is what was written; the signed manifests say which
// captured payloads (page, screenshot, photos) the kept ads hold.
import { MANIFEST_FORMAT, type CaptureManifest } from '../src/evidence/manifest.ts';
import type { BlobStore } from '../src/store/store.ts';

export interface StoredBytes { kept: number; written: number; captured: number }

const CAPTURED: ReadonlySet<string> = new Set(['html', 'screenshot', 'image']);

export async function storedBytes(blobs: BlobStore): Promise<StoredBytes> {
  let written = 0;
  let kept = 0;
  const captured = new Map<string, number>();
  for await (const hash of blobs.list()) {
    const bytes = await blobs.get(hash);
    written += bytes.length;
    const manifest = manifestIn(bytes);
    if (!manifest) continue;
    kept++;
    for (const a of manifest.artefacts) if (CAPTURED.has(a.kind)) captured.set(a.sha256, a.bytes);
  }
  return { kept, written, captured: [...captured.values()].reduce((sum, n) => sum + n, 0) };
}

function manifestIn(bytes: Buffer): CaptureManifest | null {
  if (bytes[0] !== 0x7b) return null;
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as Partial<CaptureManifest>;
    return parsed.format === MANIFEST_FORMAT ? parsed as CaptureManifest : null;
  } catch {
    return null;
  }
}

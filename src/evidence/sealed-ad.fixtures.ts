// Test data for verify and retention: ads sealed as a crawl seals them (blobs, signed manifest, custody
// entries), without a browser, so checks on a real data directory need no crawl.
import { randomUUID } from 'node:crypto';
import type { Artefact, CaptureMeta, HttpExchange } from '../domain/ad.ts';
import { sha256Hex } from '../domain/canonical-json.ts';
import { adId } from '../domain/ad-keys.ts';
import type { IndicatorHit } from '../domain/indicator-hit.ts';
import type { BlobStore, Store } from '../store/store.ts';
import { MANIFEST_FORMAT, manifestBytes, signBytes } from './manifest.ts';
import { loadOrCreateSigningKey } from './signing-key.ts';
import { buildCaptureWarc } from './warc.ts';

const SOFTWARE = 'baken 0.1.0-test';

export interface SealedAd { adId: string; captureId: string; blobs: string[] }

/**
 * An ad to seal. `pictures`: the perceptual hashes of its pictures; `phones` and `hits`: what the
 * analysis found in it — each sealed in the manifest as a crawl seals them.
 */
export interface AdToSeal {
  url: string; seenAt: string; page?: string; pictures?: string[]; phones?: string[]; hits?: IndicatorHit[];
  /** JPEG bytes of the ad's photos: stored as image blobs with a WARC that names them, as a crawl stores them. */
  photos?: Buffer[];
}

/** A finished run of the theme, as `baken crawl` leaves one; `startedAt` defaults to the first day of
 *  2025; `unfinished`: a run still under way, its ads kept but the run not yet finished. */
export async function sealedRun(store: Store, theme: string, ads: AdToSeal[],
  deps: { blobs: BlobStore; dataDir: string }, run: { startedAt?: string; unfinished?: boolean } = {}): Promise<SealedAd[]> {
  const startedAt = run.startedAt ?? '2025-01-01T00:00:00.000Z';
  const runId = await store.startRun({ theme, source: 'demo-classic', startedAt, softwareVersion: SOFTWARE });
  const sealed: SealedAd[] = [];
  for (const ad of ads) sealed.push(await sealAd(store, deps, runId, theme, ad));
  const at = ads.map((a) => a.seenAt).sort().at(-1) ?? startedAt;
  if (!run.unfinished) await store.finishRun(runId, { captured: ads.length, kept: ads.length, deleted: 0, failed: 0 }, at);
  return sealed;
}

async function sealAd(store: Store, deps: { blobs: BlobStore; dataDir: string }, runId: string, theme: string,
  ad: AdToSeal): Promise<SealedAd> {
  const key = loadOrCreateSigningKey(deps.dataDir);
  const page = Buffer.from(ad.page ?? `<html><body>advertentie ${ad.url}</body></html>`);
  const shot = Buffer.from(`screenshot of ${ad.url}`);
  const artefacts: Artefact[] = [
    { kind: 'html', sha256: await deps.blobs.put(page), mime: 'text/html; charset=utf-8', bytes: page.length },
    { kind: 'screenshot', sha256: await deps.blobs.put(shot), mime: 'image/png', bytes: shot.length },
  ];
  const meta: CaptureMeta = {
    requestedUrl: ad.url, finalUrl: ad.url, capturedAt: ad.seenAt, status: 200, headers: { 'content-type': 'text/html' },
    serverIp: '127.0.0.1', tls: null, userAgent: 'Mozilla/5.0 (test)', softwareVersion: SOFTWARE, method: 'test fixture',
  };
  if (ad.photos) artefacts.push(...await photoArtefacts(deps.blobs, meta, page, shot, ad.photos));
  const captureId = randomUUID();
  const fields = { title: 'Nieuw in de stad', city: 'Utrecht', ...(ad.phones ? { phones: ad.phones } : {}) };
  const hits = ad.hits ?? [];
  const bytes = manifestBytes({
    format: MANIFEST_FORMAT, capture: captureId, ad: adId(theme, ad.url), theme, source: 'demo-classic', url: ad.url,
    capturedAt: ad.seenAt, softwareVersion: SOFTWARE, configHash: 'test', keyId: key.keyId, meta, fields,
    assessment: { score: 3, hits }, ...(ad.pictures ? { perceptualHashes: ad.pictures } : {}), artefacts,
  });
  const manifestSha = await deps.blobs.put(bytes);
  const saved = await store.saveAd({
    runId, captureId, theme, source: 'demo-classic', url: ad.url, meta, fields, score: 3, hits, perceptualHashes: ad.pictures ?? [],
    artefacts: [...artefacts, { kind: 'manifest', sha256: manifestSha, mime: 'application/json', bytes: bytes.length }],
    manifest: { sha256: manifestSha, signature: signBytes(bytes, key.privateKey), keyId: key.keyId },
  });
  return { adId: saved.adId, captureId, blobs: [...artefacts.map((a) => a.sha256), manifestSha] };
}

/** The photos as image blobs, and the capture's WARC naming them (and the page and screenshot) by digest. */
async function photoArtefacts(blobs: BlobStore, meta: CaptureMeta, page: Buffer, shot: Buffer, photos: Buffer[]): Promise<Artefact[]> {
  const exchange = (url: string, body: Buffer, type: string): HttpExchange => ({
    url, method: 'GET', requestHeaders: [['User-Agent', meta.userAgent]], httpVersion: 'HTTP/1.1', status: 200, statusText: 'OK',
    responseHeaders: [['Content-Type', type]], body, serverIp: '127.0.0.1', at: meta.capturedAt,
  });
  const images = photos.map((body) => exchange(`https://ads.example/img/${sha256Hex(body).slice(0, 12)}.jpg`, body, 'image/jpeg'));
  const artefacts: Artefact[] = [];
  for (const x of images) artefacts.push({ kind: 'image', sha256: await blobs.put(x.body), mime: 'image/jpeg', bytes: x.body.length, url: x.url });
  const warc = await buildCaptureWarc({
    meta, document: exchange(meta.finalUrl, page, 'text/html'), data: [], images, html: page.toString('utf8'),
    screenshot: { body: shot, mime: 'image/png' },
  }, 'by-digest');
  artefacts.push({ kind: 'warc', sha256: await blobs.put(warc), mime: 'application/warc', bytes: warc.length });
  return artefacts;
}

// What happens to an ad the gate keeps: it is reduced to what its theme may keep, sealed (WARC,
// signed manifest) and stored, or only sighted when it has not changed since its last capture.
import { randomUUID } from 'node:crypto';
import type { AdFields, Artefact, HttpExchange } from '../domain/ad.ts';
import { sha256Hex } from '../domain/canonical-json.ts';
import { headerOf } from '../domain/http-headers.ts';
import type { Assessment } from '../domain/indicator-hit.ts';
import { allowedFields, allowedImageUrls } from '../domain/minimise.ts';
import type { PageCapture } from '../capture/capture-page.ts';
import { buildCaptureWarc } from '../evidence/warc.ts';
import { MANIFEST_FORMAT, manifestBytes, signBytes, type CaptureManifest } from '../evidence/manifest.ts';
import { adId, contentHashOf } from '../domain/ad-keys.ts';
import { faultPoint } from './fault-points.ts';
import type { GateContext } from './gate-context.ts';

/** `fields` are all the fields extracted; `pictures` the perceptual hashes of the ad's own images. */
export async function sealAndStore(ctx: GateContext, capture: PageCapture, fields: AdFields, assessment: Assessment,
  pictures: string[]): Promise<void> {
  const kept = allowedFields(fields, ctx.policy);
  const images = allowedImageUrls(fields, ctx.policy)
    .map((url) => capture.images.get(url)).filter((x): x is HttpExchange => x !== undefined);
  const perceptualHashes = ctx.policy.images ? pictures : [];
  const url = capture.meta.requestedUrl;
  const contentHash = contentHashOf(kept, images.map((x) => sha256Hex(x.body)));
  const seenAt = capture.meta.capturedAt;
  if (await ctx.store.sightIfUnchanged({ runId: ctx.runId, theme: ctx.theme, url, contentHash, seenAt })) return;

  const artefacts = await writeArtefacts(ctx, capture, images);
  const captureId = randomUUID();
  const manifest = buildManifest(ctx, capture, captureId, kept, assessment, perceptualHashes, artefacts);
  const bytes = manifestBytes(manifest);
  const signature = signBytes(bytes, ctx.key.privateKey);
  const manifestSha = await ctx.blobs.put(bytes);
  faultPoint('before-commit');
  await ctx.store.saveAd({
    runId: ctx.runId, captureId, theme: ctx.theme, source: ctx.source, url, meta: capture.meta, fields: kept,
    artefacts: [...artefacts, { kind: 'manifest', sha256: manifestSha, mime: 'application/json', bytes: bytes.length }],
    score: assessment.score, hits: assessment.hits, perceptualHashes,
    manifest: { sha256: manifestSha, signature, keyId: ctx.key.keyId },
  });
}

async function writeArtefacts(ctx: GateContext, capture: PageCapture, images: HttpExchange[]): Promise<Artefact[]> {
  const artefacts: Artefact[] = [];
  const put = async (kind: Artefact['kind'], body: Buffer, mime: string, url?: string) => {
    artefacts.push({ kind, sha256: await ctx.blobs.put(body), mime, bytes: body.length, ...(url ? { url } : {}) });
  };
  const screenshotMime = `image/${ctx.policy.screenshot}`;
  if (ctx.policy.html) await put('html', Buffer.from(capture.html), 'text/html; charset=utf-8');
  if (capture.screenshot) await put('screenshot', capture.screenshot, screenshotMime);
  for (const x of images) await put('image', x.body, headerOf(x.responseHeaders, 'content-type') ?? 'application/octet-stream', x.url);
  // The WARC holds the page as served, so a theme that may not keep HTML gets none. It names the
  // screenshot, the images and the rendered DOM by digest: their bytes are the blobs put above.
  if (ctx.policy.html) {
    const warc = await buildCaptureWarc({
      meta: capture.meta, document: capture.document, data: capture.data, images, html: capture.html,
      screenshot: capture.screenshot ? { body: capture.screenshot, mime: screenshotMime } : null,
    }, 'by-digest');
    await put('warc', warc, 'application/warc');
  }
  return artefacts;
}

function buildManifest(ctx: GateContext, capture: PageCapture, captureId: string, fields: AdFields,
  assessment: Assessment, perceptualHashes: string[], artefacts: Artefact[]): CaptureManifest {
  const url = capture.meta.requestedUrl;
  return {
    format: MANIFEST_FORMAT, capture: captureId, ad: adId(ctx.theme, url), theme: ctx.theme, source: ctx.source, url,
    capturedAt: capture.meta.capturedAt, softwareVersion: capture.meta.softwareVersion, configHash: ctx.configHash,
    keyId: ctx.key.keyId, meta: capture.meta, fields, assessment: { score: assessment.score, hits: assessment.hits }, perceptualHashes, artefacts,
  };
}

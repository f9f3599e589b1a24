// The minimisation gate. An ad is analysed right after capture, while it exists only in memory.
// Below the threshold nothing of it is written anywhere; only the count survives.
import type { Artefact } from '../domain/ad.ts';
import { allowedFields, allowedImageUrls, type StorePolicy } from '../domain/minimise.ts';
import type { Extractor } from '../config/schema.ts';
import type { CompiledProfile } from '../analyse/compile-profile.ts';
import { assess } from '../analyse/assess.ts';
import { extractFields } from '../extract/extract-fields.ts';
import type { PageCapture } from '../capture/capture-page.ts';
import type { BlobStore, Store } from '../store/store.ts';

export interface GateContext {
  runId: string;
  theme: string;
  source: string;
  extractor: Extractor;
  profile: CompiledProfile;
  policy: StorePolicy;
  store: Store;
  blobs: BlobStore;
}

export async function keepOrDelete(ctx: GateContext, capture: PageCapture): Promise<'kept' | 'deleted'> {
  const fields = extractFields(capture.html, capture.meta.finalUrl, ctx.extractor);
  const assessment = assess(ctx.profile, fields);
  if (!assessment.kept) return 'deleted';

  const artefacts: Artefact[] = [];
  const put = async (kind: Artefact['kind'], body: Buffer, mime: string, url?: string) => {
    artefacts.push({ kind, sha256: await ctx.blobs.put(body), mime, bytes: body.length, ...(url ? { url } : {}) });
  };
  if (ctx.policy.html) await put('html', Buffer.from(capture.html), 'text/html; charset=utf-8');
  if (capture.screenshot) await put('screenshot', capture.screenshot, `image/${ctx.policy.screenshot}`);
  for (const url of allowedImageUrls(fields, ctx.policy)) {
    const image = capture.images.get(url);
    if (image) await put('image', image.body, image.mime, url);
  }
  await ctx.store.saveAd({
    runId: ctx.runId, theme: ctx.theme, source: ctx.source, url: capture.meta.requestedUrl,
    meta: capture.meta, fields: allowedFields(fields, ctx.policy), artefacts,
    score: assessment.score, hits: assessment.hits,
  });
  return 'kept';
}

// The minimisation gate. An ad is analysed right after capture, while it exists only in memory.
// If it cannot reach the threshold, nothing of it is written anywhere; only the count survives. If it
// can only be judged together with the other ads of the run, it waits in staging (settle-run.ts).
import { deserialize, serialize } from 'node:v8';
import type { AdFields, HttpExchange } from '../domain/ad.ts';
import { assess } from '../analyse/assess.ts';
import { extractionOutcome, type ExtractionOutcome } from '../analyse/extraction-yield.ts';
import type { AnalysisInput } from '../domain/analysis-input.ts';
import type { Assessment } from '../domain/indicator-hit.ts';
import { perceptualHashes } from '../analyse/image-hash.ts';
import { gateDecision, type GateDecision } from '../analyse/staging.ts';
import { extractFields } from '../extract/extract-fields.ts';
import { PageFailure, type PageCapture } from '../capture/capture-page.ts';
import { adId } from '../domain/ad-keys.ts';
import { faultPoint } from './fault-points.ts';
import type { GateContext } from './gate-context.ts';
import { sealAndStore } from './seal-and-store.ts';

export type GateOutcome = 'kept' | 'deleted' | 'staged';

/** What the gate makes of an ad on its own, from its rendered page alone. */
export interface Judgement { fields: AdFields; extraction: ExtractionOutcome; onItsOwn: Assessment; decision: GateDecision }

/** Judged while the page is still only in the browser: the capture asks before it takes the
 *  screenshot, so an ad that will be deleted is never rendered to an image at all. */
export function judge(ctx: GateContext, html: string, url: string): Judgement {
  const fields = extractFields(html, url, ctx.extractor);
  const extraction = extractionOutcome(fields, ctx.extractor);
  const onItsOwn = assess(ctx.profile, fields);
  // A page the extractor no longer understands (a changed page structure) is no ad anyone can
  // judge: deleted, even where the profile keeps every ad; its run raises a yield alert instead.
  return { fields, extraction, onItsOwn, decision: extraction === 'empty' ? 'delete' : gateDecision(ctx.profile, onItsOwn) };
}

/** `market` collects the city and prices of every ad captured, the run's market for the price
 *  indicator; it stays in memory and holds nothing else. `judged`: the judgement the capture asked
 *  for before its screenshot, where it asked. */
export async function keepOrDelete(ctx: GateContext, capture: PageCapture, market: AdFields[],
  judged = judge(ctx, capture.html, capture.meta.finalUrl)): Promise<GateOutcome> {
  const { fields, extraction, onItsOwn, decision } = judged;
  await ctx.store.countExtraction(ctx.runId, ctx.source, extraction);
  if (extraction === 'empty') return 'deleted';
  market.push(marketFigures(fields));
  if (decision === 'delete') return 'deleted';
  if (ctx.policy.screenshot !== 'none' && capture.screenshot === null) {
    throw new PageFailure('the capture holds no screenshot of an ad the gate may keep', true);
  }
  const pictures = await picturesOf(ctx, capture, fields);
  if (decision === 'keep') {
    await sealAndStore(ctx, capture, fields, onItsOwn, pictures);
    return 'kept';
  }
  const url = capture.meta.requestedUrl;
  const features: AnalysisInput = {
    id: adId(ctx.theme, url), fields, seen: capture.meta.capturedAt, ...(pictures.length > 0 ? { imageHashes: pictures } : {}),
  };
  const stagedAt = ctx.now();
  await ctx.store.stage({
    runId: ctx.runId, theme: ctx.theme, url, features, capture: packStaged({ source: ctx.source, capture }),
    owner: ctx.staging.owner, stagedAt: stagedAt.toISOString(), expiresAt: new Date(stagedAt.getTime() + ctx.staging.windowMs).toISOString(),
  });
  faultPoint('after-staging');
  return 'staged';
}

function marketFigures(fields: AdFields): AdFields {
  return { ...(fields.city !== undefined ? { city: fields.city } : {}), ...(fields.prices ? { prices: fields.prices } : {}) };
}

/** Perceptual hashes of the ad's own pictures, where the profile compares pictures or the theme keeps them. */
async function picturesOf(ctx: GateContext, capture: PageCapture, fields: AdFields): Promise<string[]> {
  const compares = ctx.profile.crossAd.some(({ rule }) => rule.signal === 'shared-image' || rule.signal === 'movement');
  if (!compares && !ctx.policy.images) return [];
  const bodies = (fields.images ?? []).map((u) => capture.images.get(u)).filter((x): x is HttpExchange => x !== undefined);
  return perceptualHashes(bodies.map((x) => x.body));
}

export interface StagedCapture { source: string; capture: PageCapture }

// v8's own format keeps the Buffers and the Map of a capture as they are; only Baken reads it back.
export function packStaged(staged: StagedCapture): Uint8Array {
  return serialize(staged);
}

export function unpackStaged(bytes: Uint8Array): StagedCapture {
  return deserialize(bytes) as StagedCapture;
}

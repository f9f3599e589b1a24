// What every store adapter checks before writing. Origin and method of each stored item are a legal
// requirement (Wpg art. 3(5)): an item without them is refused whole, with every gap named at once.
import { BakenError } from '../domain/errors.ts';
import type { KeptAd, RunCounts, RunFailure, RunStart, StagedAd } from './store.ts';

const SHA256 = /^[0-9a-f]{64}$/;
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const ARTEFACT_KINDS = new Set(['html', 'screenshot', 'image', 'warc', 'manifest']);
const PERCEPTUAL_HASH = /^[0-9a-f]{16}$/;
const COUNT_NAMES = ['captured', 'kept', 'deleted', 'failed'] as const;

export function assertKeptAd(ad: KeptAd): void {
  const problems: string[] = [];
  const need = (ok: boolean, problem: string) => { if (!ok) problems.push(problem); };
  need(isText(ad.theme), 'theme: missing');
  need(isText(ad.source), 'source: missing');
  need(isText(ad.runId), 'runId: missing');
  need(isText(ad.captureId), 'captureId: missing');
  const m = isObject(ad.manifest) ? ad.manifest : null;
  need(m !== null && typeof m.sha256 === 'string' && SHA256.test(m.sha256), 'manifest.sha256: expected the SHA-256 of the signed manifest');
  need(m !== null && isText(m.signature), 'manifest.signature: missing (captures are stored signed only)');
  need(m !== null && typeof m.keyId === 'string' && SHA256.test(m.keyId), 'manifest.keyId: expected the SHA-256 of the signing key');
  need(isHttpUrl(ad.url), 'url: missing or not an http(s) URL (the source URL of the ad)');
  const meta = isObject(ad.meta) ? ad.meta : null;
  need(meta !== null, 'meta: missing (capture time, software version, method, requested URL)');
  if (meta) {
    need(isUtcTime(meta.capturedAt), 'meta.capturedAt: missing or not an ISO 8601 UTC time ending in Z (capture time)');
    need(isText(meta.softwareVersion), 'meta.softwareVersion: missing (software version)');
    need(isText(meta.method), 'meta.method: missing (how the ad was obtained)');
    need(isHttpUrl(meta.requestedUrl), 'meta.requestedUrl: missing or not an http(s) URL (requested URL)');
  }
  need(isObject(ad.fields), 'fields: expected an object');
  need(typeof ad.score === 'number' && Number.isFinite(ad.score), 'score: expected a finite number');
  need(Array.isArray(ad.hits), 'hits: expected an array');
  need(Array.isArray(ad.perceptualHashes) && ad.perceptualHashes.every((h) => PERCEPTUAL_HASH.test(h)),
    'perceptualHashes: expected an array of 16 lower-case hex digits each');
  if (!Array.isArray(ad.artefacts)) {
    problems.push('artefacts: expected an array');
  } else {
    ad.artefacts.forEach((a, i) => {
      need(isObject(a) && typeof a.sha256 === 'string' && SHA256.test(a.sha256), `artefacts[${i}].sha256: expected 64 lower-case hex characters`);
      need(isObject(a) && ARTEFACT_KINDS.has(a.kind), `artefacts[${i}].kind: expected html, screenshot, image, warc or manifest`);
      need(isObject(a) && isText(a.mime), `artefacts[${i}].mime: missing`);
      need(isObject(a) && Number.isSafeInteger(a.bytes) && a.bytes >= 0, `artefacts[${i}].bytes: expected a byte count`);
    });
  }
  if (problems.length > 0) {
    // The URL is left out on purpose: error messages end up in logs, ad details must not.
    throw new BakenError('STORE_REJECTED', `refused to store an ad of theme ${JSON.stringify(ad.theme)}, `
      + `source ${JSON.stringify(ad.source)} (origin and method are required, Wpg art. 3(5)): ${problems.join('; ')}`);
  }
}

export function assertStagedAd(ad: StagedAd): void {
  const problems: string[] = [];
  if (!isText(ad.runId)) problems.push('runId: missing');
  if (!isText(ad.theme)) problems.push('theme: missing');
  if (!isHttpUrl(ad.url)) problems.push('url: missing or not an http(s) URL');
  if (!isText(ad.owner)) problems.push('owner: missing');
  if (!isUtcTime(ad.stagedAt)) problems.push('stagedAt: missing or not an ISO 8601 UTC time ending in Z');
  if (!isUtcTime(ad.expiresAt) || ad.expiresAt < ad.stagedAt) problems.push('expiresAt: expected a UTC time not before stagedAt');
  if (!(ad.capture instanceof Uint8Array) || ad.capture.length === 0) problems.push('capture: expected the captured bytes');
  if (!isObject(ad.features) || !isObject(ad.features.fields)) problems.push('features.fields: expected an object');
  if (problems.length > 0) throw new BakenError('STORE_REJECTED', `refused to stage an ad of theme ${JSON.stringify(ad.theme)}: ${problems.join('; ')}`);
}

export function assertRunStart(run: RunStart): void {
  const problems: string[] = [];
  if (!isText(run.theme)) problems.push('theme: missing');
  if (run.source !== null && !isText(run.source)) problems.push('source: expected a name or null');
  if (!isUtcTime(run.startedAt)) problems.push('startedAt: missing or not an ISO 8601 UTC time ending in Z');
  if (!isText(run.softwareVersion)) problems.push('softwareVersion: missing');
  if (problems.length > 0) throw new BakenError('STORE_REJECTED', `refused to start a run: ${problems.join('; ')}`);
}

export function assertFinish(counts: RunCounts, finishedAt: string): void {
  const problems = COUNT_NAMES
    .filter((name) => !Number.isSafeInteger(counts[name]) || counts[name] < 0)
    .map((name) => `${name}: expected a count (a whole number of 0 or more)`);
  if (!isUtcTime(finishedAt)) problems.push('finishedAt: missing or not an ISO 8601 UTC time ending in Z');
  if (problems.length > 0) throw new BakenError('STORE_REJECTED', `refused to finish a run: ${problems.join('; ')}`);
}

export function assertFailure(failure: RunFailure): void {
  const problems: string[] = [];
  if (!isText(failure.source)) problems.push('source: missing');
  if (!isText(failure.url)) problems.push('url: missing');
  if (!isText(failure.reason)) problems.push('reason: missing');
  if (!Number.isSafeInteger(failure.attempts) || failure.attempts < 1) problems.push('attempts: expected a whole number of 1 or more');
  if (problems.length > 0) throw new BakenError('STORE_REJECTED', `refused to record a failure: ${problems.join('; ')}`);
}

/** One spelling per instant (milliseconds, Z), so stored times sort as text. */
export function normaliseUtc(time: string): string {
  return new Date(time).toISOString();
}

function isUtcTime(value: unknown): value is string {
  if (typeof value !== 'string' || !UTC_TIME.test(value)) return false;
  const date = new Date(value);
  // Date rolls 2025-02-30 over into March; a real capture time names a real day.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === value.slice(0, 19);
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  const protocol = new URL(value).protocol;
  return protocol === 'http:' || protocol === 'https:';
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isObject(value: unknown): value is Record<string, unknown> & object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

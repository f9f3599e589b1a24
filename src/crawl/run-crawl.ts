// The crawler: for one theme, visits each configured source, captures every ad it lists, and sends
// each capture through the minimisation gate. Reads like the pipeline it runs.
import { hostname } from 'node:os';
import type { Config } from '../config/load.ts';
import type { Source, Theme } from '../config/schema.ts';
import { BakenError } from '../domain/errors.ts';
import { assertPurposeCovers } from '../domain/purpose.ts';
import { compileProfile } from '../analyse/compile-profile.ts';
import { errorSummary, PageFailure } from '../capture/capture-page.ts';
import type { CaptureBrowser, CaptureSession } from '../capture/capture-session.ts';
import type { Discovery } from '../capture/discover-ads.ts';
import { addressPolicy } from '../domain/private-addresses.ts';
import { loadOrCreateSigningKey } from '../evidence/signing-key.ts';
import { canonicalJson, sha256Hex } from '../domain/canonical-json.ts';
import type { AdFields } from '../domain/ad.ts';
import type { BlobStore, RunCounts, Store } from '../store/store.ts';
import { SOFTWARE_VERSION } from '../version.ts';
import { urlRef, type Log } from '../log.ts';
import { forEachBounded, HostPacer, withRetries } from './pacing.ts';
import type { GateContext } from './gate-context.ts';
import { keepOrDelete } from './keep-or-delete.ts';
import { settleRun } from './settle-run.ts';

export interface CrawlDeps {
  dataDir: string;
  config: Config;
  store: Store;
  blobs: BlobStore;
  browser: CaptureBrowser;
  log: Log;
  now?: () => Date;
  onProgress?: (p: { source: string; done: number; total: number }) => void;
}

export interface CrawlSummary extends RunCounts { run: string; durationMs: number }

export interface CrawlRequest { theme: string; source?: string }

export async function runCrawl(deps: CrawlDeps, request: CrawlRequest): Promise<CrawlSummary> {
  const started = performance.now();
  const now = deps.now ?? (() => new Date());
  const { theme, sources } = planCrawl(deps.config, request, now());

  const key = loadOrCreateSigningKey(deps.dataDir);
  const runId = await deps.store.startRun({
    theme: theme.id, source: request.source ?? null, startedAt: now().toISOString(), softwareVersion: SOFTWARE_VERSION,
  });
  deps.log('crawl.start', { run: runId, theme: theme.id, sources: sources.map((s) => s.id) });
  const counts: RunCounts = { captured: 0, kept: 0, deleted: 0, failed: 0 };
  const profile = compileProfile(deps.config.profiles.get(theme.profile)!);
  const staging = { owner: stagingOwner(), windowMs: theme.stagingHours * 3_600_000 };
  const gates = new Map<string, GateContext>();
  const market: AdFields[] = [];
  const addresses = addressPolicy(theme.allowPrivateNetworks);
  for (const source of sources) {
    const extractor = deps.config.extractors.get(source.extractor)!;
    const gate: GateContext = {
      runId, theme: theme.id, source: source.id, extractor, profile, policy: theme.store, store: deps.store, blobs: deps.blobs,
      key, configHash: sha256Hex(canonicalJson({ theme, source, extractor, profile: deps.config.profiles.get(theme.profile) })),
      staging, now,
    };
    gates.set(source.id, gate);
    const session = await deps.browser.openSession({ tabs: source.crawl.concurrency, theme: theme.id, addresses, recycleAfter: source.crawl.recycleAfter });
    try {
      await crawlSource(deps, source, gate, counts, market, session);
    } finally {
      await session.close();
    }
  }
  const settled = await settleRun({ runId, theme: theme.id, profile, store: deps.store, gates, market, now });
  counts.kept += settled.kept;
  counts.deleted += settled.deleted;
  await deps.store.finishRun(runId, counts, now().toISOString());
  const summary = { run: runId, ...counts, durationMs: Math.round(performance.now() - started) };
  deps.log('crawl.done', { ...summary });
  return summary;
}

/** Checks a crawl request before anything is opened or started: theme, purpose period, sources. */
export function planCrawl(config: Config, request: CrawlRequest, at: Date): { theme: Theme; sources: Source[] } {
  const theme = config.themes.get(request.theme);
  if (!theme) throw new BakenError('THEME_UNKNOWN', `no theme "${request.theme}" in ${config.dir}/themes`);
  assertPurposeCovers(theme.id, theme.purpose, at);
  return { theme, sources: pickSources(config, theme, request.source) };
}

function pickSources(config: Config, theme: Theme, only?: string): Source[] {
  const all = [...config.sources.values()].filter((s) => s.theme === theme.id);
  if (only === undefined) return all;
  const source = all.find((s) => s.id === only);
  if (!source) {
    throw new BakenError('SOURCE_UNKNOWN', `theme "${theme.id}" has no source "${only}" (it has: ${all.map((s) => s.id).join(', ') || 'none'})`);
  }
  return [source];
}

/** The run's process, so that start-up elsewhere can tell an abandoned run from a live one. */
export function stagingOwner(): string {
  return `${hostname()}:${process.pid}`;
}

async function crawlSource(deps: CrawlDeps, source: Source, gate: GateContext, counts: RunCounts, market: AdFields[], session: CaptureSession) {
  const { crawl } = source;
  const pacer = new HostPacer(crawl.delayMs);
  const retryable = (e: unknown) => e instanceof PageFailure && e.retryable;
  const fail = async (url: string, e: unknown) => {
    counts.failed++;
    const reason = session.refusal(url) ?? errorSummary(e);
    const attempts = (e as { attempts?: number }).attempts ?? 1;
    await deps.store.recordFailure(gate.runId, { source: source.id, url, reason, attempts });
    deps.log('crawl.failed', { run: gate.runId, source: source.id, url: urlRef(url), reason, attempts });
  };
  let discovery: Discovery;
  try {
    discovery = (await withRetries(async () => { await pacer.wait(source.start); return session.discover(source); },
      crawl.retries, retryable)).value;
  } catch (e) {
    await fail(source.start, e);
    return;
  }
  const { adUrls } = discovery;
  deps.log('crawl.discovered', { run: gate.runId, source: source.id, ads: adUrls.length });
  let done = 0;
  const options = {
    timeoutMs: crawl.timeoutMs, maxPageBytes: crawl.maxPageBytes, screenshot: gate.policy.screenshot,
    ready: gate.extractor.ready, softwareVersion: SOFTWARE_VERSION,
  };
  await forEachBounded(adUrls, crawl.concurrency, async (url, tab) => {
    try {
      const { value: capture } = await withRetries(async () => {
        await pacer.wait(url);
        return session.capture(tab, url, options);
      }, crawl.retries, retryable);
      counts.captured++;
      const outcome = await keepOrDelete(gate, capture, market);
      if (outcome !== 'staged') counts[outcome]++;
    } catch (e) {
      if (e instanceof BakenError && e.code === 'STORE_REJECTED') throw e;
      await fail(url, e);
    }
    deps.onProgress?.({ source: source.id, done: ++done, total: adUrls.length });
  });
  if (discovery.complete) {
    await deps.store.markGone(gate.runId, gate.theme, source.id, adUrls, gate.now().toISOString());
  }
}

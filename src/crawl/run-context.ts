// What a worker needs to work a run's pages and to settle it, rebuilt from the configuration for
// each run it meets: the gate of each of the run's sources and, once it has a page of a source to
// open, a browser session for that source. Every worker must load the same configuration, so
// every worker's gate is the same gate.
import { hostname } from 'node:os';
import type { Config } from '../config/load.ts';
import type { Source, Theme } from '../config/schema.ts';
import { compileProfile, type CompiledProfile } from '../analyse/compile-profile.ts';
import type { CaptureBrowser, CaptureSession } from '../capture/capture-session.ts';
import { canonicalJson, sha256Hex } from '../domain/canonical-json.ts';
import { addressPolicy } from '../domain/private-addresses.ts';
import type { SigningKey } from '../evidence/signing-key.ts';
import type { BlobStore, Store } from '../store/store.ts';
import type { FrontierRun } from './frontier.ts';
import type { GateContext } from './gate-context.ts';
import { planCrawl } from './plan-crawl.ts';

export interface RunContext {
  run: FrontierRun;
  theme: Theme;
  profile: CompiledProfile;
  sources: Map<string, Source>;
  /** The gate of each source of the run, by source id. */
  gates: Map<string, GateContext>;
  /** The source's browser session, opened on first use with `tabs` tabs. */
  session(source: string): Promise<CaptureSession>;
  close(): Promise<void>;
}

export interface RunContextDeps { config: Config; store: Store; blobs: BlobStore; key: SigningKey; browser: CaptureBrowser; now: () => Date }

export function runContext(deps: RunContextDeps, run: FrontierRun, tabs: number): RunContext {
  const { theme, sources } = planCrawl(deps.config, { theme: run.theme, ...(run.source === null ? {} : { source: run.source }) }, deps.now());
  const profileConfig = deps.config.profiles.get(theme.profile)!;
  const profile = compileProfile(profileConfig);
  const staging = { owner: run.owner ?? jobStagingOwner(run.jobId!), windowMs: theme.stagingHours * 3_600_000 };
  const gates = new Map<string, GateContext>();
  for (const source of sources) {
    const extractor = deps.config.extractors.get(source.extractor)!;
    gates.set(source.id, {
      runId: run.runId, theme: theme.id, source: source.id, extractor, profile, policy: theme.store, store: deps.store, blobs: deps.blobs,
      key: deps.key, configHash: sha256Hex(canonicalJson({ theme, source, extractor, profile: profileConfig })), staging, now: deps.now,
    });
  }
  const addresses = addressPolicy(theme.allowPrivateNetworks);
  const sessions = new Map<string, Promise<CaptureSession>>();
  return {
    run, theme, profile, gates, sources: new Map(sources.map((s) => [s.id, s])),
    session(source) {
      let session = sessions.get(source);
      if (!session) {
        session = deps.browser.openSession({ tabs, theme: theme.id, addresses, source: this.sources.get(source)! });
        sessions.set(source, session);
      }
      return session;
    },
    async close() {
      await Promise.all([...sessions.values()].map((s) => s.then((open) => open.close()).catch(() => undefined)));
      sessions.clear();
    },
  };
}

/** The process that runs a `baken crawl`, so that start-up elsewhere can tell an abandoned run from a live one. */
export function stagingOwner(): string {
  return `${hostname()}:${process.pid}`;
}

/** A job's run outlives any one worker: its staged ads wait for whichever worker settles it (or
 *  for the end of their window), so their owner names the job, not a process start-up could find dead. */
function jobStagingOwner(jobId: string): string {
  return `job:${jobId}`;
}

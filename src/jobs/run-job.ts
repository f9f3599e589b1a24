// What each kind of job does: a crawl with a fresh browser, or a theme's retention purge.
import type { Browser } from 'playwright-core';
import type { Who } from '../accounts/actor.ts';
import type { AuditTrail } from '../services/audit-trail.ts';
import { sweepOrphanBlobs, type App } from '../app.ts';
import { planCrawl, runCrawl } from '../crawl/run-crawl.ts';
import { BakenError } from '../domain/errors.ts';
import type { Log } from '../log.ts';
import { purgeAudited } from '../retention/purge-expired.ts';
import type { Job, JobResult } from './job-queue.ts';

export interface JobRunnerDeps extends App {
  log: Log;
  trail: AuditTrail;
  /** Who the audit trail names for a purge: the operator whose worker ran it. */
  who: Who;
  launchBrowser(): Promise<Browser>;
}

export function jobRunner(deps: JobRunnerDeps): (job: Job) => Promise<JobResult> {
  return async (job) => {
    deps.log('job.start', { job: job.id, kind: job.kind, theme: job.theme, schedule: job.schedule, attempt: job.attempts });
    try {
      const result = job.kind === 'crawl' ? await crawl(deps, job) : await purge(deps, job);
      deps.log('job.done', { job: job.id, ...result });
      return result;
    } catch (err) {
      deps.log('job.failed', { job: job.id, reason: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  };
}

async function crawl(deps: JobRunnerDeps, job: Job): Promise<JobResult> {
  const request = { theme: job.theme, ...(job.source ? { source: job.source } : {}) };
  // Refused (outside the theme's purpose period, an unknown source) before a browser starts.
  planCrawl(deps.config, request, new Date());
  // A browser per crawl: nothing of one crawl (cookies, cache, a renderer that leaks) reaches the next.
  const browser = await deps.launchBrowser();
  try {
    const s = await runCrawl({ ...deps, browser }, request);
    // Sites down at the scheduled hour: the run is recorded, and the job is tried again later.
    if (s.captured === 0 && s.failed > 0) throw new BakenError('CAPTURE_FAILED', `run ${s.run} captured nothing (${s.failed} failed)`);
    return { run: s.run, captured: s.captured, kept: s.kept, deleted: s.deleted, failed: s.failed, durationMs: s.durationMs };
  } finally {
    await browser.close();
  }
}

async function purge(deps: JobRunnerDeps, job: Job): Promise<JobResult> {
  const theme = deps.config.themes.get(job.theme);
  if (!theme) throw new BakenError('THEME_UNKNOWN', `no theme "${job.theme}" in ${deps.config.dir}/themes`);
  const r = await purgeAudited(deps, deps.who, theme, new Date());
  // A worker runs for weeks: the sweep it did at start-up would never again remove the files a purge
  // spared for a crawl in flight (purgeTheme) that then named none of them.
  const swept = await sweepOrphanBlobs(deps.store, deps.blobs);
  return { purged: r.ads, captures: r.captures, files: r.blobs.length, held: r.held, swept };
}

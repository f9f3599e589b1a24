// What each kind of job does: a crawl with a fresh browser, or a theme's retention purge, each
// through the application layer under the name of the operator whose worker runs it.
import type { Who } from '../accounts/actor.ts';
import type { CaptureBrowser } from '../capture/capture-session.ts';
import { capturedNothing } from '../crawl/run-crawl.ts';
import { Stopped, type Stopping } from '../crawl/stopping.ts';
import { BakenError, errorSummaryWithCause } from '../domain/errors.ts';
import type { Log } from '../log.ts';
import type { AuditTrail } from '../services/audit-trail.ts';
import type { CollectionService } from '../services/collection.service.ts';
import type { Job, JobResult } from '../jobs/job-queue.ts';

export interface JobRunnerDeps {
  collection: CollectionService;
  /** Each job is one call, settled as the API settles a change: a job that fails after its service
   *  recorded it (a crawl that captured nothing) is followed by `request.failed` in the trail. */
  trail: Pick<AuditTrail, 'settled'>;
  log: Log;
  /** Who the audit trail names: the operator whose worker ran the job, over the themes of the
   *  configuration in force when the job starts (a theme imported since is the operator's too). */
  who(): Who;
  launchBrowser(): Promise<CaptureBrowser>;
  stopping?: Stopping;
}

export function jobRunner(deps: JobRunnerDeps): (job: Job) => Promise<JobResult> {
  return async (job) => {
    deps.log('job.start', { job: job.id, kind: job.kind, theme: job.theme, schedule: job.schedule, attempt: job.attempts });
    try {
      const result = await deps.trail.settled(() => job.kind === 'crawl' ? crawl(deps, job) : purge(deps, job), { ahead: true });
      deps.log('job.done', { job: job.id, ...result });
      return result;
    } catch (err) {
      if (err instanceof Stopped) {
        deps.log('job.handed-back', { job: job.id, reason: err.message });
        throw err;
      }
      // The whole story for the operator (the queue keeps one line): each message of the cause chain.
      deps.log('job.failed', { job: job.id, reason: errorSummaryWithCause(err), detail: causeChain(err) });
      throw err;
    }
  };
}

async function crawl(deps: JobRunnerDeps, job: Job): Promise<JobResult> {
  const request = { theme: job.theme, ...(job.source ? { source: job.source } : {}) };
  // A browser per crawl: nothing of one crawl (cookies, cache, a renderer that leaks) reaches the next.
  const s = await deps.collection.crawl(deps.who(), request, { launchBrowser: deps.launchBrowser, log: deps.log, job: { id: job.id }, stopping: deps.stopping });
  // Sites down at the scheduled hour: the run is recorded, and the job is tried again later.
  if (capturedNothing(s)) throw new BakenError('CAPTURE_FAILED', `run ${s.run} captured nothing (${s.failed} failed)`);
  return { run: s.run, captured: s.captured, kept: s.kept, deleted: s.deleted, failed: s.failed, durationMs: s.durationMs };
}

async function purge(deps: JobRunnerDeps, job: Job): Promise<JobResult> {
  const r = await deps.collection.purge(deps.who(), job.theme);
  return { purged: r.purged, captures: r.captures, files: r.files, held: r.held, swept: r.swept };
}

function causeChain(err: unknown): string[] {
  const messages: string[] = [];
  for (let e: unknown = err; e !== undefined && messages.length < 5; e = e instanceof Error ? e.cause : undefined) {
    messages.push(e instanceof Error ? e.message : String(e));
  }
  return messages;
}

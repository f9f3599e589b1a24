// A worker: plans what is due, then takes queued jobs one at a time until none may start now. One job
// at a time because a crawl already keeps both cores busy; more machines run more workers. A worker
// with no job of its own helps with the pages of the crawls other workers run.
import { setTimeout } from 'node:timers/promises';
import type { Config } from '../config/load.ts';
import { Stopped } from '../crawl/stopping.ts';
import { errorSummaryWithCause } from '../domain/errors.ts';
import { dueJobs, MAX_ATTEMPTS, nextDue, retryAt } from './due-jobs.ts';
import type { Job, JobQueue, JobResult } from './job-queue.ts';

export interface WorkerDeps {
  queue: JobQueue;
  /** The configuration in force: read afresh at every look for work, so a new version's schedules apply at once. */
  config: { readonly current: Config };
  /** This worker's name in the queue: host and process. */
  worker: string;
  run(job: Job): Promise<JobResult>;
  /** Works pages of other workers' crawls until none is left; when no job may start. */
  help?(): Promise<unknown>;
  /** Gives up what dead processes left behind (runs whose owner is gone), before any job is claimed. */
  tidy?(): Promise<unknown>;
  now?: () => Date;
  /** A job's worker beats this often; a job without a beat for STALE_AFTER_MS is taken from it. */
  heartbeatMs?: number;
}

export const STALE_AFTER_MS = 10 * 60_000;
const HEARTBEAT_MS = 60_000;

/** Enqueues what is due and works until no job may start now, or `signal` aborts (the job in hand
 *  ends first); returns the jobs it ran, as they ended. */
export async function workDue(deps: WorkerDeps, signal?: AbortSignal): Promise<Job[]> {
  const now = deps.now ?? (() => new Date());
  await deps.tidy?.();
  for (const job of dueJobs(deps.config.current, now())) await deps.queue.enqueue(job, now().toISOString());
  const ran: Job[] = [];
  while (!signal?.aborted) {
    const at = now();
    const job = await deps.queue.claim(deps.worker, at.toISOString(), {
      before: new Date(at.getTime() - STALE_AFTER_MS).toISOString(), maxAttempts: MAX_ATTEMPTS,
    });
    if (!job) {
      await deps.help?.();
      return ran;
    }
    ran.push(await runClaimed(deps, job, now));
  }
  return ran;
}

/** Works until `signal` aborts, sleeping until the next slot (or a retry) when nothing may start. */
export async function workUntil(deps: WorkerDeps, signal: AbortSignal, pollMs = 60_000): Promise<void> {
  const now = deps.now ?? (() => new Date());
  while (!signal.aborted) {
    await workDue(deps, signal);
    if (signal.aborted) return;
    const wait = Math.min(pollMs, Math.max(1000, nextDue(deps.config.current, now()).getTime() - now().getTime()));
    await setTimeout(wait, undefined, { signal }).catch(() => undefined);
  }
}

async function runClaimed(deps: WorkerDeps, job: Job, now: () => Date): Promise<Job> {
  const beat = setInterval(() => void deps.queue.heartbeat(job.id, deps.worker, now().toISOString()), deps.heartbeatMs ?? HEARTBEAT_MS);
  try {
    const result = await deps.run(job);
    await deps.queue.finish(job.id, deps.worker, result, now().toISOString());
    return { ...job, state: 'done', result, error: null };
  } catch (err) {
    if (err instanceof Stopped) {
      await deps.queue.release(job.id, deps.worker);
      return { ...job, state: 'queued', attempts: job.attempts - 1, worker: null, error: job.error };
    }
    // One bounded line: a browser that did not start adds kilobytes of its stderr, which the job's
    // runner logs. A crawl's errors name sources and pages, never what an ad said.
    const error = errorSummaryWithCause(err);
    const retry = retryAt(job.attempts, now());
    await deps.queue.fail(job.id, deps.worker, error, now().toISOString(), retry?.toISOString() ?? null);
    return { ...job, state: retry ? 'queued' : 'failed', error };
  } finally {
    clearInterval(beat);
  }
}

// The job queue port: scheduled work that any number of workers take one job at a time. The embedded
// default keeps it in SQLite (src/store/sqlite/jobs.sqlite.ts); at scale, pg-boss on PostgreSQL.
import type { JobKind, JobSpec } from './due-jobs.ts';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** Counts only (a crawl's summary, a purge's totals): never ad content. */
export type JobResult = Record<string, string | number>;

export interface Job extends JobSpec {
  id: string;
  kind: JobKind;
  state: JobState;
  attempts: number;
  queuedAt: string;
  /** A queued job is not taken before this time (a retry waits). */
  notBefore: string;
  worker: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  result: JobResult | null;
  /** The last failure's reason. */
  error: string | null;
}

export interface JobQueue {
  /** Adds the job unless its schedule already has a job for this slot; true when it was added. */
  enqueue(job: JobSpec, at: string): Promise<boolean>;
  /** Gives the worker the oldest queued job that may start at `now`, or null. First, a running job whose
   *  worker has not beaten since `stale.before` (it died) is queued again, or failed once it had all its attempts. */
  claim(worker: string, now: string, stale: { before: string; maxAttempts: number }): Promise<Job | null>;
  /** A running worker says it is alive, so its job is not taken from it. */
  heartbeat(id: string, worker: string, now: string): Promise<void>;
  finish(id: string, worker: string, result: JobResult, now: string): Promise<void>;
  /** `retryAt` null: the job has failed for good. */
  fail(id: string, worker: string, error: string, now: string, retryAt: string | null): Promise<void>;
  /** Hands a running job back to the queue as if it had not been claimed (its worker is stopping):
   *  the claim does not count as an attempt, and any worker may take it at once. */
  release(id: string, worker: string): Promise<void>;
  /** The newest jobs first; only these themes' when given. */
  recent(limit: number, themes?: readonly string[]): Promise<Job[]>;
  close(): Promise<void>;
}

// The job queue in PostgreSQL, for workers on many machines. A claim is one transaction that locks
// the rows it changes and skips the rows another worker's claim holds (SKIP LOCKED), so two workers
// never take the same job and neither waits for the other.
import { randomUUID } from 'node:crypto';
import type { JobSpec } from '../../jobs/due-jobs.ts';
import type { Job, JobQueue, JobResult, JobState } from '../../jobs/job-queue.ts';
import { openPostgres, transaction, type Pool } from './database.postgres.ts';

interface JobRow {
  id: string; kind: Job['kind']; theme: string; source: string | null; schedule: string; slot: string; state: JobState;
  attempts: number; queued_at: string; not_before: string; worker: string | null; started_at: string | null;
  finished_at: string | null; result: JobResult | null; error: string | null;
}

export async function openPostgresJobQueue(url: string): Promise<JobQueue> {
  return new PostgresJobQueue(await openPostgres(url));
}

class PostgresJobQueue implements JobQueue {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async enqueue(job: JobSpec, at: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query(`
      INSERT INTO jobs (id, kind, theme, source, schedule, slot, state, queued_at, not_before)
      VALUES ($1, $2, $3, $4, $5, $6, 'queued', $7, $7) ON CONFLICT (schedule, slot) DO NOTHING`,
    [randomUUID(), job.kind, job.theme, job.source, job.schedule, job.slot, at]);
    return (rowCount ?? 0) > 0;
  }

  async claim(worker: string, now: string, stale: { before: string; maxAttempts: number }): Promise<Job | null> {
    return transaction(this.#pool, async (client) => {
      // A stale job that another claim is requeueing right now is left to that claim.
      await client.query(`
        UPDATE jobs SET state = CASE WHEN attempts >= $1 THEN 'failed' ELSE 'queued' END,
          finished_at = CASE WHEN attempts >= $1 THEN $2 END, not_before = $2, error = 'its worker stopped answering'
        WHERE id IN (SELECT id FROM jobs WHERE state = 'running' AND heartbeat_at < $3 FOR UPDATE SKIP LOCKED)`,
      [stale.maxAttempts, now, stale.before]);
      // `= (SELECT …)` runs the pick once, so the LIMIT holds: one job per claim.
      const { rows } = await client.query<JobRow>(`
        UPDATE jobs SET state = 'running', worker = $1, attempts = attempts + 1, started_at = $2, heartbeat_at = $2
        WHERE id = (
          SELECT id FROM jobs WHERE state = 'queued' AND not_before <= $2
          ORDER BY not_before, slot, schedule LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING *`, [worker, now]);
      return rows[0] ? toJob(rows[0]) : null;
    });
  }

  async heartbeat(id: string, worker: string, now: string): Promise<void> {
    await this.#pool.query(`UPDATE jobs SET heartbeat_at = $1 WHERE id = $2 AND worker = $3 AND state = 'running'`, [now, id, worker]);
  }

  async finish(id: string, worker: string, result: JobResult, now: string): Promise<void> {
    await this.#pool.query(`
      UPDATE jobs SET state = 'done', finished_at = $1, result = $2, error = NULL WHERE id = $3 AND worker = $4 AND state = 'running'`,
    [now, JSON.stringify(result), id, worker]);
  }

  async fail(id: string, worker: string, error: string, now: string, retryAt: string | null): Promise<void> {
    await this.#pool.query(`
      UPDATE jobs SET state = $1, error = $2, finished_at = $3, not_before = coalesce($4, not_before)
      WHERE id = $5 AND worker = $6 AND state = 'running'`,
    [retryAt === null ? 'failed' : 'queued', error, retryAt === null ? now : null, retryAt, id, worker]);
  }

  async release(id: string, worker: string): Promise<void> {
    await this.#pool.query(`UPDATE jobs SET state = 'queued', attempts = attempts - 1, worker = NULL WHERE id = $1 AND worker = $2 AND state = 'running'`, [id, worker]);
  }

  async recent(limit: number, themes?: readonly string[]): Promise<Job[]> {
    const { rows } = await this.#pool.query<JobRow>(`
      SELECT * FROM jobs WHERE $1::text[] IS NULL OR theme = ANY($1::text[])
      ORDER BY queued_at DESC, slot DESC, id LIMIT $2`, [themes ?? null, limit]);
    return rows.map(toJob);
  }

  async close(): Promise<void> {
    if (!this.#pool.ending) await this.#pool.end();
  }
}

function toJob(r: JobRow): Job {
  return {
    id: r.id, kind: r.kind, theme: r.theme, source: r.source, schedule: r.schedule, slot: r.slot, state: r.state,
    attempts: r.attempts, queuedAt: r.queued_at, notBefore: r.not_before, worker: r.worker, startedAt: r.started_at,
    finishedAt: r.finished_at, result: r.result, error: r.error,
  };
}

// The job queue in the data directory's SQLite file, on its own connection. Workers in other
// processes share it: a claim is one write transaction, so two workers never take the same job.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobSpec } from '../../jobs/due-jobs.ts';
import type { Job, JobQueue, JobResult, JobState } from '../../jobs/job-queue.ts';
import { openDatabase } from './database.sqlite.ts';
import { Statements } from './statements.sqlite.ts';

interface JobRow {
  id: string; kind: Job['kind']; theme: string; source: string | null; schedule: string; slot: string; state: JobState;
  attempts: number; queued_at: string; not_before: string; worker: string | null; started_at: string | null;
  finished_at: string | null; result: string | null; error: string | null;
}

export async function openSqliteJobQueue(dataDir: string): Promise<JobQueue> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  return new SqliteJobQueue(new Statements(openDatabase(join(dataDir, 'baken.db'))));
}

class SqliteJobQueue implements JobQueue {
  readonly #s: Statements;

  constructor(statements: Statements) {
    this.#s = statements;
  }

  async enqueue(job: JobSpec, at: string): Promise<boolean> {
    const added = this.#s.sql(`
      INSERT INTO jobs (id, kind, theme, source, schedule, slot, state, queued_at, not_before)
      VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?) ON CONFLICT (schedule, slot) DO NOTHING`)
      .run(randomUUID(), job.kind, job.theme, job.source, job.schedule, job.slot, at, at);
    return added.changes > 0;
  }

  async claim(worker: string, now: string, stale: { before: string; maxAttempts: number }): Promise<Job | null> {
    return this.#s.transaction(() => {
      this.#s.sql(`
        UPDATE jobs SET state = CASE WHEN attempts >= :max THEN 'failed' ELSE 'queued' END,
          finished_at = CASE WHEN attempts >= :max THEN :now END, not_before = :now, error = 'its worker stopped answering'
        WHERE state = 'running' AND heartbeat_at < :before`).run({ max: stale.maxAttempts, now, before: stale.before });
      const next = this.#s.sql(`SELECT id FROM jobs WHERE state = 'queued' AND not_before <= ? ORDER BY not_before, slot, schedule LIMIT 1`)
        .get(now) as { id: string } | undefined;
      if (!next) return null;
      this.#s.sql(`UPDATE jobs SET state = 'running', worker = ?, attempts = attempts + 1, started_at = ?, heartbeat_at = ? WHERE id = ?`)
        .run(worker, now, now, next.id);
      return this.#job(next.id);
    });
  }

  async heartbeat(id: string, worker: string, now: string): Promise<void> {
    this.#s.sql(`UPDATE jobs SET heartbeat_at = ? WHERE id = ? AND worker = ? AND state = 'running'`).run(now, id, worker);
  }

  async finish(id: string, worker: string, result: JobResult, now: string): Promise<void> {
    this.#s.sql(`UPDATE jobs SET state = 'done', finished_at = ?, result = ?, error = NULL WHERE id = ? AND worker = ? AND state = 'running'`)
      .run(now, JSON.stringify(result), id, worker);
  }

  async fail(id: string, worker: string, error: string, now: string, retryAt: string | null): Promise<void> {
    this.#s.sql(`
      UPDATE jobs SET state = ?, error = ?, finished_at = ?, not_before = coalesce(?, not_before)
      WHERE id = ? AND worker = ? AND state = 'running'`)
      .run(retryAt === null ? 'failed' : 'queued', error, retryAt === null ? now : null, retryAt, id, worker);
  }

  async release(id: string, worker: string): Promise<void> {
    this.#s.sql(`UPDATE jobs SET state = 'queued', attempts = attempts - 1, worker = NULL WHERE id = ? AND worker = ? AND state = 'running'`).run(id, worker);
  }

  async recent(limit: number, themes?: readonly string[]): Promise<Job[]> {
    const rows = this.#s.sql(`
      SELECT * FROM jobs WHERE :themes IS NULL OR theme IN (SELECT value FROM json_each(:themes))
      ORDER BY queued_at DESC, slot DESC, id LIMIT :limit`)
      .all({ themes: themes === undefined ? null : JSON.stringify(themes), limit }) as unknown as JobRow[];
    return rows.map(toJob);
  }

  async close(): Promise<void> {
    if (this.#s.db.isOpen) this.#s.db.close();
  }

  #job(id: string): Job {
    return toJob(this.#s.sql('SELECT * FROM jobs WHERE id = ?').get(id) as unknown as JobRow);
  }
}

function toJob(r: JobRow): Job {
  return {
    id: r.id, kind: r.kind, theme: r.theme, source: r.source, schedule: r.schedule, slot: r.slot, state: r.state,
    attempts: r.attempts, queuedAt: r.queued_at, notBefore: r.not_before, worker: r.worker, startedAt: r.started_at,
    finishedAt: r.finished_at, result: r.result === null ? null : JSON.parse(r.result) as JobResult, error: r.error,
  };
}

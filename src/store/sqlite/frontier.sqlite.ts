// The crawl frontier in the data directory's SQLite file, on its own connection. Tabs and worker
// processes on one machine share it: a lease is one write transaction (BEGIN IMMEDIATE), so two
// leasers never take the same page or the same host slot.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  hostOf, LEASE_EXPIRED, resultsOf, type Frontier, type FrontierRun, type FrontierStats, type LeasedPage, type NewPage,
  type PageDone, type ResultRow, type RunResults,
} from '../../crawl/frontier.ts';
import { openDatabase } from './database.sqlite.ts';
import { Statements } from './statements.sqlite.ts';

interface RunRow { run_id: string; theme: string; source: string | null; job_id: string | null; owner: string | null }
interface PageRow { seq: number; run_id: string; source: string; url: string; kind: LeasedPage['kind']; attempts: number }

export async function openSqliteFrontier(dataDir: string): Promise<Frontier> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  return new SqliteFrontier(new Statements(openDatabase(join(dataDir, 'baken.db'))));
}

class SqliteFrontier implements Frontier {
  readonly #s: Statements;

  constructor(statements: Statements) {
    this.#s = statements;
  }

  async openRun(run: FrontierRun, seeds: NewPage[]): Promise<void> {
    this.#s.transaction(() => {
      this.#s.sql(`INSERT INTO frontier_runs (run_id, theme, source, job_id, owner, state) VALUES (?, ?, ?, ?, ?, 'open')
        ON CONFLICT (run_id) DO NOTHING`).run(run.runId, run.theme, run.source, run.jobId, run.owner);
      this.#add(run.runId, seeds);
    });
  }

  async run(runId: string): Promise<FrontierRun | null> {
    const row = this.#s.sql('SELECT * FROM frontier_runs WHERE run_id = ?').get(runId) as RunRow | undefined;
    return row ? toRun(row) : null;
  }

  async runsOfJob(jobId: string): Promise<(FrontierRun & { settled: boolean })[]> {
    const rows = this.#s.sql('SELECT * FROM frontier_runs WHERE job_id = ? ORDER BY run_id').all(jobId) as unknown as (RunRow & { state: string })[];
    return rows.map((r) => ({ ...toRun(r), settled: r.state === 'settled' }));
  }

  async openJobRuns(): Promise<FrontierRun[]> {
    const rows = this.#s.sql(`SELECT * FROM frontier_runs WHERE state = 'open' AND job_id IS NOT NULL ORDER BY run_id`).all() as unknown as RunRow[];
    return rows.map(toRun);
  }

  async openRuns(): Promise<FrontierRun[]> {
    const rows = this.#s.sql(`SELECT * FROM frontier_runs WHERE state = 'open' ORDER BY run_id`).all() as unknown as RunRow[];
    return rows.map(toRun);
  }

  async abandon(runId: string): Promise<number> {
    return this.#s.transaction(() => {
      this.#s.sql(`UPDATE frontier_runs SET state = 'settled', settle_until = NULL WHERE run_id = ?`).run(runId);
      return Number(this.#s.sql('DELETE FROM frontier_pages WHERE run_id = ?').run(runId).changes);
    });
  }

  async lease(worker: string, now: Date, leaseMs: number, runId?: string): Promise<LeasedPage | null> {
    const at = now.getTime();
    return this.#s.transaction(() => {
      this.#s.sql(`UPDATE frontier_pages SET state = 'failed', cause = ?, worker = NULL, lease_until = NULL
        WHERE state = 'leased' AND lease_until < ? AND attempts >= max_attempts`).run(LEASE_EXPIRED, at);
      const page = this.#s.sql(`
        SELECT p.seq, p.run_id, p.source, p.url, p.kind, p.attempts, p.delay_ms, p.host FROM frontier_pages p
          JOIN frontier_hosts h ON h.host = p.host JOIN frontier_runs r ON r.run_id = p.run_id
        WHERE ((p.state = 'pending' AND p.not_before <= :at) OR (p.state = 'leased' AND p.lease_until < :at))
          AND h.next_at <= :at AND (:run IS NULL AND r.job_id IS NOT NULL OR p.run_id = :run)
        ORDER BY p.seq LIMIT 1`).get({ at, run: runId ?? null }) as (PageRow & { delay_ms: number; host: string }) | undefined;
      if (!page) return null;
      this.#s.sql(`UPDATE frontier_pages SET state = 'leased', attempts = attempts + 1, worker = ?, leased_at = ?, lease_until = ?
        WHERE seq = ?`).run(worker, at, at + leaseMs, page.seq);
      this.#s.sql('UPDATE frontier_hosts SET next_at = ? WHERE host = ?').run(at + page.delay_ms, page.host);
      return { runId: page.run_id, source: page.source, url: page.url, kind: page.kind, attempts: page.attempts + 1 };
    });
  }

  async renew(page: LeasedPage, worker: string, now: Date, leaseMs: number): Promise<boolean> {
    const renewed = this.#s.sql(`UPDATE frontier_pages SET lease_until = ? WHERE run_id = ? AND url = ? AND state = 'leased' AND worker = ?`)
      .run(now.getTime() + leaseMs, page.runId, page.url, worker);
    return renewed.changes > 0;
  }

  async complete(page: LeasedPage, worker: string, done: PageDone): Promise<boolean> {
    return this.#s.transaction(() => {
      const market = done.outcome === 'listed' ? null : JSON.stringify(done.market);
      const complete = done.outcome === 'listed' ? Number(done.complete) : null;
      const stored = this.#s.sql(`UPDATE frontier_pages SET state = 'done', outcome = ?, market = ?, complete = ?, lease_until = NULL
        WHERE run_id = ? AND url = ? AND state = 'leased' AND worker = ?`).run(done.outcome, market, complete, page.runId, page.url, worker);
      if (stored.changes === 0) return false;
      if (done.outcome === 'listed') this.#add(page.runId, done.found);
      return true;
    });
  }

  async fail(page: LeasedPage, worker: string, cause: string, retryAt: Date | null): Promise<void> {
    this.#s.sql(`UPDATE frontier_pages SET
        state = CASE WHEN :retry IS NULL OR attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
        not_before = coalesce(:retry, not_before), cause = :cause, worker = NULL, lease_until = NULL
      WHERE run_id = :run AND url = :url AND state = 'leased' AND worker = :worker`)
      .run({ retry: retryAt?.getTime() ?? null, cause, run: page.runId, url: page.url, worker });
  }

  async release(page: LeasedPage, worker: string): Promise<void> {
    this.#s.sql(`UPDATE frontier_pages SET state = 'pending', attempts = attempts - 1, worker = NULL, lease_until = NULL
      WHERE run_id = ? AND url = ? AND state = 'leased' AND worker = ?`).run(page.runId, page.url, worker);
  }

  async lastActivity(runId: string): Promise<number | null> {
    const row = this.#s.sql(`SELECT max(at) AS at FROM (
        SELECT max(coalesce(lease_until, leased_at)) AS at FROM frontier_pages WHERE run_id = :run
        UNION ALL SELECT settle_until FROM frontier_runs WHERE run_id = :run)`).get({ run: runId }) as { at: number | null };
    return row.at === null ? null : Number(row.at);
  }

  async unfinished(runId: string): Promise<number> {
    return Number((this.#s.sql(`SELECT count(*) AS n FROM frontier_pages WHERE run_id = ? AND state IN ('pending', 'leased')`)
      .get(runId) as { n: number }).n);
  }

  async claimSettle(runId: string, worker: string, now: Date, leaseMs: number): Promise<boolean> {
    const at = now.getTime();
    const claimed = this.#s.sql(`UPDATE frontier_runs SET settle_worker = :worker, settle_until = :until
      WHERE run_id = :run AND state = 'open' AND (settle_worker IS NULL OR settle_worker = :worker OR settle_until < :at)
        AND NOT EXISTS (SELECT 1 FROM frontier_pages WHERE run_id = :run AND state IN ('pending', 'leased'))`)
      .run({ worker, until: at + leaseMs, run: runId, at });
    return claimed.changes > 0;
  }

  async settled(runId: string, worker: string): Promise<void> {
    this.#s.transaction(() => {
      const settled = this.#s.sql(`UPDATE frontier_runs SET state = 'settled', settle_until = NULL WHERE run_id = ? AND settle_worker = ? AND state = 'open'`)
        .run(runId, worker);
      if (settled.changes > 0) this.#s.sql('DELETE FROM frontier_pages WHERE run_id = ?').run(runId);
    });
  }

  async isSettled(runId: string): Promise<boolean> {
    return (this.#s.sql('SELECT state FROM frontier_runs WHERE run_id = ?').get(runId) as { state: string } | undefined)?.state === 'settled';
  }

  async results(runId: string): Promise<RunResults> {
    const rows = this.#s.sql(`SELECT source, url, kind, state, attempts, outcome, market, complete, cause FROM frontier_pages
      WHERE run_id = ? ORDER BY seq`).all(runId) as unknown as ResultRow[];
    return resultsOf(rows);
  }

  async stats(now: Date): Promise<FrontierStats> {
    const row = this.#s.sql(`SELECT count(*) FILTER (WHERE state = 'pending') AS queued, count(*) FILTER (WHERE state = 'leased') AS leased,
        min(leased_at) FILTER (WHERE state = 'leased') AS oldest FROM frontier_pages`).get() as { queued: number; leased: number; oldest: number | null };
    return { queued: Number(row.queued), leased: Number(row.leased), oldestLeaseAgeMs: row.oldest === null ? null : now.getTime() - Number(row.oldest) };
  }

  async close(): Promise<void> {
    if (this.#s.db.isOpen) this.#s.db.close();
  }

  /** Inside a transaction: a URL already in the run is left as it is. */
  #add(runId: string, pages: NewPage[]): void {
    for (const page of pages) {
      const host = hostOf(page.url);
      this.#s.sql('INSERT INTO frontier_hosts (host, next_at) VALUES (?, 0) ON CONFLICT (host) DO NOTHING').run(host);
      this.#s.sql(`INSERT INTO frontier_pages (run_id, source, url, host, kind, delay_ms, max_attempts, state)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'pending') ON CONFLICT (run_id, url) DO NOTHING`)
        .run(runId, page.source, page.url, host, page.kind, page.delayMs, page.maxAttempts);
    }
  }
}

function toRun(r: RunRow): FrontierRun {
  return { runId: r.run_id, theme: r.theme, source: r.source, jobId: r.job_id, owner: r.owner };
}

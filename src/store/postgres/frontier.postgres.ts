// The crawl frontier in PostgreSQL, for workers on many machines. A lease is one transaction that
// locks the page and its host's row and skips rows another lease holds (SKIP LOCKED): two workers
// never take the same page, never book the same host slot, and neither waits for the other.
import {
  hostOf, LEASE_EXPIRED, resultsOf, type Frontier, type FrontierRun, type FrontierStats, type LeasedPage, type NewPage,
  type PageDone, type ResultRow, type RunResults,
} from '../../crawl/frontier.ts';
import { openPostgres, transaction, type Pool, type Queryable } from './database.postgres.ts';

interface RunRow { run_id: string; theme: string; source: string | null; job_id: string | null; owner: string | null }
interface PageRow { seq: number; run_id: string; source: string; url: string; kind: LeasedPage['kind']; attempts: number; delay_ms: number; host: string }

export async function openPostgresFrontier(url: string): Promise<Frontier> {
  return new PostgresFrontier(await openPostgres(url));
}

class PostgresFrontier implements Frontier {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async openRun(run: FrontierRun, seeds: NewPage[]): Promise<void> {
    await transaction(this.#pool, async (client) => {
      await client.query(`INSERT INTO frontier_runs (run_id, theme, source, job_id, owner, state) VALUES ($1, $2, $3, $4, $5, 'open')
        ON CONFLICT (run_id) DO NOTHING`, [run.runId, run.theme, run.source, run.jobId, run.owner]);
      await add(client, run.runId, seeds);
    });
  }

  async run(runId: string): Promise<FrontierRun | null> {
    const { rows } = await this.#pool.query<RunRow>('SELECT * FROM frontier_runs WHERE run_id = $1', [runId]);
    return rows[0] ? toRun(rows[0]) : null;
  }

  async runsOfJob(jobId: string): Promise<(FrontierRun & { settled: boolean })[]> {
    const { rows } = await this.#pool.query<RunRow & { state: string }>('SELECT * FROM frontier_runs WHERE job_id = $1 ORDER BY run_id', [jobId]);
    return rows.map((r) => ({ ...toRun(r), settled: r.state === 'settled' }));
  }

  async openJobRuns(): Promise<FrontierRun[]> {
    const { rows } = await this.#pool.query<RunRow>(`SELECT * FROM frontier_runs WHERE state = 'open' AND job_id IS NOT NULL ORDER BY run_id`);
    return rows.map(toRun);
  }

  async openRuns(): Promise<FrontierRun[]> {
    const { rows } = await this.#pool.query<RunRow>(`SELECT * FROM frontier_runs WHERE state = 'open' ORDER BY run_id`);
    return rows.map(toRun);
  }

  async abandon(runId: string): Promise<number> {
    return transaction(this.#pool, async (client) => {
      await client.query(`UPDATE frontier_runs SET state = 'settled', settle_until = NULL WHERE run_id = $1`, [runId]);
      return (await client.query('DELETE FROM frontier_pages WHERE run_id = $1', [runId])).rowCount ?? 0;
    });
  }

  async lease(worker: string, now: Date, leaseMs: number, runId?: string): Promise<LeasedPage | null> {
    const at = now.getTime();
    return transaction(this.#pool, async (client) => {
      await client.query(`UPDATE frontier_pages SET state = 'failed', cause = $1, worker = NULL, lease_until = NULL
        WHERE seq IN (SELECT seq FROM frontier_pages WHERE state = 'leased' AND lease_until < $2 AND attempts >= max_attempts
          FOR UPDATE SKIP LOCKED)`, [LEASE_EXPIRED, at]);
      // The host's row is locked with the page: a second lease skips every page of that host
      // until this one has booked the host's next slot.
      const { rows } = await client.query<PageRow>(`
        SELECT p.seq, p.run_id, p.source, p.url, p.kind, p.attempts, p.delay_ms, p.host FROM frontier_pages p
          JOIN frontier_hosts h ON h.host = p.host JOIN frontier_runs r ON r.run_id = p.run_id
        WHERE ((p.state = 'pending' AND p.not_before <= $1) OR (p.state = 'leased' AND p.lease_until < $1))
          AND h.next_at <= $1 AND (($2::text IS NULL AND r.job_id IS NOT NULL) OR p.run_id = $2)
        ORDER BY p.seq LIMIT 1 FOR UPDATE OF p, h SKIP LOCKED`, [at, runId ?? null]);
      const page = rows[0];
      if (!page) return null;
      await client.query(`UPDATE frontier_pages SET state = 'leased', attempts = attempts + 1, worker = $1, leased_at = $2, lease_until = $3
        WHERE seq = $4`, [worker, at, at + leaseMs, page.seq]);
      await client.query('UPDATE frontier_hosts SET next_at = $1 WHERE host = $2', [at + page.delay_ms, page.host]);
      return { runId: page.run_id, source: page.source, url: page.url, kind: page.kind, attempts: page.attempts + 1 };
    });
  }

  async renew(page: LeasedPage, worker: string, now: Date, leaseMs: number): Promise<boolean> {
    const { rowCount } = await this.#pool.query(`UPDATE frontier_pages SET lease_until = $1
      WHERE run_id = $2 AND url = $3 AND state = 'leased' AND worker = $4`, [now.getTime() + leaseMs, page.runId, page.url, worker]);
    return (rowCount ?? 0) > 0;
  }

  async complete(page: LeasedPage, worker: string, done: PageDone): Promise<boolean> {
    return transaction(this.#pool, async (client) => {
      const market = done.outcome === 'listed' ? null : JSON.stringify(done.market);
      const complete = done.outcome === 'listed' ? done.complete : null;
      const { rowCount } = await client.query(`UPDATE frontier_pages SET state = 'done', outcome = $1, market = $2, complete = $3, lease_until = NULL
        WHERE run_id = $4 AND url = $5 AND state = 'leased' AND worker = $6`, [done.outcome, market, complete, page.runId, page.url, worker]);
      if ((rowCount ?? 0) === 0) return false;
      if (done.outcome === 'listed') await add(client, page.runId, done.found);
      return true;
    });
  }

  async fail(page: LeasedPage, worker: string, cause: string, retryAt: Date | null): Promise<void> {
    await this.#pool.query(`UPDATE frontier_pages SET
        state = CASE WHEN $1::bigint IS NULL OR attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
        not_before = coalesce($1::bigint, not_before), cause = $2, worker = NULL, lease_until = NULL
      WHERE run_id = $3 AND url = $4 AND state = 'leased' AND worker = $5`, [retryAt?.getTime() ?? null, cause, page.runId, page.url, worker]);
  }

  async release(page: LeasedPage, worker: string): Promise<void> {
    await this.#pool.query(`UPDATE frontier_pages SET state = 'pending', attempts = attempts - 1, worker = NULL, lease_until = NULL
      WHERE run_id = $1 AND url = $2 AND state = 'leased' AND worker = $3`, [page.runId, page.url, worker]);
  }

  async lastActivity(runId: string): Promise<number | null> {
    const { rows } = await this.#pool.query<{ at: string | null }>(`SELECT greatest(
        (SELECT max(coalesce(lease_until, leased_at)) FROM frontier_pages WHERE run_id = $1),
        (SELECT settle_until FROM frontier_runs WHERE run_id = $1)) AS at`, [runId]);
    return rows[0]!.at === null ? null : Number(rows[0]!.at);
  }

  async unfinished(runId: string): Promise<number> {
    const { rows } = await this.#pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM frontier_pages
      WHERE run_id = $1 AND state IN ('pending', 'leased')`, [runId]);
    return rows[0]!.n;
  }

  async claimSettle(runId: string, worker: string, now: Date, leaseMs: number): Promise<boolean> {
    const at = now.getTime();
    const { rowCount } = await this.#pool.query(`UPDATE frontier_runs SET settle_worker = $1, settle_until = $2
      WHERE run_id = $3 AND state = 'open' AND (settle_worker IS NULL OR settle_worker = $1 OR settle_until < $4)
        AND NOT EXISTS (SELECT 1 FROM frontier_pages WHERE run_id = $3 AND state IN ('pending', 'leased'))`, [worker, at + leaseMs, runId, at]);
    return (rowCount ?? 0) > 0;
  }

  async settled(runId: string, worker: string): Promise<void> {
    await transaction(this.#pool, async (client) => {
      const { rowCount } = await client.query(`UPDATE frontier_runs SET state = 'settled', settle_until = NULL
        WHERE run_id = $1 AND settle_worker = $2 AND state = 'open'`, [runId, worker]);
      if ((rowCount ?? 0) > 0) await client.query('DELETE FROM frontier_pages WHERE run_id = $1', [runId]);
    });
  }

  async isSettled(runId: string): Promise<boolean> {
    const { rows } = await this.#pool.query<{ state: string }>('SELECT state FROM frontier_runs WHERE run_id = $1', [runId]);
    return rows[0]?.state === 'settled';
  }

  async results(runId: string): Promise<RunResults> {
    const { rows } = await this.#pool.query<ResultRow>(`SELECT source, url, kind, state, attempts, outcome, market, complete, cause
      FROM frontier_pages WHERE run_id = $1 ORDER BY seq`, [runId]);
    return resultsOf(rows);
  }

  async stats(now: Date): Promise<FrontierStats> {
    const { rows } = await this.#pool.query<{ queued: number; leased: number; oldest: number | null }>(`
      SELECT count(*) FILTER (WHERE state = 'pending')::int AS queued, count(*) FILTER (WHERE state = 'leased')::int AS leased,
        min(leased_at) FILTER (WHERE state = 'leased') AS oldest FROM frontier_pages`);
    const row = rows[0]!;
    return { queued: row.queued, leased: row.leased, oldestLeaseAgeMs: row.oldest === null ? null : now.getTime() - row.oldest };
  }

  async close(): Promise<void> {
    if (!this.#pool.ending) await this.#pool.end();
  }
}

/** A URL already in the run is left as it is. */
async function add(client: Queryable, runId: string, pages: NewPage[]): Promise<void> {
  if (pages.length === 0) return;
  const hosts = pages.map((p) => hostOf(p.url));
  await client.query(`INSERT INTO frontier_hosts (host, next_at) SELECT DISTINCT h, 0 FROM unnest($1::text[]) AS h
    ORDER BY h ON CONFLICT (host) DO NOTHING`, [hosts]);
  await client.query(`INSERT INTO frontier_pages (run_id, source, url, host, kind, delay_ms, max_attempts, state)
    SELECT $1, * , 'pending' FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[])
    ON CONFLICT (run_id, url) DO NOTHING`,
  [runId, pages.map((p) => p.source), pages.map((p) => p.url), hosts, pages.map((p) => p.kind), pages.map((p) => p.delayMs), pages.map((p) => p.maxAttempts)]);
}

function toRun(r: RunRow): FrontierRun {
  return { runId: r.run_id, theme: r.theme, source: r.source, jobId: r.job_id, owner: r.owner };
}

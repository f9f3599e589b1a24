// What the metrics read of the work queue. The page frontier of the distributed crawl answers this
// itself; until then the scheduled-job queue fills it from its newest jobs.
import type { JobQueue } from './job-queue.ts';

export interface QueueStats { queued: number; leased: number; oldestLeaseAgeMs: number | null }

export interface QueueGauge { stats(now: Date): Promise<QueueStats> }

/** Jobs beyond the newest `window` are long done: the queued and running ones are among the newest. */
export function jobQueueGauge(queue: JobQueue, window = 1000): QueueGauge {
  return {
    async stats(now) {
      const jobs = await queue.recent(window);
      const leases = jobs.filter((j) => j.state === 'running' && j.startedAt !== null).map((j) => now.getTime() - Date.parse(j.startedAt!));
      return {
        queued: jobs.filter((j) => j.state === 'queued').length,
        leased: leases.length,
        oldestLeaseAgeMs: leases.length > 0 ? Math.max(...leases) : null,
      };
    },
  };
}

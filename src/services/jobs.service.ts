// Scheduled jobs for admins: what the workers ran, what waits and what failed, for the admin's themes.
import type { Who } from '../accounts/actor.ts';
import type { Job } from '../jobs/job-queue.ts';
import { themesFor, type ServiceContext } from './context.ts';

export class JobsService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async recent(who: Who, q: { theme?: string; limit: number }): Promise<Job[]> {
    const themes = themesFor(who, 'jobs.read', this.#c.config.current, q.theme);
    const jobs = await this.#c.jobs.recent(q.limit, themes);
    await this.#c.trail.record(who, 'jobs.read', { themes, resources: jobs.map((j) => j.id), query: q, count: jobs.length });
    return jobs;
  }
}

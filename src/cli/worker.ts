import { hostname } from 'node:os';
import { launchBrowser } from '../capture/browser.ts';
import type { Job } from '../jobs/job-queue.ts';
import { jobRunner } from './run-job.ts';
import { workDue, workUntil } from '../jobs/work.ts';
import { configPollMs, watchConfiguration } from '../config/configuration.ts';
import { createLog } from '../log.ts';
import { parse } from './args.ts';
import { operator, OPERATOR_OPTIONS, withApp } from './operator.ts';
import { printJson, say } from './output.ts';
import { graceMs, stopOnSignals } from './stop-signals.ts';

export const usage = 'baken worker [--once] [--grace SECONDS] [--json]   run scheduled crawls and retention purges as they fall due, and help with other workers\' crawls (--once: what is due now, then stop; SIGTERM/Ctrl-C: finish or hand back the job in hand within --grace, default 30)';

const HELP_POLL_MS = 5_000;

export async function worker(args: string[]): Promise<number> {
  const { values } = parse(args, { by: OPERATOR_OPTIONS.by, once: { type: 'boolean', default: false }, grace: { type: 'string' } });
  const grace = graceMs(values.grace);
  return withApp(values, async (app) => {
    const log = createLog();
    // Over the themes of the configuration in force at each job, which may be newer than at start.
    const who = () => operator({ config: app.configuration.current }, 'admin', values);
    const stopping = stopOnSignals(grace, (signal) => log('worker.stopping', { signal, graceMs: grace }));
    const deps = {
      queue: app.jobs, config: app.configuration, worker: `${hostname()}:${process.pid}`,
      run: jobRunner({ collection: app.services.collection, trail: app.trail, log, who, launchBrowser, stopping }),
      help: () => app.services.collection.helpCrawls(who(), { launchBrowser, log, stopping }),
      tidy: async () => {
        const abandoned = await app.services.collection.abandonDeadRuns();
        if (abandoned.runs > 0) log('worker.tidied', abandoned);
      },
    };
    try {
      // What a crashed predecessor left: purged before this worker collects anything.
      log('worker.tidied', await app.services.collection.tidyUp());
      if (values.once) {
        const ran = await workDue(deps, stopping.draining);
        if (values.json) printJson({ jobs: ran.map(jobSummary) });
        else for (const job of ran) say(jobLine(job));
        return ran.every((j) => j.state === 'done') ? 0 : 1;
      }
      if (!values.json) say(`Baken worker: running scheduled crawls and purges; SIGTERM or Ctrl-C finishes (or hands back) the job in hand within ${grace / 1000} s, a second one stops at once`);
      watchConfiguration(app.configuration, log, stopping.draining, configPollMs());
      // Looks for work every few seconds: a crawl another worker starts should not wait a minute for help.
      await workUntil(deps, stopping.draining, HELP_POLL_MS);
      return 0;
    } finally {
      stopping.dispose();
    }
  }, { eachCall: true });
}

export function jobSummary(j: Job) {
  return {
    id: j.id, kind: j.kind, theme: j.theme, source: j.source, schedule: j.schedule, slot: j.slot, state: j.state,
    attempts: j.attempts, worker: j.worker, queuedAt: j.queuedAt, startedAt: j.startedAt, finishedAt: j.finishedAt, result: j.result, error: j.error,
  };
}

export function jobLine(j: Job): string {
  const outcome = j.state === 'done' ? Object.entries(j.result ?? {}).map(([k, v]) => `${k} ${v}`).join(', ') : j.error ?? '';
  return `${j.slot}  ${j.schedule}  ${j.kind} ${j.theme}${j.source ? `/${j.source}` : ''}  ${j.state} (attempt ${j.attempts})  ${outcome}`;
}

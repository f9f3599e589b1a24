import { integer, parse } from './args.ts';
import { operator, OPERATOR_OPTIONS, withApp } from './operator.ts';
import { printJson, say } from './output.ts';
import { jobLine, jobSummary } from './worker.ts';

export const usage = 'baken jobs [--limit 50] [--theme T] [--by NAME] [--json]   the newest scheduled jobs: what ran, what waits, what failed and why';

export async function jobs(args: string[]): Promise<number> {
  const { values } = parse(args, { by: OPERATOR_OPTIONS.by, limit: { type: 'string' }, theme: { type: 'string' } });
  const limit = integer(values.limit, 'limit', 50);
  return withApp(values, async (app) => {
    const recent = await app.services.jobs.recent(operator(app, 'admin', values), { limit, theme: values.theme });
    if (values.json) printJson({ jobs: recent.map(jobSummary) });
    else for (const job of recent) say(jobLine(job));
    return 0;
  });
}

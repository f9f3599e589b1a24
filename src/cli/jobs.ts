import { openJobQueue } from '../app.ts';
import { integer, parse, storage } from './args.ts';
import { printJson, say } from './output.ts';
import { jobLine, jobSummary } from './worker.ts';

export const usage = 'baken jobs [--limit 50] [--json]   the newest scheduled jobs: what ran, what waits, what failed and why';

export async function jobs(args: string[]): Promise<number> {
  const { values } = parse(args, { limit: { type: 'string' } });
  const queue = await openJobQueue(storage(values));
  try {
    const recent = await queue.recent(integer(values.limit, 'limit', 50));
    if (values.json) printJson({ jobs: recent.map(jobSummary) });
    else for (const job of recent) say(jobLine(job));
    return 0;
  } finally {
    await queue.close();
  }
}

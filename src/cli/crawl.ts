import { launchBrowser } from '../capture/browser.ts';
import { createLog } from '../log.ts';
import { parse, requireString } from './args.ts';
import { operator, OPERATOR_OPTIONS, withApp } from './operator.ts';
import { printJson, progress, say } from './output.ts';

export const usage = 'baken crawl --theme T [--source S] [--by NAME] [--json]   crawl a theme\'s sources now';

export async function crawl(args: string[]): Promise<number> {
  const { values } = parse(args, { by: OPERATOR_OPTIONS.by, theme: { type: 'string' }, source: { type: 'string' } });
  const request = { theme: requireString(values.theme, 'theme'), ...(values.source ? { source: values.source } : {}) };
  return withApp(values, async (app) => {
    const bar = progress(!values.json);
    const summary = await app.services.collection.crawl(operator(app, 'admin', values), request, {
      launchBrowser, log: createLog(), onProgress: (p) => bar.update(p.source, p.done, p.total),
    });
    bar.end();
    if (values.json) printJson(summary);
    else say(`run ${summary.run}: ${summary.captured} captured, ${summary.kept} kept, ${summary.deleted} deleted, ${summary.failed} failed in ${(summary.durationMs / 1000).toFixed(1)} s`);
    return 0;
  });
}

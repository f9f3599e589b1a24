import { launchBrowser } from '../capture/browser.ts';
import { createLog } from '../log.ts';
import { parse, requireString } from './args.ts';
import { operator, OPERATOR_OPTIONS, withApp } from './operator.ts';
import { printJson, progress, say } from './output.ts';
import { graceMs, signalExit, stopOnSignals } from './stop-signals.ts';
import { Stopped } from '../crawl/stopping.ts';

export const usage = 'baken crawl --theme T [--source S] [--grace SECONDS] [--by NAME] [--json]   crawl a theme\'s sources now (SIGTERM/Ctrl-C: finish the pages in hand within --grace, default 30, and give the run up)';

export async function crawl(args: string[]): Promise<number> {
  const { values } = parse(args, { by: OPERATOR_OPTIONS.by, theme: { type: 'string' }, source: { type: 'string' }, grace: { type: 'string' } });
  const request = { theme: requireString(values.theme, 'theme'), ...(values.source ? { source: values.source } : {}) };
  const grace = graceMs(values.grace);
  return withApp(values, async (app) => {
    const bar = progress(!values.json);
    const log = createLog();
    const stopping = stopOnSignals(grace, (signal) => log('worker.stopping', { signal, graceMs: grace }));
    let summary;
    try {
      summary = await app.services.collection.crawl(operator(app, 'admin', values), request, {
        launchBrowser, log, onProgress: (p) => bar.update(p.source, p.done, p.total), stopping,
      });
    } catch (e) {
      const signal = stopping.signal();
      if (!(e instanceof Stopped) || signal === null) throw e;
      bar.end();
      process.stderr.write(`baken crawl: ${e.message}\n`);
      return signalExit(signal);
    } finally {
      stopping.dispose();
    }
    bar.end();
    if (values.json) printJson(summary);
    else say(`run ${summary.run}: ${summary.captured} captured, ${summary.kept} kept, ${summary.deleted} deleted, ${summary.failed} failed in ${(summary.durationMs / 1000).toFixed(1)} s`);
    return 0;
  });
}

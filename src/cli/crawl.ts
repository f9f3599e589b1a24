import { openApp } from '../app.ts';
import { launchBrowser } from '../capture/browser.ts';
import { planCrawl, runCrawl } from '../crawl/run-crawl.ts';
import { loadConfig } from '../config/load.ts';
import { createLog } from '../log.ts';
import { configDir, parse, requireString, storage } from './args.ts';
import { printJson, progress, say } from './output.ts';

export const usage = 'baken crawl --theme T [--source S] [--json]   crawl a theme\'s sources now';

export async function crawl(args: string[]): Promise<number> {
  const { values } = parse(args, { theme: { type: 'string' }, source: { type: 'string' } });
  const request = { theme: requireString(values.theme, 'theme'), ...(values.source ? { source: values.source } : {}) };
  const config = loadConfig(configDir(values.config));
  planCrawl(config, request, new Date());
  const app = await openApp({ ...storage(values), config });
  const browser = await launchBrowser().catch(async (e) => { await app.close(); throw e; });
  const bar = progress(!values.json);
  try {
    const summary = await runCrawl(
      { ...app, browser, log: createLog(), onProgress: (p) => bar.update(p.source, p.done, p.total) },
      request);
    bar.end();
    if (values.json) printJson(summary);
    else say(`run ${summary.run}: ${summary.captured} captured, ${summary.kept} kept, ${summary.deleted} deleted, ${summary.failed} failed in ${(summary.durationMs / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await browser.close();
    await app.close();
  }
}

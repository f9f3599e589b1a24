import { startDemoServer } from '../../demo/server.ts';
import { openApiApp } from '../app.ts';
import { loadConfig } from '../config/load.ts';
import { launchBrowser } from '../capture/browser.ts';
import type { CrawlSummary } from '../crawl/run-crawl.ts';
import { createLog } from '../log.ts';
import { configDir, parse, storage } from './args.ts';
import { operator } from './operator.ts';
import { printJson, progress, say } from './output.ts';

export const usage = 'baken demo [--json]   serve the demo platforms on :4100, crawl them with every theme, print a summary';

export async function demo(args: string[]): Promise<number> {
  const { values } = parse(args, { by: { type: 'string' } });
  const config = loadConfig(configDir(values.config));
  const server = await startDemoServer({ port: 4100 });
  const app = await openApiApp({ ...storage(values), config }).catch(async (e) => { await server.close(); throw e; });
  const bar = progress(!values.json);
  try {
    const who = operator(app, 'admin', values);
    const summaries: Record<string, CrawlSummary> = {};
    for (const theme of app.config.themes.keys()) {
      summaries[theme] = await app.services.collection.crawl(who, { theme }, {
        launchBrowser, log: createLog(process.env.BAKEN_LOG ?? 'warn'), onProgress: (p) => bar.update(`${theme}/${p.source}`, p.done, p.total),
      });
      bar.end();
    }
    if (values.json) { printJson(summaries); return 0; }
    say(`Crawled the demo platforms at ${server.url} (data in ${app.dataDir}):`);
    for (const [theme, s] of Object.entries(summaries)) {
      say(`  ${theme.padEnd(14)} ${s.captured} captured  ${s.kept} kept  ${s.deleted} deleted  ${s.failed} failed  (${(s.durationMs / 1000).toFixed(1)} s)`);
    }
    say('Try: npx baken search "Utrecht" --theme mensenhandel --justification "signal research"');
    return 0;
  } finally {
    await app.close();
    await server.close();
  }
}

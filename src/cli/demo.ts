import { startDemoServer } from '../../demo/server.ts';
import { openApiApp } from '../app.ts';
import { loadConfig, type Config } from '../config/load.ts';
import { launchBrowser } from '../capture/browser.ts';
import type { CrawlSummary } from '../crawl/run-crawl.ts';
import { createLog } from '../log.ts';
import { configDir, parse, storage } from './args.ts';
import { importDemoReference } from './demo-reference.ts';
import { ensureDemoUsers } from './demo-users.ts';
import { operator } from './operator.ts';
import { SERVE_OPTIONS, serveUntilStopped } from './serve.ts';
import { printJson, progress, say } from './output.ts';

export const usage = 'baken demo [--json] [--serve [--port 8080]]   serve the demo platforms on the port the sources name (:4100), crawl them with every theme, print a summary; --serve then serves the dashboard with a demo account per role';

export async function demo(args: string[]): Promise<number> {
  const { values } = parse(args, { by: { type: 'string' }, serve: { type: 'boolean', default: false }, ...SERVE_OPTIONS });
  const config = loadConfig(configDir(values.config));
  const server = await startDemoServer({ port: sitesPort(config) });
  const app = await openApiApp({ ...storage(values), config }).catch(async (e) => { await server.close(); throw e; });
  const bar = progress(!values.json);
  try {
    const who = operator(app, 'admin', values);
    const references = await importDemoReference(app, who);
    const summaries: Record<string, CrawlSummary> = {};
    for (const theme of app.config.themes.keys()) {
      summaries[theme] = await app.services.collection.crawl(who, { theme }, {
        launchBrowser, log: createLog(process.env.BAKEN_LOG ?? 'warn'), onProgress: (p) => bar.update(`${theme}/${p.source}`, p.done, p.total),
      });
      bar.end();
    }
    if (values.json && !values.serve) { printJson(summaries); return 0; }
    if (!values.json) {
      say(`Crawled the demo platforms at ${server.url} (data in ${app.dataDir}):`);
      for (const [theme, s] of Object.entries(summaries)) {
        say(`  ${theme.padEnd(14)} ${s.captured} captured  ${s.kept} kept  ${s.deleted} deleted  ${s.failed} failed  (${(s.durationMs / 1000).toFixed(1)} s)`);
      }
      for (const r of references) say(`Imported ${r.fileName}: ${r.rows} rows as version ${r.version} of ${r.kind} in ${r.theme}`);
    }
    if (!values.serve) {
      say('Try: npx baken search "Utrecht" --theme mensenhandel --justification "signal research"');
      return 0;
    }
    const users = await ensureDemoUsers(app, who);
    await serveUntilStopped(app, values, (url) => {
      if (values.json) { printJson({ summaries, users: users.map(({ name, role, password }) => ({ name, role, password })), url: `${url}/` }); return; }
      say(`Baken at ${url}/ (API at ${url}/api); Ctrl-C stops`);
      say('Demo sign-ins (one per role; demo passwords, no one-time code in the demo configuration):');
      for (const u of users) say(`  ${u.role.padEnd(11)} ${u.name.padEnd(15)} ${u.password}   (${u.themes.join(', ')})`);
    });
    return 0;
  } finally {
    await app.close();
    await server.close();
  }
}

/** The demo platforms are served where the configured sources look for them: the bundled ones on
 *  :4100, a copy of the configuration moved to another port (tests beside a running demo) there. */
function sitesPort(config: Config): number {
  const local = [...config.sources.values()].map((s) => new URL(s.start)).find((u) => u.hostname === '127.0.0.1' && u.port !== '');
  return local ? Number(local.port) : 4100;
}

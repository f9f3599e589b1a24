import { existsSync, readFileSync } from 'node:fs';
import { openApiApp, type ApiApp } from '../app.ts';
import { buildApi } from '../api/build-api.ts';
import { DASHBOARD_BUILD } from '../api/dashboard-files.ts';
import { configPollMs, watchConfiguration } from '../config/configuration.ts';
import { BakenError } from '../domain/errors.ts';
import { createLog } from '../log.ts';
import { integer, parse, storage } from './args.ts';
import { configurationOf } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken serve [--port 8080] [--host 127.0.0.1] [--tls-cert FILE --tls-key FILE] [--dashboard DIR]   serve the dashboard at / and the REST API under /api';

export const SERVE_OPTIONS = {
  port: { type: 'string' }, host: { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' }, dashboard: { type: 'string' },
} as const;

export interface ServeFlags { port?: string; host?: string; 'tls-cert'?: string; 'tls-key'?: string; dashboard?: string }

export async function serve(args: string[]): Promise<number> {
  const { values } = parse(args, SERVE_OPTIONS);
  const app = await openApiApp({ ...storage(values), config: await configurationOf(values) });
  try {
    await serveUntilStopped(app, values, (url, dashboard) => {
      if (values.json) printJson({ url: `${url}/api`, dashboard: dashboard ? `${url}/` : null });
      else if (dashboard) say(`Baken at ${url}/ (API at ${url}/api, docs at ${url}/api/docs); Ctrl-C stops`);
      else say(`Baken API at ${url}/api (docs at ${url}/api/docs; no dashboard: run npm run setup to build it); Ctrl-C stops`);
    });
    return 0;
  } finally {
    await app.close();
  }
}

/** Listens until Ctrl-C or SIGTERM; `ready` is told the address once it answers, and says so. */
export async function serveUntilStopped(app: ApiApp, values: ServeFlags, ready: (url: string, dashboard: boolean) => void): Promise<void> {
  const tls = tlsOf(values['tls-cert'], values['tls-key']);
  const dashboard = dashboardOf(values.dashboard);
  const log = createLog();
  const metricsToken = metricsTokenOf(process.env['BAKEN_METRICS_TOKEN']);
  const api = await buildApi({
    ...app, config: app.configuration, log, ...(tls ? { tls } : {}), ...(dashboard ? { dashboard } : {}), ...(metricsToken ? { metricsToken } : {}),
  });
  // Loopback by default: on a network, put a TLS reverse proxy in front or pass --tls-cert/--tls-key.
  const address = await api.listen({ port: integer(values.port, 'port', 8080), host: values.host ?? '127.0.0.1' });
  log('api.listening', { address, tls: Boolean(tls), dashboard: Boolean(dashboard) });
  ready(address, Boolean(dashboard));
  const stop = new AbortController();
  watchConfiguration(app.configuration, log, stop.signal, configPollMs());
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  stop.abort();
  await api.close();
}

/** The dashboard from --dashboard, or the bundled build when there is one: the API alone serves
 *  service tokens and scripts without it. */
function dashboardOf(flag: string | undefined): string | null {
  if (flag !== undefined) return flag;
  return existsSync(DASHBOARD_BUILD) ? DASHBOARD_BUILD : null;
}

/** The scrape token of /api/metrics: long enough that it cannot be guessed, or none (no metrics). */
export function metricsTokenOf(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (value.length < 32) throw new BakenError('USAGE', `BAKEN_METRICS_TOKEN: expected at least 32 characters (e.g. openssl rand -base64 32), got ${value.length}`);
  return value;
}

function tlsOf(cert: string | undefined, key: string | undefined): { cert: Buffer; key: Buffer } | null {
  if (cert === undefined && key === undefined) return null;
  if (cert === undefined || key === undefined) throw new BakenError('USAGE', '--tls-cert and --tls-key go together');
  const read = (file: string, flag: string) => {
    try { return readFileSync(file); } catch (cause) {
      throw new BakenError('USAGE', `--${flag} ${file}: cannot read (${(cause as Error).message})`, { cause });
    }
  };
  return { cert: read(cert, 'tls-cert'), key: read(key, 'tls-key') };
}

import { readFileSync } from 'node:fs';
import { openApiApp } from '../app.ts';
import { buildApi } from '../api/build-api.ts';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import { createLog } from '../log.ts';
import { configDir, integer, parse, storage } from './args.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken serve [--port 8080] [--host 127.0.0.1] [--tls-cert FILE --tls-key FILE]   serve the REST API under /api';

export async function serve(args: string[]): Promise<number> {
  const { values } = parse(args, {
    port: { type: 'string' }, host: { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' },
  });
  const tls = tlsOf(values['tls-cert'], values['tls-key']);
  const app = await openApiApp({ ...storage(values), config: loadConfig(configDir(values.config)) });
  const log = createLog();
  try {
    const api = await buildApi({ ...app, config: { current: app.config }, log, ...(tls ? { tls } : {}) });
    // Loopback by default: on a network, put a TLS reverse proxy in front or pass --tls-cert/--tls-key.
    const address = await api.listen({ port: integer(values.port, 'port', 8080), host: values.host ?? '127.0.0.1' });
    log('api.listening', { address, tls: Boolean(tls) });
    if (values.json) printJson({ url: `${address}/api` });
    else say(`Baken API at ${address}/api (docs at ${address}/api/docs); Ctrl-C stops`);
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
    });
    await api.close();
    return 0;
  } finally {
    await app.close();
  }
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

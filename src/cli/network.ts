import { openApp } from '../app.ts';
import { loadConfig, type Config } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import type { Network } from '../domain/network.ts';
import type { Store } from '../store/store.ts';
import { configDir, parse, requireString, storage } from './args.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken network --ad ID [--theme T] [--json]   the kept ads linked to an ad by phone, photo or template text';

// The CLI is an operator's tool on the data directory itself; per-user authorisation is the API's.
export async function network(args: string[]): Promise<number> {
  const { values } = parse(args, { ad: { type: 'string' }, theme: { type: 'string' } });
  const id = requireString(values.ad, 'ad');
  const config = loadConfig(configDir(values.config));
  const app = await openApp({ ...storage(values), config });
  try {
    const found = await findNetwork(config, app.store, id, values.theme);
    if (values.json) printJson(found);
    else {
      say(`${found.ads.length} ads in the network of ${id} (${found.theme})`);
      for (const l of found.links) say(`${l.a}  ${l.b}  ${l.reason}  ${l.value}`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

/** The network of a kept ad in the first theme (of those asked) that keeps it. */
export async function findNetwork(config: Config, store: Store, id: string, themeId?: string): Promise<{ ad: string; theme: string } & Network> {
  if (themeId !== undefined && !config.themes.has(themeId)) throw new BakenError('THEME_UNKNOWN', `no theme "${themeId}" in ${config.dir}/themes`);
  for (const theme of themeId ? [themeId] : [...config.themes.keys()]) {
    const found = await store.networkOf(id, [theme]);
    if (found) return { ad: id, theme, ...found };
  }
  throw new BakenError('NOT_FOUND', `no kept ad ${id}${themeId ? ` in theme "${themeId}"` : ''}`);
}

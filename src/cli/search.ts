import { openApp } from '../app.ts';
import { loadConfig } from '../config/load.ts';
import { configDir, integer, parse, storage } from './args.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken search "query" [--theme T] [--limit N] [--json]   search kept ads';

// The CLI is an operator's tool on the data directory itself; per-user authorisation is the API's.
export async function search(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { theme: { type: 'string' }, limit: { type: 'string' } }, true);
  const app = await openApp({ ...storage(values), config: loadConfig(configDir(values.config)) });
  try {
    const themes = values.theme ? [values.theme] : [...app.config.themes.keys()];
    const text = positionals.join(' ').trim();
    const result = await app.store.search({ themes, ...(text ? { text } : {}), limit: integer(values.limit, 'limit', 20) });
    if (values.json) printJson(result);
    else {
      say(`${result.total} ads`);
      for (const h of result.hits) say(`${h.id}  ${h.theme}/${h.source}  score ${h.score}  ${h.city ?? '-'}  ${h.title ?? ''}`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

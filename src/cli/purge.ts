import { openApp } from '../app.ts';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import { purgeAudited } from '../retention/purge-expired.ts';
import { AuditTrail } from '../services/audit-trail.ts';
import { configDir, parse, storage } from './args.ts';
import { operator } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken purge [--theme T] [--json]   erase kept ads past their theme\'s retention, except those on hold';

export async function purge(args: string[]): Promise<number> {
  const { values } = parse(args, { theme: { type: 'string' } });
  const config = loadConfig(configDir(values.config));
  if (values.theme !== undefined && !config.themes.has(values.theme)) {
    throw new BakenError('THEME_UNKNOWN', `no theme "${values.theme}" in ${config.dir}/themes`);
  }
  const themes = values.theme !== undefined ? [config.themes.get(values.theme)!] : [...config.themes.values()];
  const app = await openApp({ ...storage(values), config });
  try {
    const now = new Date();
    const total = { purged: 0, captures: 0, blobs: 0, held: 0 };
    const trail = new AuditTrail(app.store);
    for (const theme of themes) {
      const r = await purgeAudited({ ...app, trail }, operator(config), theme, now);
      total.purged += r.ads;
      total.captures += r.captures;
      total.blobs += r.blobs.length;
      total.held += r.held;
    }
    if (values.json) printJson(total);
    else say(`${total.purged} ads purged (${total.captures} captures, ${total.blobs} files); ${total.held} past retention kept on hold`);
    return 0;
  } finally {
    await app.close();
  }
}

import { openApp } from '../app.ts';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import { AuditTrail } from '../services/audit-trail.ts';
import { configDir, parse, requireString, storage } from './args.ts';
import { operator } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken hold --ad ID --theme T (--case CASE | --release) --by NAME [--json]   put a kept ad on legal hold for a case, or release it';

// Wpg arts. 8, 9: only a case keeps an ad past its retention, so a hold needs the case number and who asked.
export async function hold(args: string[]): Promise<number> {
  const { values } = parse(args, {
    ad: { type: 'string' }, theme: { type: 'string' }, case: { type: 'string' }, by: { type: 'string' },
    release: { type: 'boolean', default: false },
  });
  const ad = requireString(values.ad, 'ad');
  const themeId = requireString(values.theme, 'theme');
  const by = requireString(values.by, 'by');
  if (values.release === (values.case !== undefined)) {
    throw new BakenError('USAGE', 'give either --case CASE to place a hold or --release to lift it');
  }
  const config = loadConfig(configDir(values.config));
  if (!config.themes.has(themeId)) throw new BakenError('THEME_UNKNOWN', `no theme "${themeId}" in ${config.dir}/themes`);
  const app = await openApp({ ...storage(values), config });
  try {
    const at = new Date().toISOString();
    const caseNumber = values.release ? null : requireString(values.case, 'case');
    const trail = new AuditTrail(app.store);
    const details = { themes: [themeId], resources: [ad], justification: caseNumber, query: { op: values.release ? 'release' : 'place', by } };
    // The custody entry commits with the hold itself; the audit trail also gets refused attempts.
    const change = values.release ? app.store.releaseHold(ad, themeId, by, at) : app.store.placeHold(ad, themeId, caseNumber!, by, at);
    const done = await change.catch(async (e: unknown) => {
      if (e instanceof BakenError) await trail.record(operator(config), 'request.refused', { ...details, outcome: e.code });
      throw e;
    });
    await trail.record(operator(config), 'holds.change', { ...details, count: 1 });
    if (values.json) printJson(values.release ? { released: done } : { held: done });
    else if (values.release) say(`ad ${ad} is no longer on hold for case ${done.caseNumber}; it is purged once past retention`);
    else say(`ad ${ad} is on hold for case ${done.caseNumber}`);
    return 0;
  } finally {
    await app.close();
  }
}

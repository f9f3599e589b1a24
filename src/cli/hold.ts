import { openApp } from '../app.ts';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import { configDir, dataDir, parse, requireString } from './args.ts';
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
  const app = await openApp({ dataDir: dataDir(values.data), config });
  try {
    const at = new Date().toISOString();
    if (values.release) {
      const released = await app.store.releaseHold(ad, themeId, by, at);
      if (values.json) printJson({ released });
      else say(`ad ${ad} is no longer on hold for case ${released.caseNumber}; it is purged once past retention`);
    } else {
      const held = await app.store.placeHold(ad, themeId, requireString(values.case, 'case'), by, at);
      if (values.json) printJson({ held });
      else say(`ad ${ad} is on hold for case ${held.caseNumber}`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

import { BakenError } from '../domain/errors.ts';
import { parse, requireString } from './args.ts';
import { operator, OPERATOR_OPTIONS, refusalsAudited, withApp } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken hold --ad ID --theme T (--case CASE | --release) --by NAME [--json]   put a kept ad on legal hold for a case, or release it';

// Wpg arts. 8, 9: only a case keeps an ad past its retention, so a hold needs the case number and who asked.
export async function hold(args: string[]): Promise<number> {
  const { values } = parse(args, {
    ...OPERATOR_OPTIONS, ad: { type: 'string' }, theme: { type: 'string' }, case: { type: 'string' },
    release: { type: 'boolean', default: false },
  });
  const ad = requireString(values.ad, 'ad');
  const themeId = requireString(values.theme, 'theme');
  requireString(values.by, 'by');
  if (values.release === (values.case !== undefined)) {
    throw new BakenError('USAGE', 'give either --case CASE to place a hold or --release to lift it');
  }
  const caseNumber = values.release ? null : requireString(values.case, 'case');
  return withApp(values, async (app) => {
    if (!app.config.themes.has(themeId)) throw new BakenError('THEME_UNKNOWN', `no theme "${themeId}" in ${app.config.dir}/themes`);
    const who = operator(app, 'expert', values, themeId);
    const probed = { themes: [themeId], resources: [ad], query: { op: values.release ? 'release' : 'place' }, justification: caseNumber };
    if (values.release) {
      const released = await refusalsAudited(app, who, probed, () => app.services.ads.release(who, ad));
      if (values.json) printJson({ released });
      else say(`ad ${ad} is no longer on hold for case ${released.caseNumber}; it is purged once past retention`);
    } else {
      const held = await refusalsAudited(app, who, probed, () => app.services.ads.hold(who, ad, caseNumber!));
      if (values.json) printJson({ held });
      else say(`ad ${ad} is on hold for case ${held.caseNumber}`);
    }
    return 0;
  });
}

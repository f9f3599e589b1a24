// `baken report council`: one municipality's council report (PDF/A or DOCX), made by the application
// layer under the operator's name as a supervisor of the theme, like the dashboard's download.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BakenError } from '../domain/errors.ts';
import { COUNCIL_LANGS, type CouncilLang } from '../reports/council-report.ts';
import { isDocumentFormat } from '../reports/render.ts';
import { parse, requireString } from './args.ts';
import { operator, OPERATOR_OPTIONS, refusalsAudited, withApp } from './operator.ts';
import { printJson, say } from './output.ts';

export const councilUsage = 'baken report council --theme T --municipality CBS [--from 2026-W40 --to 2026-W48] --format pdf|docx [--lang nl|en] --out FILE [--by NAME]   a municipality\'s figures for its council, no personal data';

export async function reportCouncil(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    by: OPERATOR_OPTIONS.by, theme: { type: 'string' }, municipality: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
    format: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' },
  }, true);
  if (positionals.length !== 1) throw new BakenError('USAGE', `expected: ${councilUsage}`);
  const theme = requireString(values.theme, 'theme');
  const code = requireString(values.municipality, 'municipality');
  const format = requireString(values.format, 'format');
  if (!isDocumentFormat(format)) throw new BakenError('USAGE', `--format: expected pdf or docx, got "${format}"`);
  const lang = values.lang ?? 'nl';
  if (!(COUNCIL_LANGS as readonly string[]).includes(lang)) throw new BakenError('USAGE', `--lang: expected nl or en, got "${lang}"`);
  const out = resolve(requireString(values.out, 'out'));
  return withApp(values, async (app) => {
    if (!app.config.themes.has(theme)) throw new BakenError('THEME_UNKNOWN', `no theme "${theme}" in ${app.config.dir}/themes`);
    const who = operator(app, 'supervisor', values, theme);
    const query = { theme, ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}), format, lang: lang as CouncilLang };
    const file = await refusalsAudited(app, who, { themes: [theme], resources: [code], query: { command: 'report council', ...query } },
      () => app.services.monitor.councilReport(who, code, query));
    writeFileSync(out, file.bytes, { mode: 0o600 });
    if (values.json) printJson({ out, bytes: file.bytes.length, contentType: file.contentType });
    else say(`council report of ${code} written to ${out} (${file.bytes.length} bytes)`);
    return 0;
  });
}

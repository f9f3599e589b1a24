// `baken report transparency`: the oversight committee's figures, built as a document
// (src/reports/document.ts) and rendered in one place (renderer) to the format asked for.
import { writeFileSync } from 'node:fs';
import { BakenError } from '../domain/errors.ts';
import type { ReportDocument } from '../reports/document.ts';
import { renderMarkdown } from '../reports/render-markdown.ts';
import { renderPdf } from '../reports/render-pdf.ts';
import { boundaryMonth } from '../reports/transparency-period.ts';
import { REPORT_LANGS, transparencyDocument, type ReportLang } from '../reports/transparency-report.ts';
import { SOFTWARE_VERSION } from '../version.ts';
import { parse, requireString } from './args.ts';
import { operator, OPERATOR_OPTIONS, refusalsAudited, withApp } from './operator.ts';
import { printJson, say } from './output.ts';

export const transparencyUsage = 'baken report transparency --from DATE --to DATE [--theme T] [--format md|json|pdf] [--lang nl|en] [--out FILE] [--by NAME]   figures for the oversight committee, per theme and ended calendar month';

const FORMATS = ['md', 'json', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export async function reportTransparency(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    by: OPERATOR_OPTIONS.by, from: { type: 'string' }, to: { type: 'string' }, theme: { type: 'string' },
    format: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' },
  }, true);
  const [kind, ...rest] = positionals;
  if (kind !== 'transparency' || rest.length > 0) throw new BakenError('USAGE', `expected: ${transparencyUsage}`);
  const format = oneOf(values.format ?? (values.json ? 'json' : 'md'), FORMATS, 'format');
  const lang = oneOf(values.lang ?? 'nl', REPORT_LANGS, 'lang');
  const period = { from: boundaryMonth(requireString(values.from, 'from'), 'from'), to: boundaryMonth(requireString(values.to, 'to'), 'to') };
  if (format === 'pdf' && values.out === undefined) throw new BakenError('USAGE', '--format pdf needs --out FILE');
  const render = format === 'json' ? null : renderer(format);
  return withApp(values, async (app) => {
    const theme = values.theme;
    if (theme !== undefined && !app.config.themes.has(theme)) throw new BakenError('THEME_UNKNOWN', `no theme "${theme}" in ${app.config.dir}/themes`);
    const who = operator(app, 'auditor', values, theme);
    const figures = await refusalsAudited(app, who, { themes: theme ? [theme] : [], query: period },
      () => app.services.transparency.report(who, { ...period, ...(theme ? { theme } : {}) }));
    const out = render === null ? `${JSON.stringify(figures)}\n` : await render(transparencyDocument(figures, lang, SOFTWARE_VERSION));
    if (values.out === undefined) process.stdout.write(out);
    else {
      writeFileSync(values.out, out);
      if (values.json) printJson({ out: values.out, format, from: figures.from, to: figures.to, themes: figures.themes.map((t) => t.theme) });
      else say(`transparency report ${figures.from} – ${figures.to} written to ${values.out}`);
    }
    return 0;
  });
}

/** The one place a document format finds its renderer; asked before any report is made, so a
 *  format this build cannot write fails before anything is read. */
function renderer(format: Exclude<Format, 'json'>): (doc: ReportDocument) => Promise<string | Uint8Array> {
  switch (format) {
    case 'md': return async (doc) => renderMarkdown(doc);
    case 'pdf': return renderPdf;
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new BakenError('USAGE', `--${flag}: expected one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

// `baken report attachment|processing`: the attachment to the official report and the record of
// processing, made by the application layer under the operator's name like every other door. The
// official report of an ad itself leaves only as an approved export: `baken export request pv`.
import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { BakenError } from '../domain/errors.ts';
import { renderMarkdown } from '../reports/render-markdown.ts';
import { processingDocument } from '../reports/processing-record.ts';
import { isDocumentFormat, type DocumentFormat } from '../reports/render.ts';
import type { ReportFile } from '../services/reports.service.ts';
import { parse, requireString } from './args.ts';
import { operator, OPERATOR_OPTIONS, refusalsAudited, withApp } from './operator.ts';
import { printJson, say } from './output.ts';

export const documentsUsage = 'baken report attachment --theme T [--from YYYY-MM-DD --to YYYY-MM-DD] --out FILE.docx|.pdf [--by USER]'
  + ' | processing [--theme T] [--format md|json|docx|pdf] [--out FILE] [--by USER]';

const OPTIONS = {
  ...OPERATOR_OPTIONS, out: { type: 'string' }, theme: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' },
} as const;

export async function reportDocument(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, OPTIONS, true);
  const what = positionals[0];
  if (what === 'processing') return processing(values);
  if (what === 'pv') throw new BakenError('USAGE', 'the official report leaves only as an approved export: baken export request pv --ad ID --officer NAME --unit UNIT [--format docx|pdf] --justification WHY --by USER');
  if (what !== 'attachment') {
    throw new BakenError('USAGE', `report what? expected attachment, processing or transparency; usage: ${documentsUsage}`);
  }
  const out = resolve(requireString(values.out, 'out'));
  const format = documentFormat(out);
  const theme = requireString(values.theme, 'theme');
  return withApp(values, async (app) => {
    const who = operator(app, 'expert', values);
    const probed = { themes: [theme], query: { command: 'report attachment', from: values.from, to: values.to } };
    const file = await refusalsAudited(app, who, probed, () => app.services.reports.attachment(who, { theme, from: values.from, to: values.to, format }));
    return written(values.json, out, file);
  });
}

/** The format is the file's extension, checked before anything is read. */
function documentFormat(out: string): DocumentFormat {
  const ext = extname(out).slice(1).toLowerCase();
  if (!isDocumentFormat(ext)) throw new BakenError('USAGE', `--out: expected a file name ending in .docx or .pdf, got "${out}"`);
  return ext;
}

async function processing(values: { out?: string; format?: string; theme?: string; json: boolean; by?: string; data?: string; database?: string; config?: string }): Promise<number> {
  const out = values.out === undefined ? null : resolve(values.out);
  const format = values.format ?? (out ? extname(out).slice(1).toLowerCase() : 'md');
  if (format !== 'md' && format !== 'json' && !isDocumentFormat(format)) {
    throw new BakenError('USAGE', `--format: expected md, json, docx or pdf, got "${format}"`);
  }
  if (out === null && isDocumentFormat(format)) throw new BakenError('USAGE', `--format ${format} needs --out FILE`);
  return withApp(values, async (app) => {
    const who = operator(app, 'admin', values);
    const probed = { themes: values.theme ? [values.theme] : [], query: { command: 'report processing', format } };
    const { record, file } = await refusalsAudited(app, who, probed, () => app.services.reports.processing(who, {
      theme: values.theme, ...(isDocumentFormat(format) ? { format } : {}),
    }));
    if (file) return written(values.json, out!, file);
    const text = format === 'json' ? `${JSON.stringify(record, null, 2)}\n` : renderMarkdown(processingDocument(record));
    if (out === null) process.stdout.write(text);
    else writeFileSync(out, text, { mode: 0o600 });
    return 0;
  });
}

function written(json: boolean, out: string, file: ReportFile): number {
  writeFileSync(out, file.bytes, { mode: 0o600 });
  const summary = { out, bytes: file.bytes.length, contentType: file.contentType, templateVersion: file.templateVersion };
  if (json) printJson(summary);
  else say(`wrote ${out} (${file.bytes.length} bytes, template ${file.templateVersion})`);
  return 0;
}

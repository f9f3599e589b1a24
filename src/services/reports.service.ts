// The reports on how Baken works: the attachment "toelichting werking webcrawler" and the record of
// processing. Each is authorised and audited here, with the template version it used. The PV of one
// ad discloses ad details, so it leaves only as an approved export (export-kinds.ts, pv-report.ts).
import type { Who } from '../accounts/actor.ts';
import { configHash } from '../config/config-hash.ts';
import { loadReportTemplate } from '../config/report-templates.ts';
import { BakenError } from '../domain/errors.ts';
import { buildAttachment } from '../reports/attachment.ts';
import type { ReportDocument } from '../reports/document.ts';
import { countMinimisation } from '../reports/minimisation-counts.ts';
import { processingDocument, processingRecord, type ProcessingRecord } from '../reports/processing-record.ts';
import { DOCUMENT_FORMATS, type DocumentFormat } from '../reports/render.ts';
import type { LogEntry } from '../domain/hash-chain.ts';
import { SOFTWARE_VERSION } from '../version.ts';
import { themesFor, type ServiceContext } from './context.ts';

export interface ReportFile { bytes: Uint8Array; filename: string; contentType: string; templateVersion: string }

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class ReportsService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  /** `from` and `to` are YYYY-MM-DD, both included; by default the theme's purpose period up to today. */
  async attachment(who: Who, q: { theme: string; from?: string; to?: string; format: DocumentFormat }): Promise<ReportFile> {
    const config = this.#c.config.current;
    const [themeId] = themesFor(who, 'stats.read', config, q.theme);
    const theme = config.themes.get(themeId!)!;
    const from = q.from ?? theme.purpose.start;
    const to = q.to ?? this.#c.now().toISOString().slice(0, 10);
    for (const [name, value] of [['from', from], ['to', to]] as const) {
      if (!DAY.test(value)) throw new BakenError('INPUT_INVALID', `${name}: expected a date as YYYY-MM-DD, got "${value}"`);
    }
    if (to < from) throw new BakenError('INPUT_INVALID', `to: expected a day on or after from (${from}), got ${to}`);
    const template = loadReportTemplate(config, 'attachment');
    const doc = buildAttachment(template, {
      theme, sources: [...config.sources.values()].filter((s) => s.theme === theme.id), period: { from, to },
      counts: countMinimisation(await this.#custody(), theme.id, `${from}T00:00:00.000Z`, dayAfter(to)),
      onHold: (await this.#c.store.holds(theme.id)).length,
      softwareVersion: SOFTWARE_VERSION, configHash: configHash(config),
    });
    const file = await render(doc, q.format, `toelichting-${theme.id}-${from}-${to}`, template.version);
    await this.#c.trail.record(who, 'reports.attachment', {
      themes: [theme.id], query: { from, to, format: q.format, templateVersion: template.version }, count: 1,
    });
    return file;
  }

  /** The record as data (JSON and Markdown are the caller's), and as a document file when a format is asked. */
  async processing(who: Who, q: { theme?: string; format?: DocumentFormat }): Promise<{ record: ProcessingRecord; file: ReportFile | null }> {
    const config = this.#c.config.current;
    const themes = themesFor(who, 'processing.read', config, q.theme);
    const record = processingRecord(themes.map((t) => config.themes.get(t)!), SOFTWARE_VERSION, configHash(config));
    const file = q.format === undefined ? null : await render(processingDocument(record), q.format, 'verwerkingsregister', SOFTWARE_VERSION);
    await this.#c.trail.record(who, 'reports.processing', { themes, query: { format: q.format ?? 'data' }, count: themes.length });
    return { record, file };
  }

  async #custody(): Promise<LogEntry[]> {
    const entries: LogEntry[] = [];
    for (let from = 1; ;) {
      const page = await this.#c.store.readLog('custody', { fromSeq: from, limit: 5000 });
      entries.push(...page);
      if (page.length < 5000) return entries;
      from = page.at(-1)!.seq + 1;
    }
  }
}

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();
}

export async function render(doc: ReportDocument, format: DocumentFormat, name: string, templateVersion: string): Promise<ReportFile> {
  const { render: write, contentType } = DOCUMENT_FORMATS[format];
  return { bytes: await write(doc), filename: `${name}.${format}`, contentType, templateVersion };
}

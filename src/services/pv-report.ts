// The proces-verbaal van bevindingen of one ad, made when its requester downloads an approved export
// (export-kinds.ts): the standard text filled in with the officer, the ad, the NUMBER of indicators
// that hit (never which) and the evidence's hashes, as DOCX or PDF.
import { loadReportTemplate } from '../config/report-templates.ts';
import { BakenError } from '../domain/errors.ts';
import { artefactFileName } from '../evidence/export.ts';
import { buildPv } from '../reports/pv.ts';
import { isDocumentFormat, type DocumentFormat } from '../reports/render.ts';
import { SOFTWARE_VERSION } from '../version.ts';
import type { ServiceContext } from './context.ts';
import { render, type ReportFile } from './reports.service.ts';

export interface PvParams { officer: string; unit: string; format: DocumentFormat; searchDate?: string }

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The request's parameters, checked when the export is requested so a bad one is never approved. */
export function pvParams(params: Record<string, unknown>): PvParams {
  const unknown = Object.keys(params).filter((k) => !['officer', 'unit', 'format', 'searchDate'].includes(k));
  if (unknown.length > 0) throw new BakenError('INPUT_INVALID', `a PV takes officer, unit, format and searchDate, got ${unknown.join(', ')}`);
  const format = params['format'] ?? 'docx';
  if (typeof format !== 'string' || !isDocumentFormat(format)) throw new BakenError('INPUT_INVALID', `format: expected docx or pdf, got "${String(format)}"`);
  const searchDate = params['searchDate'];
  if (searchDate !== undefined && (typeof searchDate !== 'string' || !DAY.test(searchDate))) {
    throw new BakenError('INPUT_INVALID', `searchDate: expected a date as YYYY-MM-DD, got "${String(searchDate)}"`);
  }
  return { officer: required(params['officer'], 'officer'), unit: required(params['unit'], 'unit'), format, ...(searchDate === undefined ? {} : { searchDate }) };
}

export async function makePv(c: ServiceContext, adId: string, themeId: string, p: PvParams): Promise<ReportFile & { captureId: string }> {
  const config = c.config.current;
  const ad = await c.store.getAd(adId, [themeId]);
  const theme = config.themes.get(themeId);
  const capture = ad && (await c.store.evidence(adId)).filter((e) => e.ad.theme === themeId).at(-1);
  if (!ad || !theme || !capture) throw new BakenError('NOT_FOUND', `ad ${adId} was purged after the report was requested`);
  const template = loadReportTemplate(config, 'pv');
  const today = c.now().toISOString().slice(0, 10);
  let image = 0;
  const doc = buildPv(template, {
    officer: p.officer, unit: p.unit, searchDate: p.searchDate ?? today, date: today,
    theme: { name: theme.name, purpose: theme.purpose.description },
    ad: { alias: ad.fields.alias ?? null, source: config.sources.get(ad.source)?.name ?? ad.source, url: ad.url, firstSeen: ad.firstSeen, lastSeen: ad.lastSeen },
    indicatorCount: ad.hits.length,
    evidence: {
      captureId: capture.captureId, manifestSha256: capture.manifest.sha256, keyId: capture.manifest.keyId,
      files: capture.artefacts.map((a) => ({ name: artefactFileName(a.kind, a.mime, a.kind === 'image' ? ++image : 0), sha256: a.sha256 })),
    },
    softwareVersion: SOFTWARE_VERSION,
  });
  return { ...await render(doc, p.format, `pv-${adId}`, template.version), captureId: capture.captureId };
}

function required(value: unknown, name: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new BakenError('INPUT_INVALID', `missing ${name}: the report names the ${name}`);
  return text;
}

// The kinds of export, one entry each: what a request of that kind is of, the policy action its
// requester, its approver and its downloader must all hold in its theme, and how the artefact is
// made once the request is approved. Adding a kind (the PV) is adding an entry here.
import type { Who } from '../accounts/actor.ts';
import type { Action } from '../accounts/roles.ts';
import { BakenError } from '../domain/errors.ts';
import type { ExportRequest } from '../domain/export-request.ts';
import { bundleExport, warcExport } from '../evidence/export.ts';
import { authorise, themeRef, themesFor, type ServiceContext } from './context.ts';
import { inspectionListCsv } from './inspection-csv.ts';
import { listCsv } from './list-csv.ts';
import { makePv, pvParams } from './pv-report.ts';

/** What leaves: the bytes, how the download is named and typed, and what it carries (for the
 *  custody entry and the audit trail). */
export interface ExportArtefact {
  bytes: Buffer;
  filename: string;
  contentType: string;
  /** Ids of the ads in the artefact. */
  ads: string[];
  /** Ids of the captures whose evidence it carries; empty for a table of ads. */
  captures: string[];
}

/** What a request asks for, as the door gave it. */
export interface ExportAsked { subject: string | null; theme?: string; params: Record<string, unknown> }

/** The theme a request falls in and its subject, as the requester may see them. */
export interface ExportTarget { theme: string; subject: string | null; params: Record<string, unknown> }

export interface ExportKind {
  action: Action;
  /** NOT_FOUND when the subject is not in a theme the requester holds; INPUT_INVALID for a bad ask. */
  target(c: ServiceContext, who: Who, asked: ExportAsked): Promise<ExportTarget>;
  /** Makes the artefact of an approved request, when its requester downloads it. */
  produce(c: ServiceContext, request: ExportRequest): Promise<ExportArtefact>;
}

export const EXPORT_KINDS = {
  warc: {
    action: 'ads.export',
    target: async (c, who, asked) => {
      noParams('warc', asked);
      if (asked.subject !== null) return adTarget(c, who, asked.subject);
      if (asked.theme === undefined) throw new BakenError('INPUT_INVALID', 'a WARC export is of one ad or of one theme: name the ad or the theme');
      return { theme: themesFor(who, 'ads.export', c.config.current, asked.theme)[0]!, subject: null, params: {} };
    },
    produce: async (c, r) => {
      const { bytes, captures } = await warcExport({ ...c, themes: [r.theme] }, r.subject ?? undefined);
      const ads = r.subject === null ? [] : [r.subject];
      return { bytes, captures, ads, filename: `${r.subject ?? r.theme}.warc.gz`, contentType: 'application/warc' };
    },
  },
  bundle: {
    action: 'ads.export',
    target: async (c, who, asked) => {
      noParams('bundle', asked);
      if (asked.subject === null) throw new BakenError('INPUT_INVALID', 'an evidence bundle is of one ad: name the ad');
      return adTarget(c, who, asked.subject);
    },
    produce: async (c, r) => {
      const { bytes, captures } = await bundleExport({ ...c, themes: [r.theme] }, r.subject!, c.now());
      return { bytes, captures, ads: [r.subject!], filename: `bundle-${r.subject}.tar`, contentType: 'application/x-tar' };
    },
  },
  'list-csv': {
    action: 'lists.read',
    target: async (c, who, asked) => {
      noParams('list-csv', asked);
      if (asked.subject === null) throw new BakenError('INPUT_INVALID', 'a list export is of one list: name the list');
      const list = await c.lists.list(asked.subject, themesFor(who, 'lists.read', c.config.current));
      authorise(who, 'lists.read', list ? themeRef(c.config.current, list.theme) : null, `no list ${asked.subject}`);
      return { theme: list!.theme, subject: list!.id, params: {} };
    },
    produce: async (c, r) => {
      const list = await c.lists.list(r.subject!, [r.theme]);
      if (!list) throw new BakenError('NOT_FOUND', `list ${r.subject} was deleted after the export was requested`);
      const { filename, csv, ads } = await listCsv(c, list);
      return { bytes: Buffer.from(csv), filename, contentType: 'text/csv; charset=utf-8', ads, captures: [] };
    },
  },
  'inspection-csv': {
    action: 'inspections.read',
    target: async (c, who, asked) => {
      noParams('inspection-csv', asked);
      if (asked.subject === null || asked.theme === undefined) {
        throw new BakenError('INPUT_INVALID', 'an inspection list export is of one municipality in one theme: name the theme and the municipality (CBS code)');
      }
      const theme = themesFor(who, 'inspections.read', c.config.current, asked.theme)[0]!;
      if (!/^\d{4}$/.test(asked.subject)) throw new BakenError('INPUT_INVALID', `expected a municipality's CBS code of four digits, got "${asked.subject}"`);
      return { theme, subject: asked.subject, params: {} };
    },
    produce: async (c, r) => {
      const { filename, csv, ads } = await inspectionListCsv(c, r.theme, r.subject!);
      return { bytes: Buffer.from(csv), filename, contentType: 'text/csv; charset=utf-8', ads, captures: [] };
    },
  },
  pv: {
    action: 'ads.export',
    target: async (c, who, asked) => {
      const params = pvParams(asked.params);
      if (asked.subject === null) throw new BakenError('INPUT_INVALID', 'a PV is of one ad: name the ad');
      return { ...await adTarget(c, who, asked.subject), params: { ...params } };
    },
    produce: async (c, r) => {
      const file = await makePv(c, r.subject!, r.theme, pvParams(r.params));
      return { bytes: Buffer.from(file.bytes), filename: file.filename, contentType: file.contentType, ads: [r.subject!], captures: [file.captureId] };
    },
  },
} as const satisfies Record<string, ExportKind>;

export type ExportKindId = keyof typeof EXPORT_KINDS;
export const EXPORT_KIND_IDS = Object.keys(EXPORT_KINDS) as ExportKindId[];

export function exportKind(id: string): ExportKind {
  if (!Object.hasOwn(EXPORT_KINDS, id)) throw new BakenError('INPUT_INVALID', `no export kind "${id}"; expected one of ${EXPORT_KIND_IDS.join(', ')}`);
  return EXPORT_KINDS[id as ExportKindId];
}

async function adTarget(c: ServiceContext, who: Who, id: string): Promise<ExportTarget> {
  const ad = await c.store.getAd(id, themesFor(who, 'ads.export', c.config.current));
  authorise(who, 'ads.export', ad ? themeRef(c.config.current, ad.theme) : null, `no ad ${id}`);
  return { theme: ad!.theme, subject: ad!.id, params: {} };
}

function noParams(kind: string, asked: ExportAsked): void {
  const given = Object.keys(asked.params);
  if (given.length > 0) throw new BakenError('INPUT_INVALID', `a ${kind} export takes no parameters, got ${given.join(', ')}`);
}

// Reference data (issue 14): a municipal theme's licence register, KvK extracts and crime-report
// extracts, uploaded as the raw body (CSV or Excel) and listed per version. A refused file answers
// 400 with every bad row in the problem's `rows`.
import { z } from 'zod';
import { TABLE_LIMITS } from '../../municipal/read-table.ts';
import { REFERENCE_KINDS } from '../../municipal/types.ts';
import { defineRoute } from '../route-spec.ts';
import { themeId, uuid } from '../schemas.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const referenceImport = z.object({
  id: z.string(), theme: z.string(), kind: z.enum(REFERENCE_KINDS), version: z.number().int().describe('1, 2, …: the highest of a kind is in force'),
  fileName: z.string(), sha256: z.string().describe('SHA-256 of the file as uploaded'), rows: z.number().int(),
  importedBy: z.string(), importedAt: z.string(),
}).meta({ id: 'ReferenceImport' });

export const referenceRoutes = [
  defineRoute({
    method: 'GET', url: '/api/reference', access: 'reference.read', tag: 'reference', status: 200, audit: 'reference.read',
    summary: 'Your municipal themes (or the one asked for), and every version of their reference data (licences, kvk, reports), newest first',
    querystring: z.strictObject({ theme: themeId.optional() }),
    response: z.object({ themes: z.array(z.string()).describe('the themes whose reference data you may keep'), imports: z.array(referenceImport) }),
    handle: async ({ query, who }, s) => s.reference.versions(who, query.theme),
  }),
  defineRoute({
    method: 'POST', url: '/api/reference/:theme/:kind', access: 'reference.write', tag: 'reference', status: 201, audit: 'reference.import',
    summary: 'Import a CSV or Excel file as the next version of a kind of reference data; a file with any bad row imports nothing',
    params: z.strictObject({ theme: themeId, kind: z.enum(REFERENCE_KINDS) }),
    querystring: z.strictObject({ fileName: z.string().trim().min(1).max(200).describe('the name of the file, as the versions list shows it') }),
    upload: { types: ['text/csv', XLSX_TYPE, 'application/octet-stream'], limit: TABLE_LIMITS.bytes },
    response: referenceImport,
    handle: async ({ params, query, request, who }, s) => s.reference.import(who, { ...params, fileName: query.fileName, bytes: request.body as Buffer }),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/reference/:id', access: 'reference.write', tag: 'reference', status: 204, audit: 'reference.delete',
    summary: 'Delete one version of reference data with its rows; the version before it is in force again',
    params: z.strictObject({ id: uuid }),
    handle: async ({ params, who }, s) => { await s.reference.delete(who, params.id); },
  }),
];

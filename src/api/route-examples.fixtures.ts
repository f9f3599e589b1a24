// One example request per route of the route table, aimed at a resource of a given theme. The
// authorisation matrix and the audit-trail test both walk the route table with these.
import { keptAd, startTestRun } from '../store/store.fixtures.ts';
import { METRICS_TOKEN, PASSWORD, userName, type ApiWorld, type ThemeId } from './api.fixtures.ts';

export interface Request { url: string; payload?: unknown; headers?: Record<string, string> }
export interface Example {
  /** False for routes with no theme to aim at: "other theme" is then the same request. */
  themed: boolean;
  /** Themes in which the route's feature does not exist (search by photo where a theme stores no
   *  pictures), with the status a caller who may act on the theme gets there instead of success. */
  refusedIn?: Partial<Record<ThemeId, number>>;
  /** DELETE /api/session ends the session it is called with, so it gets one of its own. */
  freshSession?: boolean;
  /** A theme whose allow-list keeps nothing the route could show (the municipal theme keeps no
   *  pictures and no ad text): 404 there for every role that may otherwise use the route. */
  missingIn?: ThemeId;
  /** `caller`: the login name the request is sent as, for a resource only its owner may use. */
  build(w: ApiWorld, theme: ThemeId, caller: string): Promise<Request>;
}

let unique = 0;
const next = () => `m${++unique}`;
const sourceOf = (theme: ThemeId) => `${theme}-classic`;
/** Routes that read ad content say why (RouteSpec.justified); the examples give it per request. */
export const WHY = 'justification=signal%20research';
/** The municipality whose inspection list the test world fills (Utrecht, where its first ad is). */
export const INSPECTED = '0344';

export const EXAMPLES: Record<string, Example> = {
  'GET /api/monitor': { themed: true, build: async (_w, theme) => ({ url: `/api/monitor?theme=${theme}&from=2026-W09&to=2026-W09` }) },
  'GET /api/monitor/municipalities/:code': { themed: true, build: async (_w, theme) => ({ url: `/api/monitor/municipalities/0363?theme=${theme}` }) },
  'GET /api/monitor/municipalities/:code/report': { themed: true, build: async (_w, theme) => ({ url: `/api/monitor/municipalities/0363/report?theme=${theme}&format=docx` }) },
  'POST /api/session': { themed: false, build: async (_w, theme) => ({ url: '/api/session', payload: { name: `target-${theme}`, password: PASSWORD } }) },
  'GET /api/session': { themed: false, build: async () => ({ url: '/api/session' }) },
  'PUT /api/session/justification': { themed: false, build: async () => ({ url: '/api/session/justification', payload: { justification: 'signal research' } }) },
  'DELETE /api/session': { themed: false, freshSession: true, build: async () => ({ url: '/api/session' }) },
  'GET /api/ads': { themed: true, build: async (_w, theme) => ({ url: `/api/ads?theme=${theme}&${WHY}` }) },
  'POST /api/images/search': {
    themed: true, refusedIn: { toezicht: 400 },
    build: async (w, theme) => ({ url: `/api/images/search?theme=${theme}&${WHY}`, headers: { 'content-type': 'image/jpeg' }, payload: w.bytes.image }),
  },
  'GET /api/ads/:id': { themed: true, build: async (w, theme) => ({ url: `/api/ads/${w.ads[theme][0]}?${WHY}` }) },
  'GET /api/ads/:id/screenshot': { themed: true, build: async (w, theme) => ({ url: `/api/ads/${w.ads[theme][0]}/screenshot?${WHY}` }) },
  'GET /api/ads/:id/images/:n': { themed: true, build: async (w, theme) => ({ url: `/api/ads/${w.ads[theme][0]}/images/0?${WHY}` }) },
  'GET /api/ads/:id/thumbnail': { themed: true, build: async (w, theme) => ({ url: `/api/ads/${w.ads[theme][0]}/thumbnail?${WHY}` }) },
  'GET /api/ads/:id/html': { themed: true, build: async (w, theme) => ({ url: `/api/ads/${w.ads[theme][0]}/html?${WHY}` }) },
  'GET /api/ads/:id/versions': { themed: true, build: async (w, theme) => ({ url: `/api/ads/${w.ads[theme][0]}/versions?from=1&to=1&${WHY}` }) },
  'POST /api/ads/:id/verify': { themed: true, build: async (w, theme) => ({ url: `/api/ads/${w.ads[theme][0]}/verify?${WHY}` }) },
  'GET /api/ads/:id/network': { themed: true, build: async (w, theme) => ({ url: `/api/ads/${w.ads[theme][0]}/network?${WHY}` }) },
  // A fresh ad each time: a hold placed by one call would make the next one a conflict.
  'PUT /api/ads/:id/hold': { themed: true, build: async (w, theme) => ({ url: `/api/ads/${await freshAd(w, theme)}/hold`, payload: { caseNumber: 'ZAAK-2026-001' } }) },
  'DELETE /api/ads/:id/hold': {
    themed: true,
    build: async (w, theme) => {
      const id = await freshAd(w, theme);
      await w.store.placeHold(id, theme, 'ZAAK-2026-002', 'matrix', w.clock.now.toISOString());
      return { url: `/api/ads/${id}/hold` };
    },
  },
  'GET /api/entities/phone/:value': { themed: true, build: async (_w, theme) => ({ url: `/api/entities/phone/+31611111111?theme=${theme}&${WHY}` }) },
  'GET /api/entities/picture/:hash': { themed: true, missingIn: 'toezicht', build: async (_w, theme) => ({ url: `/api/entities/picture/0f0f0f0f0f0f0f0f?theme=${theme}&${WHY}` }) },
  'GET /api/entities/template/:id': { themed: true, missingIn: 'toezicht', build: async (w, theme) => ({ url: `/api/entities/template/${w.ads[theme][0]}?theme=${theme}&${WHY}` }) },
  'GET /api/searches': { themed: false, build: async () => ({ url: '/api/searches' }) },
  'POST /api/searches': { themed: true, build: async (_w, theme) => ({ url: `/api/searches?${WHY}`, payload: { theme, name: next(), query: { city: 'Utrecht' } } }) },
  'GET /api/searches/:id/hits': { themed: true, build: async (w, theme, caller) => ({ url: `/api/searches/${await standingSearch(w, theme, caller)}/hits?${WHY}` }) },
  'POST /api/searches/:id/renewal': { themed: true, build: async (w, theme, caller) => ({ url: `/api/searches/${await standingSearch(w, theme, caller)}/renewal` }) },
  'DELETE /api/searches/:id': { themed: true, build: async (w, theme, caller) => ({ url: `/api/searches/${await standingSearch(w, theme, caller)}` }) },
  'GET /api/holds': { themed: true, build: async (_w, theme) => ({ url: `/api/holds?theme=${theme}&${WHY}` }) },
  'GET /api/lists': { themed: true, build: async (_w, theme) => ({ url: `/api/lists?theme=${theme}` }) },
  'POST /api/lists': { themed: true, build: async (_w, theme) => ({ url: '/api/lists', payload: { theme, name: next() } }) },
  'GET /api/lists/:id': { themed: true, build: async (w, theme) => ({ url: `/api/lists/${w.list[theme]}?${WHY}` }) },
  'DELETE /api/lists/:id': {
    themed: true,
    build: async (w, theme) => ({ url: `/api/lists/${(await w.lists.createList({ theme, name: next(), createdBy: 'matrix' }, w.clock.now.toISOString())).id}` }),
  },
  'PUT /api/lists/:id/ads/:adId': { themed: true, build: async (w, theme) => ({ url: `/api/lists/${w.list[theme]}/ads/${w.ads[theme][1]}` }) },
  'PUT /api/lists/:id/ads/:adId/note': { themed: true, build: async (w, theme) => ({ url: `/api/lists/${w.list[theme]}/ads/${w.ads[theme][0]}/note`, payload: { note: 'matrix' } }) },
  'GET /api/reference': { themed: true, build: async (_w, theme) => ({ url: `/api/reference?theme=${theme}` }) },
  'POST /api/reference/:theme/:kind': {
    themed: true,
    build: async (_w, theme) => ({
      url: `/api/reference/${theme}/reports?fileName=meldingen.csv`, headers: { 'content-type': 'text/csv' },
      payload: 'Datum,Gemeente,Categorie,Omschrijving\r\n01-11-2026,0392,Overlast,Veel bezoek\r\n',
    }),
  },
  'DELETE /api/reference/:id': {
    themed: true,
    build: async (w, theme) => ({
      url: `/api/reference/${(await w.reference.addImport({
        theme, kind: 'reports', fileName: `${next()}.csv`, sha256: 'a'.repeat(64), rows: 0, importedBy: 'matrix', importedAt: w.clock.now.toISOString(),
      }, [])).id}`,
    }),
  },
  'DELETE /api/lists/:id/ads/:adId': {
    themed: true,
    build: async (w, theme) => {
      await w.lists.addEntry(w.list[theme], { adId: w.ads[theme][2], addedBy: 'matrix', addedAt: w.clock.now.toISOString() });
      return { url: `/api/lists/${w.list[theme]}/ads/${w.ads[theme][2]}` };
    },
  },
  'GET /api/inspections': { themed: true, build: async (_w, theme) => ({ url: `/api/inspections?theme=${theme}` }) },
  'GET /api/inspections/:municipality': { themed: true, build: async (_w, theme) => ({ url: `/api/inspections/${INSPECTED}?theme=${theme}&${WHY}` }) },
  'PUT /api/inspections/:municipality/:adId/plan': {
    themed: true, build: async (w, theme) => ({ url: `/api/inspections/${INSPECTED}/${w.ads[theme][0]}/plan?theme=${theme}`, payload: { plannedFor: '2026-03-20' } }),
  },
  'PUT /api/inspections/:municipality/:adId/outcome': {
    themed: true, build: async (w, theme) => ({ url: `/api/inspections/${INSPECTED}/${w.ads[theme][0]}/outcome?theme=${theme}`, payload: { outcome: 'visited' } }),
  },
  'GET /api/referrals': { themed: true, build: async (_w, theme) => ({ url: `/api/referrals?theme=${theme}&from=2026-W01&to=2026-W10` }) },
  'POST /api/exports': { themed: true, build: async (w, theme) => ({ url: `/api/exports?${WHY}`, payload: { kind: 'list-csv', subject: w.list[theme] } }) },
  'GET /api/exports': { themed: false, build: async () => ({ url: '/api/exports' }) },
  'POST /api/exports/:id/approve': { themed: true, build: async (w, theme) => ({ url: `/api/exports/${(await listExport(w, theme, 'matrix')).id}/approve` }) },
  'POST /api/exports/:id/refuse': {
    themed: true, build: async (w, theme) => ({ url: `/api/exports/${(await listExport(w, theme, 'matrix')).id}/refuse`, payload: { reason: 'no case number' } }),
  },
  // Only its requester may download an export, once: a fresh one for each caller, approved by another.
  'GET /api/exports/:id/download': {
    themed: true,
    build: async (w, theme, caller) => {
      const request = await listExport(w, theme, caller);
      await w.exportRequests.decideExportRequest(request.id, { state: 'approved', by: 'matrix', reason: null }, w.clock.now.toISOString());
      return { url: `/api/exports/${request.id}/download` };
    },
  },
  'GET /api/stats': { themed: true, build: async (_w, theme) => ({ url: `/api/stats?theme=${theme}&month=2025-03` }) },
  'GET /api/transparency': { themed: true, build: async (_w, theme) => ({ url: `/api/transparency?theme=${theme}&from=2025-03&to=2025-03` }) },
  'GET /api/audit': { themed: true, build: async (_w, theme) => ({ url: `/api/audit?theme=${theme}&pageSize=5` }) },
  'GET /api/audit/verify': { themed: false, build: async () => ({ url: '/api/audit/verify' }) },
  'GET /api/admin/themes/:theme/evaluation': { themed: true, build: async (_w, theme) => ({ url: `/api/admin/themes/${theme}/evaluation` }) },
  'GET /api/admin/jobs': { themed: true, build: async (_w, theme) => ({ url: `/api/admin/jobs?theme=${theme}` }) },
  'GET /api/admin/sources': { themed: true, build: async (_w, theme) => ({ url: `/api/admin/sources?theme=${theme}` }) },
  'GET /api/admin/sources/:id': { themed: true, build: async (_w, theme) => ({ url: `/api/admin/sources/${sourceOf(theme)}` }) },
  'PUT /api/admin/sources/:id': { themed: true, build: async (w, theme) => ({ url: `/api/admin/sources/${sourceOf(theme)}`, payload: await configItem(w, 'sources', sourceOf(theme)) }) },
  'GET /api/admin/profiles': { themed: true, build: async (_w, theme) => ({ url: `/api/admin/profiles?theme=${theme}` }) },
  'GET /api/admin/profiles/:id': { themed: true, build: async (_w, theme) => ({ url: `/api/admin/profiles/${theme}` }) },
  'PUT /api/admin/profiles/:id': { themed: true, build: async (w, theme) => ({ url: `/api/admin/profiles/${theme}`, payload: await configItem(w, 'profiles', theme) }) },
  'GET /api/admin/schedules': { themed: true, build: async (_w, theme) => ({ url: `/api/admin/schedules?theme=${theme}` }) },
  'GET /api/admin/schedules/:id': { themed: true, build: async (_w, theme) => ({ url: `/api/admin/schedules/${scheduleOf(theme)}` }) },
  'PUT /api/admin/schedules/:id': { themed: true, build: async (w, theme) => ({ url: `/api/admin/schedules/${scheduleOf(theme)}`, payload: await configItem(w, 'schedules', scheduleOf(theme)) }) },
  'GET /api/admin/users': { themed: false, build: async () => ({ url: '/api/admin/users' }) },
  'POST /api/admin/users': { themed: true, build: async (_w, theme) => ({ url: '/api/admin/users', payload: { name: next(), role: 'analyst', themes: [theme], password: PASSWORD } }) },
  'PATCH /api/admin/users/:id': { themed: true, build: async (w, theme) => ({ url: `/api/admin/users/${w.users.get(`target-${theme}`)!.id}`, payload: { disabled: false } }) },
  'POST /api/admin/users/:id/approve': {
    themed: true,
    build: async (w, theme) => {
      const user = await w.accounts.addUser({
        name: next(), role: 'analyst', themes: [theme], passwordHash: w.users.get(`target-${theme}`)!.passwordHash, totpSecret: null, requestedBy: ['matrix'], approvedBy: null,
      }, w.clock.now.toISOString());
      return { url: `/api/admin/users/${user.id}/approve` };
    },
  },
  'GET /api/admin/tokens': { themed: false, build: async () => ({ url: '/api/admin/tokens' }) },
  'POST /api/admin/tokens': { themed: true, build: async (_w, theme) => ({ url: '/api/admin/tokens', payload: { name: next(), role: 'analyst', themes: [theme] } }) },
  'POST /api/admin/tokens/:id/approve': {
    themed: true,
    build: async (w, theme) => {
      const token = await w.accounts.addToken({ name: next(), role: 'analyst', themes: [theme], secretHash: 'e'.repeat(60) + String(unique).padStart(4, '0'), createdBy: 'matrix', expiresAt: null, approvedBy: null }, w.clock.now.toISOString());
      return { url: `/api/admin/tokens/${token.id}/approve` };
    },
  },
  'DELETE /api/admin/tokens/:id': {
    themed: true,
    build: async (w, theme) => {
      const token = await w.accounts.addToken({ name: next(), role: 'analyst', themes: [theme], secretHash: 'f'.repeat(60) + String(unique).padStart(4, '0'), createdBy: 'matrix', expiresAt: null, approvedBy: 'matrix' }, w.clock.now.toISOString());
      return { url: `/api/admin/tokens/${token.id}` };
    },
  },
  'GET /api/admin/source-health': { themed: true, build: async (_w, theme) => ({ url: `/api/admin/source-health?theme=${theme}` }) },
  'GET /api/health': { themed: false, build: async () => ({ url: '/api/health' }) },
  // The scrape token is the metrics' only credential: whoever sends it is answered, with or without a session.
  'GET /api/metrics': { themed: false, build: async () => ({ url: '/api/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } }) },
  'GET /api/openapi.json': { themed: false, build: async () => ({ url: '/api/openapi.json' }) },
  'GET /api/docs': { themed: false, build: async () => ({ url: '/api/docs' }) },
};

/** A standing search of the caller (of a bystander for an anonymous call) in the theme, stored as
 *  if saved before the caller lost or never had it. */
async function standingSearch(w: ApiWorld, theme: ThemeId, caller: string): Promise<string> {
  const owner = (w.users.get(caller) ?? w.users.get(`target-${theme}`)!).id;
  const saved = await w.standing.saveSearch({ owner, theme, name: next(), query: { city: 'Utrecht' }, justification: 'signal research' }, w.clock.now.toISOString(), '2099-01-01T00:00:00.000Z');
  return saved.id;
}

async function freshAd(w: ApiWorld, theme: ThemeId): Promise<string> {
  const runId = await startTestRun(w.store, theme);
  return (await w.store.saveAd(keptAd(runId, { theme, url: `https://ads.example/${theme}/${next()}` }))).adId;
}

function listExport(w: ApiWorld, theme: ThemeId, requestedBy: string) {
  return w.exportRequests.addExportRequest({
    kind: 'list-csv', theme, subject: w.list[theme], params: {}, justification: 'signal research', requestedBy, state: 'requested', decidedBy: null,
  }, w.clock.now.toISOString());
}

function scheduleOf(theme: ThemeId): string {
  return theme === 'mensenhandel' ? 'mensenhandel-daily' : 'toezicht-weekly';
}

/** The item as the loaded configuration holds it, to put back unchanged. */
async function configItem(w: ApiWorld, kind: 'sources' | 'profiles' | 'schedules', id: string): Promise<unknown> {
  const session = await w.login(userName('admin', id.startsWith('toezicht') ? 'toezicht' : 'mensenhandel'));
  return (await w.app.inject({ method: 'GET', url: `/api/admin/${kind}/${id}`, headers: session.headers })).json();
}

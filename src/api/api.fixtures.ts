// A whole API over a temporary data directory for tests: the bundled configuration (copied, so admin
// changes stay in the copy), one user per role and theme, and in each theme three ads with real blobs
// (two sharing a phone number), a list and a finished run; the first municipal ad is on an inspection list.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { hashPassword } from '../accounts/passwords.ts';
import { ROLES, type Role } from '../accounts/roles.ts';
import { apiSettingsSchema, type ApiSettings } from '../config/api-settings.ts';
import { folderConfiguration } from '../config/configuration.ts';
import { loadConfig } from '../config/load.ts';
import { AuditTrail } from '../services/audit-trail.ts';
import type { ServiceContext } from '../services/context.ts';
import { compileProfile } from '../analyse/compile-profile.ts';
import { anchoredStore, type LogAnchor } from '../evidence/log-anchor.ts';
import { relinkTheme } from '../crawl/settle-run.ts';
import type { Artefact } from '../domain/ad.ts';
import type { Frontier } from '../crawl/frontier.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { AccountStore, UserRecord } from '../store/accounts.ts';
import { createFileBlobStore } from '../store/blobs.files.ts';
import type { ExportRequestStore } from '../store/export-requests.ts';
import type { ReferenceStore } from '../store/reference-data.ts';
import type { InspectionStore } from '../store/inspections.ts';
import type { ListStore } from '../store/lists.ts';
import type { StandingSearchStore } from '../store/standing-searches.ts';
import { loadOrCreateSecretKey } from '../store/secret-key.ts';
import { openSqliteApiStores } from '../store/sqlite/api-stores.sqlite.ts';
import { openSqliteJobQueue } from '../store/sqlite/jobs.sqlite.ts';
import { openSqliteFrontier } from '../store/sqlite/frontier.sqlite.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';
import { keptAd, startTestRun } from '../store/store.fixtures.ts';
import type { BlobStore, Store } from '../store/store.ts';
import { buildApi, type ApiDeps } from './build-api.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.ts';

export const PASSWORD = 'correct horse battery staple';
/** The scrape token the test world's /api/metrics answers to. */
export const METRICS_TOKEN = 'metrics-scrape-token-for-tests-0123456789';
export const THEMES = ['mensenhandel', 'toezicht'] as const;
export type ThemeId = (typeof THEMES)[number];
/** Each role holding each theme, e.g. "analyst-toezicht". */
export const userName = (role: Role, theme: ThemeId) => `${role}-${theme}`;
export const otherTheme = (theme: ThemeId): ThemeId => (theme === 'mensenhandel' ? 'toezicht' : 'mensenhandel');

/** A signed-in browser: the cookie, and the CSRF token for state-changing calls. */
export interface Session { cookie: string; csrf: string; headers: Record<string, string> }

export interface ApiWorld {
  app: FastifyInstance;
  store: Store;
  accounts: AccountStore;
  lists: ListStore;
  exportRequests: ExportRequestStore;
  reference: ReferenceStore;
  inspections: InspectionStore;
  standing: StandingSearchStore;
  jobs: JobQueue;
  frontier: Frontier;
  blobs: BlobStore;
  anchor: LogAnchor;
  configDir: string;
  dataDir: string;
  clock: { now: Date; advance(ms: number): void };
  /** Per theme: [ad with blobs, ad sharing its phone, unrelated ad]. */
  ads: Record<ThemeId, [string, string, string]>;
  list: Record<ThemeId, string>;
  users: Map<string, UserRecord>;
  bytes: { screenshot: Buffer; html: Buffer; image: Buffer };
  login(name: string, totp?: string): Promise<Session>;
  /** Adds a person straight to the store (as an operator would), with the fixture's password. */
  addUser(name: string, role: Role, themes: string[]): Promise<UserRecord>;
  close(): Promise<void>;
}

export interface WorldOptions {
  auth?: Partial<ApiSettings['auth']>;
  /** Puts something between the API and the store, e.g. a failing audit log. */
  wrapStore?: (store: Store) => Store;
  tls?: ApiDeps['tls'];
  /** Serves a dashboard build from this directory. */
  dashboard?: string;
  /** The scrape token for /api/metrics; METRICS_TOKEN when not given, none when null. */
  metricsToken?: string | null;
}

/** The application layer's context over a test world, for a service built on its own. */
export function serviceContextOf(w: ApiWorld): ServiceContext {
  return {
    config: folderConfiguration(w.configDir), store: w.store, blobs: w.blobs, accounts: w.accounts, lists: w.lists,
    exportRequests: w.exportRequests, reference: w.reference, inspections: w.inspections, standing: w.standing, jobs: w.jobs, frontier: w.frontier, settings: apiSettingsSchema.parse({}), trail: new AuditTrail(w.store),
    dataDir: w.dataDir, anchor: w.anchor, now: () => w.clock.now,
  };
}

export async function openApiWorld(settings: WorldOptions = {}): Promise<ApiWorld> {
  const root = mkdtempSync(join(tmpdir(), 'baken-api-'));
  const configDir = join(root, 'config');
  cpSync(new URL('../../config', import.meta.url).pathname, configDir, { recursive: true });
  const dataDir = join(root, 'data');
  const { store, anchor } = anchoredStore(await openSqliteStore(dataDir), dataDir);
  const { accounts, lists, exportRequests, reference, inspections, standing, close } = await openSqliteApiStores(dataDir, loadOrCreateSecretKey(dataDir));
  const jobs = await openSqliteJobQueue(dataDir);
  const frontier = await openSqliteFrontier(dataDir);
  const blobs = createFileBlobStore(dataDir);
  const clock = { now: new Date('2026-03-01T10:00:00.000Z'), advance(ms: number) { this.now = new Date(this.now.getTime() + ms); } };
  const bytes = {
    screenshot: Buffer.from('\x89PNG fake screenshot bytes'),
    html: Buffer.from('<html><script>alert(1)</script><p>captured page</p></html>'),
    // A real picture, small: the thumbnail route decodes it.
    image: await sharp({ create: { width: 200, height: 150, channels: 3, background: '#3060a0' } }).jpeg().toBuffer(),
  };

  const config = loadConfig(configDir);
  const ads = {} as ApiWorld['ads'];
  const list = {} as ApiWorld['list'];
  for (const theme of THEMES) {
    const runId = await startTestRun(store, theme);
    const artefacts: Artefact[] = [
      { kind: 'html', sha256: await blobs.put(bytes.html), mime: 'text/html', bytes: bytes.html.length },
      { kind: 'screenshot', sha256: await blobs.put(bytes.screenshot), mime: 'image/png', bytes: bytes.screenshot.length },
      { kind: 'image', sha256: await blobs.put(bytes.image), mime: 'image/jpeg', bytes: bytes.image.length, url: 'https://ads.example/p.jpg' },
    ];
    const save = async (n: string, phone: string, city: string) => (await store.saveAd({
      ...keptAd(runId, { theme, url: `https://ads.example/${theme}/${n}`, fields: { title: `Advertentie ${n}`, text: 'Nieuw in de stad', city, phones: [phone] } }),
      artefacts,
    })).adId;
    ads[theme] = [await save('een', '+31611111111', 'Utrecht'), await save('twee', '+31611111111', 'Utrecht'), await save('drie', '+31622222222', 'Zwolle')];
    await relinkTheme(store, theme, compileProfile(config.profiles.get(theme)!), clock.now);
    await store.finishRun(runId, { captured: 40, kept: 3, deleted: 37, failed: 0 }, '2025-03-01T10:30:00.000Z');
    const created = await lists.createList({ theme, name: 'Controle', createdBy: 'fixture' }, clock.now.toISOString());
    await lists.addEntry(created.id, { adId: ads[theme][0], addedBy: 'fixture', addedAt: clock.now.toISOString() });
    list[theme] = created.id;
  }
  // The first municipal ad (in Utrecht) is on Utrecht's inspection list, as the selection would put it.
  await inspections.refresh('toezicht', [{ municipality: '0344', adId: ads.toezicht[0], criteria: [{ id: 'licence-absent', label: 'Geen vergunning', reason: 'the ad gives no licence number' }] }], clock.now.toISOString());

  const passwordHash = await hashPassword(PASSWORD, 'fixture');
  const users = new Map<string, UserRecord>();
  const addUser = async (name: string, role: Role, themes: string[]) => {
    // Made as by the operator at the machine: approved at once (users.service.ts).
    const user = await accounts.addUser({ name, role, themes, passwordHash, totpSecret: null, requestedBy: ['fixture'], approvedBy: 'fixture' }, clock.now.toISOString());
    users.set(name, user);
    return user;
  };
  for (const theme of THEMES) {
    for (const role of ROLES) await addUser(userName(role, theme), role, [theme]);
    // A bystander for admin changes and sign-in tests, so no test ends another's session.
    await addUser(`target-${theme}`, 'analyst', [theme]);
  }

  const parsed = apiSettingsSchema.parse({ auth: { requireTotp: false, loginsPerMinute: 1000, ...settings.auth } });
  const app = await buildApi({
    ...(settings.metricsToken === null ? {} : { metricsToken: settings.metricsToken ?? METRICS_TOKEN }),
    dataDir, anchor, config: folderConfiguration(configDir), store: settings.wrapStore?.(store) ?? store, blobs, accounts, lists, exportRequests, reference, inspections, standing, jobs, frontier, settings: parsed, now: () => clock.now,
    ...(settings.tls ? { tls: settings.tls } : {}), ...(settings.dashboard ? { dashboard: settings.dashboard } : {}),
  });
  const login = async (name: string, totp?: string): Promise<Session> => {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { name, password: PASSWORD, ...(totp ? { totp } : {}) } });
    if (res.statusCode !== 201) throw new Error(`login of ${name} answered ${res.statusCode}: ${res.body}`);
    return sessionOf(res);
  };
  return {
    app, store, accounts, lists, exportRequests, reference, inspections, standing, jobs, frontier, blobs, anchor, configDir, dataDir, clock, ads, list, users, bytes, login, addUser,
    close: async () => { await app.close(); await jobs.close(); await frontier.close(); await close(); await store.close(); rmSync(root, { recursive: true, force: true }); },
  };
}

export function sessionOf(res: LightMyRequestResponse): Session {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie was set');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie: `${SESSION_COOKIE}=${cookie.value}`, csrf, headers: { cookie: `${SESSION_COOKIE}=${cookie.value}`, [CSRF_HEADER]: csrf } };
}

/** Says why the session reads ad content, as a person does once after signing in. */
export async function justify(app: FastifyInstance, session: Session, justification = 'signal research'): Promise<Session> {
  const res = await app.inject({ method: 'PUT', url: '/api/session/justification', headers: session.headers, payload: { justification } });
  if (res.statusCode !== 200) throw new Error(`justifying the session answered ${res.statusCode}: ${res.body}`);
  return session;
}

/** Audit entries written after `fromSeq`. */
export async function auditSince(store: Store, fromSeq: number) {
  return store.readLog('audit', { fromSeq: fromSeq + 1 });
}

export async function lastAuditSeq(store: Store): Promise<number> {
  const all = await store.readLog('audit');
  return all.at(-1)?.seq ?? 0;
}

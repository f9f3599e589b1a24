// The transparency report through the application layer on a real store (SQLite, then PostgreSQL) and
// the real audit trail: known crawls, gate and staging deletions, a retention purge, holds, searches,
// reads and failed sign-ins; the report's figures equal what the store itself counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Who } from '../accounts/actor.ts';
import { hashPassword } from '../accounts/passwords.ts';
import type { Role } from '../accounts/roles.ts';
import { openApiApp, type ApiApp } from '../app.ts';
import { apiSettingsSchema } from '../config/api-settings.ts';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import type { LogEntry } from '../domain/hash-chain.ts';
import { monthStart } from '../reports/transparency-period.ts';
import type { TransparencyReport } from '../reports/transparency-report.ts';
import { createTestDatabase, type TestDatabase } from '../store/postgres/test-database.postgres.ts';
import { keptAd, SOFTWARE } from '../store/store.fixtures.ts';
import { AuditTrail } from './audit-trail.ts';
import { createServices, type Services } from './services.ts';

const CONFIG = new URL('../../config', import.meta.url).pathname;
const THEME = 'toezicht';
const OTHER = 'mensenhandel';

const who = (role: Role, themes: string[], name = `${role}-test`): Who =>
  ({ actor: { kind: 'user', id: name, name, role, themes }, client: '127.0.0.1' });

interface World { app: ApiApp; services: Services; month: string; close(): Promise<void> }

/** Everything is written now, through the real store and trail; the report is asked for two months
 *  later, when this month has ended. */
async function openWorld(database: TestDatabase | null, minCount: number): Promise<World> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baken-transparency-'));
  const app = await openApiApp({ dataDir, database: database?.url ?? null, config: loadConfig(CONFIG) });
  const month = new Date().toISOString().slice(0, 7);
  const later = new Date(monthStart(month, 2));
  const settings = apiSettingsSchema.parse({ transparency: { minCount } });
  const services = createServices({ ...app, settings, config: app.configuration, trail: new AuditTrail(app.store), now: () => later });
  return { app, services, month, close: async () => { await app.close(); rmSync(dataDir, { recursive: true, force: true }); } };
}

/** Crawls, staging, holds, a purge, searches, reads and failed sign-ins, all in this month. */
async function fillMonth(w: World): Promise<void> {
  const { store } = w.app;
  const now = () => new Date().toISOString();
  const run = async (theme: string, source: string, counts: { captured: number; kept: number; deleted: number; failed: number }, staged: number) => {
    const id = await store.startRun({ theme, source, startedAt: now(), softwareVersion: SOFTWARE });
    const ads: string[] = [];
    for (let i = 0; i < counts.kept; i++) ads.push((await store.saveAd(keptAd(id, { theme, source, url: `https://ads.example/${id}/${i}` }))).adId);
    for (let i = 0; i < staged; i++) {
      await store.stage({
        runId: id, theme, url: `https://ads.example/${id}/staged/${i}`, features: { id: `s${i}`, fields: {} }, capture: new Uint8Array([1]),
        owner: 'test', stagedAt: now(), expiresAt: now(),
      });
    }
    await store.purgeStaging(id, 'run-ended', now());
    await store.finishRun(id, counts, now());
    return ads;
  };
  const kept = await run(THEME, 'toezicht-classic', { captured: 30, kept: 8, deleted: 22, failed: 6 }, 7);
  await run(THEME, 'toezicht-app', { captured: 12, kept: 5, deleted: 7, failed: 0 }, 0);
  await run(OTHER, 'mensenhandel-classic', { captured: 50, kept: 5, deleted: 45, failed: 2 }, 3);
  // Straight to the store: the services' clock is two months ahead, and holds are dated by it.
  for (const [i, ad] of kept.slice(0, 6).entries()) await store.placeHold(ad, THEME, i < 4 ? 'ZAAK-1' : 'ZAAK-2', 'expert-test', now());
  await store.releaseHold(kept[5]!, THEME, 'expert-test', now());
  // Retention: everything of the theme not on hold was last seen before a far cut-off.
  await store.purgeExpired(THEME, { lastSeenBefore: '2999-01-01T00:00:00.000Z' }, now());
  for (const role of ['expert', 'analyst', 'supervisor'] as const) {
    for (const [n, justification] of [[2, 'signal research'], [3, 'PL0900-2026-123']] as const) {
      for (let i = 0; i < n; i++) await w.services.ads.search(who(role, [THEME]), { theme: THEME, page: 1, pageSize: 10, justification });
      for (let i = 0; i < n; i++) await w.services.ads.get(who(role, [THEME]), kept[0]!, justification);
    }
  }
  await w.services.ads.search(who('expert', [OTHER]), { theme: OTHER, page: 1, pageSize: 10, justification: 'signal research' });
  await w.app.accounts.addUser({ name: 'analyst-toezicht', role: 'analyst', themes: [THEME], passwordHash: await hashPassword('a long enough password', 'test'), totpSecret: null, requestedBy: ['test'], approvedBy: 'test' }, now());
  for (let i = 0; i < 5; i++) await w.services.session.login('127.0.0.1', { name: 'analyst-toezicht', password: 'wrong' }).catch(() => {});
}

async function entries(w: World, log: 'custody' | 'audit'): Promise<LogEntry[]> {
  return (await w.app.store.readLog(log)).filter((e) => e.at.startsWith(w.month));
}

const report = (w: World, as: Who, theme?: string): Promise<TransparencyReport> =>
  w.services.transparency.report(as, { from: w.month, to: w.month, ...(theme ? { theme } : {}) });

function suite(name: string, database: () => Promise<TestDatabase | null>) {
  describe(`the transparency report on ${name}`, { timeout: 120_000 }, () => {
    let w: World;
    let db: TestDatabase | null;
    before(async () => {
      db = await database();
      w = await openWorld(db, 1);
      await fillMonth(w);
    });
    after(async () => { await w?.close(); await db?.drop(); });

    it('gives the figures the store itself counts', async () => {
      const r = await report(w, who('auditor', [THEME]));
      assert.deepEqual(r.themes.map((t) => t.theme), [THEME]);
      const figures = r.themes[0]!.months[0]!.figures;
      const runs = (await w.app.store.runs(THEME)).filter((x) => x.finishedAt?.startsWith(w.month));
      const sum = (k: 'captured' | 'kept' | 'deleted' | 'failed') => runs.reduce((s, x) => s + x[k], 0);
      const custody = await entries(w, 'custody');
      const ofTheme = (action: string) => custody.filter((e) => e.body.action === action && e.body['theme'] === THEME);
      const staged = ofTheme('staging-purged').reduce((s, e) => s + Number(e.body['ads']), 0);
      const holds = await w.app.store.holds(THEME);
      const audit = (await entries(w, 'audit')).filter((e) => e.body['outcome'] === 'ok' && (e.body['themes'] as string[]).includes(THEME));
      const done = (action: string, pick: (e: LogEntry) => boolean = () => true) => audit.filter((e) => e.body.action === action && pick(e)).length;
      const failedSignIns = (await entries(w, 'audit')).filter((e) => e.body.action === 'session.login-failed').length;
      assert.deepEqual(
        { sources: figures.sources, pages: figures.pages, captured: figures.captured, kept: figures.kept, gate: figures['deleted-at-gate'], staged: figures['staged-deleted'], failed: figures.failed },
        { sources: new Set(runs.map((x) => x.source)).size, pages: sum('captured') + sum('failed'), captured: sum('captured'), kept: sum('kept'), gate: sum('deleted') - staged, staged, failed: sum('failed') },
      );
      assert.deepEqual([figures.purged, figures['on-hold'], figures['hold-cases']],
        [ofTheme('purge').reduce((s, e) => s + (e.body['ads'] as string[]).length, 0), holds.length, new Set(holds.map((h) => h.caseNumber)).size]);
      assert.deepEqual([figures.searches, figures['searches:supervisor'], figures['searches:signal-research'], figures['searches:case']],
        [done('ads.search'), done('ads.search', (e) => e.body['role'] === 'supervisor'), done('ads.search', (e) => e.body['justification'] === 'signal research'),
          done('ads.search', (e) => e.body['justification'] !== 'signal research')]);
      assert.deepEqual([figures.reads, figures['reads:expert'], figures['reads:case']],
        [done('ads.read'), done('ads.read', (e) => e.body['role'] === 'expert'), done('ads.read', (e) => e.body['justification'] !== 'signal research')]);
      assert.equal(figures['failed-sign-ins'], failedSignIns);
      // And the numbers the world was built with, so a store that counted wrong cannot agree with itself.
      assert.deepEqual([figures.captured, figures['deleted-at-gate'], figures['staged-deleted'], figures.purged, figures['on-hold'], figures['hold-cases'],
        figures.searches, figures.reads, figures['failed-sign-ins']], [42, 22, 7, 8, 5, 2, 15, 15, 5]);
      assert.deepEqual(r.auditChain, { checked: (await w.app.store.readLog('audit')).length - 1, ok: true, breaks: 0, checkpointProblems: 0 });
    });

    it('shows an auditor of one theme nothing of another, and is itself audited', async () => {
      const r = await report(w, who('auditor', [OTHER], 'auditor-other'));
      assert.deepEqual(r.themes.map((t) => t.theme), [OTHER]);
      await assert.rejects(report(w, who('auditor', [OTHER]), THEME), (e: unknown) => e instanceof BakenError && e.code === 'NOT_FOUND');
      const last = (await w.app.store.readLog('audit')).filter((e) => e.body.action === 'transparency.read').at(-1)!;
      assert.deepEqual([last.body['user'], last.body['themes'], last.body['query']], ['auditor-other', [OTHER], { from: w.month, to: w.month }]);
    });

    it('refuses supervisors, experts and admins, whatever their themes', async () => {
      for (const role of ['supervisor', 'expert', 'analyst', 'admin'] as const) {
        await assert.rejects(report(w, who(role, [THEME])), (e: unknown) => e instanceof BakenError && e.code === 'FORBIDDEN', role);
      }
    });

    it('refuses a month that has not ended, since its counts still grow', async () => {
      const running = new Date(monthStart(w.month, 2)).toISOString().slice(0, 7);
      await assert.rejects(w.services.transparency.report(who('auditor', [THEME]), { from: w.month, to: running }),
        (e: unknown) => e instanceof BakenError && e.code === 'INPUT_INVALID' && /has not ended/.test(e.message));
    });
  });
}

suite('SQLite', async () => null);
suite('PostgreSQL', createTestDatabase);

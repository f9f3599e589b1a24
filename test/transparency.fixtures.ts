// A month of activity that has ended, for the transparency report's end-to-end tests: the report
// covers ended months only, and a crawl made during the test happens now. Written through the real
// store into a data directory, each entry dated last month: runs, staging and retention deletions,
// holds, and the audit events searches, reads and failed sign-ins leave, shaped as the trail writes them.
import { openApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import type { AuditEvent } from '../src/domain/audit-event.ts';
import { monthStart } from '../src/reports/transparency-period.ts';
import { keptAd, SOFTWARE } from '../src/store/store.fixtures.ts';

/** The month before the current one (UTC), YYYY-MM. */
export function lastMonth(): string {
  return monthStart(new Date().toISOString().slice(0, 7), -1).slice(0, 7);
}

/** What the fixture writes for the theme 'toezicht' last month, as the report must count it. */
export const LAST_MONTH = { captured: 40, kept: 12, deletedAtGate: 21, stagedDeleted: 7, failed: 5, onHold: 6, holdCases: 2, searches: 15, reads: 9, failedSignIns: 6 } as const;

export async function addLastMonth(configDir: string, dataDir: string): Promise<string> {
  const month = lastMonth();
  const at = (day: number, hour = 10) => `${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const app = await openApp({ dataDir, config: loadConfig(configDir) });
  try {
    const { store } = app;
    const m = LAST_MONTH;
    const crawl = async (theme: string, source: string, counts: { kept: number; gate: number; staged: number; failed: number }) => {
      const run = await store.startRun({ theme, source, startedAt: at(3, 9), softwareVersion: SOFTWARE });
      const ads: string[] = [];
      for (let i = 0; i < counts.kept; i++) {
        ads.push((await store.saveAd(keptAd(run, { theme, source, url: `https://ads.example/${month}/${theme}/${i}`, capturedAt: at(3) }))).adId);
      }
      for (let i = 0; i < counts.staged; i++) {
        await store.stage({ runId: run, theme, url: `https://ads.example/${month}/staged/${i}`, features: { id: `s${i}`, fields: {} },
          capture: new Uint8Array([0]), owner: 'fixture', stagedAt: at(3), expiresAt: at(4) });
      }
      await store.purgeStaging(run, 'run-ended', at(3, 11));
      const deleted = counts.gate + counts.staged;
      await store.finishRun(run, { captured: counts.kept + deleted, kept: counts.kept, deleted, failed: counts.failed }, at(3, 12));
      return ads;
    };
    const kept = await crawl('toezicht', 'toezicht-classic', { kept: m.kept, gate: m.deletedAtGate, staged: m.stagedDeleted, failed: m.failed });
    await crawl('mensenhandel', 'mensenhandel-classic', { kept: 9, gate: 30, staged: 0, failed: 1 });
    for (const [i, ad] of kept.slice(0, m.onHold).entries()) await store.placeHold(ad, 'toezicht', i < 3 ? 'ZAAK-2026-001' : 'ZAAK-2026-002', 'expert-demo', at(5));
    const event = (e: Partial<AuditEvent> & Pick<AuditEvent, 'action'>): AuditEvent => ({
      user: 'demo-user', actor: 'user', role: 'expert', themes: ['toezicht'], actorThemes: ['toezicht'], resources: [], query: {}, count: 1,
      client: '127.0.0.1', justification: null, outcome: 'ok', ...e,
    });
    const roles = ['expert', 'analyst', 'supervisor'] as const;
    for (let i = 0; i < m.searches; i++) {
      await store.appendLog('audit', { ...event({ action: 'ads.search', role: roles[i % 3]!, justification: i % 2 === 0 ? 'signal research' : 'ZAAK-2026-001' }) }, at(10));
    }
    for (let i = 0; i < m.reads; i++) {
      await store.appendLog('audit', { ...event({ action: 'ads.read', role: roles[i % 3]!, justification: i < 5 ? 'ZAAK-2026-002' : 'signal research' }) }, at(11));
    }
    for (let i = 0; i < m.failedSignIns; i++) {
      await store.appendLog('audit', { ...event({ action: 'session.login-failed', themes: [], role: 'analyst', count: 0, outcome: 'wrong-password' }) }, at(12));
    }
    return month;
  } finally {
    await app.close();
  }
}

// The municipal monitor end to end: the toezicht theme crawls the demo platforms, the demo
// municipality's licence register is imported ('baken import'), and `baken monitor` (the CLI, as a
// supervisor through the application layer) counts per municipality what the platforms' truth says
// is online there, licensed or not, as the demo planted it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiApp, openApp } from '../src/app.ts';
import { adId } from '../src/domain/ad-keys.ts';
import { launchBrowser } from '../src/capture/browser.ts';
import { loadConfig } from '../src/config/load.ts';
import { runCrawl } from '../src/crawl/run-crawl.ts';
import { silentLog } from '../src/log.ts';
import type { MonitorFigures, MunicipalityFigures } from '../src/municipal/figures.ts';
import { MUNICIPALITIES } from '../src/municipal/places.ts';
import { suppressMonitor } from '../src/municipal/suppress-figures.ts';
import { DEMO_SEED, referenceFiles } from '../demo/reference-files.ts';
import { BAKEN_BIN, startDemoEnv, type DemoEnv, type Truth, type TruthAd } from './demo-env.ts';

const MIN_COUNT = 2;

/** What the monitor should answer, counted from the truth alone and suppressed as supervisors see it:
 *  every ad was first seen in this crawl (new) and none is gone yet. */
function expectedFigures(ads: readonly TruthAd[]): MonitorFigures {
  const municipalities: MunicipalityFigures[] = [];
  for (const place of MUNICIPALITIES) {
    const here = ads.filter((a) => a.municipality.code === place.code);
    if (here.length === 0) continue;
    const count = (...statuses: string[]) => here.filter((a) => statuses.includes(a.licence)).length;
    const platforms: Record<string, number> = {};
    for (const a of here) platforms[`toezicht-${a.platform}`] = (platforms[`toezicht-${a.platform}`] ?? 0) + 1;
    municipalities.push({ ...place, active: here.length, new: here.length, gone: 0,
      licensed: count('valid'), unlicensed: count('absent', 'expired'), unknown: count('unknown', 'other-address', 'other-municipality'), platforms, inspections: {} });
  }
  const sum = (rows: readonly MunicipalityFigures[]) => {
    const total = { active: 0, new: 0, gone: 0, licensed: 0, unlicensed: 0, unknown: 0 };
    for (const r of rows) for (const c of Object.keys(total) as (keyof typeof total)[]) total[c] += r[c]!;
    return total;
  };
  const provinces = [...new Set(municipalities.map((m) => m.province))].sort().map((province) => ({ province, ...sum(municipalities.filter((m) => m.province === province)) }));
  const figures: MonitorFigures = { from: '', to: '', municipalities, provinces, totals: sum(municipalities),
    unresolved: { ambiguous: ads.filter((a) => a.municipality.status === 'ambiguous').length, unknown: ads.filter((a) => a.municipality.status === 'unknown').length } };
  suppressMonitor(figures, MIN_COUNT);
  return figures;
}

describe('the municipal monitor on the demo platforms', { timeout: 15 * 60_000 }, () => {
  let env: DemoEnv;
  let truth: Truth;
  let monitor: MonitorFigures;

  before(async () => {
    // A low threshold, so that most municipalities' counts of the small demo world are shown.
    env = await startDemoEnv({ size: 'small', edit: (dir) => appendFileSync(join(dir, 'api.yaml'), `\nmunicipal:\n  minCount: ${MIN_COUNT}\n`) });
    truth = await env.truth();
    const app = await openApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
    const browser = await launchBrowser();
    try {
      await runCrawl({ ...app, browser, log: silentLog }, { theme: 'toezicht' });
    } finally {
      await browser.close();
      await app.close();
    }
    // The small world's own register: the committed files are the default world's.
    const register = join(env.dataDir, 'vergunningen.csv');
    writeFileSync(register, referenceFiles(DEMO_SEED, 'small')['vergunningen.csv']!);
    const imported = baken('import', 'licences', '--theme', 'toezicht', register);
    assert.equal(imported.status, 0, imported.stderr);
    const r = baken('monitor', '--theme', 'toezicht', '--json');
    assert.equal(r.status, 0, r.stderr);
    monitor = JSON.parse(r.stdout);
  });
  after(async () => { await env?.close(); });

  const baken = (...args: string[]) => spawnSync(process.execPath, [BAKEN_BIN, ...args, '--data', env.dataDir, '--config', env.configDir, '--by', 'e2e'], { encoding: 'utf8' });

  it('counts in each municipality what the platforms show there, and hides what a supervisor may not see', () => {
    const expected = expectedFigures(truth.ads);
    assert.ok(expected.municipalities.length > 3, 'the demo spreads its ads over several municipalities');
    assert.deepEqual(monitor.municipalities, expected.municipalities);
    assert.deepEqual([monitor.provinces, monitor.totals, monitor.unresolved], [expected.provinces, expected.totals, expected.unresolved]);
    assert.equal(monitor.totals.active, truth.ads.filter((a) => a.municipality.status === 'resolved').length, 'the total is shown');
    const shown = monitor.municipalities.filter((m) => m.active !== null);
    assert.ok(shown.length >= 3, `several municipalities' counts are shown, not only hidden ones: ${JSON.stringify(monitor.municipalities.map((m) => [m.code, m.active]))}`);
  });

  it('fills the inspection list of each municipality from the criteria once the register is imported', async () => {
    const api = await openApiApp({ dataDir: env.dataDir, database: null, config: loadConfig(env.configDir) });
    try {
      const entries = new Map((await api.inspections.entries('toezicht')).map((e) => [e.adId, e]));
      for (const ad of truth.ads.filter((a) => a.municipality.status === 'resolved')) {
        const entry = entries.get(adId('toezicht', ad.url));
        const flagged = ['unknown', 'other-address', 'other-municipality'].includes(ad.licence);
        assert.equal(entry?.criteria.some((c) => c.id === 'licence-unknown') ?? false, flagged, `${ad.id} (licence ${ad.licence})`);
        if (entry) assert.equal(entry.municipality, ad.municipality.code, ad.id);
      }
    } finally {
      await api.close();
    }
  });

  it('prints the same figures as a table, one row per municipality', () => {
    const r = baken('monitor', '--theme', 'toezicht');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[1]!, /^code\s+municipality\s+active\s+new\s+gone\s+licensed\s+unlicensed\s+unknown$/);
    assert.equal(lines.length, monitor.municipalities.length + 4, 'title, header, the municipalities, total, not placed');
    const shown = monitor.municipalities.find((m) => m.active !== null)!;
    assert.ok(lines.some((l) => l.startsWith(shown.code) && l.includes(shown.name) && new RegExp(`\\s${shown.active}\\s`).test(l)), r.stdout);
    assert.match(lines.at(-2)!, new RegExp(`^\\s*total\\s+${monitor.totals.active}\\s`));
  });

  it('writes a council report with the figures and none of the ads\' details, and refuses a bad week writing nothing', () => {
    const shown = monitor.municipalities.find((m) => m.active !== null)!;
    const out = join(env.dataDir, 'raad.pdf');
    const r = baken('report', 'council', '--theme', 'toezicht', '--municipality', shown.code, '--format', 'pdf', '--lang', 'en', '--out', out);
    assert.equal(r.status, 0, r.stderr);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    assert.match(text, new RegExp(`Council report: sex-work monitor — ${shown.name}`));
    assert.match(text, new RegExp(`Online\\s+${shown.active}\\n`));
    for (const ad of truth.ads) {
      for (const personal of [ad.fields.title, ad.fields.licence, ...(ad.fields.phones ?? [])]) {
        if (personal) assert.ok(!text.includes(personal), `the report holds "${personal}"`);
      }
    }
    const bad = join(env.dataDir, 'bad.pdf');
    const refused = baken('report', 'council', '--theme', 'toezicht', '--municipality', shown.code, '--from', '2026-W99', '--format', 'pdf', '--out', bad);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /from: expected an ISO week as YYYY-Www/);
    assert.equal(existsSync(bad), false);
  });

  it('refuses what the CLI cannot answer with a clear line, the police theme as absent, and writes no file', () => {
    const out = join(env.dataDir, 'nothing.pdf');
    const cases: [string[], number, RegExp][] = [
      [['monitor'], 64, /missing --theme/],
      [['monitor', '--theme', 'nope'], 2, /no theme "nope"/],
      [['monitor', '--theme', 'mensenhandel'], 2, /no monitor for theme "mensenhandel"/],
      [['monitor', '--theme', 'toezicht', '--province', 'Holland'], 2, /province: expected one of Groningen, /],
      [['report', 'council', '--theme', 'toezicht', '--municipality', '0392', '--format', 'odt', '--out', out], 64, /--format: expected pdf or docx, got "odt"/],
      [['report', 'council', '--theme', 'toezicht', '--municipality', '0392', '--format', 'pdf', '--lang', 'fr', '--out', out], 64, /--lang: expected nl or en, got "fr"/],
      [['report', 'council', '--theme', 'toezicht', '--municipality', '9999', '--format', 'pdf', '--out', out], 2, /no municipality with CBS code "9999"/],
    ];
    for (const [args, status, message] of cases) {
      const r = baken(...args);
      assert.equal(r.status, status, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
    }
    assert.equal(existsSync(out), false);
  });
});

// `baken report transparency` end to end: a data directory with a month that has ended, the report as
// Markdown, JSON and PDF, its clear refusals, and the audit event it leaves.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { BAKEN_BIN, BUNDLED_CONFIG } from './demo-env.ts';
import { addLastMonth, LAST_MONTH } from './transparency.fixtures.ts';

describe('baken report transparency', { timeout: 600_000 }, () => {
  let dir: string;
  let month: string;
  const baken = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BAKEN_BIN, 'report', 'transparency', '--config', join(dir, 'config'), '--data', join(dir, 'data'), ...args], { encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baken-report-'));
    cpSync(BUNDLED_CONFIG, join(dir, 'config'), { recursive: true });
    month = await addLastMonth(join(dir, 'config'), join(dir, 'data'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the figures of each theme as JSON, equal to what happened, with nothing suppressed that is large enough', () => {
    const r = baken('--from', month, '--to', month, '--format', 'json', '--by', 'commissie');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.themes.map((t: { theme: string }) => t.theme).sort(), ['mensenhandel', 'toezicht']);
    const f = report.themes.find((t: { theme: string }) => t.theme === 'toezicht').months[0].figures;
    const m = LAST_MONTH;
    assert.deepEqual(
      [f.captured, f.kept, f['deleted-at-gate'], f['staged-deleted'], f.failed, f.pages, f['on-hold'], f['hold-cases'], f.searches, f.reads, f['failed-sign-ins']],
      [m.captured, m.kept, m.deletedAtGate, m.stagedDeleted, m.failed, m.captured + m.failed, m.onHold, null, m.searches, m.reads, m.failedSignIns],
      '2 cases is below the threshold of 5, so hidden',
    );
    assert.equal(report.auditChain.ok, true);
  });

  it('writes Markdown with a table and bars, and no case number, user name or ad address', () => {
    const out = join(dir, 'report.md');
    const r = baken('--from', `${month}-01`, '--to', month, '--theme', 'toezicht', '--lang', 'en', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    const md = readFileSync(out, 'utf8');
    assert.match(md, /^# Web crawler transparency report/);
    assert.match(md, new RegExp(`\\| Ads captured \\| ${LAST_MONTH.captured} \\| ${LAST_MONTH.captured} \\|`));
    assert.match(md, /\*\*Ads kept per month\*\*\n\n```text\n\d{4}-\d{2}  █+ 12/);
    assert.doesNotMatch(md, /mensenhandel/, 'only the theme asked for');
    for (const secret of ['ZAAK-2026', 'demo-user', 'expert-demo', 'ads.example']) assert.ok(!md.includes(secret), `${secret} in the report`);
  });

  it('writes a PDF that renders to pages', () => {
    const out = join(dir, 'report.pdf');
    const r = baken('--from', month, '--to', month, '--format', 'pdf', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    const pages = spawnSync('pdftoppm', ['-r', '30', '-png', out, join(dir, 'page')]);
    assert.equal(pages.status, 0, String(pages.stderr));
    assert.ok(existsSync(join(dir, 'page-1.png')) || existsSync(join(dir, 'page-01.png')), 'a first page');
  });

  it('refuses a month that has not ended, a date inside a month and a format it does not write, saying why, and writes nothing', () => {
    const running = new Date().toISOString().slice(0, 7);
    const cases: [string[], number, RegExp][] = [
      [['--from', month, '--to', running], 2, /month \d{4}-\d{2} has not ended yet/],
      [['--from', `${month}-02`, '--to', month], 2, /expected the first day of a month/],
      [['--from', month, '--to', running, '--format', 'pdf', '--out', join(dir, 'r.pdf')], 2, /month \d{4}-\d{2} has not ended yet/],
      [['--from', month, '--to', month, '--format', 'docx'], 64, /--format: expected one of md, json, pdf/],
      [['--from', month, '--to', month, '--theme', 'nope'], 2, /no theme "nope"/],
    ];
    for (const [args, code, message] of cases) {
      const r = baken(...args);
      assert.deepEqual([r.code, message.test(r.stderr)], [code, true], `${args.join(' ')}: ${r.stderr}`);
    }
    assert.equal(existsSync(join(dir, 'r.pdf')), false);
  });

  it('is audited under the name given with --by, with the period and themes and no figures', async () => {
    assert.equal(baken('--from', month, '--to', month, '--json', '--by', 'voorzitter').code, 0);
    const app = await openApp({ dataDir: join(dir, 'data'), config: loadConfig(join(dir, 'config')) });
    try {
      const event = (await app.store.readLog('audit')).filter((e) => e.body.action === 'transparency.read').at(-1)!.body;
      assert.deepEqual([event['user'], event['actor'], event['role'], event['themes'], event['query']],
        ['voorzitter', 'cli', 'auditor', ['mensenhandel', 'toezicht'], { from: month, to: month }]);
    } finally { await app.close(); }
  });
});

// The official report of a crawled demo ad (requested, approved by a colleague and downloaded as an
// export), its attachment and the record of processing, as an operator makes them with `baken export`
// and `baken report`: the files are read back (the DOCX unzipped, the PDF rendered to pages) and
// searched for every id, label and term of the profile.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import type { Profile } from '../src/config/schema.ts';
import { openSqliteStore } from '../src/store/sqlite/store.sqlite.ts';
import type { SearchHit } from '../src/store/store.ts';
import { exportApproved, runBaken, startDemoEnv, type DemoEnv } from './demo-env.ts';
import { zipEntries } from '../src/reports/zip-entries.fixtures.ts';

const OFFICER = 'Inspecteur J. de Vries';
const UNIT = 'Eenheid Midden-Nederland, team AVIM';
const JUSTIFICATION = 'ZAAK-2026-0042';

/** The words of a text, folded as the matcher folds them: lower case, no diacritics. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const containsPhrase = (text: string, phrase: string) => {
  const escaped = fold(phrase).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(fold(text));
};

/** Every id, label and term the profile holds, each with where it comes from. */
function secretsOf(profile: Profile): { what: string; value: string }[] {
  const out: { what: string; value: string }[] = [];
  const phrases = (where: string, byLanguage: Record<string, string[]> | undefined) => {
    for (const list of Object.values(byLanguage ?? {})) for (const p of list) out.push({ what: where, value: p });
  };
  phrases('negation term', profile.negations?.terms);
  phrases('refusal term', profile.negations?.refusals?.terms);
  for (const ind of profile.indicators) {
    out.push({ what: 'indicator id', value: ind.id }, { what: `label of ${ind.id}`, value: ind.label });
    if (ind.kind === 'lexicon') phrases(`term of ${ind.id}`, ind.terms);
    if ('context' in ind && ind.context) {
      phrases(`context of ${ind.id}`, ind.context.require);
      phrases(`context of ${ind.id}`, ind.context.forbid);
    }
    if ('negations' in ind && ind.negations) phrases(`negation of ${ind.id}`, ind.negations.terms);
  }
  return out;
}

/** The text a person reads in the document: every XML part of the DOCX without its markup. */
function docxText(file: string): string {
  return [...zipEntries(readFileSync(file))].filter(([name]) => name.endsWith('.xml'))
    .map(([, xml]) => xml.toString('utf8').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&apos;/g, '\'').replace(/&quot;/g, '"'))
    .join('\n');
}

describe('baken report', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let work: string;
  let ad: SearchHit;
  let profile: Profile;
  const baken = (args: string[]) => runBaken(env, args);
  /** The PV leaves as every export does: requested, approved by a colleague, downloaded once. */
  const pvRequest = (format: string, adId = ad.id) => ['pv', '--ad', adId, '--officer', OFFICER, '--unit', UNIT, '--format', format,
    '--search-date', '2026-11-02', '--justification', JUSTIFICATION];
  const pv = (format: string, out: string) => exportApproved(baken, pvRequest(format), out, 'expert.devries');

  before(async () => {
    env = await startDemoEnv({ size: 'small' });
    work = mkdtempSync(join(tmpdir(), 'baken-reports-'));
    const crawled = await baken(['crawl', '--theme', 'mensenhandel', '--source', 'mensenhandel-classic', '--json']);
    assert.equal(crawled.code, 0, crawled.stderr);
    const store = await openSqliteStore(env.dataDir);
    try {
      const found = await store.search({ themes: ['mensenhandel'], minIndicators: 2, limit: 1 });
      assert.ok(found.hits[0], 'the crawl kept an ad with at least two indicators');
      ad = found.hits[0];
    } finally {
      await store.close();
    }
    profile = loadConfig(env.configDir).profiles.get('mensenhandel')!;
  });
  after(async () => { rmSync(work, { recursive: true, force: true }); await env?.close(); });

  it('fills the PV in, states the number of indicators and names none of the profile in the DOCX', async () => {
    const out = join(work, 'pv.docx');
    await pv('docx', out);
    const text = docxText(out);
    for (const filled of [OFFICER, UNIT, ad.url, '2026-11-02', ad.firstSeen.slice(0, 10), ad.lastSeen.slice(0, 10), 'pv 2026.1']) {
      assert.ok(text.includes(filled), `the PV states "${filled}"`);
    }
    assert.match(text, new RegExp(`advertentie ${ad.indicatorCount} indicator\\(en\\) van mensenhandel`), `the PV states the count ${ad.indicatorCount}`);
    const leaked = secretsOf(profile).filter((s) => containsPhrase(text, s.value));
    assert.deepEqual(leaked, [], 'no id, label or term of the profile appears in the PV');
  });

  it('renders the PV as a PDF of at least one page that also names nothing of the profile', async () => {
    const out = join(work, 'pv.pdf');
    await pv('pdf', out);
    assert.equal(readFileSync(out).subarray(0, 5).toString(), '%PDF-');
    const pages = spawnSync('pdftoppm', ['-png', '-r', '40', out, join(work, 'page')]);
    assert.equal(pages.status, 0, pages.stderr?.toString());
    assert.ok(readdirSync(work).filter((f) => /^page-\d+\.png$/.test(f)).length >= 1, 'pdftoppm made at least one page');
    const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' }).stdout;
    assert.ok(text.includes(OFFICER) && text.includes(String(ad.indicatorCount)));
    assert.deepEqual(secretsOf(profile).filter((s) => containsPhrase(text, s.value)), []);
  });

  it('records each PV request, approval and download in the audit trail with the justification', async () => {
    const store = await openSqliteStore(env.dataDir);
    try {
      const pvs = (await store.readLog('audit')).map((e) => e.body).filter((b) => (b.query as { kind?: string }).kind === 'pv');
      const oneExport = [['exports.request', 'expert.devries'], ['exports.approve', 'collega-van-expert.devries'], ['exports.download', 'expert.devries']];
      assert.deepEqual(pvs.map((b) => [b.action, b.user, (b.resources as string[]).includes(ad.id), b.justification]),
        [...oneExport, ...oneExport].map(([action, user]) => [action, user, true, JUSTIFICATION]));
    } finally {
      await store.close();
    }
  });

  it('refuses an unknown ad, a bad format and a missing officer when the PV is requested, with a clear error', async () => {
    const ask = (args: string[]) => baken(['export', 'request', ...args, '--by', 'expert.devries', '--json']);
    const unknown = await ask(pvRequest('docx', 'no-such-ad'));
    assert.equal(unknown.code, 2);
    assert.equal(JSON.parse(unknown.stdout).error.code, 'NOT_FOUND');
    const badFormat = await ask(pvRequest('odt'));
    assert.equal(JSON.parse(badFormat.stdout).error.code, 'INPUT_INVALID');
    assert.match(JSON.parse(badFormat.stdout).error.message, /format: expected docx or pdf/);
    const noOfficer = await ask(pvRequest('docx').filter((a, i, all) => a !== '--officer' && all[i - 1] !== '--officer'));
    assert.match(JSON.parse(noOfficer.stdout).error.message, /missing officer/);
    const listed = JSON.parse((await baken(['export', 'list', '--by', 'expert.devries', '--json'])).stdout) as { mine: unknown[] };
    assert.equal(listed.mine.length, 2, 'only the two good requests exist');
  });

  it('refuses to make a PV from a template that lacks a placeholder the PV must state, naming it, and writes nothing', async () => {
    const file = join(env.configDir, 'reports', 'pv.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replaceAll('{indicatorCount}', 'enkele'));
    const out = join(work, 'broken.docx');
    try {
      await assert.rejects(pv('docx', out), /reports\/pv\.yaml: blocks: the placeholder \{indicatorCount\} is missing/);
      assert.equal(existsSync(out), false);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('makes the attachment from the configuration: a changed setting changes its text and its hash', async () => {
    const first = join(work, 'toelichting-1.docx');
    assert.equal((await baken(['report', 'attachment', '--theme', 'mensenhandel', '--out', first])).code, 0);
    const before = docxText(first);
    assert.match(before, /183 dagen/);
    assert.match(before, /art\. 3 Politiewet 2012/, 'the legal basis as configured');
    assert.ok(!before.includes(env.url), 'no source address unless the theme lists them');
    const hashOf = (text: string) => /SHA-256 van de configuratie\s+([0-9a-f]{64})/.exec(text.replace(/\s+/g, ' '))?.[1];

    const theme = join(env.configDir, 'themes', 'mensenhandel.yaml');
    const original = readFileSync(theme, 'utf8');
    writeFileSync(theme, `${original}retention:\n  keepDays: 90\n`);
    try {
      const second = join(work, 'toelichting-2.docx');
      const r = await baken(['report', 'attachment', '--theme', 'mensenhandel', '--out', second]);
      assert.equal(r.code, 0, r.stderr);
      const after = docxText(second);
      assert.match(after, /90 dagen/);
      assert.ok(hashOf(before) && hashOf(after), 'both state the configuration hash');
      assert.notEqual(hashOf(after), hashOf(before));
    } finally {
      writeFileSync(theme, original);
    }
  });

  it('counts minimisation for the period from the custody log', async () => {
    const out = join(work, 'toelichting.pdf');
    assert.equal((await baken(['report', 'attachment', '--theme', 'mensenhandel', '--out', out])).code, 0);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    const store = await openSqliteStore(env.dataDir);
    try {
      const [run] = await store.runs('mensenhandel');
      assert.ok(run);
      assert.match(text, new RegExp(`Terstond verwijderd \\(geen signalen\\)\\s+${run.deleted}\\b`));
      assert.match(text, new RegExp(`Bewaard \\(signalen gevonden\\)\\s+${run.kept}\\b`));
    } finally {
      await store.close();
    }
    const empty = join(work, 'toelichting-leeg.docx');
    assert.equal((await baken(['report', 'attachment', '--theme', 'mensenhandel', '--from', '2026-01-01', '--to', '2026-01-31', '--out', empty])).code, 0);
    assert.match(docxText(empty), /Terstond verwijderd \(geen signalen\)\s+0\b/);
  });

  it('writes the record of processing per theme as JSON, and refuses an unknown format', async () => {
    const r = await baken(['report', 'processing', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const record = JSON.parse(r.stdout);
    assert.deepEqual(record.themes.map((t: { theme: string }) => t.theme), ['mensenhandel', 'toezicht']);
    const toezicht = record.themes[1];
    assert.deepEqual(toezicht.dataCategories, ['field:title', 'field:city', 'field:licence', 'field:posted', 'field:phones']);
    assert.equal(toezicht.legalBasis, 'art. 151a Gemeentewet; APV prostitutie (demo)');
    assert.ok(toezicht.persons.length > 0 && toezicht.recipients.length > 0 && toezicht.security.length > 0);
    const bad = await baken(['report', 'processing', '--format', 'xlsx']);
    assert.equal(bad.code, 64);
    assert.match(bad.stderr, /--format: expected md, json, docx or pdf/);
  });
});

// `baken eval` on a small labelled file: the figures, the misses and false keeps with their
// evidence, the JSON document, and bad input refused with its line number before anything is scored.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAKEN_BIN } from './demo-env.ts';

/** Built against the bundled mensenhandel profile (threshold 2). */
const LABELLED = [
  // kept: 24/7 (2) and unprotected (3)
  { id: 'f-247', title: 'Nieuw', text: 'Ik ben 24/7 beschikbaar, ook zonder condoom.', label: 'flag', lang: 'nl' },
  // kept: third-party (2, two phrases) and everything-goes (2)
  { id: 'f-driver', title: 'Hot', text: 'New girls every week, call my driver. Everything goes.', label: 'flag', lang: 'en', cues: ['third-party'] },
  // missed: only the claimed age of 19 (1)
  { id: 'f-age', title: 'Lena', text: 'Rustige afspraak in Utrecht.', age: 19, label: 'flag' },
  // missed: nothing the profile knows
  { id: 'f-none', title: 'Mia', text: 'Lieve dame, bel voor een afspraak.', label: 'flag' },
  { id: 'c-plain', title: 'Anna', text: 'Alleen op afspraak, altijd met condoom.', age: 34, label: 'clean' },
  // a refusal: the negation keeps 24/7 from hitting
  { id: 'c-refuses', title: 'Eva', text: 'Niet 24/7 beschikbaar, bel tussen tien en zes.', label: 'clean', refused: true },
  // falsely kept: 24/7 (2) and everything-goes (2)
  { id: 'c-kept', title: 'Sara', text: 'Ik ben 24/7 bereikbaar en alles kan.', label: 'clean' },
];

function run(args: string[], lines: unknown[] | string) {
  const dir = mkdtempSync(join(tmpdir(), 'baken-eval-'));
  try {
    const input = join(dir, 'labelled.jsonl');
    writeFileSync(input, typeof lines === 'string' ? lines : lines.map((l) => JSON.stringify(l)).join('\n'));
    const data = join(dir, 'data');
    const r = spawnSync(process.execPath, [BAKEN_BIN, 'eval', '--input', input, '--data', data, ...args], { encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, dataCreated: existsSync(data) };
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

const evalJson = (lines: unknown[] | string, theme = 'mensenhandel') => run(['--theme', theme, '--json'], lines);

describe('baken eval', () => {
  it('prints precision, recall, the clean-kept rate and the ads it got wrong with their evidence', () => {
    const r = run(['--theme', 'mensenhandel'], LABELLED);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /on \S*labelled\.jsonl: 7 ads, 4 flag, 3 clean/);
    assert.match(r.stdout, /^precision +0\.667 \(2 of 3 kept ads are flag ads\)$/m);
    assert.match(r.stdout, /^recall +0\.500 \(2 of 4 flag ads kept\)$/m);
    assert.match(r.stdout, /^clean kept +0\.333 \(1 of 3 clean ads kept\)$/m);
    assert.match(r.stdout, /^counts +tp 2 {2}fp 1 {2}tn 2 {2}fn 2/m);
    assert.match(r.stdout, /^always-available-247 \(2\) +1\/4 0\.250 +1\/3 0\.333$/m);
    const misses = r.stdout.slice(r.stdout.indexOf('misses, flag ads not kept: 2'), r.stdout.indexOf('false keeps'));
    assert.match(misses, /f-age {2}line 3 {2}score 1\n {4}claimed-age-18-19 \(1\) {2}age = 19\n/);
    assert.match(misses, /f-none {2}line 4 {2}score 0 {2}no indicator hit/);
    const falseKeeps = r.stdout.slice(r.stdout.indexOf('false keeps, clean ads kept: 1'));
    assert.match(falseKeeps, /c-kept {2}line 7 {2}score 4\n/);
    assert.match(falseKeeps, /always-available-247 \(2\) {2}text\[7:11\] "24\/7"/);
    assert.match(falseKeeps, /everything-goes \(2\) {2}text\[26:35\] "alles kan"/);
    assert.equal(r.dataCreated, false, 'eval stores nothing');
  });

  it('prints one JSON document with the counts, the rates per indicator and the exact evidence spans', () => {
    const r = evalJson(LABELLED);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(doc), ['theme', 'input', 'profile', 'threshold', 'ads', 'counts', 'precision', 'recall', 'cleanKeptRate', 'indicators', 'misses', 'falseKeeps']);
    assert.deepEqual(doc.counts, { tp: 2, fp: 1, tn: 2, fn: 2 });
    assert.deepEqual([doc.ads, doc.precision, doc.recall, doc.cleanKeptRate], [7, 2 / 3, 0.5, 1 / 3]);
    const rates = new Map(doc.indicators.map((i: { id: string }) => [i.id, i]));
    assert.deepEqual(rates.get('always-available-247'), { id: 'always-available-247', weight: 2, flag: { hits: 1, ads: 4, rate: 0.25 }, clean: { hits: 1, ads: 3, rate: 1 / 3 } });
    assert.deepEqual(rates.get('third-party'), { id: 'third-party', weight: 2, flag: { hits: 1, ads: 4, rate: 0.25 }, clean: { hits: 0, ads: 3, rate: 0 } });
    assert.ok(rates.has('posting-frequency'), 'indicators that never hit are listed too');
    assert.deepEqual(doc.misses, [
      { id: 'f-age', line: 3, score: 1, hits: [{ id: 'claimed-age-18-19', weight: 1, evidence: [{ kind: 'field', field: 'age', value: 19 }] }] },
      { id: 'f-none', line: 4, score: 0, hits: [] },
    ]);
    const [kept] = doc.falseKeeps;
    assert.deepEqual([doc.falseKeeps.length, kept.id, kept.line, kept.score], [1, 'c-kept', 7, 4]);
    const text = LABELLED[6]!.text;
    for (const hit of kept.hits) {
      for (const ev of hit.evidence) assert.equal(text.slice(ev.start, ev.end), ev.text, `${hit.id}: the span's offsets point at its text`);
    }
    assert.deepEqual(kept.hits.map((h: { id: string; evidence: { text: string }[] }) => [h.id, h.evidence.map((e) => e.text)]),
      [['always-available-247', ['24/7']], ['everything-goes', ['alles kan']]]);
  });

  it('refuses a wrong or missing label, naming the line and the allowed values, and scores nothing', () => {
    const wrong = run(['--theme', 'mensenhandel'], [LABELLED[0], { ...LABELLED[1], label: 'spam' }]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /labelled\.jsonl:2: label: expected "flag" or "clean", got "spam"/);
    assert.equal(wrong.stdout, '', 'no report for a refused file');
    const { label: _, ...unlabelled } = LABELLED[2]!;
    const missing = evalJson([LABELLED[0], LABELLED[1], unlabelled]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /labelled\.jsonl:3: label: missing; expected "flag" or "clean"/);
    assert.equal(JSON.parse(missing.stdout).error.code, 'INPUT_INVALID');
  });

  it('refuses a duplicate id naming both lines, and a line that is not JSON', () => {
    const twice = evalJson([LABELLED[0], LABELLED[1], { ...LABELLED[4], id: 'f-247' }]);
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /labelled\.jsonl:3: id: "f-247" is already used on line 1/);
    const broken = evalJson(`${JSON.stringify(LABELLED[0])}\n\n{"id": "x", "title": "t",\n`);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /labelled\.jsonl:3: not valid JSON/);
  });

  it('refuses the errors analyse gives too: a bad field, with its line', () => {
    const r = evalJson([LABELLED[0], { ...LABELLED[1], age: 'negentien' }]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /labelled\.jsonl:2: age: .*expected number/);
  });

  it('refuses an unknown theme and an empty file', () => {
    const theme = evalJson(LABELLED, 'nope');
    assert.equal(theme.code, 2);
    assert.equal(JSON.parse(theme.stdout).error.code, 'THEME_UNKNOWN');
    assert.match(theme.stderr, /no theme "nope"/);
    const empty = evalJson('\n');
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /labelled\.jsonl: no ads; expected one ad a line, each with "label": "flag" or "clean"/);
  });
});

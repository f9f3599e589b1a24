// `baken import` as an operator runs it: a good file is imported and reported as a version, a file
// with bad rows prints each row and why, exits non-zero and imports nothing, --map overrides a column.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = new URL('../../bin/baken.ts', import.meta.url).pathname;
const HEADER = 'Datum,Gemeente,Categorie,Omschrijving';

describe('baken import', { timeout: 60_000 }, () => {
  let root: string;
  const baken = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args, '--data', join(root, 'data'), '--by', 'carla'], { encoding: 'utf8', env: { ...process.env, BAKEN_LOG: 'warn' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const file = (name: string, text: string) => {
    const path = join(root, name);
    writeFileSync(path, text);
    return path;
  };

  before(() => { root = mkdtempSync(join(tmpdir(), 'baken-import-')); });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('imports a file with the theme\'s column mapping and says which version it became', () => {
    const r = baken('import', 'reports', '--theme', 'toezicht', file('meldingen.csv', `${HEADER}\n01-11-2026,0392,Overlast,Veel bezoek\n02-11-2026,0363,Mensenhandel,Jonge vrouwen\n`));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'imported 2 rows as version 1 of reports in toezicht');
  });

  it('prints every bad row and why, exits non-zero, and imports nothing', () => {
    const r = baken('import', 'reports', '--theme', 'toezicht', '--json', file('fout.csv', `${HEADER}\n31-02-2026,0392,Overlast,x\n01-11-2026,9999,Overlast,\n`));
    assert.equal(r.code, 2);
    assert.deepEqual(JSON.parse(r.stdout).error.rows, [
      { row: 2, field: 'date', reason: '"31-02-2026" is no date (expected dd-mm-jjjj or jjjj-mm-dd, a day that exists)' },
      { row: 3, field: 'municipality', reason: '"9999" is no known CBS municipality code' },
      { row: 3, field: 'text', reason: 'text is empty' },
    ]);
    assert.match(r.stderr, /fout\.csv: 2 rows have errors, so nothing was imported\n {2}row 2 \(date\): "31-02-2026" is no date/);
    const next = baken('import', 'reports', '--theme', 'toezicht', '--json', file('goed.csv', `${HEADER}\n01-11-2026,0392,Overlast,x\n`));
    assert.equal(JSON.parse(next.stdout).version, 2, 'the refused file took no version');
  });

  it('takes a column under another header with --map, and refuses a police theme', () => {
    const r = baken('import', 'reports', '--theme', 'toezicht', '--map', 'category=Soort', file('soort.csv', 'Datum,Gemeente,Soort,Omschrijving\n01-11-2026,0392,Overlast,x\n'));
    assert.equal(r.code, 0, r.stderr);
    const police = baken('import', 'reports', '--theme', 'mensenhandel', file('p.csv', `${HEADER}\n01-11-2026,0392,Overlast,x\n`));
    assert.deepEqual([police.code, police.stderr.trim()], [2, 'baken import: no theme "mensenhandel"']);
  });
});

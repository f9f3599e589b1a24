// The command line's contract: clear errors and exit codes, and analyse that stores nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAKEN_BIN, BUNDLED_CONFIG } from './demo-env.ts';

function baken(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BAKEN_BIN, ...args], { encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string { return mkdtempSync(join(tmpdir(), 'baken-cli-')); }

describe('baken CLI', () => {
  it('refuses a bad configuration with the file, path and expectation, and exit code 2', () => {
    const dir = tempDir();
    try {
      cpSync(BUNDLED_CONFIG, join(dir, 'config'), { recursive: true });
      writeFileSync(join(dir, 'config/profiles/mensenhandel.yaml'), 'id: mensenhandel\ntheme: mensenhandel\nthreshold: 2\nindicators:\n  - {id: x, label: X, description: D, kind: lexicon, weight: heavy, terms: {nl: [a]}}\n');
      const r = baken(['crawl', '--theme', 'mensenhandel', '--json', '--config', join(dir, 'config'), '--data', join(dir, 'data')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /profiles\/mensenhandel\.yaml: indicators\.0\.weight: expected a number/);
      assert.equal(JSON.parse(r.stdout).error.code, 'CONFIG_INVALID');
      assert.equal(existsSync(join(dir, 'data')), false, 'nothing is created for a refused run');
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('refuses to crawl outside the theme\'s purpose period', () => {
    const dir = tempDir();
    try {
      cpSync(BUNDLED_CONFIG, join(dir, 'config'), { recursive: true });
      const file = join(dir, 'config/themes/toezicht.yaml');
      writeFileSync(file, spawnSync('sed', ['s/end: "2030-12-31"/end: "2020-12-31"/; s/start: "2026-01-01"/start: "2020-01-01"/', file], { encoding: 'utf8' }).stdout);
      const r = baken(['crawl', '--theme', 'toezicht', '--config', join(dir, 'config'), '--data', join(dir, 'data')]);
      assert.equal(r.code, 3);
      assert.match(r.stderr, /theme "toezicht" may only crawl from 2020-01-01 to 2020-12-31/);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('names an unknown theme and an unknown source', () => {
    assert.match(baken(['crawl', '--theme', 'nope']).stderr, /no theme "nope"/);
    const r = baken(['crawl', '--theme', 'toezicht', '--source', 'nope', '--data', join(tempDir(), 'd')]);
    assert.match(r.stderr, /theme "toezicht" has no source "nope"/);
  });

  it('analyses ads from a file and prints one JSON line per ad, storing nothing', () => {
    const dir = tempDir();
    try {
      const input = join(dir, 'ads.jsonl');
      writeFileSync(input, [
        JSON.stringify({ id: 'a1', title: 'Nieuw', text: 'Ik ben altijd beschikbaar, 24/7.' }),
        JSON.stringify({ id: 'a2', title: 'Hallo', text: 'Rustige afspraak in Utrecht.' }),
      ].join('\n'));
      const r = baken(['analyse', '--theme', 'mensenhandel', '--input', input, '--json', '--data', join(dir, 'data')]);
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(lines.length, 2);
      // "altijd beschikbaar" and "24/7" are one signal seen twice: it counts once (a group).
      assert.deepEqual({ id: lines[0].id, kept: lines[0].kept, score: lines[0].score }, { id: 'a1', kept: true, score: 2 });
      assert.deepEqual(lines[0].indicators.map((i: { id: string }) => i.id).sort(), ['always-available', 'always-available-247']);
      assert.deepEqual(lines[0].indicators[0].evidence[0].kind, 'span');
      assert.deepEqual({ id: lines[1].id, kept: lines[1].kept, indicators: lines[1].indicators }, { id: 'a2', kept: false, indicators: [] });
      assert.equal(existsSync(join(dir, 'data')), false);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('rejects a bad input line with its line number', () => {
    const dir = tempDir();
    try {
      const input = join(dir, 'ads.jsonl');
      writeFileSync(input, `${JSON.stringify({ id: 'a1', title: 'x', text: 'y' })}\n{"id": "a2", "title": 5, "text": "y"}\n`);
      const r = baken(['analyse', '--theme', 'mensenhandel', '--input', input, '--json']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /ads\.jsonl:2: title: /);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('answers an unknown command or flag with usage and exit code 64', () => {
    assert.equal(baken(['frobnicate']).code, 64);
    const r = baken(['search', '--frob']);
    assert.equal(r.code, 64);
    assert.match(r.stderr, /--frob/);
    const size = baken(['sites', '--size', 'huge']);
    assert.equal(size.code, 64);
    assert.match(size.stderr, /--size: expected one of small, default, large, soak, got "huge"/);
    const photos = baken(['sites', '--photos', 'many']);
    assert.equal(photos.code, 64);
    assert.match(photos.stderr, /--photos: expected one of light, heavy, got "many"/);
  });

  it('refuses a database that is not PostgreSQL, without echoing its password, and creates nothing', () => {
    const dir = tempDir();
    try {
      const r = baken(['search', 'x', '--database', 'mysql://baken:geheim@db.example/baken', '--data', join(dir, 'data')]);
      assert.equal(r.code, 64);
      assert.match(r.stderr, /--database: expected a postgres:\/\/ URL, got "mysql:\/\/baken:…@db\.example\/baken"/);
      assert.doesNotMatch(r.stderr + r.stdout, /geheim/);
      assert.equal(existsSync(join(dir, 'data')), false);
      const down = baken(['search', 'x', '--database', 'postgres://baken:geheim@127.0.0.1:1/baken', '--data', join(dir, 'data'), '--json']);
      assert.equal(down.code, 8);
      assert.equal(JSON.parse(down.stdout).error.code, 'STORE_UNAVAILABLE');
      assert.match(down.stderr, /cannot use the PostgreSQL database postgres:\/\/baken:…@127\.0\.0\.1:1\/baken: .*ECONNREFUSED/);
      assert.doesNotMatch(down.stderr + down.stdout, /geheim/);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});

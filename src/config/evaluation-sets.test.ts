// A theme's labelled sets are checked when the configuration loads: a set that cannot be read or
// has a bad line stops the load with the theme's file, the set and the line.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BakenError } from '../domain/errors.ts';
import { loadConfig } from './load.ts';

const BUNDLED = new URL('../../config', import.meta.url).pathname;

const ad = (id: string, label: string) => JSON.stringify({ id, label, title: 'Advertentie', text: 'Alleen op afspraak.' });

/** A copy of the bundled configuration whose toezicht theme names the sets in `evaluation` (YAML),
 *  with `files` written under `root/sets/`; root/config is the configuration directory. */
function withSets(evaluation: string, files: Record<string, string>, check: (configDir: string) => void) {
  const root = mkdtempSync(join(tmpdir(), 'baken-sets-'));
  try {
    const configDir = join(root, 'config');
    cpSync(BUNDLED, configDir, { recursive: true });
    mkdirSync(join(root, 'sets'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(root, 'sets', name), content);
    const theme = join(configDir, 'themes', 'toezicht.yaml');
    writeFileSync(theme, `${readFileSync(theme, 'utf8')}evaluation:\n${evaluation}`);
    check(configDir);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function loadError(dir: string): string {
  try { loadConfig(dir); } catch (e) {
    assert.ok(e instanceof BakenError && e.code === 'CONFIG_INVALID', `expected CONFIG_INVALID, got ${String(e)}`);
    return e.message;
  }
  assert.fail('expected the configuration to be refused');
}

describe('evaluation sets of a theme', () => {
  it('are read relative to the configuration directory, in the order the theme names them', () => {
    withSets('  - { name: heldout, file: ../sets/b.jsonl }\n  - { name: dev, file: ../sets/a.jsonl }\n',
      { 'a.jsonl': `${ad('a1', 'flag')}\n`, 'b.jsonl': `${ad('b1', 'clean')}\n` },
      (dir) => assert.deepEqual(loadConfig(dir).themes.get('toezicht')!.evaluation, [
        { name: 'heldout', file: '../sets/b.jsonl' }, { name: 'dev', file: '../sets/a.jsonl' },
      ]));
  });

  it('default to none, and the bundled mensenhandel theme names its development and held-out splits', () => {
    const config = loadConfig(BUNDLED);
    assert.deepEqual(config.themes.get('toezicht')!.evaluation, []);
    assert.deepEqual(config.themes.get('mensenhandel')!.evaluation.map((s) => s.name), ['dev', 'heldout']);
  });

  it('refuse a file that is not there, naming the theme\'s file, the set and the path', () => {
    withSets('  - { name: dev, file: ../sets/missing.jsonl }\n', {},
      (dir) => assert.match(loadError(dir), /themes\/toezicht\.yaml: evaluation\.0\.file: cannot read \.\.\/sets\/missing\.jsonl \(no such file; a relative path is read from the configuration directory\)/));
  });

  it('refuse a bad label, a line that is not JSON and an id used twice, with the line number', () => {
    withSets('  - { name: dev, file: ../sets/label.jsonl }\n  - { name: json, file: ../sets/json.jsonl }\n  - { name: twice, file: ../sets/twice.jsonl }\n', {
      'label.jsonl': `${ad('a', 'flag')}\n\n${ad('b', 'maybe')}\n`,
      'json.jsonl': `${ad('a', 'flag')}\n{"id": "b",\n`,
      'twice.jsonl': `${ad('a', 'flag')}\n${ad('b', 'clean')}\n${ad('a', 'clean')}\n`,
    }, (dir) => {
      const message = loadError(dir);
      assert.match(message, /themes\/toezicht\.yaml: evaluation\.0\.file: \.\.\/sets\/label\.jsonl:3: label: expected "flag" or "clean", got "maybe"/);
      assert.match(message, /themes\/toezicht\.yaml: evaluation\.1\.file: \.\.\/sets\/json\.jsonl:2: not valid JSON/);
      assert.match(message, /themes\/toezicht\.yaml: evaluation\.2\.file: \.\.\/sets\/twice\.jsonl:3: id: "a" is already used on line 1/);
    });
  });

  it('refuse an empty file, a missing label and a set named twice', () => {
    withSets('  - { name: dev, file: ../sets/empty.jsonl }\n  - { name: dev, file: ../sets/unlabelled.jsonl }\n', {
      'empty.jsonl': '\n', 'unlabelled.jsonl': JSON.stringify({ id: 'a', title: 't', text: 't' }),
    }, (dir) => assert.match(loadError(dir), /themes\/toezicht\.yaml: evaluation: expected each set's name only once/));
    withSets('  - { name: dev, file: ../sets/empty.jsonl }\n  - { name: unlabelled, file: ../sets/unlabelled.jsonl }\n', {
      'empty.jsonl': '\n', 'unlabelled.jsonl': JSON.stringify({ id: 'a', title: 't', text: 't' }),
    }, (dir) => {
      const message = loadError(dir);
      assert.match(message, /evaluation\.0\.file: \.\.\/sets\/empty\.jsonl: no ads; expected one ad a line, each with "label": "flag" or "clean"/);
      assert.match(message, /evaluation\.1\.file: \.\.\/sets\/unlabelled\.jsonl:1: label: missing; expected "flag" or "clean"/);
    });
  });

  it('refuse a set without a name or a file', () => {
    withSets('  - { file: ../sets/a.jsonl }\n  - { name: dev, file: "" }\n', { 'a.jsonl': `${ad('a', 'flag')}\n` },
      (dir) => {
        const message = loadError(dir);
        assert.match(message, /themes\/toezicht\.yaml: evaluation\.0\.name: /);
        assert.match(message, /themes\/toezicht\.yaml: evaluation\.1\.file: expected the path of a labelled JSON Lines file/);
      });
  });
});

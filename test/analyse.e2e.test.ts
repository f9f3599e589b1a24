// `baken analyse` on a file: the whole profile, cross-ad indicators over the file's ads, nothing stored.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAKEN_BIN } from './demo-env.ts';

function analyseFile(lines: unknown[]) {
  const dir = mkdtempSync(join(tmpdir(), 'baken-analyse-'));
  try {
    const input = join(dir, 'ads.jsonl');
    writeFileSync(input, lines.map((l) => JSON.stringify(l)).join('\n'));
    const r = spawnSync(process.execPath, [BAKEN_BIN, 'analyse', '--theme', 'mensenhandel', '--input', input, '--json'], { encoding: 'utf8' });
    return { code: r.status, stderr: r.stderr, out: r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

describe('baken analyse', () => {
  it('computes cross-ad indicators over the ads of the file and names the linked ads', () => {
    const phone = ['+31612345678'];
    const r = analyseFile([
      { id: 'a', title: 'Lena', text: 'Net aangekomen in Utrecht.', alias: 'Lena', phones: phone },
      { id: 'b', title: 'Mila', text: 'Rustige afspraak.', alias: 'Mila', phones: phone },
      { id: 'c', title: 'Sofia', text: 'Rustige afspraak.', alias: 'Sofia', phones: ['+31687654321'] },
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.out.map((l) => [l.id, l.score, l.kept]), [['a', 2, true], ['b', 1, false], ['c', 0, false]]);
    assert.deepEqual(r.out[0].indicators.find((i: { id: string }) => i.id === 'shared-phone'),
      { id: 'shared-phone', weight: 1, evidence: [{ kind: 'linked', reason: 'shared-phone', value: '+31612345678', ads: ['b'] }] });
  });

  it('rejects an id used twice and an image hash that is not one, with the line number', () => {
    const twice = analyseFile([{ id: 'a', title: 't', text: 'x' }, { id: 'a', title: 't', text: 'y' }]);
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /ads\.jsonl:2: id: "a" is already used on line 1/);
    const hash = analyseFile([{ id: 'a', title: 't', text: 'x', imageHashes: ['xyz'] }]);
    assert.match(hash.stderr, /ads\.jsonl:1: imageHashes\.0: expected 16 lower-case hex digits/);
  });
});

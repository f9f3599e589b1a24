import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { parseAdLines } from './ad-input.ts';

const jsonl = (...lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');

describe('parseAdLines', () => {
  it('reads one ad a line with its line number, skipping blank lines and leaving unknown keys out', () => {
    const lines = parseAdLines(jsonl(
      { id: 7, title: 'T', text: 'x', age: 19, images: ['https://x.example/1.jpg'], lang: 'nl', seen: '2026-01-02' },
      '',
      { id: 'b', title: 'U', text: 'y', imageHashes: ['0123456789abcdef'] },
    ), 'ads.jsonl');
    assert.deepEqual(lines, [
      { line: 1, ad: { id: '7', fields: { title: 'T', text: 'x', age: 19, images: ['https://x.example/1.jpg'] }, seen: '2026-01-02' }, extra: {} },
      { line: 3, ad: { id: 'b', fields: { title: 'U', text: 'y' }, imageHashes: ['0123456789abcdef'] }, extra: {} },
    ]);
  });

  it('names the file and line of a line that is not JSON, a field of the wrong type and a missing text', () => {
    assert.throws(() => parseAdLines(jsonl({ id: 'a', title: 't', text: 'x' }, '{"id": "b",'), 'f.jsonl'), /^BakenError: f\.jsonl:2: not valid JSON$/);
    assert.throws(() => parseAdLines(jsonl({ id: 'a', title: 't', text: 'x', age: '19' }), 'f.jsonl'), /f\.jsonl:1: age: .*expected number/);
    assert.throws(() => parseAdLines(jsonl({ id: 'a', title: 't' }), 'f.jsonl'), /f\.jsonl:1: text: /);
    assert.throws(() => parseAdLines('[1]', 'f.jsonl'), /f\.jsonl:1: \(line\): .*expected object/);
  });

  it('names both lines of an id used twice', () => {
    assert.throws(() => parseAdLines(jsonl({ id: 'a', title: 't', text: 'x' }, { id: 'c', title: 't', text: 'x' }, { id: 'a', title: 't', text: 'y' }), 'f.jsonl'),
      /f\.jsonl:3: id: "a" is already used on line 1/);
  });

  it('checks and returns the keys an extra schema asks for, after the ad\'s own fields', () => {
    const extra = z.object({ label: z.enum(['flag', 'clean']) });
    const lines = parseAdLines(jsonl({ id: 'a', title: 't', text: 'x', label: 'flag' }), 'f.jsonl', extra);
    assert.deepEqual(lines[0]!.extra, { label: 'flag' });
    assert.equal('label' in lines[0]!.ad.fields, false);
    assert.throws(() => parseAdLines(jsonl({ id: 'a', title: 't', text: 'x', label: 'spam' }), 'f.jsonl', extra), /f\.jsonl:1: label: /);
    assert.throws(() => parseAdLines(jsonl({ id: 'a', title: 't', label: 'spam' }), 'f.jsonl', extra), /f\.jsonl:1: text: /);
  });
});

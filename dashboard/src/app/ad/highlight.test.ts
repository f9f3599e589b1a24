import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segments } from './highlight.ts';

const marked = (text: string, spans: { start: number; end: number; ref: number }[]) =>
  segments(text, spans).map((s) => (s.refs.length ? `[${s.text}|${s.refs.join(',')}]` : s.text)).join('');

describe('segments', () => {
  it('leaves a text without evidence as one plain segment', () => {
    assert.deepEqual(segments('hallo', []), [{ text: 'hallo', refs: [], starts: [], ends: [] }]);
  });

  it('marks spans at the very start and the very end', () => {
    assert.equal(marked('YOUNG GIRL in town', [{ start: 0, end: 10, ref: 0 }, { start: 14, end: 18, ref: 1 }]), '[YOUNG GIRL|0] in [town|1]');
  });

  it('cuts overlapping spans so each part names every span that covers it', () => {
    const parts = segments('without condom please', [{ start: 0, end: 14, ref: 0 }, { start: 8, end: 21, ref: 1 }]);
    assert.deepEqual(parts.map((p) => [p.text, p.refs]), [['without ', [0]], ['condom', [0, 1]], [' please', [1]]]);
    assert.deepEqual(parts.map((p) => [p.starts, p.ends]), [[[0], []], [[1], [0]], [[], [1]]]);
  });

  it('handles a span inside another and two identical spans', () => {
    assert.equal(marked('abcdef', [{ start: 1, end: 5, ref: 0 }, { start: 2, end: 3, ref: 1 }, { start: 2, end: 3, ref: 2 }]), 'a[b|0][c|0,1,2][de|0]f');
  });

  it('ignores empty and inverted spans and clamps spans past the end', () => {
    assert.equal(marked('abc', [{ start: 2, end: 2, ref: 0 }, { start: 2, end: 1, ref: 1 }, { start: 1, end: 99, ref: 2 }, { start: -5, end: 1, ref: 3 }]), '[a|3][bc|2]');
  });

  it('counts offsets in UTF-16 units, as the analysis does, and never splits an emoji', () => {
    const text = '😀 jong 🌹 meisje';
    const start = text.indexOf('jong');
    assert.equal(marked(text, [{ start, end: start + 4, ref: 0 }]), '😀 [jong|0] 🌹 meisje');
    const rose = text.indexOf('🌹');
    assert.equal(marked(text, [{ start: rose + 1, end: rose + 2, ref: 1 }]), '😀 jong [🌹|1] meisje');
    assert.equal(segments(text, [{ start: rose, end: rose + 2, ref: 0 }]).map((s) => s.text).join(''), text);
  });
});

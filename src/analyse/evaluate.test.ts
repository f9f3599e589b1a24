import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Assessment } from '../domain/indicator-hit.ts';
import { evaluate, type Label, type LabelledAd } from './evaluate.ts';

const profile = {
  id: 'p', threshold: 2,
  indicators: [
    { id: 'strong', weight: 2, kind: 'lexicon' as const, group: 'strong' },
    { id: 'weak', weight: 1, kind: 'field' as const, group: 'weak' },
    { id: 'never', weight: 1, kind: 'lexicon' as const, group: 'never' },
  ],
};

const span = (text: string) => ({ kind: 'span' as const, field: 'text', start: 0, end: text.length, text });

/** One ad: its label and which indicators hit; kept when the weights reach the threshold. */
function scored(rows: [id: string, label: Label, hits: ('strong' | 'weak')[]][]) {
  const ads: LabelledAd[] = [];
  const assessments = new Map<string, Assessment>();
  rows.forEach(([id, label, ids], i) => {
    ads.push({ id, line: i + 1, label });
    const hits = ids.map((h) => ({ id: h, weight: h === 'strong' ? 2 : 1, evidence: [span(h)] }));
    const score = hits.reduce((sum, h) => sum + h.weight, 0);
    assessments.set(id, { score, kept: score >= profile.threshold, hits });
  });
  return { ads, assessments };
}

describe('evaluate', () => {
  it('counts kept and deleted ads against their labels', () => {
    const { ads, assessments } = scored([
      ['f1', 'flag', ['strong']], ['f2', 'flag', ['strong', 'weak']], ['f3', 'flag', ['weak']], ['f4', 'flag', []],
      ['c1', 'clean', []], ['c2', 'clean', ['weak']], ['c3', 'clean', ['strong']],
    ]);
    const e = evaluate(profile, ads, assessments);
    assert.deepEqual(e.counts, { tp: 2, fp: 1, tn: 2, fn: 2 });
    assert.equal(e.ads, 7);
    assert.equal(e.precision, 2 / 3);
    assert.equal(e.recall, 2 / 4);
    assert.equal(e.cleanKeptRate, 1 / 3);
  });

  it('gives each indicator its hit rate on flag ads and on clean ads, listing those that never hit', () => {
    const { ads, assessments } = scored([
      ['f1', 'flag', ['strong']], ['f2', 'flag', ['strong', 'weak']], ['f3', 'flag', []], ['f4', 'flag', ['weak']],
      ['c1', 'clean', ['weak']], ['c2', 'clean', []],
    ]);
    assert.deepEqual(evaluate(profile, ads, assessments).indicators, [
      { id: 'strong', weight: 2, flag: { hits: 2, ads: 4, rate: 0.5 }, clean: { hits: 0, ads: 2, rate: 0 } },
      { id: 'weak', weight: 1, flag: { hits: 2, ads: 4, rate: 0.5 }, clean: { hits: 1, ads: 2, rate: 0.5 } },
      { id: 'never', weight: 1, flag: { hits: 0, ads: 4, rate: 0 }, clean: { hits: 0, ads: 2, rate: 0 } },
    ]);
  });

  it('lists the misses and the false keeps in file order with their line, score and evidence', () => {
    const { ads, assessments } = scored([
      ['c1', 'clean', ['strong']], ['f1', 'flag', ['weak']], ['f2', 'flag', ['strong']], ['f3', 'flag', []], ['c2', 'clean', ['strong', 'weak']],
    ]);
    const e = evaluate(profile, ads, assessments);
    assert.deepEqual(e.misses, [
      { id: 'f1', line: 2, score: 1, hits: [{ id: 'weak', weight: 1, evidence: [span('weak')] }] },
      { id: 'f3', line: 4, score: 0, hits: [] },
    ]);
    assert.deepEqual(e.falseKeeps.map((a) => [a.id, a.line, a.score, a.hits.map((h) => h.id)]),
      [['c1', 1, 2, ['strong']], ['c2', 5, 3, ['strong', 'weak']]]);
  });

  it('has no precision when nothing is kept, rather than calling it 0 or 1', () => {
    const { ads, assessments } = scored([['f1', 'flag', ['weak']], ['c1', 'clean', []]]);
    const e = evaluate(profile, ads, assessments);
    assert.equal(e.precision, null);
    assert.equal(e.recall, 0);
    assert.equal(e.cleanKeptRate, 0);
    assert.equal(e.misses.length, 1);
  });

  it('has no recall and no flag hit rates when no ad is labelled flag', () => {
    const { ads, assessments } = scored([['c1', 'clean', ['strong']], ['c2', 'clean', []]]);
    const e = evaluate(profile, ads, assessments);
    assert.equal(e.recall, null);
    assert.equal(e.precision, 0);
    assert.equal(e.cleanKeptRate, 0.5);
    assert.deepEqual(e.indicators[0]!.flag, { hits: 0, ads: 0, rate: null });
  });

  it('has no clean-kept rate when no ad is labelled clean', () => {
    const { ads, assessments } = scored([['f1', 'flag', ['strong']], ['f2', 'flag', ['strong']]]);
    const e = evaluate(profile, ads, assessments);
    assert.deepEqual([e.precision, e.recall, e.cleanKeptRate], [1, 1, null]);
    assert.deepEqual(e.indicators[0]!.clean, { hits: 0, ads: 0, rate: null });
  });

  it('has nothing to measure on no ads, without dividing by zero', () => {
    const e = evaluate(profile, [], new Map());
    assert.deepEqual([e.ads, e.precision, e.recall, e.cleanKeptRate], [0, null, null, null]);
  });

  it('refuses an ad the engine did not assess, instead of counting it as deleted', () => {
    assert.throws(() => evaluate(profile, [{ id: 'x', line: 1, label: 'flag' }], new Map()), /no assessment for ad "x"/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hit } from './ad-types.ts';
import { markedFields, numberEvidence } from './highlight.ts';

const HITS: Hit[] = [
  { id: 'unprotected', weight: 3, evidence: [{ kind: 'span', field: 'text', start: 5, end: 11, text: 'condom' }] },
  { id: 'young', weight: 2, evidence: [{ kind: 'span', field: 'title', start: 0, end: 5, text: 'YOUNG' }, { kind: 'field', field: 'age', value: 18 }] },
  { id: 'obscured-phone', weight: 1, evidence: [{ kind: 'span', field: 'licence', start: 0, end: 3, text: 'zes' }] },
];

describe('evidence', () => {
  it('numbers every piece of evidence once, in the order of the hits', () => {
    assert.deepEqual(numberEvidence(HITS).map((e) => [e.ref, e.hit.id, e.evidence.kind]),
      [[0, 'unprotected', 'span'], [1, 'young', 'span'], [2, 'young', 'field'], [3, 'obscured-phone', 'span']]);
  });

  it('marks title and text, and any other text field a span points into', () => {
    const fields = { title: 'YOUNG girl', text: 'geen condom', licence: 'zes', age: 18 };
    const marked = markedFields(fields, numberEvidence(HITS));
    assert.deepEqual(marked.map((m) => m.field), ['title', 'text', 'licence']);
    assert.deepEqual(marked[1]!.segments.map((s) => [s.text, s.refs]), [['geen ', []], ['condom', [0]]]);
  });

  it('leaves out fields the ad lacks', () => {
    assert.deepEqual(markedFields({ text: 'x' }, []).map((m) => m.field), ['text']);
  });
});

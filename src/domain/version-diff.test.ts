import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diffFields } from './version-diff.ts';

describe('diffFields', () => {
  it('marks the words that went and came in a changed text, and keeps the rest', () => {
    const [text] = diffFields({ text: 'new in town, 100 euro' }, { text: 'new in town, 150 euro' });
    assert.equal(text!.change, 'changed');
    assert.deepEqual(text!.parts.filter((p) => p.op !== 'keep').map((p) => `${p.op}:${p.text}`), ['remove:100', 'add:150']);
    assert.equal(text!.parts.filter((p) => p.op !== 'add').map((p) => p.text).join(''), 'new in town, 100 euro');
    assert.equal(text!.parts.filter((p) => p.op !== 'remove').map((p) => p.text).join(''), 'new in town, 150 euro');
  });

  it('names fields that appear, disappear or stay the same, in the order they first occur', () => {
    const diff = diffFields({ title: 'Anna', age: 23, city: 'Utrecht' }, { title: 'Anna', city: 'Utrecht', phones: ['+31612345678'] });
    assert.deepEqual(diff.map((d) => [d.field, d.change]), [['title', 'same'], ['age', 'removed'], ['city', 'same'], ['phones', 'added']]);
    assert.deepEqual(diff[1]!.parts, [{ op: 'remove', text: '23' }]);
    assert.deepEqual(diff[3]!.parts, [{ op: 'add', text: '+31612345678' }]);
  });

  it('compares lists and prices as text', () => {
    const [languages, prices] = diffFields(
      { languages: ['nl', 'en'], prices: [{ amount: 100, currency: 'EUR', label: '1 uur' }] },
      { languages: ['nl', 'en'], prices: [{ amount: 120, currency: 'EUR', label: '1 uur' }] },
    );
    assert.equal(languages!.change, 'same');
    assert.equal(prices!.change, 'changed');
  });
});

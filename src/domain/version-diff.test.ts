import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diffFields } from './version-diff.ts';
import type { AdFields } from './ad.ts';

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

  it('shows an unchanged field as its whole text, kept', () => {
    assert.deepEqual(diffFields({ title: 'Anna' }, { title: 'Anna' }), [{ field: 'title', change: 'same', parts: [{ op: 'keep', text: 'Anna' }] }]);
  });

  it('shows a list as its items joined by commas, and an emptied list as its items gone', () => {
    assert.deepEqual(diffFields({ languages: ['nl', 'en'] }, {}), [{ field: 'languages', change: 'removed', parts: [{ op: 'remove', text: 'nl, en' }] }]);
    assert.deepEqual(diffFields({ languages: ['nl', 'en'] }, { languages: [] }),
      [{ field: 'languages', change: 'changed', parts: [{ op: 'remove', text: 'nl, en' }] }]);
  });

  it('treats a field stored as null as absent', () => {
    const stored = { email: null } as unknown as AdFields;
    assert.deepEqual(diffFields(stored, { email: 'anna@example.nl' }), [{ field: 'email', change: 'added', parts: [{ op: 'add', text: 'anna@example.nl' }] }]);
    assert.deepEqual(diffFields({ email: 'anna@example.nl' }, stored), [{ field: 'email', change: 'removed', parts: [{ op: 'remove', text: 'anna@example.nl' }] }]);
  });
});

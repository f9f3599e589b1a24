import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canCompare, compareRows, fieldText, togglePick } from './compare.ts';

describe('comparing ads side by side', () => {
  test('shows every field any ad has, in extraction order, with a value per ad', () => {
    const rows = compareRows([
      { title: 'Nieuw in Utrecht', city: 'Utrecht', phones: ['+31611111111'] },
      { city: 'Zwolle', licence: 'V-123', title: 'Nieuw in Zwolle' },
    ]);
    assert.deepEqual(rows.map((r) => r.field), ['title', 'city', 'phones', 'licence']);
    assert.deepEqual(rows.find((r) => r.field === 'licence')?.values, ['', 'V-123']);
    assert.deepEqual(rows.find((r) => r.field === 'phones')?.values, ['+31611111111', '']);
  });

  test('marks a field whose values differ, or that only some ads have, and not one that is the same everywhere', () => {
    const rows = compareRows([
      { city: 'Utrecht', phones: ['+31611111111'], age: 25 },
      { city: ' utrecht ', phones: ['+31611111111'], age: 31 },
      { city: 'Utrecht', phones: ['+31611111111'] },
    ]);
    const differs = Object.fromEntries(rows.map((r) => [r.field, r.differs]));
    assert.deepEqual(differs, { city: false, age: true, phones: false });
  });

  test('leaves out fields that no ad fills, and puts unknown fields last, alphabetically', () => {
    const rows = compareRows([{ title: 'A', zone: 'noord', area: 'x', services: [] }, { title: 'B', email: '' }]);
    assert.deepEqual(rows.map((r) => r.field), ['title', 'area', 'zone']);
  });

  test('writes lists, prices and other values as one line', () => {
    assert.equal(fieldText(['nl', 'en']), 'nl, en');
    assert.equal(fieldText([{ amount: 150, currency: 'EUR', label: '1 uur' }, { amount: 80, currency: 'EUR', label: '' }]), '1 uur: 150 EUR, 80 EUR');
    assert.equal(fieldText(25), '25');
    assert.equal(fieldText(null), '');
    assert.equal(fieldText({ a: 1, b: ['x'] }), 'a: 1, b: x');
  });

  test('compares two to four ads', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5].map(canCompare), [false, false, true, true, true, false]);
    assert.deepEqual(togglePick(['a', 'b'], 'c'), ['a', 'b', 'c']);
    assert.deepEqual(togglePick(['a', 'b', 'c'], 'b'), ['a', 'c']);
    assert.deepEqual(togglePick(['a', 'b', 'c', 'd'], 'e'), ['a', 'b', 'c', 'd'], 'a fifth is not picked');
  });
});

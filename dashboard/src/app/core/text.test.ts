import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill, isLang, texts } from './text.ts';

test('fill puts values in their placeholders and leaves a placeholder without a value visible', () => {
  assert.equal(fill('{n} van {total} advertenties', { n: 3, total: 10 }), '3 van 10 advertenties');
  assert.equal(fill('{n} ads, {missing}', { n: 1 }), '1 ads, {missing}');
  assert.equal(fill('geen', {}), 'geen');
});

test('texts keeps both languages, and only nl and en are languages', () => {
  const t = texts({ a: 'een' }, { a: 'one' });
  assert.equal(t.nl.a, 'een');
  assert.equal(t.en.a, 'one');
  assert.ok(isLang('nl') && isLang('en'));
  assert.ok(!isLang('de') && !isLang(null) && !isLang('NL'));
});

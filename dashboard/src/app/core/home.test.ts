import assert from 'node:assert/strict';
import { test } from 'node:test';
import { homeOf, safeNext } from './home.ts';

test('each role starts on its own page', () => {
  assert.equal(homeOf('expert'), '/search');
  assert.equal(homeOf('supervisor'), '/monitor');
  assert.equal(homeOf('admin'), '/admin');
  assert.equal(homeOf('auditor'), '/audit');
});

test('a next address from the query string is followed only within the dashboard', () => {
  assert.equal(safeNext('/ads/abc?x=1', 'expert'), '/ads/abc?x=1');
  for (const bad of ['https://evil.example/', '//evil.example/x', 'javascript:alert(1)', '/sign-in?next=/x', undefined, 42]) {
    assert.equal(safeNext(bad, 'analyst'), '/search', String(bad));
  }
});

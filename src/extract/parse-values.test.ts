import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate, parseList, parsePhones, parsePrices, parseUrls } from './parse-values.ts';

describe('parse-values', () => {
  it('normalises Dutch phone numbers in their many written forms to E.164', () => {
    assert.deepEqual(parsePhones(['06-12345678', '+31 6 1234 5678', 'tel:0612 345 678', '06 12 34 56 78']), ['+31612345678']);
  });
  it('drops strings that are not valid phone numbers', () => {
    assert.deepEqual(parsePhones(['12', 'bel me']), []);
  });
  it('reads prices with the currency before or after the amount', () => {
    assert.deepEqual(parsePrices(['30 min € 100', '€120 / 1 hour', '1 uur: 150 EUR']), [
      { amount: 100, currency: 'EUR', label: '30 min' },
      { amount: 120, currency: 'EUR', label: '1 hour' },
      { amount: 150, currency: 'EUR', label: '1 uur' },
    ]);
  });
  it('splits comma-separated lists and removes duplicates', () => {
    assert.deepEqual(parseList(['Nederlands, Engels', 'Engels']), ['Nederlands', 'Engels']);
  });
  it('reads ISO and Dutch dates', () => {
    assert.equal(parseDate(['2026-03-04T10:00']), '2026-03-04');
    assert.equal(parseDate(['geplaatst 4-3-2026']), '2026-03-04');
  });
  it('resolves image URLs against the page', () => {
    assert.deepEqual(parseUrls(['/img/a.jpg', 'http://x.test/b.jpg'], 'http://h.test/ad/1'), ['http://h.test/img/a.jpg', 'http://x.test/b.jpg']);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Extractor } from '../config/schema.ts';
import { extractionOutcome, yieldDrop, yieldOf } from './extraction-yield.ts';

const extractor: Extractor = { id: 'x', fields: { title: { selector: 'h1' }, text: { selector: 'p' }, city: { selector: '.city' } } };
const counts = (complete: number, partial = 0, empty = 0) => ({ complete, partial, empty });

describe('extraction outcome', () => {
  it('is complete when title and text were found, whatever optional fields are missing', () => {
    assert.equal(extractionOutcome({ title: 'Hoi', text: 'Tekst' }, extractor), 'complete');
  });

  it('is partial when only one of title and text was found', () => {
    assert.equal(extractionOutcome({ title: 'Hoi', city: 'Utrecht' }, extractor), 'partial');
  });

  it('is empty when neither title nor text was found, even if another field was', () => {
    assert.equal(extractionOutcome({ city: 'Utrecht' }, extractor), 'empty');
  });

  it('judges an extractor without title or text by the fields it does declare', () => {
    const phonesOnly: Extractor = { id: 'p', fields: { phones: { selector: 'a' } } };
    assert.equal(extractionOutcome({}, phonesOnly), 'empty');
    assert.equal(extractionOutcome({ phones: ['+31612345678'] }, phonesOnly), 'complete');
  });
});

describe('yield drop', () => {
  it('gives the share of complete pages, and none for a run that captured nothing', () => {
    assert.equal(yieldOf(counts(3, 1, 0)), 0.75);
    assert.equal(yieldOf(counts(0)), null);
  });

  it('raises nothing while the yield stays near the usual one and above the floor', () => {
    assert.equal(yieldDrop(counts(8, 2), [counts(10), counts(9, 1)]), null);
  });

  it('raises a drop below half of the median of the recent runs, even above the floor', () => {
    assert.deepEqual(yieldDrop(counts(4, 6), [counts(10), counts(10), counts(1, 9)], 0.1), { yield: 0.4, baseline: 1, floor: 0.1 });
  });

  it('raises a drop below the floor on a first run', () => {
    assert.deepEqual(yieldDrop(counts(0, 0, 12), []), { yield: 0, baseline: null, floor: 0.5 });
  });

  it('ignores recent runs that captured nothing and a run that captured nothing', () => {
    assert.equal(yieldDrop(counts(0), [counts(10)]), null);
    assert.equal(yieldDrop(counts(1, 0, 1), [counts(0), counts(10)], 0), null, 'half is not below half');
  });
});

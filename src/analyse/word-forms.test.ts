import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addWordForms, inflections, oneEditAway } from './word-forms.ts';
import { intern, lookup, type Vocabulary } from './vocabulary.ts';

const vocabularyOf = (...words: string[]): Vocabulary => {
  const v: Vocabulary = new Map();
  for (const w of words) intern(v, w);
  addWordForms(v, words);
  return v;
};

describe('word forms', () => {
  it('inflects Dutch words: plural, diminutive, adjective', () => {
    const v = vocabularyOf('meisje', 'condoom', 'beschikbaar', 'vrouw', 'kamer');
    for (const [form, base] of [['meisjes', 'meisje'], ['condooms', 'condoom'], ['beschikbare', 'beschikbaar'], ['vrouwtje', 'vrouw'], ['vrouwen', 'vrouw'], ['kamertje', 'kamer']]) {
      assert.equal(lookup(v, form!), lookup(v, base!), form);
    }
  });

  it('inflects English words: plural, -ies, past and -ing', () => {
    const v = vocabularyOf('girl', 'lady', 'book', 'kiss');
    for (const [form, base] of [['girls', 'girl'], ['ladies', 'lady'], ['booked', 'book'], ['booking', 'book'], ['kisses', 'kiss']]) {
      assert.equal(lookup(v, form!), lookup(v, base!), form);
    }
  });

  it('does not inflect short words, so "av" and "new" stay themselves (must NOT match)', () => {
    assert.deepEqual(inflections('av'), []);
    assert.deepEqual(inflections('new'), []);
    assert.equal(lookup(vocabularyOf('new'), 'news'), -1);
  });

  it('lets a form that is itself a profile word keep its own number', () => {
    const v = vocabularyOf('meid', 'meiden');
    assert.notEqual(lookup(v, 'meid'), lookup(v, 'meiden'));
  });

  it('reads long words with one letter wrong, missing, extra or swapped', () => {
    const v = vocabularyOf('condoom', 'beschikbaar', 'available');
    for (const [typo, base] of [['kondoom', 'condoom'], ['beschikbar', 'beschikbaar'], ['beschikkbaar', 'beschikbaar'], ['avialable', 'available'], ['availabel', 'available']]) {
      assert.equal(lookup(v, typo!), lookup(v, base!), typo);
    }
  });

  it('does not read short words or two edits fuzzily (must NOT match)', () => {
    const v = vocabularyOf('girl', 'condoom');
    assert.equal(lookup(v, 'gril'), -1);
    assert.equal(lookup(v, 'kondoon'), -1);
    assert.equal(oneEditAway('abc').includes('abc'), false);
  });
});

// Every window of the text rules at its edge: one word inside it changes the outcome, one word past
// it does not. A negation exactly `window` words before a term still negates it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import { assess } from './assess.ts';
import { compileProfile } from './compile-profile.ts';

const profile = compileProfile(profileSchema.parse({
  id: 'p', theme: 't', threshold: 1,
  negations: { window: 3, terms: { nl: ['geen'] }, refusals: { window: 4, terms: { nl: ['nooit'] } } },
  indicators: [
    { id: 'av', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { nl: ['av'] } },
    { id: 'driver', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { nl: ['chauffeur'] }, negations: { terms: {} },
      context: { window: 4, require: { nl: ['bel'] } } },
    { id: 'safe', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { nl: ['onbeschermd'] }, negations: { terms: {} },
      context: { window: 2, forbid: { nl: ['condoom'] } } },
  ],
}));
const hits = (text: string) => assess(profile, { text }).hits.map((h) => h.id);

describe('the negation window (3 words)', () => {
  it('negates a term right after the negation', () => {
    assert.deepEqual(hits('Geen AV'), []);
  });

  it('negates a term whose negation stands exactly 3 words before it', () => {
    assert.deepEqual(hits('Geen echt heel AV'), []);
  });

  it('does not negate a term whose negation stands 4 words before it', () => {
    assert.deepEqual(hits('Geen echt heel lief AV'), ['av']);
  });

  it('does not negate a term the negation follows', () => {
    assert.deepEqual(hits('AV geen'), ['av']);
  });
});

describe('the refusal window (4 words)', () => {
  it('refuses a term whose refusal starts 3 words after it, at the end of its clause', () => {
    assert.deepEqual(hits('AV doe ik nooit.'), []);
  });

  it('refuses a term whose refusal starts exactly 4 words after it', () => {
    assert.deepEqual(hits('AV doe ik echt nooit.'), []);
  });

  it('does not refuse a term whose refusal starts 5 words after it', () => {
    assert.deepEqual(hits('AV doe ik echt heel nooit.'), ['av']);
  });

  it('does not count a refusal that does not end its clause', () => {
    assert.deepEqual(hits('AV doe ik nooit zomaar.'), ['av']);
  });
});

describe('the context window', () => {
  it('finds a required word exactly 4 words before the term, and not 5', () => {
    assert.deepEqual(hits('Bel mijn echt lieve chauffeur'), ['driver']);
    assert.deepEqual(hits('Bel mijn echt heel lieve chauffeur'), []);
  });

  it('finds a required word exactly 4 words after the term, and not 5', () => {
    assert.deepEqual(hits('Chauffeur is er, dus bel'), ['driver']);
    assert.deepEqual(hits('Chauffeur is er echt, dus bel'), []);
  });

  it('drops a term with a forbidden word exactly 2 words away on either side, and not 3', () => {
    assert.deepEqual(hits('Condoom nee onbeschermd'), []);
    assert.deepEqual(hits('Onbeschermd nee condoom'), []);
    assert.deepEqual(hits('Condoom echt nee onbeschermd'), ['safe']);
    assert.deepEqual(hits('Onbeschermd echt nee condoom'), ['safe']);
  });
});

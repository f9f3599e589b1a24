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

// Rejection by quotation, by a seeking phrase and by a heading: negation words ("geen", "niet") and
// refusals ("nooit") more than the negation and refusal windows away, so only these rules can act.
const rejecting = compileProfile(profileSchema.parse({
  id: 'p', theme: 't', threshold: 1,
  negations: {
    window: 1, terms: { nl: ['geen', 'niet'] },
    refusals: { window: 1, terms: { nl: ['nooit'] } },
    seeking: { window: 4, terms: { nl: ['zoek je'] } },
  },
  indicators: [{ id: 'av', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { nl: ['av'] } }],
}));
const rejected = (text: string) => assert.deepEqual(assess(rejecting, { text }).hits.map((h) => h.id), [], text);
const kept = (text: string) => assert.deepEqual(assess(rejecting, { text }).hits.map((h) => h.id), ['av'], text);

describe('the quotation window (8 words on either side of the quotation)', () => {
  it('rejects a quoted term with a negation right before the quotation, or exactly 8 words before it', () => {
    rejected("Geen, 'AV'");
    rejected("Geen een twee drie vier vijf zes zeven 'AV'");
  });

  it('does not reject it with the negation 9 words before the quotation', () => {
    kept("Geen een twee drie vier vijf zes zeven acht 'AV'");
  });

  it('rejects a quoted term with a refusal right after the quotation, or exactly 8 words after it', () => {
    rejected("'AV' nooit zomaar");
    rejected("'AV' een twee drie vier vijf zes zeven nooit zomaar");
  });

  it('does not reject it with the refusal 9 words after the quotation', () => {
    kept("'AV' een twee drie vier vijf zes zeven acht nooit zomaar");
  });

  it('takes a quotation of up to 80 characters for a phrase, and not one of 81', () => {
    rejected(`Geen, 'AV ${'b'.repeat(76)}'`);
    kept(`Geen, 'AV ${'b'.repeat(77)}'`);
  });

  it('measures the quotation, not its place in the text', () => {
    rejected(`${'Een twee drie vier vijf zes zeven acht negen tien. '.repeat(3)}Geen, 'AV'`);
  });
});

describe('the seeking phrase (the term at most 4 words after it) and its window (4 words)', () => {
  it('turns away a term right after the seeking phrase, or 4 words after it', () => {
    rejected('Zoek je AV? Dan geen');
    rejected('Zoek je een heel echt lieve AV? Dan geen');
  });

  it('does not turn away a term 5 words after the seeking phrase', () => {
    kept('Zoek je een heel echt lieve warme AV? Dan geen');
  });

  it('turns it away with a negation right after the term, or 3 words after it, and not 4', () => {
    rejected('Zoek je AV geen');
    rejected('Zoek je AV? Dan hier geen');
    kept('Zoek je AV? Dan ben je hier geen');
  });

  it('turns it away with a refusal after the term as well', () => {
    rejected('Zoek je AV? Dan hier nooit zomaar');
  });

  it('does not turn away a term the negation stands before', () => {
    kept('Geen gedoe, zoek je AV? Bel');
  });

  it('does not take a seeking phrase after the term for one before it', () => {
    kept('AV, zoek je? Dan geen');
  });
});

describe('the list after a refusing heading (20 clauses)', () => {
  it('drops a term 19 clauses into the list, and not 20', () => {
    rejected(`Doe ik niet: ${'kus, '.repeat(19)}AV`);
    kept(`Doe ik niet: ${'kus, '.repeat(20)}AV`);
  });
});

// Where the punctuation decides whether a term is rejected: which clause a refusal may stand in, what
// ends a quotation, a seeking sentence or a heading's list, and what a heading looks like. The
// negation window is 1 word, so a negation further away acts only through these rules.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import { assess } from './assess.ts';
import { compileProfile } from './compile-profile.ts';

const profile = compileProfile(profileSchema.parse({
  id: 'p', theme: 't', threshold: 1,
  negations: {
    window: 1, terms: { nl: ['geen', 'niet'] },
    refusals: { terms: { nl: ['nooit', 'nee'] } },
    seeking: { terms: { nl: ['zoek je'] } },
  },
  indicators: [{ id: 'av', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { nl: ['av'] } }],
}));
const rejected = (text: string) => assert.deepEqual(assess(profile, { text }).hits.map((h) => h.id), [], text);
const kept = (text: string) => assert.deepEqual(assess(profile, { text }).hits.map((h) => h.id), ['av'], text);

describe('a refusal in the clause after the term', () => {
  it('answers the term after a question mark or a colon that ends the term\'s clause', () => {
    rejected('AV? Nee.');
    rejected('AV: nooit.');
    rejected('AV doe je? Nee.');
  });

  it('answers it after a comma only when the refusal is the whole clause', () => {
    rejected('AV, nee.');
    kept('AV, echt nee.');
  });

  it('does not answer it after a full stop or an exclamation mark', () => {
    kept('AV. Nee.');
    kept('AV! Nee.');
  });

  it('does not answer it two clauses on', () => {
    kept('AV? Ja, nee.');
  });

  it('reads only the punctuation right after the term\'s clause', () => {
    kept('AV, echt nee. Waarom?');
  });
});

describe('a refusal inside the term', () => {
  const never = compileProfile(profileSchema.parse({
    id: 'p', theme: 't', threshold: 1,
    negations: { terms: { nl: ['geen'] }, refusals: { terms: { nl: ['nee'] } } },
    indicators: [{ id: 'anything', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { nl: ['nooit nee'] } }],
  }));

  it('does not refuse the term: "zegt nooit nee" ends its clause with its own "nee"', () => {
    assert.deepEqual(assess(never, { text: 'Ik zeg nooit nee.' }).hits.map((h) => h.id), ['anything']);
  });
});

describe('a quotation', () => {
  it('opens at the first quotation mark before the term that starts a word, past apostrophes', () => {
    rejected("Geen, 'Anne's AV'");
    rejected("'AV', zegt geen mens");
  });

  it('closes at the first quotation mark after the term that ends a word, past apostrophes', () => {
    rejected("Geen, 'AV don't'");
    rejected("Geen, 'AV.'");
  });

  it('is no quotation when a sentence ends between the opening mark and the term', () => {
    rejected("Geen, 'ja AV'");
    for (const end of ['.', '!', '?', '\n']) kept(`Geen, 'ja${end} AV'`);
  });

  it('is no quotation when a sentence ends between the term and the closing mark', () => {
    rejected("Geen, 'AV ja'");
    for (const end of ['.', '!', '?', '\n']) kept(`Geen, 'AV${end} ja'`);
  });

  it('is no quotation when the mark after the term opens another one', () => {
    rejected("Geen, 'AV of GFE'");
    kept("Geen, 'AV of 'GFE'");
  });

  it('is no quotation without an opening mark, or without a closing one', () => {
    kept("AV' nooit zomaar");
    kept("Geen, 'AV zonder einde");
  });

  it('is no quotation when the mark before the term closes an earlier one', () => {
    rejected("Geen, 'ja en dan AV' hier");
    kept("Geen, 'ja' en dan AV' hier");
  });
});

describe('a seeking phrase', () => {
  it('reaches the term across a question mark, but not across the end of a sentence', () => {
    rejected('Zoek je wat? AV, dan ben je hier niet goed');
    for (const end of ['.', '!', '\n']) kept(`Zoek je wat${end} AV, dan ben je hier niet goed`);
  });
});

describe('a refusing heading', () => {
  it('is a clause ending in a colon with a negation or refusal that is not its first word', () => {
    rejected('Wat ik niet doe: AV');
    rejected('Doe ik niet: AV');
    rejected('Wat ik nooit doe: AV');
    rejected('Wat ik niet doe: echt lang zoenen, AV');
  });

  it('may be a bare negation', () => {
    rejected('Geen: AV');
  });

  it('is not a clause whose negation is its first word, nor a clause without a negation', () => {
    kept('Geen gedoe: AV');
    kept('Wat ik doe: AV');
  });

  it('is only the clause right before the colon', () => {
    kept('Zeker niet duur, wat ik doe: AV');
  });

  it('reaches to the end of its sentence', () => {
    rejected('Wat ik niet doe: zoenen, AV');
    for (const end of ['.', '!', '?', '\n']) kept(`Wat ik niet doe: zoenen${end} AV`);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import { compileProfile } from './compile-profile.ts';
import { assess } from './assess.ts';

// Refusal after a term, quotation to reject it, word forms and near misses, separators.
const profile = compileProfile(profileSchema.parse({
  id: 'p', theme: 't', threshold: 1,
  negations: {
    window: 3,
    terms: { nl: ['geen', 'niet', 'nooit'], en: ['no', 'not', 'never', "don't", "won't"] },
    refusals: { window: 8, terms: { nl: ['niet', 'nee', 'nooit', 'uitgesloten', 'verkeerd', 'verder zoeken'], en: ['no', 'never', 'out of the question', 'not with me'] } },
    seeking: { terms: { nl: ['zoek je', 'op zoek naar'], en: ['looking for'] } },
  },
  indicators: [
    { id: 'unprotected', label: 'a', description: 'd', kind: 'lexicon', weight: 3, terms: { nl: ['zonder condoom'], en: ['without condom', 'bareback'] } },
    { id: 'limits', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { nl: ['alles kan'], en: ['no limits'] } },
    { id: 'h247', label: 'a', description: 'd', kind: 'lexicon', weight: 2, terms: { nl: ['24/7'] } },
    { id: 'girls', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { nl: ['meisje', 'dame'], en: ['girl', 'lady'] } },
    { id: 'available', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { nl: ['beschikbaar'], en: ['available'] } },
  ],
}));
const hits = (text: string) => assess(profile, { text }).hits.map((h) => h.id);

describe('refusal after a term', () => {
  it('drops a term refused at the end of its own clause', () => {
    assert.deepEqual(hits('Zonder condoom doe ik NIET, ook niet voor extra geld.'), []);
    assert.deepEqual(hits('Zonder condoom is uitgesloten.'), []);
    assert.deepEqual(hits('Bareback is out of the question.'), []);
  });

  it('drops a term asked about and answered in the next clause', () => {
    assert.deepEqual(hits('Zonder condoom? Nee.'), []);
    assert.deepEqual(hits('Without condom? No.'), []);
    assert.deepEqual(hits('Without condom: never.'), []);
    assert.deepEqual(hits('Looking for no limits? Not with me.'), []);
    assert.deepEqual(hits('Jij zoekt 24/7? Dan ben je verkeerd.'), []);
    assert.deepEqual(hits('Bareback, no.'), []);
  });

  it('keeps a term next to an unrelated no (must NOT cancel)', () => {
    assert.deepEqual(hits('Bareback? No problem.'), ['unprotected']);
    assert.deepEqual(hits('Zonder condoom? Geen probleem!'), ['unprotected']);
    assert.deepEqual(hits('24/7, niet duur.'), ['h247']);
    assert.deepEqual(hits('Without condom. No drugs, no alcohol.'), ['unprotected']);
    assert.deepEqual(hits('Bareback mogelijk. Nee, echt waar.'), ['unprotected']);
    assert.deepEqual(hits('Without condom, no extra charge.'), ['unprotected']);
  });

  it('keeps a refusal that stands too far after the term', () => {
    assert.deepEqual(hits('Zonder condoom en daarna nog lekker lang samen douchen in mijn mooie badkamer niet'), ['unprotected']);
  });

  it('still drops a term after a negation before it', () => {
    assert.deepEqual(hits('Nooit zonder condoom.'), []);
    assert.deepEqual(hits('Never bareback.'), []);
    assert.deepEqual(hits("I won't do bareback."), []);
  });
});

describe('quotation to reject', () => {
  it('drops a quoted term with a negation or refusal near it', () => {
    assert.deepEqual(hits('Mensen vragen of ik \'alles kan\'. Nee.'), []);
    assert.deepEqual(hits('You want "no limits"? not with me'), []);
    assert.deepEqual(hits('Ik zie vaak „zonder condoom”. Dat doe ik niet en dat blijft zo.'), []);
  });

  it('keeps a quoted term without a negation near it (must NOT cancel)', () => {
    assert.deepEqual(hits('Echt "alles kan" bij mij, schat.'), ['limits']);
    assert.deepEqual(hits('Real "no limits" here, I promise'), ['limits']);
  });

  it('drops a term inside a longer quotation that is rejected', () => {
    assert.deepEqual(hits("'Always available, no limits' – said no honest woman ever."), []);
    assert.deepEqual(hits('Ze schrijven „24/7 en zonder condoom”, maar dat doe ik niet.'), []);
  });

  it('does not take apostrophes or an earlier quotation for quotation marks (must NOT cancel)', () => {
    assert.deepEqual(hits("I'm available 24/7 and don't mind. Never late."), ['h247', 'available']);
    assert.deepEqual(hits("Anne's 'classic' service: bareback, no extra charge."), ['unprotected']);
    assert.deepEqual(hits("They said 'hi'. Bareback? No problem."), ['unprotected']);
  });
});

describe('a term the reader is looking for, turned away', () => {
  it('drops the term right after a seeking phrase with a refusal after it', () => {
    assert.deepEqual(hits('Zoek je alles kan? Dan moet je verder zoeken.'), []);
    assert.deepEqual(hits('Looking for bareback or no limits? Not with me.'), []);
    assert.deepEqual(hits('Op zoek naar 24/7, dan ben je hier verkeerd.'), []);
  });

  it('keeps an offer after an opening question (must NOT cancel)', () => {
    assert.deepEqual(hits('Looking for a good time? I am available for you now, never late, bareback.'), ['unprotected', 'available']);
    assert.deepEqual(hits('Zoek je ontspanning? 24/7 open.'), ['h247']);
    assert.deepEqual(hits('Looking for no limits? Call me now.'), ['limits']);
  });
});

describe('word forms and near misses', () => {
  it('finds plural, diminutive and inflected forms in Dutch and English', () => {
    assert.deepEqual(hits('Nieuwe meisjes en dames'), ['girls']);
    assert.deepEqual(hits('New girls and ladies'), ['girls']);
    assert.deepEqual(hits('Altijd beschikbare dame'), ['girls', 'available']);
  });

  it('finds a long word with one letter wrong, missing, extra or swapped', () => {
    assert.deepEqual(hits('Zonder kondoom'), ['unprotected']);
    assert.deepEqual(hits('zonder condom'), ['unprotected']);
    assert.deepEqual(hits('barebak'), ['unprotected']);
    assert.deepEqual(hits('beschikbar'), ['available']);
    assert.deepEqual(hits('avialable'), ['available']);
  });

  it('does not read short words fuzzily (must NOT match)', () => {
    assert.deepEqual(hits('Een gril van mij'), []);
    assert.deepEqual(hits('Zonder concept'), []);
  });
});

describe('separators and repeated letters', () => {
  it('reads 24-7, 24 7 and 24.7 as 24/7', () => {
    for (const t of ['24-7 open', '24 7 open', '24.7 open', '24/7 open']) assert.deepEqual(hits(t), ['h247'], t);
  });

  it('reads stretched letters and leetspeak', () => {
    assert.deepEqual(hits('zonder condooooom'), ['unprotected']);
    assert.deepEqual(hits('b4r3b4ck'), ['unprotected']);
  });
});

describe('a heading that says what is not done', () => {
  it('drops the terms listed after it, to the end of the sentence', () => {
    assert.deepEqual(hits('Wat ik niet doe: anaal, zonder condoom, dronken mannen.'), []);
    assert.deepEqual(hits("What I don't do: kissing, bareback."), []);
    assert.deepEqual(hits('Nee: zonder condoom.'), []);
  });

  it('keeps terms after a heading that negates only its own words, or after the sentence (must NOT cancel)', () => {
    assert.deepEqual(hits('Geen gedoe: altijd zonder condoom.'), ['unprotected']);
    assert.deepEqual(hits('No drama: bareback.'), ['unprotected']);
    assert.deepEqual(hits('Wat ik niet doe: anaal. Wel: zonder condoom.'), ['unprotected']);
    assert.deepEqual(hits('Wat ik wel doe: zonder condoom, alles kan.'), ['unprotected', 'limits']);
  });
});

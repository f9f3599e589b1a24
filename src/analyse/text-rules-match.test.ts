// Which words a match covers: a pattern's match mapped back onto the ad's words (negations count
// from its first word, refusals and context from its last), and a context phrase that is part of the
// match itself.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import { assess } from './assess.ts';
import { compileProfile } from './compile-profile.ts';

const indicator = { label: 'a', description: 'd', weight: 1 };
const profile = compileProfile(profileSchema.parse({
  id: 'p', theme: 't', threshold: 1,
  negations: { window: 1, terms: { nl: ['geen'] }, refusals: { window: 1, terms: { nl: ['nooit'] } } },
  indicators: [
    { ...indicator, id: 'h247', kind: 'pattern', pattern: '24\\s*/\\s*7' },
    { ...indicator, id: 'age', kind: 'pattern', pattern: '\\(18\\)', negations: { terms: {} }, context: { window: 1, require: { nl: ['net'] } } },
    { ...indicator, id: 'cherry', kind: 'pattern', pattern: '🍒' },
  ],
}));
const read = (text: string) => assess(profile, { text }).hits
  .map((h) => `${h.id}: ${h.evidence.map((e) => (e.kind === 'span' ? `[${e.start},${e.end}) ${e.text}` : '?')).join(', ')}`);
const COUNT = 'een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien';

describe('a pattern\'s match', () => {
  it('starts at the word it begins in, however far into the text', () => {
    assert.deepEqual(read(`${COUNT} geen 24/7`), []);
    assert.deepEqual(read(`${COUNT} geen echt 24/7`), [`h247: [${COUNT.length + 11},${COUNT.length + 15}) 24/7`]);
    assert.deepEqual(read('geen 24 / 7'), []);
  });

  it('ends after the word it ends in, however far into the text', () => {
    assert.deepEqual(read(`${COUNT} 24 / 7 nooit`), []);
    assert.deepEqual(read(`${COUNT} 24 / 7 echt nooit`), [`h247: [${COUNT.length + 1},${COUNT.length + 7}) 24 / 7`]);
    assert.deepEqual(read('24/7 nooit'), []);
  });

  it('starts at the word after the punctuation it begins with', () => {
    assert.deepEqual(read('Net lena(18)'), []);
    assert.deepEqual(read('Lena net (18)'), ['age: [9,13) (18)']);
  });

  it('ends at the word before the punctuation it ends with', () => {
    assert.deepEqual(read('(18) net'), ['age: [0,4) (18)']);
    assert.deepEqual(read('(18)lena net'), []);
  });

  it('may cover no word at all: in a text without words, or after the last word', () => {
    assert.deepEqual(read('🍒'), ['cherry: [0,2) 🍒']);
    assert.deepEqual(read('Ik wil 🍒'), ['cherry: [7,9) 🍒']);
  });

  it('after the last word is still in the list of a refusing heading, to the end of the sentence', () => {
    assert.deepEqual(read('Geen: zoenen, 🍒!'), []);
    assert.deepEqual(read('Geen: zoenen. 🍒'), ['cherry: [14,16) 🍒']);
  });
});

describe('a context phrase', () => {
  const guarded = compileProfile(profileSchema.parse({
    id: 'p', theme: 't', threshold: 1,
    indicators: [
      { ...indicator, id: 'without', kind: 'lexicon', terms: { nl: ['zonder condoom'] }, context: { window: 3, forbid: { nl: ['condoom'] } } },
      { ...indicator, id: 'free', kind: 'lexicon', terms: { nl: ['condoom vrij'] }, context: { window: 3, forbid: { nl: ['condoom', 'met condoom'] } } },
    ],
  }));
  const ids = (text: string) => assess(guarded, { text }).hits.map((h) => h.id);

  it('inside the match, at its end or at its start, is the match itself', () => {
    assert.deepEqual(ids('Zonder condoom'), ['without']);
    assert.deepEqual(ids('Condoom vrij'), ['free']);
  });

  it('next to the match still counts', () => {
    assert.deepEqual(ids('Zonder condoom of condoom'), []);
    assert.deepEqual(ids('Condoom of condoom vrij'), []);
  });

  it('that overlaps the match without lying inside it still counts', () => {
    assert.deepEqual(ids('Met condoom vrij'), []);
  });
});

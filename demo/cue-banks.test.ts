import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CUE_BANKS, CUES, REFUSALS, phraseText } from './cue-banks.ts';

const facts = { phone: '0612345078', age: 19 };

test('every cue has at least 12 distinct phrases in Dutch and in English', () => {
  for (const cue of CUES) {
    for (const language of ['nl', 'en'] as const) {
      const texts = CUE_BANKS[cue][language].map((phrase) => phraseText(phrase, facts));
      assert.ok(texts.length >= 12, `${cue}/${language}: ${texts.length} phrases`);
      assert.equal(new Set(texts).size, texts.length, `${cue}/${language} repeats a phrase`);
    }
  }
});

test('there are at least 20 refusals per language', () => {
  assert.ok(REFUSALS.nl.length >= 20 && REFUSALS.en.length >= 20);
});

test('a hidden phone writes the ad\'s own phone, never as the plain digits', () => {
  const other = { ...facts, phone: '0698765432' };
  for (const language of ['nl', 'en'] as const) {
    for (const phrase of CUE_BANKS['hidden-phone'][language]) {
      const text = phraseText(phrase, facts);
      assert.ok(!text.includes(facts.phone), `${language}: "${text}" shows the phone plainly`);
      assert.notEqual(phraseText(phrase, other), text, `${language}: "${text}" ignores the ad's phone`);
    }
  }
});

test('a phrase that states an age states the ad\'s own age', () => {
  const stated = CUE_BANKS['youth-emphasis'].nl
    .filter((phrase) => typeof phrase === 'function')
    .map((phrase) => phraseText(phrase, facts));
  assert.ok(stated.length > 0);
  for (const text of stated) assert.match(text, /19|negentien/);
});

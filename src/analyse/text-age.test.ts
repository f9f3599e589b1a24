import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import type { AdFields } from '../domain/ad.ts';
import { assess } from './assess.ts';
import { compileProfile } from './compile-profile.ts';
import { adAge, statedAges } from './text-age.ts';

const ages = (text: string) => statedAges({ text }).map((a) => [a.age, a.text]);

describe('ages stated in the text', () => {
  it('reads Dutch ages in digits and words, with the words as evidence', () => {
    assert.deepEqual(ages('Hoi, ik ben net 19 geworden'), [[19, '19 geworden']]);
    assert.deepEqual(ages('Lena, 19 jaar, nieuw'), [[19, '19 jaar']]);
    assert.deepEqual(ages('negentien jaar oud en lief'), [[19, 'negentien jaar oud']]);
    assert.deepEqual(ages('lief 18-jarig meisje'), [[18, '18-jarig']]);
    assert.deepEqual(ages('zoet meisje van pas achttien'), [[18, 'pas achttien']]);
    assert.deepEqual(ages('Ik ben 45 en ervaren'), [[45, 'ben 45']]);
    assert.deepEqual(ages('eenentwintig jaar'), [[21, 'eenentwintig jaar']]);
  });

  it('reads English ages: "19yo", "18 y.o.", "just turned eighteen", "twenty one years old"', () => {
    assert.deepEqual(ages('sexy 19yo girl'), [[19, '19yo']]);
    assert.deepEqual(ages('18 y.o. latina'), [[18, '18 y.o']]);
    assert.deepEqual(ages('I just turned eighteen!'), [[18, 'turned eighteen']]);
    assert.deepEqual(ages('twenty one years old'), [[21, 'twenty one years old']]);
    assert.deepEqual(ages('Young slim girl 19, any time'), [[19, 'girl 19']]);
  });

  it('does not take experience, prices, durations, times or 18+ for an age', () => {
    for (const text of ['al 20 jaar ervaring', 'working for 25 years', '20 years experience', 'meid 50 euro', 'ik ben 2 dagen in Breda',
      'girl 30 min 80', 'open 24/7', 'alleen 18+', 'bel na 19 uur', 'prijs 35 voor half uur', 'I am twenty minutes from the station'])
      assert.deepEqual(ages(text), [], text);
  });

  it('the age field wins over the text; the text fills an empty field', () => {
    assert.deepEqual(adAge({ age: 30, text: 'net 19 geworden' }), { age: 30 });
    assert.equal(adAge({ text: 'net 19 geworden' })?.age, 19);
    assert.equal(adAge({ text: 'geen leeftijd' }), undefined);
  });
});

const profile = compileProfile(profileSchema.parse({
  id: 'p', theme: 't', threshold: 1,
  indicators: [
    { id: 'young', label: 'a', description: 'd', kind: 'lexicon', weight: 2, terms: { nl: ['net 18', 'jong meisje'], en: ['barely legal'] }, unlessAgeAbove: 40 },
    { id: 'young-unguarded', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { en: ['teen girl'] } },
    { id: 'age-18-19', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'age', below: 20 },
  ],
}));
const hits = (fields: AdFields) => assess(profile, fields).hits;

describe('field/text agreement on age', () => {
  it('reads the age rule from the text when the field is empty, with the text span as evidence', () => {
    assert.deepEqual(hits({ text: 'Ik ben net negentien geworden' }), [
      { id: 'age-18-19', weight: 1, evidence: [{ kind: 'span', field: 'text', start: 11, end: 29, text: 'negentien geworden' }] },
    ]);
    assert.deepEqual(hits({ title: 'Just turned eighteen', text: 'hi' })[0]?.evidence, [{ kind: 'span', field: 'title', start: 5, end: 20, text: 'turned eighteen' }]);
  });

  it('keeps the field\'s own age when there is one, so a text age does not overrule it', () => {
    assert.deepEqual(hits({ age: 25, text: 'net 19 geworden' }), []);
    assert.deepEqual(hits({ age: 19, text: 'hoi' })[0]?.evidence, [{ kind: 'field', field: 'age', value: 19 }]);
  });

  it('drops a youth term from someone who states an age above the limit, in the field or the text', () => {
    assert.deepEqual(hits({ age: 45, text: 'Barely legal? Haha, ik niet meer' }).map((h) => h.id), []);
    assert.deepEqual(hits({ text: "I'm 52 and barely legal at heart" }).map((h) => h.id), []);
    assert.deepEqual(hits({ text: 'Ik ben 45 jaar, geen jong meisje meer' }).map((h) => h.id), []);
  });

  it('keeps the youth term at or under the limit, without an age, and on indicators without the rule', () => {
    assert.deepEqual(hits({ age: 40, text: 'barely legal' }).map((h) => h.id), ['young']);
    assert.deepEqual(hits({ text: 'jong meisje, net 18' }).map((h) => h.id), ['young', 'age-18-19']);
    assert.deepEqual(hits({ text: 'jong meisje' }).map((h) => h.id), ['young']);
    assert.deepEqual(hits({ age: 45, text: 'teen girl' }).map((h) => h.id), ['young-unguarded']);
    assert.deepEqual(hits({ age: 19, text: 'barely legal' }).map((h) => h.id), ['young', 'age-18-19']);
  });
});

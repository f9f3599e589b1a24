import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import { compileProfile } from './compile-profile.ts';
import { assess } from './assess.ts';

const profile = compileProfile(profileSchema.parse({
  id: 'p', theme: 't', threshold: 2,
  indicators: [
    { id: 'always', label: 'a', description: 'd', kind: 'lexicon', weight: 2, terms: { nl: ['altijd beschikbaar'], en: ['day and night'] } },
    { id: 'arrived', label: 'a', description: 'd', kind: 'lexicon', weight: 1, terms: { nl: ['net aangekomen'] } },
    { id: 'h247', label: 'a', description: 'd', kind: 'pattern', weight: 2, pattern: '\\b24\\s*/\\s*7\\b' },
    { id: 'young', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'age', below: 20 },
    { id: 'nolicence', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'licence', missing: true },
  ],
}));

describe('assess', () => {
  it('keeps an ad whose indicator weights reach the threshold and explains the span', () => {
    const text = 'Hallo! Ik ben Altijd Beschikbaar voor jou.';
    const a = assess(profile, { title: 'Hoi', text, licence: 'P-1' });
    assert.equal(a.kept, true);
    assert.equal(a.score, 2);
    assert.deepEqual(a.hits[0]!.evidence, [{ kind: 'span', field: 'text', start: 14, end: 32, text: 'Altijd Beschikbaar' }]);
  });

  it('deletes an ad below the threshold', () => {
    const a = assess(profile, { title: 'Net aangekomen in Utrecht', text: 'Welkom.', licence: 'P-1' });
    assert.equal(a.kept, false);
    assert.equal(a.score, 1);
  });

  it('lists hits in profile order and scores regex patterns and field rules', () => {
    const a = assess(profile, { text: 'Open 24 / 7', age: 18 });
    assert.deepEqual(a.hits.map((h) => h.id), ['h247', 'young', 'nolicence']);
    assert.equal(a.score, 4);
  });

  it('counts each indicator once however often it matches', () => {
    const a = assess(profile, { title: 'day and night', text: 'Day and night, altijd beschikbaar', licence: 'x' });
    assert.equal(a.score, 2);
    assert.equal(a.hits[0]!.evidence.length, 3);
  });
});

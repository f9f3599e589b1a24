import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import { compileProfile } from './compile-profile.ts';
import { needsContext } from './field-rules.ts';

const base = { label: 'a', description: 'd' };
const profile = compileProfile(profileSchema.parse({
  id: 'p', theme: 't', threshold: 3,
  indicators: [
    { ...base, id: 'young', kind: 'lexicon', weight: 1, terms: { nl: ['net 18'] }, unlessAgeAbove: 25, group: 'youth' },
    { ...base, id: 'teen', kind: 'pattern', weight: 2, pattern: 'teen', unlessAgeAbove: 30, group: 'youth' },
    { ...base, id: 'h247', kind: 'pattern', weight: 1, pattern: '24/7' },
    { ...base, id: 'age', kind: 'field', weight: 4, field: 'age', below: 20 },
    { ...base, id: 'cheap', kind: 'field', weight: 8, field: 'prices', priceBelowMedian: { factor: 0.5 } },
    { ...base, id: 'phone', kind: 'cross-ad', weight: 16, signal: 'shared-phone', minAds: 3 },
    { ...base, id: 'moving', kind: 'cross-ad', weight: 32, signal: 'movement', withinDays: 12 },
    { ...base, id: 'often', kind: 'cross-ad', weight: 64, signal: 'posting-frequency', minPosts: 5, withinDays: 9 },
  ],
}));

describe('compileProfile', () => {
  it('keeps the profile\'s id, threshold and indicators in order, each in its own group unless it names one', () => {
    assert.equal(profile.id, 'p');
    assert.equal(profile.threshold, 3);
    assert.deepEqual(profile.indicators.map((i) => [i.id, i.weight, i.kind, i.group]), [
      ['young', 1, 'lexicon', 'youth'], ['teen', 2, 'pattern', 'youth'], ['h247', 1, 'pattern', 'h247'], ['age', 4, 'field', 'age'],
      ['cheap', 8, 'field', 'cheap'], ['phone', 16, 'cross-ad', 'phone'], ['moving', 32, 'cross-ad', 'moving'], ['often', 64, 'cross-ad', 'often'],
    ]);
  });

  it('lists the field and cross-ad rules with their place in the profile', () => {
    assert.deepEqual(profile.fieldRules.map((r) => [r.index, r.rule.id]), [[3, 'age'], [4, 'cheap']]);
    assert.deepEqual(profile.crossAd.map((r) => [r.index, r.rule.id]), [[5, 'phone'], [6, 'moving'], [7, 'often']]);
  });

  it('guards the text indicators that name an age above which they do not count', () => {
    assert.deepEqual(profile.ageGuards, [{ index: 0, above: 25 }, { index: 1, above: 30 }]);
  });

  it('defers the weight of the cross-ad indicators and of the price rule, not that of other field rules', () => {
    assert.equal(profile.deferredWeight, 8 + 16 + 32 + 64);
  });

  it('looks back as many days as the cross-ad indicator that looks back furthest', () => {
    assert.equal(profile.lookbackDays, 12);
  });

  it('looks back no days without a cross-ad indicator that counts days', () => {
    const plain = compileProfile(profileSchema.parse({ id: 'p', theme: 't', threshold: 1, indicators: [
      { ...base, id: 'phone', kind: 'cross-ad', weight: 1, signal: 'shared-phone', minAds: 3 },
    ] }));
    assert.equal(plain.lookbackDays, 0);
    assert.equal(plain.deferredWeight, 1);
  });
});

describe('needsContext', () => {
  it('holds for the price rule only', () => {
    const [age, cheap] = profile.fieldRules.map((r) => r.rule);
    assert.equal(needsContext(cheap!), true);
    assert.equal(needsContext(age!), false);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import { BakenError } from '../domain/errors.ts';
import { analyseBatch } from './analyse-batch.ts';
import { assess } from './assess.ts';
import { compileProfile } from './compile-profile.ts';
import { ALL_CITIES } from './price-context.ts';
import { gateDecision } from './staging.ts';

const phone = ['+31612345678'];
const hour = (amount: number) => [{ amount, currency: 'EUR', label: '1 uur' }];
const profile = compileProfile(profileSchema.parse({
  id: 'p', theme: 't', threshold: 3,
  indicators: [
    { id: 'shared', label: 'l', description: 'd', kind: 'cross-ad', signal: 'shared-phone', minAliases: 2, weight: 1 },
    { id: 'always', label: 'l', description: 'd', kind: 'lexicon', weight: 2, terms: { nl: ['altijd beschikbaar'] } },
    { id: 'cheap', label: 'l', description: 'd', kind: 'field', field: 'prices', priceBelowMedian: { factor: 0.5 }, weight: 1 },
  ],
}));

describe('analyseBatch', () => {
  it('adds cross-ad and price hits to the per-ad ones, in profile order, and keeps on the sum', () => {
    const batch = [
      { id: 'a', fields: { alias: 'Lena', phones: phone, text: 'Altijd beschikbaar.', prices: hour(50) } },
      { id: 'b', fields: { alias: 'Mila', phones: phone, text: 'Op afspraak.', prices: hour(150) } },
      ...[140, 150, 160].map((p, i) => ({ id: `m${i}`, fields: { prices: hour(p) } })),
    ];
    const results = analyseBatch(profile, batch);
    assert.deepEqual(results.get('a')?.hits.map((h) => h.id), ['shared', 'always', 'cheap']);
    assert.deepEqual([results.get('a')?.score, results.get('a')?.kept], [4, true]);
    assert.deepEqual([results.get('b')?.score, results.get('b')?.kept], [1, false]);
  });

  it('uses the price context it is given instead of the batch medians', () => {
    const fields = { prices: hour(50) };
    const context = { medianHourly: new Map([[ALL_CITIES, 80]]) };
    assert.equal(analyseBatch(profile, [{ id: 'a', fields }], [], context).get('a')?.hits.length, 0);
  });

  it('refuses a batch in which one id occurs twice', () => {
    assert.throws(() => analyseBatch(profile, [{ id: 'a', fields: {} }, { id: 'a', fields: {} }]),
      (e) => e instanceof BakenError && e.code === 'INPUT_INVALID' && /"a" occurs twice/.test(e.message));
  });
});

describe('compileProfile', () => {
  it('says how much an ad can still gain from the run and how far back the cross-ad indicators look', () => {
    assert.equal(profile.deferredWeight, 2);
    assert.equal(profile.lookbackDays, 0);
    const moving = compileProfile(profileSchema.parse({ id: 'p', theme: 't', threshold: 1, indicators: [
      { id: 'm', label: 'l', description: 'd', kind: 'cross-ad', signal: 'movement', withinDays: 10, weight: 1 },
      { id: 'f', label: 'l', description: 'd', kind: 'cross-ad', signal: 'posting-frequency', minPosts: 5, weight: 1 },
    ] }));
    assert.equal(moving.lookbackDays, 10);
  });
});

describe('gateDecision', () => {
  it('keeps an ad that reaches the threshold on its own, stages one that still could, deletes the rest', () => {
    assert.equal(gateDecision(profile, assess(profile, { text: 'Altijd beschikbaar, altijd beschikbaar.', prices: hour(10) }, { medianHourly: new Map([[ALL_CITIES, 100]]) })), 'keep');
    assert.equal(gateDecision(profile, assess(profile, { text: 'Altijd beschikbaar.' })), 'stage');
    assert.equal(gateDecision(profile, assess(profile, { text: 'Op afspraak.' })), 'delete');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import { BakenError } from '../domain/errors.ts';
import { analyseBatch } from './analyse-batch.ts';
import { assess } from './assess.ts';
import { compileProfile } from './compile-profile.ts';
import { ALL_CITIES } from './price-context.ts';
import { gateDecision, stagingVerdict } from './staging.ts';

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
  it('stages every ad that could still reach the threshold with the run, and deletes the rest at once', () => {
    const cheapAndAvailable = assess(profile, { text: 'Altijd beschikbaar, altijd beschikbaar.', prices: hour(10) }, { medianHourly: new Map([[ALL_CITIES, 100]]) });
    assert.equal(cheapAndAvailable.kept, true);
    assert.equal(gateDecision(profile, cheapAndAvailable), 'stage');
    assert.equal(gateDecision(profile, assess(profile, { text: 'Altijd beschikbaar.' })), 'stage');
    assert.equal(gateDecision(profile, assess(profile, { text: 'Op afspraak.' })), 'delete');
  });

  it('keeps or deletes at once under a profile whose indicators need no other ads', () => {
    const alone = compileProfile(profileSchema.parse({
      id: 'p', theme: 't', threshold: 2,
      indicators: [{ id: 'always', label: 'l', description: 'd', kind: 'lexicon', weight: 2, terms: { nl: ['altijd beschikbaar'] } }],
    }));
    assert.equal(gateDecision(alone, assess(alone, { text: 'Altijd beschikbaar.' })), 'keep');
    assert.equal(gateDecision(alone, assess(alone, { text: 'Op afspraak.' })), 'delete');
  });
});

describe('stagingVerdict', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const here = { host: 'worker-1', alive: (pid: number) => pid === 100 };
  const run = (owner: string, expiresAt = '2026-03-02T00:00:00Z') => ({ owner, expiresAt });

  it('purges the staging of a process on this host that is gone', () => {
    assert.equal(stagingVerdict(run('worker-1:200'), now, here), 'abandoned');
  });

  it('leaves a live process alone, and one on another host until its window ends', () => {
    assert.equal(stagingVerdict(run('worker-1:100'), now, here), 'live');
    assert.equal(stagingVerdict(run('worker-2:200'), now, here), 'live');
  });

  it('purges any staging whose window is over, live or not', () => {
    assert.equal(stagingVerdict(run('worker-1:100', '2026-03-01T12:00:00Z'), now, here), 'expired');
    assert.equal(stagingVerdict(run('worker-2:200', '2026-03-01T11:00:00Z'), now, here), 'expired');
  });
});

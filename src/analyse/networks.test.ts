import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import { generateWorld } from '../../demo/generate.ts';
import type { AnalysisInput } from './analysis-input.ts';
import { compileProfile } from './compile-profile.ts';
import { linkOptions, networkOf, networks } from './networks.ts';

const options = { maxDistance: 8, threshold: 0.8 };
const ads: AnalysisInput[] = [
  { id: 'a', fields: { phones: ['+31611111111'] } },
  { id: 'b', fields: { phones: ['+31611111111'] }, imageHashes: ['00000000000000ff'] },
  { id: 'c', fields: { phones: ['+31611111111'] } },
  { id: 'd', fields: {}, imageHashes: ['00000000000000fe'] },
  { id: 'e', fields: { phones: ['+31622222222'] } },
];

describe('networks', () => {
  it('joins ads linked by phone and by photo into one network, with the reason for every link', () => {
    assert.deepEqual(networkOf('d', ads, options), {
      ads: ['a', 'b', 'c', 'd'],
      links: [
        { a: 'a', b: 'b', reason: 'shared-phone', value: '+31611111111' },
        { a: 'a', b: 'c', reason: 'shared-phone', value: '+31611111111' },
        { a: 'b', b: 'd', reason: 'shared-image', value: '00000000000000ff ~ 00000000000000fe (1 bits apart)' },
      ],
    });
  });

  it('gives an unlinked ad a network of its own, and none to an ad it does not know', () => {
    assert.deepEqual(networkOf('e', ads, options), { ads: ['e'], links: [] });
    assert.equal(networkOf('zz', ads, options), null);
  });

  it('finds the phone and template networks of the demo world', () => {
    const world = generateWorld({ day: 0 });
    const found = networks(world.ads.map((a) => ({ id: a.id, fields: a.fields })), options).map((n) => n.ads.join(' '));
    for (const n of world.networks.filter((x) => x.kind === 'phone' || x.kind === 'template')) {
      assert.ok(found.includes([...n.ads].sort().join(' ')), `${n.id}: ${n.ads.join(' ')} not found as a network`);
    }
  });

  it('takes the link thresholds from the profile, the strictest where it has several', () => {
    const indicator = (id: string, rule: Record<string, unknown>) => ({ id, label: 'l', description: 'd', kind: 'cross-ad', weight: 1, ...rule });
    const profile = compileProfile(profileSchema.parse({ id: 'p', theme: 't', threshold: 1, indicators: [
      indicator('i1', { signal: 'shared-image', minAds: 2, maxDistance: 4 }),
      indicator('i2', { signal: 'shared-image', minAds: 3, maxDistance: 6 }),
      indicator('t1', { signal: 'template-text', threshold: 0.9 }),
    ] }));
    assert.deepEqual(linkOptions(profile), { maxDistance: 4, threshold: 0.9 });
  });
});

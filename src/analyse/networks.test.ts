import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import { generateWorld } from '../../demo/generate.ts';
import type { AnalysisInput } from '../domain/analysis-input.ts';
import { compileProfile } from './compile-profile.ts';
import { linkOptions, networkLinks } from './networks.ts';

const options = { maxDistance: 8, threshold: 0.8 };
const ads: AnalysisInput[] = [
  { id: 'a', fields: { phones: ['+31611111111'] } },
  { id: 'b', fields: { phones: ['+31611111111'] }, imageHashes: ['00000000000000ff'] },
  { id: 'c', fields: { phones: ['+31611111111'] } },
  { id: 'd', fields: {}, imageHashes: ['00000000000000fe'] },
  { id: 'e', fields: { phones: ['+31622222222'] } },
];

describe('network links', () => {
  it('link ads by phone (each to the first of its number) and by photo, with the reason, and leave an unlinked ad out', () => {
    assert.deepEqual(networkLinks(ads, options), [
      { a: 'a', b: 'b', reason: 'shared-phone', value: '+31611111111' },
      { a: 'a', b: 'c', reason: 'shared-phone', value: '+31611111111' },
      { a: 'b', b: 'd', reason: 'shared-image', value: '00000000000000ff ~ 00000000000000fe (1 bits apart)' },
    ]);
  });

  it('join every ad of the demo world\'s phone and template networks to another of its network, for that reason', () => {
    const world = generateWorld({ day: 0 });
    const links = networkLinks(world.ads.map((a) => ({ id: a.id, fields: a.fields })), options);
    const reason = { phone: 'shared-phone', template: 'template-text' } as const;
    for (const n of world.networks.filter((x) => x.kind === 'phone' || x.kind === 'template')) {
      const inside = links.filter((l) => l.reason === reason[n.kind as 'phone' | 'template'] && n.ads.includes(l.a) && n.ads.includes(l.b));
      const joined = new Set(inside.flatMap((l) => [l.a, l.b]));
      assert.deepEqual(n.ads.filter((id) => !joined.has(id)), [], `${n.id}: every ad is linked within its network`);
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

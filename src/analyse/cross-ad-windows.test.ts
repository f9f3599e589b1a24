// Every window and group size of the cross-ad indicators at its edge: the last day inside a window
// counts and the first day outside does not; a group exactly its minimum size fires and one smaller does not.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import type { AnalysisInput } from '../domain/analysis-input.ts';
import { analyseBatch } from './analyse-batch.ts';
import { compileProfile } from './compile-profile.ts';

const profileOf = (indicator: Record<string, unknown>) => compileProfile(profileSchema.parse({
  id: 'p', theme: 't', threshold: 1, indicators: [{ id: 'x', label: 'l', description: 'd', kind: 'cross-ad', weight: 1, ...indicator }],
}));
const ad = (id: string, fields: AnalysisInput['fields'], extra: Partial<AnalysisInput> = {}): AnalysisInput => ({ id, fields, ...extra });
const fires = (results: ReturnType<typeof analyseBatch>, id: string) => (results.get(id)?.hits.length ?? 0) > 0;
const PHONE = ['+31612345678'];

describe('posting-frequency within 7 days, 3 posts', () => {
  const profile = profileOf({ signal: 'posting-frequency', minPosts: 3, withinDays: 7 });
  const posted = (...days: string[]) => days.map((day, i) => ad(`a${i}`, { phones: PHONE, posted: day }));

  it('counts a post 6 days before the last one', () => {
    assert.equal(fires(analyseBatch(profile, posted('2026-03-01', '2026-03-04', '2026-03-07')), 'a2'), true);
  });

  it('does not count a post 7 days before the last one', () => {
    assert.equal(fires(analyseBatch(profile, posted('2026-02-28', '2026-03-04', '2026-03-07')), 'a2'), false);
  });

  it('does not count a post after the ad\'s own', () => {
    assert.equal(fires(analyseBatch(profile, posted('2026-03-04', '2026-03-05', '2026-03-03')), 'a2'), false);
  });
});

describe('movement within 7 days', () => {
  const profile = profileOf({ signal: 'movement', withinDays: 7 });
  const moved = (before: string) => analyseBatch(profile, [ad('a', { city: 'Breda', phones: PHONE }, { seen: '2026-03-10' })],
    [ad('b', { city: 'Utrecht', phones: PHONE }, { seen: before })]);

  it('follows a number seen in another city 6 days before', () => {
    assert.equal(fires(moved('2026-03-04'), 'a'), true);
  });

  it('forgets a number seen in another city 7 days before', () => {
    assert.equal(fires(moved('2026-03-03'), 'a'), false);
  });

  it('needs minCities cities: 3 cities for minCities 3', () => {
    const three = profileOf({ signal: 'movement', withinDays: 7, minCities: 3 });
    const seen = (cities: string[]) => analyseBatch(three, [ad('a', { city: 'Breda', phones: PHONE }, { seen: '2026-03-10' })],
      cities.map((city, i) => ad(`b${i}`, { city, phones: PHONE }, { seen: `2026-03-0${i + 5}` })));
    assert.equal(fires(seen(['Utrecht', 'Tilburg']), 'a'), true);
    assert.equal(fires(seen(['Utrecht']), 'a'), false);
  });
});

describe('shared-phone group sizes', () => {
  it('fires for exactly minAds ads, not one fewer', () => {
    const profile = profileOf({ signal: 'shared-phone', minAds: 3 });
    const ads = (n: number) => Array.from({ length: n }, (_, i) => ad(`a${i}`, { alias: 'Lena', phones: PHONE }));
    assert.equal(fires(analyseBatch(profile, ads(3)), 'a0'), true);
    assert.equal(fires(analyseBatch(profile, ads(2)), 'a0'), false);
  });

  it('fires for exactly minAliases names, not one fewer, whatever their case', () => {
    const profile = profileOf({ signal: 'shared-phone', minAliases: 3 });
    const named = (...aliases: string[]) => aliases.map((alias, i) => ad(`a${i}`, { alias, phones: PHONE }));
    assert.equal(fires(analyseBatch(profile, named('Lena', 'Mia', 'Zoe')), 'a0'), true);
    assert.equal(fires(analyseBatch(profile, named('Lena', 'Mia', 'LENA ')), 'a0'), false);
  });
});

describe('shared-image distance', () => {
  const profile = profileOf({ signal: 'shared-image', minAds: 2, maxDistance: 2 });
  const pair = (other: string) => analyseBatch(profile, [ad('a', {}, { imageHashes: ['0000000000000000'] }), ad('b', {}, { imageHashes: [other] })]);

  it('takes pictures exactly maxDistance bits apart for the same picture', () => {
    assert.equal(fires(pair('0000000000000003'), 'a'), true);
  });

  it('does not take pictures one bit further apart for the same picture', () => {
    assert.equal(fires(pair('0000000000000007'), 'a'), false);
  });
});

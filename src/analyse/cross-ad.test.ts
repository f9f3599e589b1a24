import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import type { Evidence } from '../domain/indicator-hit.ts';
import { generateWorld } from '../../demo/generate.ts';
import { addDays } from '../../demo/format.ts';
import { DAY_ZERO, type DemoAd } from '../../demo/world.ts';
import { analyseBatch } from './analyse-batch.ts';
import type { AnalysisInput } from '../domain/analysis-input.ts';
import { adLinks } from './ad-links.ts';
import { compileProfile } from './compile-profile.ts';

const base = { label: 'l', description: 'd', kind: 'cross-ad', weight: 1 } as const;
const profileOf = (indicator: Record<string, unknown>) =>
  compileProfile(profileSchema.parse({ id: 'p', theme: 't', threshold: 1, indicators: [{ id: 'x', ...base, ...indicator }] }));
const linked = (results: ReturnType<typeof analyseBatch>, id: string): Evidence[] => results.get(id)?.hits[0]?.evidence ?? [];
const ad = (id: string, fields: AnalysisInput['fields'], extra: Partial<AnalysisInput> = {}): AnalysisInput => ({ id, fields, ...extra });

describe('shared-phone', () => {
  const profile = profileOf({ signal: 'shared-phone', minAliases: 2 });

  it('links ads that show one number under different aliases, naming the other ads', () => {
    const results = analyseBatch(profile, [
      ad('a', { alias: 'Lena', phones: ['+31612345678'] }),
      ad('b', { alias: 'Mila', phones: ['+31612345678'] }),
      ad('c', { alias: 'Sofia', phones: ['+31687654321'] }),
    ], [ad('k', { alias: 'Nina', phones: ['+31612345678'] })]);
    assert.deepEqual(linked(results, 'a'), [{ kind: 'linked', reason: 'shared-phone', value: '+31612345678', ads: ['b', 'k'] }]);
    assert.equal(results.get('c')?.hits.length, 0);
    assert.equal(results.has('k'), false, 'known ads are context, not assessed');
  });

  it('links a number written in words or digit by digit in the text to the same number elsewhere', () => {
    const results = analyseBatch(profile, [
      ad('a', { alias: 'Lena', phones: ['+31612345678'] }),
      ad('b', { alias: 'Mila', text: 'Bel nul zes twaalf vierendertig, zesenvijftig achtenzeventig.' }),
      ad('c', { alias: 'Sofia', text: 'Call o six, one two, three four, five six, seven eight' }),
      ad('d', { alias: 'Nina', text: 'Prijzen 100, 150, 200, 250 euro; zes twaalf uur open' }),
    ]);
    assert.deepEqual(linked(results, 'a'), [{ kind: 'linked', reason: 'shared-phone', value: '+31612345678', ads: ['b', 'c'] }]);
    assert.deepEqual(linked(results, 'b')[0], { kind: 'linked', reason: 'shared-phone', value: '+31612345678', ads: ['a', 'c'] });
    assert.equal(results.get('d')?.hits.length, 0);
  });

  it('does not fire for one alias re-posting, nor for versions of the same ad', () => {
    const results = analyseBatch(profile, [ad('a', { alias: 'Lena', phones: ['+31612345678'] }), ad('b', { alias: 'lena', phones: ['+31612345678'] })],
      [ad('a', { alias: 'Lena', phones: ['+31612345678'] })]);
    assert.deepEqual([...results.values()].map((r) => r.hits.length), [0, 0]);
  });

  it('can count ads instead of aliases', () => {
    const results = analyseBatch(profileOf({ signal: 'shared-phone', minAds: 3 }),
      ['a', 'b', 'c'].map((id) => ad(id, { alias: 'Lena', phones: ['+31612345678'] })));
    assert.deepEqual(linked(results, 'c')[0], { kind: 'linked', reason: 'shared-phone', value: '+31612345678', ads: ['a', 'b'] });
  });
});

describe('shared-image', () => {
  it('links a photo re-encoded under another alias or in another city, not a different photo', () => {
    const results = analyseBatch(profileOf({ signal: 'shared-image', minAliases: 2, minCities: 2 }), [
      ad('a', { alias: 'Lena', city: 'Utrecht' }, { imageHashes: ['c3a5f0f00f0f5a3c'] }),
      ad('b', { alias: 'Mila', city: 'Utrecht' }, { imageHashes: ['c3a5f0f00f0f5a3d'] }),
      ad('c', { alias: 'Lena', city: 'Breda' }, { imageHashes: ['c3a5f0f00f0f5a3e'] }),
      ad('d', { alias: 'Sofia', city: 'Breda' }, { imageHashes: ['3c5a0f0ff0f0a5c3'] }),
    ]);
    assert.deepEqual(linked(results, 'a'), [{ kind: 'linked', reason: 'shared-image', value: 'c3a5f0f00f0f5a3c', ads: ['b', 'c'] }]);
    assert.equal(results.get('d')?.hits.length, 0);
  });
});

const day = (n: number) => generateWorld({ day: n });
const inputOf = (a: DemoAd, n: number): AnalysisInput => ({ id: a.id, fields: a.fields, seen: addDays(DAY_ZERO, n) });

describe('template-text', () => {
  it('finds the demo template networks: the same text with names, cities and ages swapped', () => {
    const world = day(0);
    const results = analyseBatch(profileOf({ signal: 'template-text', threshold: 0.8 }), world.ads.map((a) => inputOf(a, 0)));
    for (const network of world.networks.filter((n) => n.kind === 'template')) {
      for (const id of network.ads) {
        const ads = linked(results, id).flatMap((e) => (e.kind === 'linked' ? e.ads : []));
        assert.deepEqual(ads, network.ads.filter((x) => x !== id), `${network.id}: ${id}`);
      }
    }
  });

  it('does not take ads written from the same stock phrases for a template', () => {
    const world = day(0);
    const results = analyseBatch(profileOf({ signal: 'template-text', threshold: 0.8 }), world.ads.map((a) => inputOf(a, 0)));
    const inTemplates = new Set(world.networks.filter((n) => n.kind === 'template').flatMap((n) => n.ads));
    const others = [...results].filter(([id, r]) => !inTemplates.has(id) && r.hits.length > 0).map(([id]) => id);
    assert.deepEqual(others, []);
  });
});

describe('movement', () => {
  const profile = profileOf({ signal: 'movement', minCities: 2, withinDays: 7 });

  it('is detected from day-by-day re-crawls of the demo: yesterday in one city, today in another', () => {
    const kept = day(0).ads.map((a) => inputOf(a, 0));
    const world = day(1);
    const results = analyseBatch(profile, world.ads.map((a) => inputOf(a, 1)), kept);
    const movers = world.networks.filter((n) => n.kind === 'movement').flatMap((n) => n.ads);
    const moved = [...results].filter(([, r]) => r.hits.length > 0).map(([id]) => id).sort();
    assert.deepEqual(moved, movers.sort());
    const [evidence] = linked(results, movers[0]!);
    assert.equal(evidence?.kind === 'linked' && evidence.ads.includes(movers[0]!), true, 'the ad itself, yesterday, elsewhere');
  });

  it('is not detected on the first day, nor for one number in several cities on the same days', () => {
    const results = analyseBatch(profile, day(0).ads.map((a) => inputOf(a, 0)));
    assert.deepEqual([...results.values()].filter((r) => r.hits.length > 0), []);
    const phone = ['+31612345678'];
    const stay = analyseBatch(profile, [ad('a', { city: 'Utrecht', phones: phone }, { seen: '2026-03-03' }), ad('b', { city: 'Breda', phones: phone }, { seen: '2026-03-03' })],
      [ad('a', { city: 'Utrecht', phones: phone }, { seen: '2026-03-02' }), ad('b', { city: 'Breda', phones: phone }, { seen: '2026-03-02' })]);
    assert.deepEqual([...stay.values()].map((r) => r.hits.length), [0, 0]);
  });

  it('follows a photo as well as a number, and forgets sightings older than the window', () => {
    const results = analyseBatch(profile, [ad('a', { city: 'Breda' }, { seen: '2026-03-10', imageHashes: ['0123456789abcdef'] })], [
      ad('b', { city: 'Utrecht' }, { seen: '2026-03-08', imageHashes: ['0123456789abcdee'] }),
    ]);
    assert.deepEqual(linked(results, 'a'), [{ kind: 'linked', reason: 'movement', value: 'Utrecht 2026-03-08, Breda 2026-03-10', ads: ['b'] }]);
    const old = analyseBatch(profile, [ad('a', { city: 'Breda' }, { seen: '2026-03-20', imageHashes: ['0123456789abcdef'] })], [
      ad('b', { city: 'Utrecht' }, { seen: '2026-03-08', imageHashes: ['0123456789abcdee'] }),
    ]);
    assert.equal(old.get('a')?.hits.length, 0);
  });
});

describe('posting-frequency', () => {
  it('counts posts under one number within the window', () => {
    const phone = ['+31612345678'];
    const posts = ['2026-03-01', '2026-03-02', '2026-03-03'].map((posted, i) => ad(`a${i}`, { phones: phone, posted }));
    const profile = profileOf({ signal: 'posting-frequency', minPosts: 3, withinDays: 7 });
    assert.deepEqual(linked(analyseBatch(profile, posts), 'a2'), [{ kind: 'linked', reason: 'posting-frequency', value: '3 posts in 7 days', ads: ['a0', 'a1'] }]);
    assert.equal(analyseBatch(profile, posts.slice(1)).get('a2')?.hits.length, 0);
  });
});

describe('cross-ad groups and the evidence they name', () => {
  const PHONE = ['+31612345678'];

  it('counts neither an empty or blank alias nor a missing one as a name', () => {
    const profile = profileOf({ signal: 'shared-phone', minAliases: 2 });
    for (const other of [{ alias: '   ' }, { alias: '' }, {}]) {
      const results = analyseBatch(profile, [ad('a', { alias: 'Lena', phones: PHONE }), ad('b', { ...other, phones: PHONE })]);
      assert.equal(results.get('a')?.hits.length, 0, JSON.stringify(other));
    }
  });

  it('names no other ad for one ad renamed between its versions, though it has two names', () => {
    const results = analyseBatch(profileOf({ signal: 'shared-phone', minAliases: 2 }), [ad('a', { alias: 'Lena', phones: PHONE })],
      [ad('a', { alias: 'Mila', phones: PHONE })]);
    assert.equal(results.get('a')?.hits.length, 0);
  });

  it('names the other ads in id order, each once, whatever order they come in', () => {
    const results = analyseBatch(profileOf({ signal: 'shared-phone', minAds: 2 }),
      [ad('m', { phones: PHONE }), ad('z', { phones: PHONE }), ad('b', { phones: PHONE })], [ad('z', { phones: PHONE })]);
    assert.deepEqual(linked(results, 'm'), [{ kind: 'linked', reason: 'shared-phone', value: PHONE[0], ads: ['b', 'z'] }]);
  });

  it('counts cities by their name whatever its case and spacing, and an ad without a city as none', () => {
    const profile = profileOf({ signal: 'shared-image', minCities: 2 });
    const photo = (id: string, city?: string) => ad(id, city === undefined ? {} : { city }, { imageHashes: ['0123456789abcdef'] });
    assert.equal(analyseBatch(profile, [photo('a', 'Utrecht'), photo('b', ' utrecht '), photo('c')]).get('a')?.hits.length, 0);
    assert.deepEqual(linked(analyseBatch(profile, [photo('a', 'Utrecht'), photo('b', 'Breda'), photo('c')]), 'a'),
      [{ kind: 'linked', reason: 'shared-image', value: '0123456789abcdef', ads: ['b', 'c'] }]);
  });

  it('needs minAds ads of one template, and names the least similar of them', () => {
    const text = 'Nieuw in de stad, discreet en verzorgd, bel of app mij voor een afspraak, ook in het weekend en op feestdagen tot laat in de avond';
    const ads = [ad('a', { text }), ad('b', { text }), ad('c', { text: `${text} graag` })];
    const similarities = adLinks(ads).templates(0.8)[0]!.map((n) => n.similarity);
    assert.equal(similarities.length, 2);
    const lowest = Math.min(...similarities);
    assert.ok(lowest < 1 && Math.max(...similarities) === 1, `one copy and one near copy, got ${similarities.join(', ')}`);
    assert.deepEqual(linked(analyseBatch(profileOf({ signal: 'template-text', minAds: 3 }), ads), 'a'),
      [{ kind: 'linked', reason: 'template-text', value: `similarity ≥ ${lowest.toFixed(2)}`, ads: ['b', 'c'] }]);
    assert.equal(analyseBatch(profileOf({ signal: 'template-text', minAds: 3 }), ads.slice(0, 2)).get('a')?.hits.length, 0);
  });
});

describe('movement: what counts as moving, and the trail it names', () => {
  const PHONE = ['+31612345678'];
  const profile = profileOf({ signal: 'movement', minCities: 2, withinDays: 30 });
  const seen = (id: string, city: string | undefined, date: string) => ad(id, { ...(city === undefined ? {} : { city }), phones: PHONE }, { seen: date });
  const moved = (own: AnalysisInput, known: AnalysisInput[]) => linked(analyseBatch(profile, [own], known), own.id);
  const trailOf = (own: AnalysisInput, known: AnalysisInput[]) => moved(own, known).map((e) => (e.kind === 'linked' ? e.value : ''));

  it('is not moving to have added a city, nor to have left one of two', () => {
    assert.deepEqual(moved(seen('a', 'Breda', '2026-03-10'), [seen('b', 'Utrecht', '2026-03-09'), seen('c', 'Utrecht', '2026-03-10')]), []);
    assert.deepEqual(moved(seen('a', 'Breda', '2026-03-10'), [seen('b', 'Utrecht', '2026-03-09'), seen('c', 'Breda', '2026-03-09')]), []);
  });

  it('is moving to have left one city for another while staying in a third', () => {
    const evidence = moved(seen('a', 'Breda', '2026-03-10'),
      [seen('b', 'Utrecht', '2026-03-10'), seen('c', 'Utrecht', '2026-03-09'), seen('d', 'Amersfoort', '2026-03-09')]);
    assert.deepEqual(evidence, [{
      kind: 'linked', reason: 'movement', value: 'Amersfoort 2026-03-09, Utrecht 2026-03-09, Breda 2026-03-10, Utrecht 2026-03-10', ads: ['b', 'c', 'd'],
    }]);
  });

  it('lists the trail by day, and the cities of one day alphabetically, each sighting once', () => {
    const evidence = moved(seen('a', 'Breda', '2026-03-10'), [
      seen('d', 'Utrecht', '2026-03-08'), seen('c', 'Amersfoort', '2026-03-08'), seen('b', 'Utrecht', '2026-03-08'), seen('e', 'Zwolle', '2026-03-06'),
    ]);
    assert.deepEqual(evidence, [{
      kind: 'linked', reason: 'movement', value: 'Zwolle 2026-03-06, Amersfoort 2026-03-08, Utrecht 2026-03-08, Breda 2026-03-10', ads: ['b', 'c', 'd', 'e'],
    }]);
  });

  it('names only the ads seen in another city than the ad\'s own, its own earlier version among them', () => {
    const evidence = moved(seen('a', 'Breda', '2026-03-10'), [seen('a', 'Utrecht', '2026-03-08'), seen('c', 'Breda', '2026-03-10')]);
    assert.deepEqual(evidence, [{ kind: 'linked', reason: 'movement', value: 'Utrecht 2026-03-08, Breda 2026-03-10', ads: ['a'] }]);
  });

  it('ignores a sighting without a city and one after the ad\'s own day', () => {
    const evidence = moved(seen('a', 'Breda', '2026-03-10'),
      [seen('b', 'Utrecht', '2026-03-08'), seen('c', undefined, '2026-03-09'), seen('d', 'Tilburg', '2026-03-11')]);
    assert.deepEqual(evidence, [{ kind: 'linked', reason: 'movement', value: 'Utrecht 2026-03-08, Breda 2026-03-10', ads: ['b'] }]);
  });

  it('spells out 20 sightings of the trail and counts the rest', () => {
    const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}`;
    const before = (n: number) => Array.from({ length: n }, (_, k) => seen(`b${k}`, `City${k}`, day(k + 1)));
    const trail = (n: number) => before(n).map((_, k) => `City${k} ${day(k + 1)}`);
    assert.deepEqual(trailOf(seen('a', 'Breda', '2026-03-25'), before(19)), [[...trail(19), 'Breda 2026-03-25'].join(', ')]);
    assert.deepEqual(trailOf(seen('a', 'Breda', '2026-03-25'), before(20)), [[...trail(20), '… 1 more'].join(', ')]);
  });
});

describe('posting-frequency: what counts as a post', () => {
  const profile = profileOf({ signal: 'posting-frequency', minPosts: 3, withinDays: 7 });

  it('counts an ad and its versions once per posting date, and only under a shared number', () => {
    const phone = ['+31612345678'];
    const post = (id: string, posted: string) => ad(id, { phones: phone, posted });
    assert.equal(analyseBatch(profile, [post('a', '2026-03-03'), post('b', '2026-03-02')], [post('b', '2026-03-02')]).get('a')?.hits.length, 0);
    assert.deepEqual(linked(analyseBatch(profile, [post('a', '2026-03-03'), post('b', '2026-03-02')], [post('b', '2026-03-01')]), 'a'),
      [{ kind: 'linked', reason: 'posting-frequency', value: '3 posts in 7 days', ads: ['b'] }]);
  });

  it('does not count posts that share only a photo', () => {
    const photo = (id: string, posted: string) => ad(id, { posted }, { imageHashes: ['0123456789abcdef'] });
    assert.equal(analyseBatch(profile, [photo('a', '2026-03-03'), photo('b', '2026-03-02'), photo('c', '2026-03-01')]).get('a')?.hits.length, 0);
  });
});


import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolvePlace } from '../src/municipal/places.ts';
import { CITIES } from './banks.ts';
import { generateWorld } from './generate.ts';
import { DEMO_PLACES } from './places.ts';
import { truthOf } from './truth.ts';

const ads = [0, 1, 2, 3].flatMap((day) => generateWorld({ day, hostile: true }).ads);

test("Baken's place resolution agrees with the demo's own table on every ad's city field, days 0–3", () => {
  for (const ad of ads) {
    const r = resolvePlace(ad.fields.city);
    const got = { code: r.status === 'resolved' ? r.municipality.code : null, status: r.status };
    assert.deepEqual(got, ad.municipality, `${ad.id}: ${ad.fields.city}`);
  }
});

test('uses every place of the table, the big cities most', () => {
  const used = new Map<string, number>();
  for (const ad of ads) {
    const place = ad.fields.city.replace(/^\d{4} [A-Z]{2} /u, '');
    used.set(place, (used.get(place) ?? 0) + 1);
  }
  assert.deepEqual([...used.keys()].filter((p) => !(p in DEMO_PLACES)), []);
  const unused = Object.keys(DEMO_PLACES).filter((p) => !used.has(p));
  assert.deepEqual(unused, [], 'every place appears on some day');
  assert.ok((used.get('Amsterdam') ?? 0) > (used.get('Sneek') ?? 0) * 3);
  for (const city of CITIES) assert.ok(city in DEMO_PLACES, city);
});

test('ambiguous and unknown places are rare', () => {
  const unresolved = ads.filter((a) => a.municipality.status !== 'resolved').length;
  assert.ok(unresolved > 0 && unresolved / ads.length < 0.05, `${unresolved} of ${ads.length}`);
});

test('a title that names its place resolves to the municipality of the city field, never to another', () => {
  let named = 0;
  for (const ad of ads.filter((a) => !a.hostile)) {
    const r = resolvePlace(ad.fields.title);
    if (r.status === 'unknown') continue;
    named++;
    assert.deepEqual({ code: r.status === 'resolved' ? r.municipality.code : null, status: r.status }, ad.municipality, `${ad.id}: ${ad.fields.title}`);
  }
  assert.ok(named > ads.length / 3, `only ${named} titles name their place`);
});

test('the served truth carries each ad\'s municipality and licence status', () => {
  const truth = truthOf(generateWorld({ day: 0 }), 'http://demo.test');
  for (const ad of truth.ads) {
    assert.ok(['resolved', 'ambiguous', 'unknown'].includes(ad.municipality.status), ad.id);
    assert.equal(ad.municipality.code === null, ad.municipality.status !== 'resolved', ad.id);
    assert.equal(ad.licence === 'absent', ad.fields.licence === undefined, ad.id);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MUNICIPALITIES, municipalityByCode, resolvePlace } from './places.ts';
import type { PlaceResolution } from './types.ts';

function codeOf(r: PlaceResolution): string | null {
  return r.status === 'resolved' ? r.municipality.code : null;
}

test('resolves the big cities by their place name', () => {
  const cities = { Amsterdam: '0363', Rotterdam: '0599', 'Den Haag': '0518', Utrecht: '0344', Eindhoven: '0772',
    Groningen: '0014', Tilburg: '0855', Almere: '0034', Breda: '0758', Nijmegen: '0268' };
  for (const [city, code] of Object.entries(cities)) {
    const r = resolvePlace(city);
    assert.equal(codeOf(r), code, city);
    assert.equal(r.status === 'resolved' && r.rule, 'place-name', city);
  }
});

test('resolves places whose municipality has another name', () => {
  assert.deepEqual(resolvePlace('Zaandam'),
    { status: 'resolved', municipality: { code: '0479', name: 'Zaanstad', province: 'Noord-Holland' }, rule: 'place-name', matched: 'Zaandam' });
  assert.equal(codeOf(resolvePlace('Hoofddorp')), '0394');
  assert.equal(codeOf(resolvePlace('Scheveningen')), '0518');
  assert.equal(municipalityByCode('0394')?.name, 'Haarlemmermeer');
});

test('normalises case, diacritics, the article of city names, "e.o." and "centrum"', () => {
  for (const text of ['ZAANDAM', ' zaandam ', 'Zaandam e.o.', 'Zaandam en omgeving', 'Zaandam centrum', 'Centrum Zaandam', 'regio Zaandam']) {
    assert.equal(codeOf(resolvePlace(text)), '0479', text);
  }
  for (const text of ["'s-Hertogenbosch", 's-Hertogenbosch', "'s Hertogenbosch", 'Den Bosch', 'den bosch']) {
    assert.equal(codeOf(resolvePlace(text)), '0796', text);
  }
  for (const text of ['Den Haag', "'s-Gravenhage", 'The Hague']) assert.equal(codeOf(resolvePlace(text)), '0518', text);
  assert.equal(codeOf(resolvePlace('Sudwest-Fryslan')), '1900');
  assert.equal(codeOf(resolvePlace('Alphen a/d Rijn')), '0484');
});

test('says when it used the table of alternative names', () => {
  const r = resolvePlace('Den Bosch');
  assert.equal(r.status === 'resolved' && r.rule, 'alternative-name');
  assert.equal(r.status === 'resolved' && r.matched, 'Den Bosch');
});

test('a place name after a postcode wins; a postcode alone resolves only through the map given', () => {
  const postcodes = new Map([['2011', '0392'], ['1017', '0363']]);
  const named = resolvePlace('1017 AB Haarlem', postcodes);
  assert.equal(codeOf(named), '0392');
  assert.equal(named.status === 'resolved' && named.rule, 'place-name');
  const byPostcode = resolvePlace('2011 AB', postcodes);
  assert.deepEqual(byPostcode,
    { status: 'resolved', municipality: { code: '0392', name: 'Haarlem', province: 'Noord-Holland' }, rule: 'postcode-reference', matched: '2011' });
  assert.deepEqual(resolvePlace('2011 AB'), { status: 'unknown', matched: '2011' });
  assert.deepEqual(resolvePlace('3011 AB', postcodes), { status: 'unknown', matched: '3011' });
  assert.equal(codeOf(resolvePlace('Zonnedal 1017', postcodes)), '0363');
});

test('a name of places in two municipalities is ambiguous with both, unless a province or postcode settles it', () => {
  const r = resolvePlace('Bergen');
  assert.equal(r.status, 'ambiguous');
  assert.deepEqual(r.status === 'ambiguous' && r.candidates.map((c) => `${c.code} ${c.province}`), ['0373 Noord-Holland', '0893 Limburg']);
  assert.equal(codeOf(resolvePlace('Bergen (NH)')), '0373');
  assert.equal(codeOf(resolvePlace('Bergen L')), '0893');
  assert.equal(codeOf(resolvePlace('Bergen, Limburg')), '0893');
  assert.equal(codeOf(resolvePlace('Bergen 5854', new Map([['5854', '0893']]))), '0893');
  // A postcode of a third municipality settles nothing.
  assert.equal(resolvePlace('Bergen 2011', new Map([['2011', '0392']])).status, 'ambiguous');
  assert.equal(codeOf(resolvePlace('Bergen op Zoom')), '0748');
  assert.equal(resolvePlace('Amsterdam / Haarlem').status, 'ambiguous');
});

test('an unknown name or empty input is unknown, never a guess', () => {
  assert.deepEqual(resolvePlace('Zonnedal'), { status: 'unknown', matched: 'Zonnedal' });
  assert.deepEqual(resolvePlace('Amsterdamm'), { status: 'unknown', matched: 'Amsterdamm' });
  assert.deepEqual(resolvePlace(''), { status: 'unknown', matched: null });
  assert.deepEqual(resolvePlace('   '), { status: 'unknown', matched: null });
  assert.deepEqual(resolvePlace(undefined), { status: 'unknown', matched: null });
});

test('finds a place a title names after "in" or in its own part, and nothing in a title without one', () => {
  assert.equal(codeOf(resolvePlace('Lena in Den Haag')), '0518');
  assert.equal(codeOf(resolvePlace('Escort Lena, Zaandam e.o.')), '0479');
  assert.equal(codeOf(resolvePlace('Sweet Lena – private visits Hoofddorp')), '0394');
  assert.equal(resolvePlace('Charmante Lena (24)').status, 'unknown');
});

test('every municipality resolves by its own name or is ambiguous with itself among the candidates', () => {
  for (const m of MUNICIPALITIES) {
    const r = resolvePlace(m.name);
    const codes = r.status === 'resolved' ? [r.municipality.code] : r.status === 'ambiguous' ? r.candidates.map((c) => c.code) : [];
    assert.ok(codes.includes(m.code), `${m.name}: ${JSON.stringify(r)}`);
  }
});

test('resolves ten thousand city fields in one go (a Map index, no scan over the places)', () => {
  const names = MUNICIPALITIES.map((m) => m.name);
  let resolved = 0;
  for (let i = 0; i < 10_000; i++) if (resolvePlace(`${names[i % names.length]!} e.o.`).status !== 'unknown') resolved++;
  assert.equal(resolved, 10_000);
});

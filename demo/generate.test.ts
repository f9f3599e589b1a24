import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateWorld } from './generate.ts';
import { plantedSentences } from './planted.ts';
import { INDICATOR_PHRASES, foldText, indicatorsIn } from './phrases.ts';
import { NEGATION_TRAPS } from './banks.ts';
import { loadConfig } from '../src/config/load.ts';
import { compileProfile } from '../src/analyse/compile-profile.ts';
import { assess } from '../src/analyse/assess.ts';
import type { DemoAd } from './world.ts';

const DAYS = [0, 1, 2, 3];
const worlds = DAYS.map((day) => generateWorld({ day, hostile: true }));
const lexical = (ad: DemoAd) => [ad.fields.title, ad.fields.text, ad.fields.alias].join('\n');

/** The demo profile as the crawler runs it: the ids of the indicators that hit an ad on its own. */
const profile = compileProfile(loadConfig(new URL('../config', import.meta.url).pathname).profiles.get('mensenhandel')!);
const profileHits = (ad: DemoAd) => assess(profile, ad.fields).hits.map((h) => h.id);

test('gives byte-identical worlds for the same seed and day', () => {
  assert.equal(JSON.stringify(generateWorld({ seed: 7, day: 2 })), JSON.stringify(generateWorld({ seed: 7, day: 2 })));
  assert.deepEqual(generateWorld(), generateWorld({ seed: 1, day: 0 }));
});

test('gives every ad its own reference code', () => {
  const refs = worlds[0]?.ads.map((a) => a.ref) ?? [];
  assert.equal(new Set(refs).size, refs.length);
  for (const ref of refs) assert.match(ref, /^[A-Z2-9]{8}$/);
});

test('gives another world for another seed', () => {
  assert.notDeepEqual(generateWorld({ seed: 2 }).ads.map((a) => a.fields.title), generateWorld({ seed: 1 }).ads.map((a) => a.fields.title));
});

test('has about 360 ads on three platforms, mostly Dutch', () => {
  const all = generateWorld({ day: 5 }).ads;
  const ever = new Set(DAYS.concat(5).flatMap((day) => generateWorld({ day }).ads.map((a) => a.id)));
  assert.equal(ever.size, 360);
  for (const platform of ['classic', 'swipe', 'velvet']) {
    const n = all.filter((a) => a.platform === platform).length;
    assert.ok(n >= 95 && n <= 125, `${platform}: expected about 120 ads, got ${n}`);
  }
  const dutch = all.filter((a) => a.lang === 'nl').length / all.length;
  assert.ok(dutch > 0.5 && dutch < 0.7, `expected about 60% Dutch ads, got ${(dutch * 100).toFixed(0)}%`);
});

test('lets ads appear, disappear and change between days', () => {
  const [day0, day1] = worlds as [typeof worlds[0], typeof worlds[0]];
  const ids0 = new Set(day0.ads.map((a) => a.id));
  const ids1 = new Set(day1.ads.map((a) => a.id));
  assert.ok([...ids1].some((id) => !ids0.has(id)), 'expected new ads on day 1');
  assert.ok([...ids0].some((id) => !ids1.has(id)), 'expected ads gone on day 1');
  const last = worlds[3]?.ads ?? [];
  const changed = last.filter((a) => a.version > 1 && a.networks.every((n) => !n.startsWith('movement')));
  assert.ok(changed.length >= 10, `expected ≥ 10 changed ads by day 3, got ${changed.length}`);
  for (const ad of changed) {
    const before = day0.ads.find((a) => a.id === ad.id);
    if (before) assert.notDeepEqual([ad.fields.text, ad.fields.prices], [before.fields.text, before.fields.prices], `${ad.id}: version ${ad.version} but same content`);
  }
});

test('keeps ad ids and unchanged content stable across days', () => {
  const day0 = new Map(worlds[0]?.ads.map((a) => [a.id, a]));
  for (const ad of worlds[2]?.ads ?? []) {
    const before = day0.get(ad.id);
    if (before && before.version === ad.version) assert.deepEqual(ad, before);
  }
});

test('plants indicators in about a third of the ads', () => {
  for (const world of worlds) {
    const share = world.ads.filter((a) => a.planted.length > 0).length / world.ads.length;
    assert.ok(share >= 0.25 && share <= 0.45, `day ${world.day}: expected 25–45% planted, got ${(share * 100).toFixed(1)}%`);
  }
});

test('keeps clean ads free of every indicator on days 0–3, negation traps included', () => {
  const traps = [...NEGATION_TRAPS.nl, ...NEGATION_TRAPS.en];
  let trapped = 0;
  for (const world of worlds) {
    for (const ad of world.ads.filter((a) => a.planted.length === 0)) {
      assert.deepEqual(profileHits(ad), [], `${ad.id} (day ${world.day}) is clean but the demo profile finds something: ${lexical(ad)}`);
      if (traps.some((t) => ad.fields.text.includes(t))) trapped++;
    }
  }
  assert.ok(trapped >= 50, `expected clean ads with negation traps, got ${trapped}`);
});

test('puts a phrase of each planted indicator in planted ads, and of no other', () => {
  for (const world of worlds) {
    for (const ad of world.ads.filter((a) => a.planted.length > 0)) {
      assert.deepEqual(indicatorsIn(lexical(ad)), ad.planted, `${ad.id} (day ${world.day}): ${lexical(ad)}`);
      const hits = profileHits(ad);
      for (const id of ad.planted) assert.ok(hits.includes(id), `${ad.id}: the demo profile misses planted "${id}": ${lexical(ad)}`);
    }
  }
});

test('gives every planted ad a total weight of at least 2', () => {
  for (const ad of worlds[0]?.ads ?? []) {
    const weight = ad.planted.reduce((sum, id) => sum + INDICATOR_PHRASES[id].weight, 0);
    if (ad.planted.length > 0) assert.ok(weight >= 2, `${ad.id}: planted ${ad.planted.join(', ')} weigh ${weight}`);
  }
});

test('gives ads planted as young an age of 18 or 19, and others 20 or more', () => {
  for (const ad of worlds[0]?.ads ?? []) {
    if (ad.planted.includes('young')) assert.ok(ad.fields.age <= 19 && ad.fields.age >= 18, `${ad.id}: age ${ad.fields.age}`);
    else assert.ok(ad.fields.age >= 20 && ad.fields.age <= 45, `${ad.id}: age ${ad.fields.age}`);
  }
});

test('writes every planted sentence around its own phrase', () => {
  for (const { lang, phrase, sentence } of plantedSentences()) {
    assert.ok(foldText(sentence).includes(foldText(phrase)), `${lang} "${sentence}" lacks "${phrase}"`);
  }
});

test('writes texts of three to seven sentences and one Dutch mobile number per ad', () => {
  for (const ad of worlds[0]?.ads ?? []) {
    const sentences = ad.fields.text.split(/(?<=[.!?])\s+/).length;
    assert.ok(sentences >= 3 && sentences <= 7, `${ad.id}: ${sentences} sentences`);
    assert.match(ad.fields.phones[0] ?? '', /^\+316[1-5]\d{7}$/);
    assert.equal(ad.fields.phones.length, 1);
  }
});

test('gives about 40% of the ads a licence number', () => {
  const ads = worlds[0]?.ads ?? [];
  const share = ads.filter((a) => a.fields.licence).length / ads.length;
  assert.ok(share > 0.3 && share < 0.5, `expected about 40%, got ${(share * 100).toFixed(1)}%`);
  for (const ad of ads) if (ad.fields.licence) assert.match(ad.fields.licence, /^P-2026-\d{5}$/);
});

test('adds six hostile classic ads only when asked', () => {
  assert.deepEqual(worlds[0]?.ads.filter((a) => a.hostile).map((a) => a.hostile).sort(), ['error', 'flaky', 'huge', 'loop', 'popup', 'slow']);
  assert.ok(worlds[0]?.ads.filter((a) => a.hostile).every((a) => a.platform === 'classic' && a.planted.length === 0));
  assert.equal(generateWorld().ads.filter((a) => a.hostile).length, 0);
});

test('generates the same ordinary ads with and without hostile ones', () => {
  const calm = generateWorld({ day: 1 });
  assert.deepEqual(worlds[1]?.ads.filter((a) => !a.hostile), calm.ads);
});

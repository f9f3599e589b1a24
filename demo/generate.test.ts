import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateWorld } from './generate.ts';
import { CUE_BANKS, CUES, REFUSALS, phraseText, type Cue } from './cue-banks.ts';
import { PRICE_ROWS } from './banks.ts';
import { foldText } from './format.ts';
import { HOSTILE_KINDS, type DemoAd, type World } from './world.ts';

const DAYS = [0, 1, 2, 3];
const worlds = DAYS.map((day) => generateWorld({ day, hostile: true }));
const lexical = (ad: DemoAd) => foldText([ad.fields.title, ad.fields.text].join('\n'));
const refusals = [...REFUSALS.nl, ...REFUSALS.en];
/** The ad's phone, or the phones of its network: a template copies its leader's text, phone and all. */
const phonesNear = (world: World, ad: DemoAd) => world.ads
  .filter((other) => other === ad || other.networks.some((n) => ad.networks.includes(n)))
  .map((other) => `0${other.fields.phones[0]!.slice(3)}`);

/** Whether a phrase of the cue's bank is in the ad as the generator may place it (a title drops the
 *  final stop); a refusal, which names a cue only to reject it, does not count. */
const carries = (world: World, ad: DemoAd, cue: Cue) => {
  const text = refusals.reduce((t, r) => t.replace(foldText(r), ''), lexical(ad));
  return CUE_BANKS[cue][ad.lang].some((phrase) => phonesNear(world, ad).some((phone) =>
    text.includes(foldText(phraseText(phrase, { phone, age: ad.fields.age }).replace(/[.!]+$/u, '')))));
};

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

test('plants cues in about a third of the ads, at least two distinct ones each', () => {
  for (const world of worlds) {
    const planted = world.ads.filter((a) => a.cues.length > 0);
    const share = planted.length / world.ads.length;
    assert.ok(share >= 0.25 && share <= 0.45, `day ${world.day}: expected 25–45% planted, got ${(share * 100).toFixed(1)}%`);
    for (const ad of planted) {
      assert.ok(ad.cues.length >= 2 && new Set(ad.cues).size === ad.cues.length, `${ad.id}: cues ${ad.cues.join(', ')}`);
      assert.deepEqual(ad.cues, CUES.filter((c) => ad.cues.includes(c)), `${ad.id}: cues in CUES order`);
    }
  }
});

test('puts a phrase of each planted cue in the title or text of a planted ad', () => {
  for (const world of worlds) {
    for (const ad of world.ads) {
      for (const cue of ad.cues) assert.ok(carries(world, ad, cue), `${ad.id} (day ${world.day}) lacks its cue ${cue}: ${lexical(ad)}`);
    }
  }
});

test('keeps clean ads free of every cue phrase on days 0–3, some with a refusal', () => {
  let refused = 0;
  for (const world of worlds) {
    for (const ad of world.ads.filter((a) => a.cues.length === 0)) {
      const found = CUES.filter((cue) => carries(world, ad, cue));
      assert.deepEqual(found, [], `${ad.id} (day ${world.day}) is clean but carries a cue phrase: ${lexical(ad)}`);
      if (refusals.some((r) => ad.fields.text.includes(r))) refused++;
    }
  }
  assert.ok(refused >= 50, `expected clean ads with a refusal, got ${refused}`);
});

test('gives ads with youth emphasis an age of 18 or 19, and others 20 or more', () => {
  for (const ad of worlds[0]?.ads ?? []) {
    if (ad.cues.includes('youth-emphasis')) assert.ok(ad.fields.age <= 19 && ad.fields.age >= 18, `${ad.id}: age ${ad.fields.age}`);
    else assert.ok(ad.fields.age >= 20 && ad.fields.age <= 45, `${ad.id}: age ${ad.fields.age}`);
  }
});

test('asks a price far below the market in ads that word their price as a bargain', () => {
  const hourly = (ad: DemoAd) => ad.fields.prices.map((p) => p.amount / PRICE_ROWS.find((r) => r.label.nl === p.label || r.label.en === p.label)!.ofHourly);
  for (const ad of worlds[0]?.ads ?? []) {
    const rates = hourly(ad);
    if (ad.cues.includes('low-price')) assert.ok(rates.every((r) => r <= 70), `${ad.id}: hourly ${rates.join(', ')}`);
    else assert.ok(rates.every((r) => r >= 90), `${ad.id}: hourly ${rates.join(', ')}`);
  }
});

test('writes texts of three to twelve sentences and one Dutch mobile number per ad', () => {
  for (const ad of worlds[0]?.ads ?? []) {
    const sentences = ad.fields.text.split(/(?<=[.!?])\s+/).length;
    assert.ok(sentences >= 3 && sentences <= 12, `${ad.id}: ${sentences} sentences`);
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

test('adds one hostile classic ad of each kind only when asked', () => {
  assert.deepEqual(worlds[0]?.ads.filter((a) => a.hostile).map((a) => a.hostile).sort(), [...HOSTILE_KINDS].sort());
  assert.ok(worlds[0]?.ads.filter((a) => a.hostile).every((a) => a.platform === 'classic' && a.cues.length === 0));
  assert.equal(generateWorld().ads.filter((a) => a.hostile).length, 0);
});

test('generates the same ordinary ads with and without hostile ones', () => {
  const calm = generateWorld({ day: 1 });
  assert.deepEqual(worlds[1]?.ads.filter((a) => !a.hostile), calm.ads);
});

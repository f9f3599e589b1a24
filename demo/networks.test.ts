import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateWorld } from './generate.ts';
import type { DemoAd, World } from './world.ts';

const day0 = generateWorld({ day: 0 });
const day1 = generateWorld({ day: 1 });
const adsOf = (world: World, kind: string) => world.networks.filter((n) => n.kind === kind)
  .map((n) => ({ id: n.id, ads: n.ads.map((id) => world.ads.find((a) => a.id === id) as DemoAd) }));
const distinct = <T>(values: T[]) => new Set(values).size;

test('has the planned number of networks of each kind', () => {
  const count = (kind: string) => day0.networks.filter((n) => n.kind === kind).length;
  assert.deepEqual([count('phone'), count('image'), count('template'), count('movement')], [8, 10, 5, 4]);
});

test('shares each network phone number among 3–5 ads under at least two aliases', () => {
  for (const { id, ads } of adsOf(day0, 'phone')) {
    assert.ok(ads.length >= 3 && ads.length <= 5, `${id}: ${ads.length} ads`);
    assert.equal(distinct(ads.map((a) => a.fields.phones[0])), 1, `${id}: phones differ`);
    assert.ok(distinct(ads.map((a) => a.fields.alias)) >= 2, `${id}: one alias only`);
  }
  const phoneOwners = new Map<string, number>();
  for (const ad of day0.ads) for (const p of ad.fields.phones) phoneOwners.set(p, (phoneOwners.get(p) ?? 0) + 1);
  const shared = [...phoneOwners.values()].filter((n) => n > 1).length;
  assert.equal(shared, 8, 'only phone networks share numbers');
});

test('reuses each network picture in 2–3 ads as other files of the same drawing', () => {
  for (const { id, ads } of adsOf(day0, 'image')) {
    assert.ok(ads.length >= 2 && ads.length <= 3, `${id}: ${ads.length} ads`);
    assert.equal(distinct(ads.map((a) => a.fields.alias)), ads.length, `${id}: aliases repeat`);
    const firsts = ads.map((a) => a.fields.images[0] as string);
    assert.equal(distinct(firsts), ads.length, `${id}: the same image id is reused`);
    const specs = firsts.map((img) => day0.images[img]);
    assert.equal(distinct(specs.map((s) => s?.picture)), 1, `${id}: different pictures`);
    assert.equal(distinct(specs.map((s) => `${s?.width}x${s?.height}q${s?.quality}`)), ads.length, `${id}: identical encodings`);
  }
});

test('uses each template text in 3–4 ads with only names and cities swapped', () => {
  for (const { id, ads } of adsOf(day0, 'template')) {
    assert.ok(ads.length >= 3 && ads.length <= 4, `${id}: ${ads.length} ads`);
    // Ages are masked as any plausible age: "net 18" is template text, not the advertiser's age.
    const masked = ads.map((a) => a.fields.text.replaceAll(a.fields.alias, '{alias}').replaceAll(a.fields.city, '{city}')
      .replace(/\b(1[89]|[2-4]\d)\b(?!:)/g, '{age}'));
    assert.equal(distinct(masked), 1, `${id}: texts differ beyond names and cities:\n${masked.join('\n')}`);
    assert.equal(distinct(ads.map((a) => a.fields.text)), ads.length, `${id}: identical texts`);
    assert.equal(distinct(ads.map((a) => a.lang)), 1);
  }
});

test('moves each travelling person to another city from day 0 to day 1, with the same alias, phone and pictures', () => {
  for (const { id, ads } of adsOf(day0, 'movement')) {
    for (const before of ads) {
      const after = day1.ads.find((a) => a.id === before.id) as DemoAd;
      assert.ok(after, `${id}: ${before.id} gone on day 1`);
      assert.notEqual(after.fields.city, before.fields.city, `${id}: stayed in ${before.fields.city}`);
      assert.deepEqual([after.fields.alias, after.fields.phones, after.fields.images], [before.fields.alias, before.fields.phones, before.fields.images]);
      assert.equal(after.version, before.version + 1);
    }
  }
});

test('draws network members mostly from the planted ads', () => {
  const members = day0.ads.filter((a) => a.networks.length > 0);
  const planted = members.filter((a) => a.cues.length > 0).length / members.length;
  assert.ok(planted >= 0.7 && planted < 1, `expected most (not all) network ads planted, got ${(planted * 100).toFixed(0)}%`);
});

test('keeps every network whole on every day', () => {
  for (const day of [0, 1, 2, 5]) {
    const world = generateWorld({ day });
    assert.equal(world.networks.reduce((n, net) => n + net.ads.length, 0), day0.networks.reduce((n, net) => n + net.ads.length, 0));
  }
});

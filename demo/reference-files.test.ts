import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateWorld } from './generate.ts';
import { DEMO_PLACES } from './places.ts';
import { BAD_ROWS, HEADERS, REFERENCE_DIR, referenceFiles } from './reference-files.ts';
import { SEX_WORK_SBI } from './references.ts';

const files = referenceFiles();
const rows = (name: string): string[][] => (files[name] as string).trimEnd().split('\r\n').slice(1).map(splitCsvLine);
const days = [0, 1, 2, 3].map((day) => generateWorld({ day }));
const ads = days.flatMap((w) => w.ads);

/** Enough CSV for these files: a quoted cell holds commas, no line breaks; "" is a quote. */
function splitCsvLine(line: string): string[] {
  return [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/gu)].map((m) => m[1]?.replaceAll('""', '"') ?? m[2] ?? '');
}

test('the committed reference files are what demo/reference-files.ts makes', () => {
  for (const [name, text] of Object.entries(files)) {
    assert.equal(readFileSync(join(REFERENCE_DIR, name), 'utf8'), text, `${name}: regenerate with ./node_modules/.bin/node demo/reference-files.ts`);
  }
});

test('the files have the Dutch headers a municipality exports', () => {
  const header = (name: string): string => (files[name] as string).split('\r\n')[0] as string;
  assert.equal(header('vergunningen.csv'), HEADERS.licences.join(','));
  assert.equal(header('vergunningen-met-fouten.csv'), HEADERS.licences.join(','));
  assert.equal(header('kvk.csv'), 'KvK-nummer,Handelsnaam,Adres,Postcode,Plaats,Gemeente,SBI,Telefoon');
  assert.equal(header('meldingen.csv'), 'Datum,Gemeente,Categorie,Omschrijving');
});

test('every licence status, municipality status and kind of KvK entry is planted at least three times on day 0', () => {
  const day0 = days[0]!.ads;
  const count = (pick: (a: typeof day0[number]) => boolean): number => day0.filter(pick).length;
  for (const status of ['valid', 'expired', 'unknown', 'other-address', 'other-municipality', 'absent']) {
    assert.ok(count((a) => a.licence === status) >= 3, `licence ${status}: ${count((a) => a.licence === status)}`);
  }
  for (const status of ['resolved', 'ambiguous', 'unknown']) {
    assert.ok(count((a) => a.municipality.status === status) >= 3, `municipality ${status}`);
  }
  const sbiOf = new Map(rows('kvk.csv').map((r) => [r[0], r[6]]));
  assert.ok(count((a) => a.kvk.some((k) => sbiOf.get(k) === SEX_WORK_SBI)) >= 3, 'KvK entries with SBI 9609');
  assert.ok(count((a) => a.kvk.some((k) => sbiOf.get(k) !== SEX_WORK_SBI)) >= 3, 'KvK entries with another SBI');
  assert.ok(count((a) => a.reports > 0) >= 3, 'crime reports naming a phone');
  assert.ok(count((a) => /^\d{4} [A-Z]{2} /u.test(a.fields.city)) >= 3, 'city fields with a postcode');
});

test('the truth of each ad follows from the files: its licence row, KvK rows and reports', () => {
  const licences = new Map(rows('vergunningen.csv').map((r) => [r[0], r]));
  const kvkByPhone = new Map<string, string[]>();
  for (const r of rows('kvk.csv')) for (const phone of (r[7] as string).split(';').filter(Boolean)) kvkByPhone.set(phone, [...kvkByPhone.get(phone) ?? [], r[0] as string]);
  const reportTexts = rows('meldingen.csv').map((r) => r[3] as string);
  for (const ad of ads) {
    const phone = `06-${ad.fields.phones[0]!.slice(4)}`;
    assert.deepEqual([...ad.kvk].sort(), (kvkByPhone.get(phone) ?? []).sort(), `${ad.id}: KvK`);
    assert.equal(ad.reports, reportTexts.filter((t) => t.includes(phone)).length, `${ad.id}: reports`);
    const row = ad.fields.licence === undefined ? undefined : licences.get(ad.fields.licence);
    const expected = ad.fields.licence === undefined ? 'absent' : row === undefined ? 'unknown' : ad.licence;
    assert.equal(ad.licence, expected, `${ad.id}: licence`);
    if (row && ad.licence === 'valid') {
      assert.equal(row[5], ad.municipality.code, `${ad.id}: a valid licence is registered where the ad is`);
      const shown = /^(\d{4} [A-Z]{2}) /u.exec(ad.fields.city)?.[1];
      if (shown) assert.equal(row[3], shown, `${ad.id}: at the postcode the ad shows`);
    }
    if (row && ad.licence === 'other-municipality') assert.notEqual(row[5], ad.municipality.code, ad.id);
    if (row && ad.licence === 'other-address') {
      assert.equal(row[5], ad.municipality.code, ad.id);
      assert.notEqual(row[3]!.slice(0, 4), ad.fields.city.slice(0, 4), `${ad.id}: another postcode area`);
    }
    if (row && ad.licence === 'expired') assert.ok(/-2025$/u.test(row[7] as string), `${ad.id}: expired in 2025`);
  }
});

test('register, KvK and report rows name the CBS code of their place and a postcode of it', () => {
  const known = new Map(Object.entries(DEMO_PLACES));
  for (const [name, at] of [['vergunningen.csv', 5], ['kvk.csv', 5]] as const) {
    for (const r of rows(name)) {
      const place = known.get(r[4] as string);
      assert.equal(r[at], place?.code, `${name}: ${r.join(',')}`);
      assert.ok(place?.pc4?.includes((r[3] as string).slice(0, 4)), `${name}: postcode ${r[3]} of ${r[4]}`);
    }
  }
  const codes = new Set(Object.values(DEMO_PLACES).map((p) => p.code));
  for (const r of rows('meldingen.csv')) {
    assert.ok(codes.has(r[1] as string), `report in ${r[1]}`);
    assert.match(r[0] as string, /^\d{2}-\d{2}-20\d{2}$/u);
  }
});

test('the file with errors holds good register rows and one row for each fault', () => {
  const good = new Set((files['vergunningen.csv'] as string).split('\r\n'));
  const lines = (files['vergunningen-met-fouten.csv'] as string).trimEnd().split('\r\n').slice(1);
  const bad = lines.filter((line) => !good.has(line));
  assert.equal(bad.length, BAD_ROWS.length);
  assert.ok(lines.length > bad.length * 2, 'more good rows than bad');
  const [missing, impossible, unknownCode, reversed] = bad.map(splitCsvLine);
  assert.equal(missing![0], '');
  assert.equal(impossible![6], '31-02-2026');
  assert.ok(!Object.values(DEMO_PLACES).some((p) => p.code === unknownCode![5]), 'an unknown municipality code');
  const iso = (d: string): string => d.split('-').reverse().join('-');
  assert.ok(iso(reversed![7] as string) < iso(reversed![6] as string), 'valid to before valid from');
});

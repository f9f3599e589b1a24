import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { profileSchema } from '../config/schema.ts';
import type { AdFields, Price } from '../domain/ad.ts';
import { compileProfile } from './compile-profile.ts';
import { assess } from './assess.ts';
import { analysisContext } from './price-context.ts';

const profile = compileProfile(profileSchema.parse({
  id: 'p', theme: 't', threshold: 1,
  indicators: [
    { id: 'young', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'age', below: 20 },
    { id: 'old', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'age', above: 60 },
    { id: 'no-licence', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'licence', missing: true },
    { id: 'languages', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'languages', count: { atLeast: 4 } },
    { id: 'cheap', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'prices', priceBelowMedian: { factor: 0.5 } },
    { id: 'obscured', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'text', obscuredPhone: true },
  ],
}));
const hits = (fields: AdFields, context = analysisContext([])) => assess(profile, { licence: 'P-1', ...fields }, context).hits.map((h) => h.id);
const hour = (amount: number): Price[] => [{ amount, currency: 'EUR', label: '1 uur' }];

describe('field indicators', () => {
  it('compare numbers with a limit', () => {
    assert.deepEqual(hits({ age: 18 }), ['young']);
    assert.deepEqual(hits({ age: 20 }), []);
    assert.deepEqual(hits({ age: 61 }), ['old']);
  });

  it('notice a missing field, an empty one included', () => {
    assert.deepEqual(assess(profile, { licence: '' }).hits.map((h) => h.id), ['no-licence']);
    assert.deepEqual(hits({}), []);
  });

  it('count the entries of a list field', () => {
    assert.deepEqual(hits({ languages: ['nl', 'en', 'de', 'fr'] }), ['languages']);
    assert.deepEqual(hits({ languages: ['nl', 'en', 'de'] }), []);
  });

  it('find an hourly price below a factor of the median in the same city, per hour whatever the duration', () => {
    const market: AdFields[] = [120, 140, 150, 160, 180].map((p) => ({ city: 'Utrecht', prices: hour(p) }));
    const context = analysisContext([...market, { city: 'Utrecht', prices: [{ amount: 35, currency: 'EUR', label: '30 min' }] }]);
    const [hit] = assess(profile, { licence: 'x', city: 'Utrecht', prices: [{ amount: 35, currency: 'EUR', label: '30 min' }] }, context).hits;
    assert.deepEqual(hit, { id: 'cheap', weight: 1, evidence: [{ kind: 'field', field: 'prices', value: '70 per hour; median 145 per hour in Utrecht' }] });
    assert.deepEqual(hits({ city: 'Utrecht', prices: hour(100) }, context), []);
  });

  it('fall back on the median over all cities where a city has too few ads, and judge no price without a context', () => {
    const context = analysisContext([100, 120, 140, 160, 180].map((p, i) => ({ city: `Stad ${i}`, prices: hour(p) })));
    assert.deepEqual(hits({ city: 'Stad 0', prices: hour(60) }, context), ['cheap']);
    assert.deepEqual(assess(profile, { licence: 'x', city: 'Stad 0', prices: hour(10) }).hits, []);
  });

  it('find a phone number spelled out in words, and one broken up by letters, dots or symbols', () => {
    for (const text of [
      'Bel nul zes één twee drie vier vijf zes zeven acht',
      'Call zero six 12 three four 56 seven eight',
      'App O6.12.34.56.78 voor een afspraak',
      'Bel 06x12x34x56x78',
      'Bel 06 l234 5678 (vraag naar Lena)',
      'Bel zes twaalf vierendertig zesenvijftig achtenzeventig',
      'Call o six, one two, three four, five six, seven eight',
      'Bel 0 6 - 1 2 - 3 4 - 5 6 - 7 8',
      'Bel 06 • 12 • 34 • 56 • 78',
    ]) assert.deepEqual(hits({ text }), ['obscured'], text);
  });

  it('leave an ordinary phone number, times and prices alone', () => {
    for (const text of [
      'Bel 06-12345678 of +31 6 1234 5678 of 06 12 34 56 78.',
      'Bereikbaar tussen 12:00 en 20:00, of 10.00 - 18.00.',
      'Prijzen: 100. 150. 200 euro.',
      'Ik ben een solo 0612345678 dame.',
      'Een twee drie, ik kom eraan.',
      'Open zeven dagen, twaalf uur per dag, vanaf 20 euro.',
      'Open seven days, twelve hours a day, 100 150 200 250 euro.',
    ]) assert.deepEqual(hits({ text }), [], text);
  });

  it('point at the obscured number in the text', () => {
    const text = 'Hoi! App O6.12.34.56.78 vandaag.';
    const [hit] = assess(profile, { licence: 'x', text }).hits;
    assert.deepEqual(hit?.evidence, [{ kind: 'span', field: 'text', start: 9, end: 23, text: 'O6.12.34.56.78' }]);
  });
});

describe('field indicators at their limits', () => {
  const limits = compileProfile(profileSchema.parse({
    id: 'p', theme: 't', threshold: 1,
    indicators: [
      { id: 'young', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'age', below: 20 },
      { id: 'old', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'age', above: 60 },
      { id: 'no-languages', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'languages', missing: true },
      { id: 'one-phone', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'phones', count: { atMost: 1 } },
      { id: 'cheap', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'prices', priceBelowMedian: { factor: 0.5 } },
      { id: 'obscured', label: 'a', description: 'd', kind: 'field', weight: 1, field: 'title', obscuredPhone: true },
    ],
  }));
  /** Every hit as `id: evidence`, with the languages and phones filled in unless the test sets them. */
  const evidence = (fields: AdFields, context?: ReturnType<typeof analysisContext>) =>
    assess(limits, { languages: ['nl'], phones: ['+31612345678', '+31687654321'], ...fields }, context).hits
      .map((h) => `${h.id}: ${JSON.stringify(h.evidence)}`);
  const field = (id: string, name: string, value: unknown) => `${id}: ${JSON.stringify([{ kind: 'field', field: name, value }])}`;

  it('take a number just under the lower limit, and not the limit itself', () => {
    assert.deepEqual(evidence({ age: 19 }), [field('young', 'age', 19)]);
    assert.deepEqual(evidence({ age: 20 }), []);
  });

  it('take a number just over the upper limit, and not the limit itself', () => {
    assert.deepEqual(evidence({ age: 61 }), [field('old', 'age', 61)]);
    assert.deepEqual(evidence({ age: 60 }), []);
  });

  it('read an empty age field from the first age the title or text states, shown as that span', () => {
    assert.deepEqual(evidence({ title: 'Lena, net 19 geworden', text: 'Ik ben 24 jaar' }),
      [`young: ${JSON.stringify([{ kind: 'span', field: 'title', start: 10, end: 21, text: '19 geworden' }])}`]);
    assert.deepEqual(evidence({ text: 'Ik ben 64 jaar' }),
      [`old: ${JSON.stringify([{ kind: 'span', field: 'text', start: 7, end: 14, text: '64 jaar' }])}`]);
  });

  it('judge the age field itself when it is filled, whatever the text says', () => {
    assert.deepEqual(evidence({ age: 25, title: 'Net 19 geworden' }), []);
    assert.deepEqual(evidence({ title: 'Lena' }), []);
  });

  it('count an empty list as a missing field', () => {
    assert.deepEqual(evidence({ languages: [] }), [field('no-languages', 'languages', null)]);
    assert.deepEqual(evidence({ languages: ['nl'] }), []);
  });

  it('count the entries of a list up to the upper limit, an absent list as none', () => {
    assert.deepEqual(evidence({ phones: ['+31612345678'] }), [field('one-phone', 'phones', 1)]);
    assert.deepEqual(evidence({ phones: undefined }), [field('one-phone', 'phones', 0)]);
    assert.deepEqual(evidence({ phones: ['+31612345678', '+31687654321'] }), []);
  });

  it('take an hourly price just under the factor of the median, and not the price at it', () => {
    const context = analysisContext([100, 120, 145, 160, 180].map((p) => ({ city: 'Utrecht', prices: hour(p) })));
    assert.deepEqual(evidence({ city: 'Utrecht', prices: hour(72.5) }, context), []);
    assert.deepEqual(evidence({ city: 'Utrecht', prices: [{ amount: 54, currency: 'EUR', label: '45 min' }] }, context),
      [field('cheap', 'prices', '72 per hour; median 145 per hour in Utrecht')]);
  });

  it('judge no price where the ad gives none, even with a median to compare with', () => {
    const context = analysisContext([100, 120, 145, 160, 180].map((p) => ({ city: 'Utrecht', prices: hour(p) })));
    assert.deepEqual(evidence({ city: 'Utrecht' }, context), []);
    assert.deepEqual(evidence({ city: 'Utrecht', prices: [{ amount: 20, currency: 'EUR', label: 'per keer' }] }, context), []);
  });

  it('show the hourly price rounded to the cent', () => {
    const context = analysisContext([100, 120, 145, 160, 180].map((p) => ({ city: 'Utrecht', prices: hour(p) })));
    assert.deepEqual(evidence({ city: 'Utrecht', prices: [{ amount: 50, currency: 'EUR', label: '45 min' }] }, context),
      [field('cheap', 'prices', '66.67 per hour; median 145 per hour in Utrecht')]);
  });

  it('look for an obscured phone number in the field the rule names', () => {
    assert.deepEqual(evidence({ title: 'App O6.12.34.56.78', text: 'Bel 06x12x34x56x78' }),
      [`obscured: ${JSON.stringify([{ kind: 'span', field: 'title', start: 4, end: 18, text: 'O6.12.34.56.78' }])}`]);
  });
});

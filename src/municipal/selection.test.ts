import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config/load.ts';
import { matchAd, type ReferenceSet } from './match.ts';
import { resolvePlace } from './places.ts';
import { selectAds, type SelectionAd } from './selection.ts';

const CRITERIA = loadConfig(new URL('../../config', import.meta.url).pathname).profiles.get('toezicht')!.selection!;
const REFS: ReferenceSet = {
  licences: [{ licence: 'P-2026-00012', businessName: 'Club Rood', address: 'Kerkstraat 1', postcode: '2011 AB', municipality: '0392', validFrom: '2026-01-01', validTo: null }],
  kvk: [
    { kvk: '11111111', tradeName: 'Hotel Zonnehof', address: 'Dijk 1', postcode: null, municipality: '0392', sbi: '5510', phones: ['+31611111111'] },
    { kvk: '22222222', tradeName: 'Escort Service Roos', address: 'Laan 2', postcode: null, municipality: '0392', sbi: '96099', phones: ['+31622222222'] },
  ],
  reports: [{ date: '2026-11-02', municipality: '0392', category: 'mensenhandel', text: 'Nummer 06-33333333 wordt door meerdere vrouwen gebruikt' }],
};
const NOW = '2026-11-30T12:00:00.000Z';
const OLD = '2026-10-01T10:00:00.000Z';

function ad(id: string, fields: { city?: string; licence?: string; phones?: string[]; title?: string }, firstSeen = OLD): SelectionAd {
  const place = resolvePlace(fields.city);
  return { id, firstSeen, phones: fields.phones ?? [], place, matches: matchAd(fields, place, REFS, NOW.slice(0, 10)) };
}
const picked = (ads: SelectionAd[]) => selectAds(CRITERIA, ads, NOW).map((s) => [s.adId, s.municipality.code, s.criteria.map((c) => c.id)]);

describe('selecting ads for the inspection lists with the toezicht profile', () => {
  it('selects by each criterion and leaves a licensed ad alone', () => {
    const ads = [
      ad('licensed', { city: 'Haarlem', licence: 'P-2026-00012', phones: ['+31644444444'] }),
      ad('unknown-number', { city: 'Haarlem', licence: 'P-2026-55555' }),
      ad('hotel', { city: 'Haarlem', phones: ['+31611111111'] }),
      ad('escort', { city: 'Haarlem', phones: ['+31622222222'] }),
      ad('new', { city: 'Haarlem', licence: 'P-2026-00012' }, '2026-11-27T10:00:00.000Z'),
      ad('reported', { city: 'Haarlem', licence: 'P-2026-00012', phones: ['+31633333333'] }),
      ...['a', 'b', 'c', 'd'].map((x) => ad(`shared-${x}`, { city: 'Amsterdam', phones: ['+31655555555'] })),
      ad('nowhere', { city: 'Bergen', licence: 'P-2026-55555' }),
    ];
    assert.deepEqual(picked(ads), [
      ['unknown-number', '0392', ['licence-unknown']],
      ['hotel', '0392', ['kvk-other-business']],
      ['new', '0392', ['new-this-week']],
      ['reported', '0392', ['crime-report']],
      ...['a', 'b', 'c', 'd'].map((x) => [`shared-${x}`, '0363', ['many-ads-one-phone']]),
    ], 'the escort agency is registered under 9609, an ad in ambiguous Bergen belongs to no list');
  });

  it('says why, in words a supervisor checks', () => {
    const [hotel, shared] = selectAds(CRITERIA, [ad('hotel', { city: 'Haarlem', phones: ['+31611111111'] }),
      ...['a', 'b', 'c', 'd'].map((x) => ad(x, { city: 'Haarlem', phones: ['+31655555555'] }))], NOW);
    assert.equal(hotel!.criteria[0]!.reason, 'No valid licence; Phone +31611111111 is registered with KvK 11111111 (Hotel Zonnehof), SBI 5510');
    assert.equal(shared!.criteria[0]!.reason, 'Its phone number appears in 4 of the theme\'s active ads');
  });

  it('does not count three ads on one phone as many', () => {
    assert.deepEqual(picked(['a', 'b', 'c'].map((x) => ad(x, { city: 'Haarlem', licence: 'P-2026-00012', phones: ['+31655555555'] }))), []);
  });
});

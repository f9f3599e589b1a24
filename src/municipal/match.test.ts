import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchAd, postcodeMunicipalities, type ReferenceSet } from './match.ts';
import { resolvePlace } from './places.ts';
import type { KvkRow, LicenceRow } from './types.ts';

const licence = (over: Partial<LicenceRow>): LicenceRow => ({
  licence: 'P-2026-00012', businessName: 'Club Rood', address: 'Kerkstraat 1', postcode: '2011 AB', municipality: '0392',
  validFrom: '2026-01-01', validTo: null, ...over,
});
const kvk: KvkRow = {
  kvk: '12345678', tradeName: 'Massagesalon Lotus', address: 'Dorpsweg 2', postcode: '2012 CD', municipality: '0392', sbi: '9604', phones: ['+31612345678'],
};
const REFS: ReferenceSet = {
  licences: [licence({}), licence({ licence: 'P-2025-00001', validTo: '2026-03-31' }), licence({ licence: 'P-2027-00002', validFrom: '2027-01-01' }),
    licence({ licence: 'P-2026-00077', municipality: '0363' })],
  kvk: [kvk, { ...kvk, kvk: '87654321', tradeName: 'Spa', phones: [] }],
  reports: [
    { date: '2026-02-03', municipality: '0392', category: 'mensenhandel', text: 'Veel mannen in en uit, bellen naar 06 - 1234 5678.' },
    { date: '2026-02-04', municipality: '0392', category: 'overlast', text: 'Overlast bij Massagesalon Lotus aan de Dorpsweg.' },
    { date: '2026-02-05', municipality: '0363', category: 'mensenhandel', text: 'Zelfde nummer 0612345678 in Amsterdam.' },
  ],
};
const AS_OF = '2026-11-30';
const match = (ad: Parameters<typeof matchAd>[0]) => matchAd(ad, resolvePlace(ad.city), REFS, AS_OF);

describe('matching an ad against the register', () => {
  it('finds a valid licence whatever its case, spaces and dashes, in the same municipality and postcode', () => {
    const m = match({ city: '2011 AB Haarlem', licence: 'p 2026 00012' });
    assert.equal(m.licence.status, 'valid');
    assert.equal(m.licence.row?.licence, 'P-2026-00012');
    assert.equal(m.licence.reason, 'Licence P-2026-00012 is valid on 30-11-2026 in Haarlem (0392)');
  });

  it('calls a licence past its end, or not yet started, expired and says since when', () => {
    assert.deepEqual(pick(match({ city: 'Haarlem', licence: 'P-2025-00001' })), ['expired', 'Licence P-2025-00001 expired on 31-03-2026']);
    assert.deepEqual(pick(match({ city: 'Haarlem', licence: 'P-2027-00002' })), ['expired', 'Licence P-2027-00002 is valid only from 01-01-2027']);
  });

  it('calls a number the register does not hold unknown', () => {
    assert.deepEqual(pick(match({ city: 'Haarlem', licence: 'P-2026-99999' })), ['unknown', 'Licence number P-2026-99999 is not in the licence register']);
  });

  it('tells a licence of another postcode in the same municipality from one of another municipality', () => {
    assert.deepEqual(pick(match({ city: 'Haarlem 2031 XY', licence: 'P-2026-00012' })),
      ['other-address', 'Licence P-2026-00012 is registered at postcode 2011 AB, the ad names postcode 2031']);
    assert.deepEqual(pick(match({ city: 'Haarlem', licence: 'P-2026-00077' })),
      ['other-municipality', 'Licence P-2026-00077 is registered in municipality 0363, the ad is in Haarlem (0392)']);
  });

  it('calls an ad without a number absent, an empty number too', () => {
    assert.deepEqual(pick(match({ city: 'Haarlem' })), ['absent', 'The ad shows no licence number']);
    assert.equal(match({ city: 'Haarlem', licence: ' - ' }).licence.status, 'absent');
  });
});

describe('matching an ad against the KvK extract and the crime reports', () => {
  it('finds the KvK entry by phone and by trade name in the title, never by a name too short to be one', () => {
    const m = match({ city: 'Haarlem', title: 'Ontspanning bij massagesalon LOTUS!', phones: ['+31612345678'] });
    assert.deepEqual(m.kvk.map((k) => [k.row.kvk, k.on, k.reason]), [
      ['12345678', 'phone', 'Phone +31612345678 is registered with KvK 12345678 (Massagesalon Lotus)'],
      ['12345678', 'trade-name', 'Trade name "Massagesalon Lotus" (KvK 12345678) appears in the ad\'s title'],
    ]);
    assert.deepEqual(match({ city: 'Haarlem', title: 'Spa en sauna' }).kvk, []);
  });

  it('finds the reports of the ad\'s own municipality naming its phone in Dutch notation or its trade name', () => {
    const m = match({ city: 'Haarlem', title: 'Massagesalon Lotus', phones: ['+31612345678'] });
    assert.deepEqual(m.reports.map((r) => r.reason), [
      'Report of 03-02-2026 (mensenhandel) names phone +31612345678',
      'Report of 04-02-2026 (overlast) names trade name "Massagesalon Lotus"',
    ]);
    assert.deepEqual(match({ city: 'Onbekenddorp', phones: ['+31612345678'] }).reports, [], 'no municipality, no reports');
    assert.deepEqual(match({ city: 'Haarlem', phones: ['+31699999999'] }).reports, []);
  });
});

function pick(m: ReturnType<typeof matchAd>): [string, string] {
  return [m.licence.status, m.licence.reason];
}

describe('postcodes from the registers', () => {
  it('maps a PC4 to the municipality its addresses lie in, and a PC4 seen in two municipalities to none', () => {
    const map = postcodeMunicipalities({ licences: [licence({}), licence({ postcode: '1012 AB', municipality: '0363' }), licence({ postcode: '1012 XY', municipality: '0392' })], kvk: [kvk] });
    assert.deepEqual([...map].sort(), [['2011', '0392'], ['2012', '0392']]);
    const place = resolvePlace('2012 CD', map);
    assert.deepEqual(place.status === 'resolved' ? [place.municipality.code, place.rule] : place, ['0392', 'postcode-reference']);
  });
});

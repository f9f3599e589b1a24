import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkRows, isoDate, type Table } from './reference-rows.ts';

const LICENCE_MAP = {
  licence: 'Vergunningnummer', businessName: 'Naam inrichting', address: 'Adres', postcode: 'Postcode', municipality: 'Gemeente',
  validFrom: 'Geldig vanaf', validTo: 'Geldig tot',
};
const LICENCE_HEADER = ['Vergunningnummer', 'Naam inrichting', 'Adres', 'Postcode', 'Plaats', 'Gemeente', 'Geldig vanaf', 'Geldig tot'];
const licenceRow = (over: Partial<Record<string, string>> = {}): string[] => {
  const r = { nr: ' hlm-2026-001 ', name: 'Club Rood', address: 'Korte Veerstraat 1', postcode: '2011 ab', place: 'Haarlem', code: '0392', from: '1-2-2026', to: '31-12-2027', ...over };
  return [r.nr, r.name, r.address, r.postcode, r.place, r.code, r.from, r.to];
};
const licences = (...rows: string[][]): Table => ({ header: LICENCE_HEADER, rows });

describe('licence register rows', () => {
  it('maps the columns, trims and upper-cases the number, and writes dates as ISO', () => {
    const result = checkRows('licences', licences(licenceRow(), licenceRow({ nr: 'HLM-2', to: '' })), LICENCE_MAP);
    assert.deepEqual(result, { ok: true, rows: [
      { licence: 'HLM-2026-001', businessName: 'Club Rood', address: 'Korte Veerstraat 1', postcode: '2011 AB', municipality: '0392', validFrom: '2026-02-01', validTo: '2027-12-31' },
      { licence: 'HLM-2', businessName: 'Club Rood', address: 'Korte Veerstraat 1', postcode: '2011 AB', municipality: '0392', validFrom: '2026-02-01', validTo: null },
    ] });
  });

  it('reports every bad row with its row number in the file (the header is row 1) and keeps none', () => {
    const result = checkRows('licences', licences(
      licenceRow(),
      licenceRow({ nr: '' }),
      licenceRow({ nr: 'B', from: '31-02-2026' }),
      licenceRow({ nr: 'C', code: '9999' }),
      licenceRow({ nr: 'D', from: '01-06-2026', to: '01-05-2026' }),
      licenceRow({ nr: 'hlm-2026-001' }),
      licenceRow({ nr: 'E', postcode: 'Haarlem' }),
    ), LICENCE_MAP);
    assert.deepEqual(result, { ok: false, errors: [
      { row: 3, field: 'licence', reason: 'licence is empty' },
      { row: 4, field: 'validFrom', reason: '"31-02-2026" is no date (expected dd-mm-jjjj or jjjj-mm-dd, a day that exists)' },
      { row: 5, field: 'municipality', reason: '"9999" is no known CBS municipality code' },
      { row: 6, field: 'validTo', reason: 'valid to 2026-05-01 is before valid from 2026-06-01' },
      { row: 7, field: 'licence', reason: 'licence number HLM-2026-001 is already in row 2' },
      { row: 8, field: 'postcode', reason: '"Haarlem" is no Dutch postcode (expected 1234 AB)' },
    ] });
  });

  it('skips blank rows but keeps counting them, as the spreadsheet does', () => {
    const result = checkRows('licences', licences(licenceRow(), ['', '', '', '', '', '', '', ''], licenceRow({ nr: '' })), LICENCE_MAP);
    assert.deepEqual(result, { ok: false, errors: [{ row: 4, field: 'licence', reason: 'licence is empty' }] });
  });

  it('names a mapped header the file lacks, once, before looking at any row', () => {
    const result = checkRows('licences', { header: LICENCE_HEADER.filter((h) => h !== 'Geldig vanaf'), rows: [licenceRow({ nr: '' })] }, LICENCE_MAP);
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.errors.map((e) => [e.row, e.field]), [[1, 'validFrom']]);
    assert.match(!result.ok ? result.errors[0]!.reason : '', /^no column "Geldig vanaf" for validFrom; the header has "Vergunningnummer", /);
  });

  it('refuses a mapping of a field the kind does not have', () => {
    const result = checkRows('licences', licences(licenceRow()), { ...LICENCE_MAP, colour: 'Kleur' });
    assert.deepEqual(result, { ok: false, errors: [{ row: 1, field: 'colour', reason: 'licences have no field "colour"; the fields are licence, businessName, address, municipality, validFrom, postcode, validTo' }] });
  });

  it('finds unmapped fields under their own names, matching headers regardless of case, and leaves unmapped optional fields empty', () => {
    const table = { header: ['Licence', 'businessname', 'ADDRESS', 'municipality', 'validFrom'], rows: [['x1', 'Club', 'Straat 1', 'GM0392', '2026-01-01']] };
    assert.deepEqual(checkRows('licences', table), { ok: true, rows: [
      { licence: 'X1', businessName: 'Club', address: 'Straat 1', postcode: null, municipality: '0392', validFrom: '2026-01-01', validTo: null },
    ] });
  });
});

describe('KvK extract rows', () => {
  const header = ['KvK-nummer', 'Handelsnaam', 'Adres', 'Postcode', 'Gemeente', 'SBI', 'Telefoon'];
  const map = { kvk: 'KvK-nummer', tradeName: 'Handelsnaam', address: 'Adres', postcode: 'Postcode', municipality: 'Gemeente', sbi: 'SBI', phones: 'Telefoon' };

  it('writes phones as E.164, several in one cell, and pads a KvK number and a CBS code a spreadsheet shortened', () => {
    const result = checkRows('kvk', { header, rows: [['1234567', 'Massage Zen', 'Grote Markt 2', '2011RD', '392', '96.09', '06-12345678; +31 23 123 4567']] }, map);
    assert.deepEqual(result, { ok: true, rows: [{
      kvk: '01234567', tradeName: 'Massage Zen', address: 'Grote Markt 2', postcode: '2011 RD', municipality: '0392', sbi: '9609',
      phones: ['+31612345678', '+31231234567'],
    }] });
  });

  it('reports a bad phone, KvK number and SBI code in the same row', () => {
    const result = checkRows('kvk', { header, rows: [['12-AB', 'Zen', 'Markt 2', '', '0392', 'massage', '06-1234; ']] }, map);
    assert.deepEqual(result, { ok: false, errors: [
      { row: 2, field: 'kvk', reason: '"12-AB" is no KvK number (eight digits)' },
      { row: 2, field: 'sbi', reason: '"massage" is no SBI code (two to five digits)' },
      { row: 2, field: 'phones', reason: '"06-1234" is no valid phone number' },
    ] });
  });
});

describe('crime-report extract rows', () => {
  const map = { date: 'Datum', municipality: 'Gemeente', category: 'Categorie', text: 'Omschrijving' };
  const header = ['Datum', 'Gemeente', 'Categorie', 'Omschrijving'];

  it('keeps date, municipality, category and the free text', () => {
    assert.deepEqual(checkRows('reports', { header, rows: [['3-11-2026', '0363', 'Mensenhandel', 'Veel wisselende bezoekers']] }, map), { ok: true, rows: [
      { date: '2026-11-03', municipality: '0363', category: 'Mensenhandel', text: 'Veel wisselende bezoekers' },
    ] });
  });

  it('refuses an empty text and an unknown municipality', () => {
    assert.deepEqual(checkRows('reports', { header, rows: [['2026-11-03', 'Haarlem', 'Overlast', '']] }, map), { ok: false, errors: [
      { row: 2, field: 'municipality', reason: '"Haarlem" is no known CBS municipality code' },
      { row: 2, field: 'text', reason: 'text is empty' },
    ] });
  });
});

describe('isoDate', () => {
  it('reads Dutch and ISO notations of real days only', () => {
    assert.deepEqual(['01-02-2026', '1-2-2026', '1/2/2026', '2026-02-01', '29-02-2028', '29-02-2026', '2026-13-01', '00-01-2026', '2026-2-1', 'morgen']
      .map(isoDate), ['2026-02-01', '2026-02-01', '2026-02-01', '2026-02-01', '2028-02-29', null, null, null, null, null]);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BakenError } from '../domain/errors.ts';
import { readTable, TABLE_LIMITS } from './read-table.ts';
import { makeXlsx } from './xlsx.fixtures.ts';

const csv = (text: string) => new TextEncoder().encode(text);
const refused = (pattern: RegExp) => (err: unknown) => err instanceof BakenError && err.code === 'INPUT_INVALID' && pattern.test(err.message);

describe('reading a CSV file', () => {
  it('reads RFC 4180: quoted separators, doubled quotes, line breaks in quotes, CRLF and a last line without one', async () => {
    assert.deepEqual(await readTable(csv('Naam,Adres\r\n"Club ""Rood""","Straat 1, Haarlem"\r\n"twee\nregels",x')), {
      header: ['Naam', 'Adres'], rows: [['Club "Rood"', 'Straat 1, Haarlem'], ['twee\nregels', 'x']],
    });
  });

  it('takes ";" as the separator when the header has more of them, as a Dutch Excel writes, and drops the BOM', async () => {
    assert.deepEqual(await readTable(csv('\uFEFFNaam;Adres, nr;Plaats\n"A;B";Straat 1, 2011;Haarlem\n')), {
      header: ['Naam', 'Adres, nr', 'Plaats'], rows: [['A;B', 'Straat 1, 2011', 'Haarlem']],
    });
  });

  it('refuses a file that is not UTF-8, with the way to save it', async () => {
    await assert.rejects(readTable(Uint8Array.from([0x4e, 0x61, 0x61, 0x6d, 0x0a, 0xe9, 0x74, 0xe9])), refused(/not UTF-8 text; save it as "CSV UTF-8"/));
  });

  it('refuses a quote left open and an empty header', async () => {
    await assert.rejects(readTable(csv('a,b\n"x,y\n')), refused(/not valid CSV: Quote Not Closed.* at line 2/));
    await assert.rejects(readTable(csv(',\n1,2\n')), refused(/first row must hold the column names/));
  });

  it('refuses a file over the size limit and one with too many rows, naming the limit', async () => {
    await assert.rejects(readTable(new Uint8Array(TABLE_LIMITS.bytes + 1)), refused(/^the file is 20 MB; at most 20 MB/));
    await assert.rejects(readTable(csv(`a\n${'1\n'.repeat(TABLE_LIMITS.rows + 1)}`)), refused(/more than 200000 rows/));
  });
});

describe('reading an Excel workbook', () => {
  it('reads the first sheet: shared strings, numbers as shown, date cells as YYYY-MM-DD, gaps as empty cells', async () => {
    const bytes = await makeXlsx([['Vergunningnummer', 'Gemeente', 'Geldig vanaf', 'Naam'], ['hlm-1', 392, { date: '2026-02-01' }, 'A & B'], [], ['hlm-2', '', '', 'C']]);
    assert.deepEqual(await readTable(bytes), {
      header: ['Vergunningnummer', 'Gemeente', 'Geldig vanaf', 'Naam'],
      rows: [['hlm-1', '392', '2026-02-01', 'A & B'], [], ['hlm-2', '', '', 'C']],
    });
  });

  it('refuses a ZIP that is no workbook', async () => {
    await assert.rejects(readTable(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not a workbook')])), refused(/no Excel workbook \(\.xlsx\) that can be read/));
  });
});

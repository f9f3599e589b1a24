import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, toCsv } from './csv.ts';

describe('csv', () => {
  it('writes plain cells as they are and empty cells for null', () => {
    assert.equal(toCsv(['a', 'b', 'c'], [['x', 3, null]]), 'a,b,c\r\nx,3,\r\n');
  });

  it('quotes cells holding a comma, a quote or a line break, doubling the quotes (RFC 4180)', () => {
    assert.equal(csvCell('Den Haag, centrum'), '"Den Haag, centrum"');
    assert.equal(csvCell('zei "ja"'), '"zei ""ja"""');
    assert.equal(csvCell('regel 1\nregel 2'), '"regel 1\nregel 2"');
    assert.equal(csvCell(' spatie '), '" spatie "');
  });

  it('prefixes every cell a spreadsheet would read as a formula with a quote', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const cell = csvCell(`${start}HYPERLINK("http://evil.example")`);
      assert.ok(cell.startsWith(`"'${start}`) || cell.startsWith(`'${start}`), `${JSON.stringify(start)} gave ${cell}`);
    }
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  });

  it('leaves numbers as numbers, also negative ones', () => {
    assert.equal(csvCell(-2), '-2');
    assert.equal(csvCell(1.5), '1.5');
  });

  it('reads back to the same cells', () => {
    const cells = ['a,b', 'say "hi"', 'two\r\nlines', 'plain'];
    const line = toCsv(['h1', 'h2', 'h3', 'h4'], [cells]).split('\r\n').slice(1, -1).join('\r\n');
    assert.deepEqual(parseLine(line), cells);
  });
});

/** A small RFC 4180 reader for one record, enough to check the writer. */
function parseLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const end = line.indexOf('"', i);
        value += line.slice(i, end);
        if (line[end + 1] === '"') { value += '"'; i = end + 2; } else { i = end + 2; break; }
      }
      cells.push(value);
    } else {
      const end = line.indexOf(',', i) === -1 ? line.length : line.indexOf(',', i);
      cells.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return cells;
}

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asE164, numberAt, phoneReadings } from './number-words.ts';
import { tokenise } from './tokenise.ts';

const read = (text: string) => phoneReadings(tokenise(text), text).map((r) => ({ e164: r.e164, as: text.slice(r.start, r.end), obscured: r.obscured }));
const value = (text: string) => numberAt(tokenise(text), 0, text)?.value;

describe('number words', () => {
  it('reads Dutch units, teens, tens and unit-en-tens compounds, with and without diacritics', () => {
    assert.deepEqual(['nul', 'één', 'twaalf', 'negentien', 'veertig', 'vierendertig', 'tweeëntwintig', 'achtennegentig'].map(value),
      [0, 1, 12, 19, 40, 34, 22, 98]);
  });

  it('reads English units, teens and tens, "twenty one" and "twenty-one" as one number', () => {
    assert.deepEqual(['zero', 'eleven', 'eighteen', 'forty', 'twenty one', 'twenty-one', 'ninety nine'].map(value), [0, 11, 18, 40, 21, 21, 99]);
  });

  it('does not read ordinary words, nor join a tens word to a unit across a comma', () => {
    assert.deepEqual(['neen', 'tiener', 'sixty, one'].map(value), [undefined, undefined, 60]);
  });
});

describe('phone numbers in the text', () => {
  it('reads a Dutch number spelled in words, in pairs or tens, with the words as written as its span', () => {
    assert.deepEqual(read('Bel zes twaalf vierendertig zesenvijftig achtenzeventig!'),
      [{ e164: '+31612345678', as: 'zes twaalf vierendertig zesenvijftig achtenzeventig', obscured: true }]);
    assert.deepEqual(read('bel nul zes - één twee - drie vier - vijf zes - zeven acht'),
      [{ e164: '+31612345678', as: 'nul zes - één twee - drie vier - vijf zes - zeven acht', obscured: true }]);
    assert.deepEqual(read('app: o-zes-een-twee-drie-vier-vijf-zes-zeven-acht.')[0]?.e164, '+31612345678');
  });

  it('reads an English number with the letter O, "oh" or "zero", in pairs or tens', () => {
    assert.deepEqual(read('Call o six, one two, three four, five six, seven eight')[0]?.e164, '+31612345678');
    assert.deepEqual(read('text oh six twelve thirty four fifty six seventy eight')[0]?.e164, '+31612345678');
    assert.deepEqual(read('Tel: zero six – twenty one – eighty seven – forty four – ten')[0]?.e164, '+31621874410');
  });

  it('reads words mixed with digits, digit by digit, and with symbols between', () => {
    assert.deepEqual(read('nul zes 12 34 56 78'), [{ e164: '+31612345678', as: 'nul zes 12 34 56 78', obscured: true }]);
    assert.deepEqual(read('Bel 0 6 - 1 2 - 3 4 - 5 6 - 7 8'), [{ e164: '+31612345678', as: '0 6 - 1 2 - 3 4 - 5 6 - 7 8', obscured: true }]);
    assert.deepEqual(read('06 • 12 • 34 • 56 • 78')[0]?.obscured, true);
    assert.deepEqual(read('bel zes een twee drie vier vijf zes zeven acht')[0]?.e164, '+31612345678', 'a mobile without its 0');
  });

  it('reads an ordinary number as a phone, but not as obscured', () => {
    assert.deepEqual(read('Bel 06-12345678 of +31 6 1234 5678 of 06 12 34 56 78.').map((r) => [r.e164, r.obscured]),
      [['+31612345678', false], ['+31612345678', false], ['+31612345678', false]]);
  });

  it('does not read prices, times, dates, ages or counting as a phone number', () => {
    for (const text of ['Prijzen: 100, 150, 200, 250 euro.', 'Open 10.00 - 18.00, za 12:00 - 20:00', 'een twee drie, ik kom eraan',
      'I am twenty one, five foot six, open seven days', 'Op 12-06-2026 om 14.30', 'zes twaalf uur per dag'])
      assert.deepEqual(read(text), [], text);
  });

  it('keeps only Dutch number shapes as E.164', () => {
    assert.deepEqual(['0612345678', '31612345678', '0031612345678', '612345678', '12345678', '061234567890'].map(asE164),
      ['+31612345678', '+31612345678', '+31612345678', '+31612345678', undefined, undefined]);
  });
});

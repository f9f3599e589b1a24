import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toE164 } from './phone.ts';

describe('toE164', () => {
  it('reads a national number as Dutch, however it is written', () => {
    assert.deepEqual(['06-12345678', '06 12 34 56 78', '0612345678', '020-1234567'].map(toE164),
      ['+31612345678', '+31612345678', '+31612345678', '+31201234567']);
  });

  it('reads international numbers, Dutch or not', () => {
    assert.deepEqual(['+31 6 1234 5678', '0031612345678', '+44 20 7946 0958'].map(toE164), ['+31612345678', '+31612345678', '+442079460958']);
  });

  it('reads the number of a tel: link, whatever the case of the scheme', () => {
    assert.deepEqual(['tel:0612345678', 'TEL:+31612345678', 'Tel:06-12345678'].map(toE164), ['+31612345678', '+31612345678', '+31612345678']);
  });

  it('gives undefined for text that is no valid number', () => {
    assert.deepEqual(['', 'bel mij', 'tel:', '0612', '+3161234567890'].map(toE164), [undefined, undefined, undefined, undefined, undefined]);
  });
});

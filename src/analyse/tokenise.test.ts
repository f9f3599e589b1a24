import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tokenise } from './tokenise.ts';

describe('tokenise', () => {
  it('folds case and accents and keeps the offsets of each word in the original', () => {
    const text = 'Zoë, ÉÉN café!';
    const tokens = tokenise(text);
    assert.deepEqual(tokens.map((t) => t.text), ['zoe', 'een', 'cafe']);
    assert.deepEqual(tokens.map((t) => text.slice(t.start, t.end)), ['Zoë', 'ÉÉN', 'café']);
  });

  it('starts a new clause after punctuation and line breaks, not after spaces or slashes', () => {
    assert.deepEqual(tokenise('a1 b2, c3 24/7\nd4').map((t) => t.clause), [0, 0, 1, 1, 1, 2]);
  });

  it('joins letters spelled out one by one, whatever stands between them', () => {
    for (const spelled of ['b e s c h i k b a a r', 'b.e.s.c.h.i.k.b.a.a.r', 'b💋e💋s💋c💋h💋i💋k💋b💋a💋a💋r']) {
      const [token, ...rest] = tokenise(`${spelled} nu`);
      assert.equal(token?.text, 'beschikbaar', spelled);
      assert.equal(token?.end, spelled.length);
      assert.deepEqual(rest.map((t) => t.text), ['nu']);
    }
  });

  it('leaves two single letters, and digits written one by one, as they are', () => {
    assert.deepEqual(tokenise('ik en u').map((t) => t.text), ['ik', 'en', 'u']);
    assert.deepEqual(tokenise('0 6 1 2').map((t) => t.text), ['0', '6', '1', '2']);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromBase32, matchTotp, newTotpSecret, totpCode, totpCounter, toBase32, totpUri } from './totp.ts';

// RFC 6238 appendix B, SHA-1 rows: the seed is the ASCII "12345678901234567890".
const RFC_SECRET = toBase32(Buffer.from('12345678901234567890'));
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'],
  [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130'],
];

describe('totp', () => {
  it('produces the RFC 6238 test vectors', () => {
    for (const [seconds, code] of RFC_VECTORS) {
      assert.equal(totpCode(RFC_SECRET, Math.floor(seconds / 30), 8), code, `at T=${seconds}`);
    }
  });

  it('accepts the current code and one step of drift either way, and names the counter it matched', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-03-01T10:00:00Z');
    const counter = totpCounter(now);
    for (const drift of [-1, 0, 1]) assert.equal(matchTotp(secret, totpCode(secret, counter + drift), now), counter + drift);
    assert.equal(matchTotp(secret, totpCode(secret, counter + 2), now), null);
    assert.equal(matchTotp(secret, totpCode(secret, counter - 2), now), null);
  });

  it('refuses anything that is not six digits', () => {
    const secret = newTotpSecret();
    for (const code of ['', '12345', '1234567', 'abcdef', ' 123456']) assert.equal(matchTotp(secret, code, new Date()), null);
  });

  it('counts time steps of 30 seconds from the epoch, to the millisecond', () => {
    assert.equal(totpCounter(new Date(0)), 0);
    assert.equal(totpCounter(new Date(29_999)), 0);
    assert.equal(totpCounter(new Date(30_000)), 1);
    assert.equal(totpCounter(new Date(59_999)), 1);
    assert.equal(totpCounter(new Date(1_111_111_111_000)), 37_037_037);
  });

  it('matches the RFC 6238 codes, cut to six digits, at their own time', () => {
    for (const [seconds, code] of RFC_VECTORS) {
      assert.equal(matchTotp(RFC_SECRET, code.slice(2), new Date(seconds * 1000)), Math.floor(seconds / 30), `at T=${seconds}`);
    }
  });

  it('accepts a code from the first millisecond of the step before it to the last of the step after', () => {
    // '050471' is step 37037037, which runs from T=1111111110 to T=1111111139.999.
    const at = (ms: number) => matchTotp(RFC_SECRET, '050471', new Date(ms));
    assert.equal(at(1_111_111_079_999), null);
    assert.equal(at(1_111_111_080_000), 37_037_037);
    assert.equal(at(1_111_111_110_000), 37_037_037);
    assert.equal(at(1_111_111_169_999), 37_037_037);
    assert.equal(at(1_111_111_170_000), null);
  });

  it('makes a secret of 20 random bytes in base32', () => {
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.equal(fromBase32(secret).length, 20);
    assert.notEqual(newTotpSecret(), secret);
  });

  it('writes base32 as RFC 4648 does, without padding', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
    for (const [text, base32] of vectors) assert.equal(toBase32(Buffer.from(text)), base32, text);
    assert.equal(toBase32(Buffer.alloc(5)), 'AAAAAAAA');
  });

  it('reads base32 with or without padding, in either case', () => {
    const vectors: [string, string][] = [['MY======', 'f'], ['MZXQ====', 'fo'], ['MZXW6===', 'foo'], ['MZXW6YQ=', 'foob'], ['MZXW6YTB', 'fooba'], ['MZXW6YTBOI======', 'foobar']];
    for (const [base32, text] of vectors) assert.equal(fromBase32(base32).toString(), text, base32);
    assert.equal(fromBase32('mzxw6ytboi').toString(), 'foobar');
    assert.deepEqual(fromBase32('AAAAAAAA'), Buffer.alloc(5));
  });

  it('refuses a secret with a character outside base32, or padding before its end', () => {
    const notBase32 = { message: 'a TOTP secret is base32 (A–Z, 2–7)' };
    for (const text of ['MZXW1', 'MZXW8YTB', 'MZXW6!', 'MZ=XW6', '=MZXW6']) assert.throws(() => fromBase32(text), notBase32, text);
  });

  it('writes the otpauth URI with the issuer in its label and its parameters', () => {
    assert.equal(totpUri('JBSWY3DPEHPK3PXP', 'anna'),
      'otpauth://totp/Baken%3Aanna?secret=JBSWY3DPEHPK3PXP&issuer=Baken&algorithm=SHA1&digits=6&period=30');
    assert.equal(totpUri('JBSWY3DPEHPK3PXP', 'j.de-vries@gemeente', 'Baken Utrecht'),
      'otpauth://totp/Baken%20Utrecht%3Aj.de-vries%40gemeente?secret=JBSWY3DPEHPK3PXP&issuer=Baken%20Utrecht&algorithm=SHA1&digits=6&period=30');
  });

  it('round-trips base32 and writes an otpauth URI an authenticator app reads', () => {
    const bytes = Buffer.from('any bytes at all');
    assert.deepEqual(fromBase32(toBase32(bytes)), bytes);
    const uri = new URL(totpUri('JBSWY3DPEHPK3PXP', 'anna'));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.searchParams.get('secret'), 'JBSWY3DPEHPK3PXP');
    assert.equal(uri.searchParams.get('period'), '30');
  });
});

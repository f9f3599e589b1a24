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

  it('round-trips base32 and writes an otpauth URI an authenticator app reads', () => {
    const bytes = Buffer.from('any bytes at all');
    assert.deepEqual(fromBase32(toBase32(bytes)), bytes);
    const uri = new URL(totpUri('JBSWY3DPEHPK3PXP', 'anna'));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.searchParams.get('secret'), 'JBSWY3DPEHPK3PXP');
    assert.equal(uri.searchParams.get('period'), '30');
  });
});

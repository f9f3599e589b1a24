import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addressPolicy, isNetwork, literalAddresses } from './private-addresses.ts';

describe('private addresses', () => {
  it('refuses loopback, private, link-local and IPv4-mapped forms of them, and lets public addresses through', () => {
    const policy = addressPolicy([]);
    const refused = ['169.254.169.254', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.1', '127.0.0.1', '0.0.0.0', '100.64.0.1',
      '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe', '::ffff:10.0.0.1'];
    const allowed = ['8.8.8.8', '172.32.0.1', '192.169.0.1', '2a00:1450:4001::1', '::ffff:8.8.8.8'];
    assert.deepEqual(refused.filter((a) => !policy.refuses(a)), [], 'all of these are refused');
    assert.deepEqual(allowed.filter((a) => policy.refuses(a)), [], 'none of these is refused');
  });

  it('lets through only the private networks a theme lists', () => {
    const policy = addressPolicy(['127.0.0.0/8', '::1', '10.20.0.0/16']);
    assert.deepEqual(['127.0.0.1', '::1', '10.20.30.40', '10.21.0.1', '169.254.169.254'].map((a) => policy.refuses(a)), [false, false, false, true, true]);
  });

  it('reads an IP literal or localhost from a host, and nothing from a name', () => {
    assert.deepEqual(literalAddresses('169.254.169.254'), ['169.254.169.254']);
    assert.deepEqual(literalAddresses('[fe80::1]'), ['fe80::1']);
    assert.deepEqual(literalAddresses('LOCALHOST'), ['127.0.0.1', '::1']);
    assert.deepEqual(literalAddresses('app.localhost'), ['127.0.0.1', '::1']);
    assert.equal(literalAddresses('ads.example'), null);
  });

  it('takes an address or a CIDR network, and nothing else', () => {
    assert.deepEqual(['10.0.0.0/8', '::1', 'fd00::/8', '10.0.0.1'].map(isNetwork), [true, true, true, true]);
    assert.deepEqual(['10.0.0.0/33', 'fd00::/129', 'intranet', '10.0.0.0/8/1', '10.0.0.0/x'].map(isNetwork), [false, false, false, false, false]);
  });
});

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

  it('refuses each private range from its first address to its last, and lets through the addresses either side', () => {
    const policy = addressPolicy([]);
    // [last public before, first refused, last refused, first public after] of each range.
    const edges: [string | null, string, string, string | null][] = [
      [null, '0.0.0.0', '0.255.255.255', '1.0.0.0'],
      ['9.255.255.255', '10.0.0.0', '10.255.255.255', '11.0.0.0'],
      ['100.63.255.255', '100.64.0.0', '100.127.255.255', '100.128.0.0'],
      ['126.255.255.255', '127.0.0.0', '127.255.255.255', '128.0.0.0'],
      ['169.253.255.255', '169.254.0.0', '169.254.255.255', '169.255.0.0'],
      ['172.15.255.255', '172.16.0.0', '172.31.255.255', '172.32.0.0'],
      ['191.255.255.255', '192.0.0.0', '192.0.0.255', '192.0.1.0'],
      ['192.167.255.255', '192.168.0.0', '192.168.255.255', '192.169.0.0'],
      ['198.17.255.255', '198.18.0.0', '198.19.255.255', '198.20.0.0'],
      ['223.255.255.255', '224.0.0.0', '239.255.255.255', null],
      [null, '240.0.0.0', '255.255.255.255', null],
      [null, '::', '::', '::2'],
      [null, '::1', '::1', '::2'],
      ['fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fc00::', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fe00::'],
      ['fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fe80::', 'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fec0::'],
      ['feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'ff00::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', null],
    ];
    const wrong = edges.flatMap(([before, first, last, after]) => [
      ...[first, last].filter((a) => !policy.refuses(a)).map((a) => `${a} let through`),
      ...[before, after].filter((a) => a !== null && policy.refuses(a)).map((a) => `${a} refused`),
    ]);
    assert.deepEqual(wrong, []);
  });

  it('judges an IPv4-mapped address as the address it maps, in either case, and only a mapped one', () => {
    const policy = addressPolicy([]);
    assert.deepEqual(['::FFFF:10.0.0.1', '::ffff:192.168.1.1', '1::ffff:10.0.0.1', '::ffff:1.2.3.4'].map((a) => policy.refuses(a)),
      [true, true, false, false]);
  });

  it('lets a listed single IPv4 address through and no neighbour of it, and a listed IPv6 network', () => {
    const policy = addressPolicy(['169.254.169.254', 'fd00::/8']);
    assert.deepEqual(['169.254.169.254', '::ffff:169.254.169.254', '169.254.169.253', '169.254.169.255', 'fd12::1', 'fc00::1', 'fe80::1']
      .map((a) => policy.refuses(a)), [false, false, true, true, false, true, true]);
  });

  it('reads an IPv6 literal in brackets as its address in lower case', () => {
    assert.deepEqual(literalAddresses('[::1]'), ['::1']);
    assert.deepEqual(literalAddresses('[FE80::A]'), ['fe80::a']);
    assert.deepEqual(literalAddresses('notlocalhost'), null);
  });

  it('takes a prefix up to 32 bits for IPv4 and 128 for IPv6, written in one to three digits', () => {
    assert.deepEqual(['10.0.0.1/32', '10.0.0.0/0', '::1/128', 'fd00::/64'].map(isNetwork), [true, true, true, true]);
    assert.deepEqual(['10.0.0.1/032', '10.0.0.0/0008', '10.0.0.0/ 8', '10.0.0.0/', '10.0.0.0/8a', 'fd00::/1280'].map(isNetwork),
      [true, false, false, false, false, false]);
  });
});

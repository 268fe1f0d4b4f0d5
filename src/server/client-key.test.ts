import { describe, expect, it } from 'vitest';
import { clientAddress, clientNetwork } from './client-key.js';

describe('clientNetwork', () => {
  it.each([
    ['203.0.113.9', '203.0.113.0/24'],
    ['203.0.113.250', '203.0.113.0/24'],
    ['::ffff:203.0.113.9', '203.0.113.0/24'],
    ['::FFFF:203.0.113.9', '203.0.113.0/24'],
    ['2001:db8:abcd:12::1', '2001:db8:abcd::/48'],
    ['2001:0db8:abcd:0012:0000:0000:0000:0001', '2001:db8:abcd::/48'],
    ['2001:db8:abcd:ffff:1:2:3:4', '2001:db8:abcd::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['::1', '0:0:0::/48'],
    ['fe80::1%eth0', 'fe80:0:0::/48'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0::/48'],
    // IPv4-mapped in other spellings, and ports some proxies put in X-Forwarded-For.
    ['::ffff:cb00:7109', '203.0.113.0/24'],
    ['0:0:0:0:0:ffff:203.0.113.9', '203.0.113.0/24'],
    ['203.0.113.9:51234', '203.0.113.0/24'],
    ['[2001:db8:abcd:12::1]:443', '2001:db8:abcd::/48'],
    ['[::ffff:203.0.113.9]:80', '203.0.113.0/24'],
    ['not an address', 'unparsed'],
    ['1.2.3.4:5:6', 'unparsed'],
  ])('%s is in %s', (ip, network) => {
    expect(clientNetwork(ip)).toBe(network);
  });

  it('puts addresses of one network together and of two apart', () => {
    expect(clientNetwork('198.51.100.1')).toBe(clientNetwork('198.51.100.77'));
    expect(clientNetwork('198.51.100.1')).not.toBe(clientNetwork('198.51.101.1'));
    expect(clientNetwork('2001:db8:1::5')).toBe(clientNetwork('2001:db8:1:ff::9'));
    expect(clientNetwork('2001:db8:1::5')).not.toBe(clientNetwork('2001:db8:2::5'));
  });
});

describe('clientAddress', () => {
  it.each([
    ['203.0.113.9:51234', '203.0.113.9'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['2001:db8::1:80', '2001:db8::1:80'],
    ['::1', '::1'],
    [' 198.51.100.7 ', '198.51.100.7'],
  ])('%s is %s', (ip, address) => {
    expect(clientAddress(ip)).toBe(address);
  });
});

import { describe, expect, it } from 'vitest';
import { CertFetchError, httpsGet, isPrivateAddress } from './cert-fetch.js';

const guarded = { timeoutMs: 500, maxBytes: 1024, allowPrivateAddresses: false };

describe('isPrivateAddress: the x5u SSRF guard', () => {
  it.each([
    '::127.0.0.1', // IPv4-compatible loopback
    '::a00:1', // IPv4-compatible 10.0.0.1
    '::ffff:0:7f00:1', // SIIT IPv4-translated 127.0.0.1
    '64:ff9b:1::a00:1', // local-use NAT64 prefix, 10.0.0.1 inside
    '2002:7f00:1::1', // 6to4 of 127.0.0.1
    '2002:c0a8:101::1', // 6to4 of 192.168.1.1
    '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
    '100::1', // discard-only
    'fec0::1', // site-local
    '2001:db8::1', // documentation
    '192.0.2.10',
    '198.51.100.7',
    '203.0.113.5',
  ])('refuses %s, which carries or stands for a non-public address', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '::ffff:8.8.8.8', '2606:4700:4700::1111', '2001:4860:4860::8888', '2001:200::1'])(
    'allows the public address %s',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it('refuses an x5u at an IPv4-compatible loopback address before connecting', async () => {
    const err = await httpsGet('https://[::127.0.0.1]:1/sp.pem', guarded, 'x5u').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CertFetchError);
    expect((err as CertFetchError).code).toBe('X5U_PRIVATE_ADDRESS');
  });
});

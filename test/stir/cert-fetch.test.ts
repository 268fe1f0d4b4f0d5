/** The x5u fetcher against a real HTTPS server on 127.0.0.1 (private addresses allowed, as in labs). */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsGet } from '../../src/stir/cert-fetch.js';
import { makeTlsIdentity } from './pki.js';

let server: Server;
let origin: string;
let tlsCa: string;

beforeAll(async () => {
  const tls = await makeTlsIdentity();
  tlsCa = tls.certPem;
  // Answers after 150 ms: a timeout that fires at once shows up as X5U_TIMEOUT.
  server = createServer({ cert: tls.certPem, key: tls.keyPem }, (_req, res) => {
    setTimeout(() => res.writeHead(200).end('slow but fine'), 150);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('httpsGet timeouts beyond what a Node timer holds', () => {
  it.each([2_147_483_648, 99_999_999_999])('waits for the answer with timeoutMs %d', async (timeoutMs) => {
    const got = await httpsGet(
      `${origin}/sp.pem`,
      { timeoutMs, maxBytes: 1024, allowPrivateAddresses: true, tlsCa },
      'x5u',
    );
    expect(got.body.toString()).toBe('slow but fine');
  });
});

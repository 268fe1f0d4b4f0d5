/**
 * Fetches a certificate file from an x5u address, defensively: HTTPS only, no private or loopback
 * addresses (checked on the resolved address, so DNS cannot smuggle one in), no redirects, a size
 * limit and an overall timeout. Node only.
 *
 * Uses node:https rather than global fetch: fetch cannot check the address it connects to or trust a
 * test CA without a global setting, and both matter here.
 */
import { request } from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export interface FetchOptions {
  /** Whole request, connect to last byte. */
  timeoutMs: number;
  maxBytes: number;
  /** Tests and labs only: permit loopback and private addresses. */
  allowPrivateAddresses: boolean;
  /** Extra CA certificates (PEM) for the HTTPS connection; tests use it for their own server. */
  tlsCa?: string | string[];
}

export interface FetchedBody {
  body: Buffer;
  /** Seconds the response may be cached for, from Cache-Control (null: not stated). */
  maxAgeSeconds: number | null;
  noStore: boolean;
}

/** A failure to fetch: becomes 436 Bad Identity Info. */
export class CertFetchError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  // ::/96 holds ::, ::1 and the IPv4-compatible form ::a.b.c.d (e.g. ::127.0.0.1).
  ['::', 96],
  // SIIT IPv4-translated addresses (::ffff:0:a.b.c.d), which the ::ffff: mapped check does not see.
  ['::ffff:0:0:0', 96],
  ['100::', 64],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  // NAT64 (well-known and local-use, RFC 8215), 6to4 and Teredo carry an IPv4 address inside: on a
  // network that routes them they reach whatever IPv4 host is embedded, private ones included.
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2002::', 16],
  ['2001::', 32],
  ['2001:db8::', 32],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** True for loopback, private, link-local, CGNAT, multicast and reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export interface FetchedCertificate {
  pem: string;
  /** Seconds the response may be cached for, from Cache-Control (null: not stated). */
  maxAgeSeconds: number | null;
  noStore: boolean;
}

/**
 * Downloads the PEM at `url`. Throws CertFetchError (X5U_NOT_HTTPS, X5U_PRIVATE_ADDRESS,
 * X5U_UNREACHABLE, X5U_TIMEOUT, X5U_HTTP_STATUS, X5U_TOO_LARGE).
 *
 * @example await fetchCertificate('https://cr.example.net/sp.pem', { timeoutMs: 2000, maxBytes: 65536, allowPrivateAddresses: false })
 */
export async function fetchCertificate(url: string, opts: FetchOptions): Promise<FetchedCertificate> {
  const { body, ...cache } = await httpsGet(url, opts, 'x5u');
  return { pem: body.toString('utf8'), ...cache };
}

/**
 * GET over HTTPS with the guards above; `label` names the address in messages ("x5u", "CRL").
 * Error codes keep the X5U_ prefix whatever the label.
 */
export async function httpsGet(url: string, opts: FetchOptions, label: string): Promise<FetchedBody> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new CertFetchError('X5U_INVALID', `${label} "${clip(url)}" is not a valid address.`);
  }
  if (target.protocol !== 'https:') {
    throw new CertFetchError(
      'X5U_NOT_HTTPS',
      `${label} uses ${target.protocol.replace(':', '')}; only https is fetched.`,
    );
  }
  if (target.username || target.password) {
    throw new CertFetchError('X5U_INVALID', `${label} must not carry a user name or password.`);
  }
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!opts.allowPrivateAddresses && isIP(host) !== 0 && isPrivateAddress(host)) {
    throw new CertFetchError(
      'X5U_PRIVATE_ADDRESS',
      `${label} points to a private or loopback address (${host}).`,
    );
  }
  const lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 4);
      const list = addresses;
      const bad = !opts.allowPrivateAddresses && list.find((a) => isPrivateAddress(a.address));
      if (bad) {
        return callback(
          Object.assign(
            new Error(`${label} host ${hostname} resolves to a private address (${bad.address}).`),
            {
              code: 'X5U_PRIVATE_ADDRESS',
            },
          ),
          '',
          4,
        );
      }
      if (options.all) return callback(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };
  // Node timers hold at most 2^31-1 ms: a larger delay fires at once, and past 2^32-1 it throws.
  const signal = AbortSignal.timeout(Math.max(1, Math.min(Math.floor(opts.timeoutMs), 2_147_483_647)));
  return new Promise<FetchedBody>((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'GET',
        signal,
        lookup,
        ca: opts.tlsCa,
        headers: { accept: 'application/pem-certificate-chain, application/x-pem-file, text/plain;q=0.5' },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status !== 200) {
          res.resume();
          reject(
            new CertFetchError(
              'X5U_HTTP_STATUS',
              `${label} answered HTTP ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}.`,
            ),
          );
          return;
        }
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > opts.maxBytes) {
          res.destroy();
          reject(
            new CertFetchError(
              'X5U_TOO_LARGE',
              `${label} file is ${declared} bytes; the limit is ${opts.maxBytes}.`,
            ),
          );
          return;
        }
        const chunks: Buffer[] = [];
        let total = 0;
        res.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > opts.maxBytes) {
            res.destroy();
            reject(
              new CertFetchError('X5U_TOO_LARGE', `${label} file is over the ${opts.maxBytes}-byte limit.`),
            );
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', (err) => reject(toFetchError(err, signal, label)));
        res.on('end', () => {
          const cc = parseCacheControl(String(res.headers['cache-control'] ?? ''));
          resolve({ body: Buffer.concat(chunks), ...cc });
        });
      },
    );
    req.on('error', (err) => reject(toFetchError(err, signal, label)));
    req.end();
  });
}

function toFetchError(err: Error & { code?: string }, signal: AbortSignal, label: string): CertFetchError {
  if (err instanceof CertFetchError) return err;
  if (signal.aborted) return new CertFetchError('X5U_TIMEOUT', `${label} did not answer in time.`);
  if (err.code === 'X5U_PRIVATE_ADDRESS') return new CertFetchError('X5U_PRIVATE_ADDRESS', err.message);
  return new CertFetchError('X5U_UNREACHABLE', `${label} could not be fetched: ${err.code ?? err.message}.`);
}

/** max-age and no-store from a Cache-Control header. */
export function parseCacheControl(value: string): { maxAgeSeconds: number | null; noStore: boolean } {
  const v = value.toLowerCase();
  const m = /(?:^|[,\s])max-age\s*=\s*"?(\d{1,10})"?/.exec(v);
  return {
    maxAgeSeconds: m ? Number(m[1]) : null,
    noStore: /(?:^|[,\s])(no-store|no-cache)(?:$|[,\s])/.test(v),
  };
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

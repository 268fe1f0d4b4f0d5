import { isIPv6 } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput } from './validate.js';

const reporterKeySchema = z.object({
  'x-reporter-key': z
    .string()
    .min(16, 'must be at least 16 characters (an anonymous random token)')
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional(),
});

/**
 * The anonymous reporter key: the client's own token (X-Reporter-Key, e.g. a random id the web
 * app keeps in localStorage) or, without one, a key derived from the client address. The store
 * keeps only a keyed hash of it; it is what makes "one reporter counts once" work.
 */
export function reporterKey(request: FastifyRequest): string {
  const given = parseInput(reporterKeySchema, request.headers, 'headers')['x-reporter-key'];
  return given ?? `client-ip:${request.ip}`;
}

/**
 * The network a client address belongs to, as counted for reputation: an IPv4 /24 or an IPv6 /48
 * (IPv4-mapped IPv6 counts as IPv4). Reporter keys are the client's to choose, so without this one
 * machine sending five keys was five people, enough to mark any number "confirmed-scam".
 * @example clientNetwork('203.0.113.9') // "203.0.113.0/24"
 */
export function clientNetwork(ip: string): string {
  const address = ip.replace(/%.*$/, '');
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(address);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (isIPv6(address)) return `${expandIPv6(address).slice(0, 3).join(':')}::/48`;
  // Not an address (a test harness, a unix socket): the whole string is its own network.
  return address;
}

/** The eight 16-bit groups of an IPv6 address, as lowercase hex without leading zeros. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  // An embedded IPv4 tail ("::ffff:1.2.3.4" forms not caught above) is two groups.
  const words = (xs: string[]) =>
    xs.flatMap((x) => {
      const q = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(x);
      if (!q) return [x];
      const [a, b, c, d] = q.slice(1).map(Number) as [number, number, number, number];
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  const left = words(part(head));
  const right = tail === undefined ? [] : words(part(tail));
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => parseInt(g, 16).toString(16));
}

const idempotencySchema = z.object({
  'idempotency-key': z
    .string()
    .min(8, 'must be 8 to 200 characters')
    .max(200, 'must be 8 to 200 characters')
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional(),
});

export function idempotencyKey(request: FastifyRequest): string | undefined {
  return parseInput(idempotencySchema, request.headers, 'headers')['idempotency-key'];
}

export const REPORTER_KEY_HEADER = {
  name: 'X-Reporter-Key',
  description:
    'Anonymous per-client token (16-200 chars). Without it the key is derived from the client address.',
};
export const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  description:
    'Resending the same body with the same key returns the first result; a different body gets 409.',
};

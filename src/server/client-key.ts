import { isIPv4, isIPv6 } from 'node:net';
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
  return given ?? `client-ip:${clientAddress(request.ip)}`;
}

/**
 * The client's address without what some proxies add to X-Forwarded-For: a port ("1.2.3.4:51234",
 * "[2001:db8::1]:443") or a zone. Left in, every connection (a new source port) would be a client of
 * its own for rate limits, derived reporter keys and networks.
 * @example clientAddress('203.0.113.9:51234') // "203.0.113.9"
 */
export function clientAddress(ip: string): string {
  return ip
    .trim()
    .replace(/^\[([^\]]*)\](?::\d+)?$/, '$1')
    .replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, '$1')
    .replace(/%.*$/, '');
}

/**
 * The network a client address belongs to, as counted for reputation: an IPv4 /24 or an IPv6 /48
 * (an IPv4-mapped IPv6 address, in any spelling, counts as IPv4). Reporter keys are the client's to
 * choose, so without this one machine sending five keys was five people, enough to mark any number
 * "confirmed-scam".
 * @example clientNetwork('203.0.113.9') // "203.0.113.0/24"
 */
export function clientNetwork(ip: string): string {
  const address = clientAddress(ip);
  if (isIPv4(address)) return ipv4Network(address.split('.').map(Number));
  if (isIPv6(address)) {
    const g = ipv6Groups(address);
    // ::ffff:0:0/96 is IPv4 however it is written (dotted or hex).
    if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
      return ipv4Network([g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8]);
    }
    return `${g
      .slice(0, 3)
      .map((x) => x.toString(16))
      .join(':')}::/48`;
  }
  // Not an address at all: one shared bucket, so an odd header cannot make a reporter per request.
  return 'unparsed';
}

function ipv4Network([a, b, c]: number[]): string {
  return `${a}.${b}.${c}.0/24`;
}

/** The eight 16-bit groups of a valid IPv6 address (an embedded dotted IPv4 tail is two groups). */
function ipv6Groups(address: string): number[] {
  const words = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((x) => {
          if (!x.includes('.')) return [parseInt(x, 16)];
          const [a, b, c, d] = x.split('.').map(Number) as [number, number, number, number];
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head = '', tail] = address.split('::');
  const left = words(head);
  const right = tail === undefined ? [] : words(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
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

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

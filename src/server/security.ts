/**
 * Security headers, CORS and rate limits. The CSP allows this origin's own scripts, styles,
 * images and connections (the web app, its API calls and the live WebSocket) and nothing else.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { CallGuardError } from '../errors/catalogue.js';
import type { ServerConfig } from '../config/env.js';
import { clientAddress } from './client-key.js';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * The helmet headers, computed once. @fastify/helmet 13 rebuilds the helmet middleware (options
 * parsing, CSP serialisation) on every request, which measured ~10x the cost of applying it; our
 * headers are the same for every response (no nonces), so helmet runs once at start and each
 * request only copies the result.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const capture = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse; // helmet only calls setHeader/removeHeader
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // Plain-HTTP household installs must keep working; HSTS belongs to the TLS terminator.
    strictTransportSecurity: false,
  })({} as never, capture, () => undefined);
  return headers;
}

/**
 * The headers of API answers (`/v1/…`, JSON or problem+json): the set OWASP's REST Security Cheat
 * Sheet names for APIs. The page-only headers (opener policy, DNS prefetch, download options, the
 * page CSP) say nothing about a JSON body; this set is a third of the bytes on every lookup.
 * `no-store`: answers name phone numbers and cases, which no shared cache should keep.
 */
export function apiSecurityHeaders(): Record<string, string> {
  return {
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };
}

/** CORS (when configured) and the rate-limit plugin; app.ts applies securityHeaders() in its one onRequest hook. */
export async function registerSecurity(app: FastifyInstance, config: ServerConfig): Promise<void> {
  if (config.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['Content-Type', 'Idempotency-Key', 'X-Reporter-Key', 'X-Request-Id'],
      exposedHeaders: [
        'X-Request-Id',
        'Retry-After',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
      ],
      maxAge: 600,
    });
  }
  await app.register(rateLimit, {
    global: false, // only routes that ask for it: writes and assess
    keyGenerator: (request) => clientAddress(request.ip),
    errorResponseBuilder: (_request, context) =>
      new CallGuardError(
        'CG_RATE_LIMITED',
        `Too many requests from this client: the limit is ${context.max} per ${context.after}. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
      ),
  });
}

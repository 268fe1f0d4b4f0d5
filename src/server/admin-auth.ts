import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CallGuardError } from '../errors/catalogue.js';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/**
 * Checks `Authorization: Bearer <token>` against CALLGUARD_ADMIN_TOKEN. Both sides are hashed first
 * so timingSafeEqual compares equal-length digests and the token's length does not leak.
 * With no token configured every admin route answers 403 and says how to enable it.
 */
export function requireAdmin(token: string | undefined) {
  const expected = token === undefined ? undefined : digest(token);
  return async function adminGuard(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    if (expected === undefined) {
      throw new CallGuardError(
        'CG_FORBIDDEN',
        'Admin routes are disabled on this server: set CALLGUARD_ADMIN_TOKEN to enable them.',
      );
    }
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) {
      throw new CallGuardError('CG_UNAUTHORIZED', 'This route needs the admin token.', {
        pointer: 'header:authorization',
      });
    }
    if (!timingSafeEqual(digest(match[1]!), expected)) {
      throw new CallGuardError('CG_FORBIDDEN', 'The admin token is not valid.', {
        pointer: 'header:authorization',
      });
    }
  };
}

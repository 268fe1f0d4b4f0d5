/**
 * The API's JSON body parser: Fastify's own (secure-json-parse, refusing "__proto__" and
 * "constructor.prototype" keys), except that a refusal says which of the two it was and, for bad
 * JSON, where ("line 3, column 12: a ',' is missing between two items"). Fastify's parser throws one
 * error for both without its cause.
 */
import type { FastifyInstance } from 'fastify';
import { parse as secureJsonParse } from 'secure-json-parse';
import { CallGuardError } from '../errors/catalogue.js';
import { describeJsonSyntax } from '../errors/json-syntax.js';

const OPTIONS = { protoAction: 'error', constructorAction: 'error' } as const;

/** The body as JSON, or CG_JSON_MALFORMED saying why. */
export function parseJsonBody(body: string): unknown {
  if (body.length === 0) {
    throw new CallGuardError(
      'CG_JSON_MALFORMED',
      'The request body is empty but the content type says JSON.',
    );
  }
  try {
    return secureJsonParse(body, OPTIONS);
  } catch {
    // Only refused bodies pay for finding out why.
    let plain = true;
    try {
      JSON.parse(body);
    } catch {
      plain = false;
    }
    throw new CallGuardError(
      'CG_JSON_MALFORMED',
      plain
        ? 'The request body has a "__proto__" key, or a "constructor" key holding "prototype": both are refused. Rename or remove that key.'
        : `The request body is not valid JSON: ${describeJsonSyntax(body)}.`,
    );
  }
}

export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}

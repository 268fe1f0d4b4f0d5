/**
 * Every failure leaves as RFC 9457 application/problem+json with a stable catalogue code.
 * Fastify's own errors (bad JSON, body too large, wrong content type, bad URL) are mapped to the
 * catalogue; anything unexpected becomes CG_INTERNAL without its message or stack.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { CallGuardError, type ErrorCode } from '../errors/catalogue.js';
import { toProblem, type Problem } from '../errors/problem.js';
import { pointerFor } from './validate.js';
import { genReqId } from './logger.js';

/** Longest path part the router takes (a phone number written out, a SHA-256 hex, an id). */
export const MAX_PATH_PART = 300;

const FASTIFY_CODES: Record<string, { code: ErrorCode; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'CG_INPUT_TOO_LARGE',
    detail: 'The request body is over the size limit.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'CG_UNSUPPORTED_MEDIA_TYPE',
    detail: 'This route does not accept that content type.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'CG_INPUT_INVALID',
    detail: 'The Content-Length header does not match the body.',
  },
  FST_ERR_BAD_URL: {
    code: 'CG_INPUT_INVALID',
    detail: 'The URL is not valid: a percent-escape does not decode to UTF-8 text.',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: 'CG_INPUT_INVALID',
    detail: `A part of the URL path is too long (over ${MAX_PATH_PART} characters).`,
  },
};

/** Maps any thrown value to a CallGuardError (or null for a real bug). */
export function toCallGuardError(err: unknown): CallGuardError | null {
  if (err instanceof CallGuardError) return err;
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const pointer = pointerFor('body', issue?.path ?? []);
    return new CallGuardError(
      'CG_INPUT_INVALID',
      `${pointer || 'the body'}: ${issue?.message ?? 'invalid'}.`,
      {
        pointer,
      },
    );
  }
  const fe = err as (Partial<FastifyError> & Error) | null;
  if (fe && typeof fe === 'object') {
    const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
    if (mapped) return new CallGuardError(mapped.code, mapped.detail);
    if (fe instanceof SyntaxError && fe.statusCode === 400) {
      return new CallGuardError('CG_JSON_MALFORMED', 'The request body is not valid JSON.');
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Other client errors from Fastify or a plugin: keep them 4xx, never leak internals.
      return new CallGuardError('CG_INPUT_INVALID', 'The request could not be processed as sent.');
    }
  }
  return null;
}

export function problemFor(err: unknown, request: FastifyRequest): Problem & { requestId: string } {
  const known = toCallGuardError(err);
  return { ...toProblem(known ?? err, request.url.split('?')[0]), requestId: String(request.id) };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

/** `fallback` may answer unknown routes instead (the web app's index.html for client-side routes). */
export function installErrorHandling(
  app: FastifyInstance,
  fallback?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null,
): void {
  app.setErrorHandler((err, request, reply) => {
    // "//v1/health" matches no route; the static files' wildcard refuses it with a bare 400.
    if (!(err instanceof CallGuardError) && hasDoubledSlash(request.url)) {
      return sendProblem(reply, problemFor(doubledSlash(request), request));
    }
    const known = toCallGuardError(err);
    if (!known) {
      // A bug: log it server-side (type, message and stack only; never the request body).
      const e = err as Error;
      request.log.error({ err: { type: e?.name, message: e?.message, stack: e?.stack } }, 'unhandled error');
    } else if (known.status >= 500 && known.code !== 'CG_BUSY') {
      // CG_BUSY is overload working as meant: the request line (status 503) is enough.
      request.log.warn({ code: known.code }, 'request failed');
    }
    return sendProblem(reply, problemFor(known ?? err, request));
  });

  app.setNotFoundHandler((request, reply) => {
    if (hasDoubledSlash(request.url)) return sendProblem(reply, problemFor(doubledSlash(request), request));
    const handled = fallback?.(request, reply);
    if (handled) return handled;
    const path = request.url.split('?')[0] ?? '';
    const err = new CallGuardError('CG_NOT_FOUND', `No route ${request.method} ${path.slice(0, 200)}.`);
    return sendProblem(reply, problemFor(err, request));
  });
}

/** An empty part in the path (before any query): "//v1/health", "/v1//ready". */
function hasDoubledSlash(url: string): boolean {
  const at = url.indexOf('//');
  if (at < 0) return false;
  const query = url.indexOf('?');
  return query < 0 || at < query;
}

/**
 * Not served under the path with one slash: headers, caching and the web app's fallback are decided on
 * the path as written, so "//v1/cases/…" must not reach the case route with a page's headers.
 */
function doubledSlash(request: FastifyRequest): CallGuardError {
  const path = request.url.split('?')[0] ?? '';
  const meant = path.replace(/\/{2,}/g, '/');
  return new CallGuardError(
    'CG_NOT_FOUND',
    `No route ${request.method} ${path.slice(0, 200)}: the path has an empty part ("//"). Did you mean ${meant.slice(0, 200)}?`,
  );
}

/**
 * Fastify's `frameworkErrors`: URLs it cannot route (bad percent-escapes, over-long path parts)
 * get problem+json like every other failure. No hooks run for these, so the headers are set here.
 */
export function frameworkErrorHandler(headers: Record<string, string>) {
  return (err: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    void sendProblem(reply.headers(headers).header('x-request-id', request.id), problemFor(err, request));
  };
}

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses or times out never reach a
 * route, so they are answered here, on the socket, as problem+json (unless a response has already
 * started on it), and the connection is closed.
 */
export function clientErrorHandler(
  this: FastifyInstance,
  err: Error & { code?: string },
  socket: Socket,
): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const known =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new CallGuardError('CG_REQUEST_TIMEOUT', 'The request was not all received within the time limit.')
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? new CallGuardError('CG_HEADERS_TOO_LARGE', 'The request line and headers are over the size limit.')
        : new CallGuardError('CG_INPUT_INVALID', 'The request is not valid HTTP/1.1 and could not be read.');
  // Fastify made no request (and no id) for these. A stalled body's headers were read, so the caller's
  // own X-Request-Id is used when it has one, as for every other answer; otherwise a new one.
  const incoming = (socket as Socket & { parser?: { incoming?: IncomingMessage | null } }).parser?.incoming;
  const requestId = incoming ? genReqId(incoming) : randomUUID();
  this.log.info({ code: known.code, cause: err.code, reqId: requestId }, 'client error');
  // As Node does: answer unless a response on this connection has already started (keep-alive
  // connections have written earlier responses, so bytesWritten alone would say no).
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const problem = toProblem(known);
    const body = JSON.stringify({ ...problem, requestId });
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

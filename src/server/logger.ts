/**
 * Structured logs that never carry transcript text or report free text. Request logging is
 * ours (not Fastify's): one line per request with method, route pattern, status and timing only.
 * Bodies, query strings, headers and path parameters never reach the log.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LogLevel } from '../config/env.js';

export function createLogger(level: LogLevel, stream?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'callguard' },
    // Belt and braces: if any code ever logs a request or body, these paths are censored.
    redact: {
      paths: [
        'req.headers',
        'req.body',
        'request.body',
        'body',
        'transcript',
        'text',
        'freeText',
        'segment',
        '*.transcript',
        '*.text',
        '*.freeText',
        'headers.authorization',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: pathOnly(req.url) }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return stream ? pino(options, stream) : pino(options);
}

/** Accepts a caller's X-Request-Id only when it is short and plain; otherwise makes one. */
export function genReqId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && /^[\w.-]{1,64}$/.test(given)) return given;
  return randomUUID();
}

/** The route pattern ("/v1/numbers/:number") rather than the URL, so numbers and hashes stay out of logs. */
export function routeForLog(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  return pattern ?? `unmatched ${pathOnly(request.url).slice(0, 120)}`;
}

function pathOnly(url: string | undefined): string {
  if (!url) return '';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

export function logResponse(request: FastifyRequest, reply: FastifyReply): void {
  const status = reply.statusCode;
  const line = {
    method: request.method,
    route: routeForLog(request),
    status,
    ms: Math.round(reply.elapsedTime * 10) / 10,
  };
  if (status >= 500) request.log.error(line, 'request failed');
  else request.log.info(line, 'request');
}

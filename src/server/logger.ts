/**
 * Structured logs that never carry transcript text or report free text. Request logging is
 * ours (not Fastify's): one line per request with method, route pattern, status and timing only.
 * Bodies, query strings, headers and path parameters never reach the log.
 *
 * Per-request cost is kept low: request.log makes its pino child only when something logs through
 * it, and the request line of a matched route is formatted here, as pino would write it, and
 * reaches the destination once per event-loop turn (turn-batch.ts).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino, { type Bindings, type ChildLoggerOptions, type DestinationStream, type Logger } from 'pino';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { LogLevel } from '../config/env.js';
import { flushAtExit, releaseAtExit } from './exit-flush.js';
import { TurnBatch } from './turn-batch.js';

export interface Loggers {
  /** The app's logger (request.log's parent): redacts as a second line of defence. */
  log: Logger;
  /** Writes the one line per request; same destination and level. */
  requests: RequestLogger;
}

/**
 * Where logs go by default (standard output): pino's writer, buffered up to 4 KB and flushed at least
 * every 250 ms. Unbuffered, an idle writer makes one write call per line; buffered measured 3.3
 * instead of 4.9 µs of CPU per line. Synchronous (pino's default): a full buffer is one write call
 * from the event loop, where the asynchronous writer handed each to a libuv thread and back, which
 * measured ~1.3 µs more system CPU per cached number lookup. The cost: a log reader that stops
 * reading (a full pipe) stalls the server rather than losing lines. The buffer is flushed when the
 * process exits (pino does that only for its asynchronous writer, so it is done here).
 */
export function logDestination(dest: number | string = 1): DestinationStream {
  const stream = pino.destination({ dest, sync: true, minLength: 4096, periodicFlush: 250 });
  flushAtExit(stream);
  stream.on('close', () => releaseAtExit(stream));
  return stream;
}

export function createLoggers(level: LogLevel, stream?: DestinationStream): Loggers {
  // One destination for both loggers, so their lines never interleave mid-line.
  const dest = stream ?? logDestination();
  const base = { service: 'callguard' };
  const log = pino(
    {
      level,
      base,
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
    },
    dest,
  );
  // Request lines go out once per event-loop turn (see TurnBatch); app lines are rare and go at once.
  const batch = new TurnBatch(dest);
  return { log, requests: new RequestLogger(pino({ level, base }, batch), batch, base) };
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

/**
 * The path without its query, with runs of 3+ digits and long hex strings masked: a mistyped
 * route ("/v1/number/+12025550143") must not put a phone number or its hash in the log.
 */
export function pathOnly(url: string | undefined): string {
  if (!url) return '';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  return decoded(path)
    .replace(/[0-9a-f]{16,}/gi, '#')
    .replace(/\d{3,}/g, '#');
}

/** Percent-escapes decoded ("%20202" is the digits 202 after a space), or the path as it came. */
function decoded(path: string): string {
  if (!path.includes('%')) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The request line, `{"level","time","service","method","route","reqId","status","ms","msg"}`, the
 * same bytes as pino's `logger.child({ method, route }).info({ reqId, status, ms }, 'request')`.
 * The fields before the request's own are serialised once per route; pino's generic path walks
 * and serialises every field from many small strings each time (~0.8 KB of garbage per line,
 * ~1.8 µs of server CPU per cached number lookup). Unmatched URLs (unbounded, rare) are not
 * cached and go through pino.
 */
export class RequestLogger {
  private readonly byRoute = new Map<string, string>();

  constructor(
    private readonly logger: Logger,
    private readonly dest: DestinationStream,
    private readonly base: Bindings,
  ) {}

  write(request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const failed = status >= 500;
    if (!this.logger.isLevelEnabled(failed ? 'error' : 'info')) return;
    const pattern = request.routeOptions.url;
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    if (pattern === undefined) {
      const line = { reqId: request.id, method: request.method, route: routeForLog(request), status, ms };
      if (failed) this.logger.error(line, 'request failed');
      else this.logger.info(line, 'request');
      return;
    }
    const key = request.method + ' ' + pattern;
    const fields = this.byRoute.get(key) ?? this.cache(key, request.method, pattern);
    // pino's levels (30 info, 50 error) and its default epoch-milliseconds time.
    this.dest.write(
      `{"level":${failed ? 50 : 30},"time":${Date.now()},${fields},"reqId":${JSON.stringify(request.id)},` +
        `"status":${status},"ms":${ms},"msg":"${failed ? 'request failed' : 'request'}"}\n`,
    );
  }

  private cache(key: string, method: string, route: string): string {
    const fields = JSON.stringify({ ...this.base, method, route }).slice(1, -1);
    this.byRoute.set(key, fields);
    return fields;
  }
}

/**
 * Fastify's childLoggerFactory: request.log without a pino child per request. The child (with
 * the request id binding) is made the first time something logs through it, which most
 * requests never do.
 */
export function lazyChildLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  opts: ChildLoggerOptions,
): FastifyBaseLogger {
  return new LazyChild(logger, bindings, opts);
}

class LazyChild implements FastifyBaseLogger {
  private made?: FastifyBaseLogger;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly own: Bindings,
    private readonly opts: ChildLoggerOptions,
  ) {}

  private get real(): FastifyBaseLogger {
    return (this.made ??= this.parent.child(this.own, this.opts));
  }

  get level(): string {
    return this.made?.level ?? this.opts.level ?? this.parent.level;
  }

  set level(level: string) {
    this.real.level = level;
  }

  child(bindings: Bindings, opts?: ChildLoggerOptions): FastifyBaseLogger {
    return this.real.child(bindings, opts);
  }

  // Prototype methods, not arrow fields: nothing is allocated per request beyond this object.
  fatal(...args: unknown[]): void {
    Reflect.apply(this.real.fatal, this.real, args);
  }
  error(...args: unknown[]): void {
    Reflect.apply(this.real.error, this.real, args);
  }
  warn(...args: unknown[]): void {
    Reflect.apply(this.real.warn, this.real, args);
  }
  info(...args: unknown[]): void {
    Reflect.apply(this.real.info, this.real, args);
  }
  debug(...args: unknown[]): void {
    Reflect.apply(this.real.debug, this.real, args);
  }
  trace(...args: unknown[]): void {
    Reflect.apply(this.real.trace, this.real, args);
  }
  silent(): void {}

  // The rest of pino's Logger that code or plugins may call on request.log.
  isLevelEnabled(level: string): boolean {
    return (this.real as Partial<Logger>).isLevelEnabled?.(level) ?? true;
  }
  bindings(): Bindings {
    return (this.real as Partial<Logger>).bindings?.() ?? this.own;
  }
  flush(cb?: (err?: Error) => void): void {
    const real = this.real as Partial<Logger>;
    if (real.flush) real.flush(cb);
    else cb?.();
  }
}

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
  /** The app's route words: fill it from Fastify's onRoute hook (see PathMask). */
  paths: PathMask;
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
  const paths = new PathMask();
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
        req: (req: { method?: string; url?: string }) => ({ method: req.method, url: paths.mask(req.url) }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
    dest,
  );
  // Request lines go out once per event-loop turn (see TurnBatch); app lines are rare and go at once.
  const batch = new TurnBatch(dest);
  return { log, requests: new RequestLogger(pino({ level, base }, batch), batch, base, paths), paths };
}

/** Accepts a caller's X-Request-Id only when it is short and plain; otherwise makes one. */
export function genReqId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && /^[\w.-]{1,64}$/.test(given)) return given;
  return randomUUID();
}

/**
 * What of a URL may be logged: the path's segments that are words of the app's own routes
 * ("v1", "numbers"), each other segment as `*`, no query. A URL that matches no route may hold
 * anything a client typed (a phone number, a code, a sentence), so nothing of it is kept that
 * the app did not put there itself.
 */
export class PathMask {
  private readonly words = new Set<string>();

  /** Learns a route's static segments (`/v1/numbers/:number` gives "v1" and "numbers"). */
  addRoute(url: string): void {
    for (const segment of url.split('/')) {
      if (segment && !/[:*]/.test(segment)) this.words.add(segment);
    }
  }

  mask(url: string | undefined): string {
    if (!url) return '';
    const q = url.indexOf('?');
    const segments = (q === -1 ? url : url.slice(0, q)).split('/');
    const shown = segments.slice(0, 12).map((s) => (s === '' || this.words.has(s) ? s : '*'));
    return shown.join('/') + (segments.length > 12 ? '/…' : '');
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
    private readonly paths: PathMask,
  ) {}

  write(request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const failed = status >= 500;
    if (!this.logger.isLevelEnabled(failed ? 'error' : 'info')) return;
    const pattern = request.routeOptions.url;
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    if (pattern === undefined) {
      const route = `unmatched ${this.paths.mask(request.url)}`;
      const line = { reqId: request.id, method: request.method, route, status, ms };
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

/**
 * Structured logs that never carry transcript text or report free text. Request logging is
 * ours (not Fastify's): one line per request with method, route pattern, status and timing only.
 * Bodies, query strings, headers and path parameters never reach the log.
 *
 * Per-request cost is kept low (it was ~7 µs of a ~30 µs /v1/health request): request.log makes its pino
 * child only when something logs through it, and the request line goes through a second pino
 * logger without redaction (its fields are fixed and safe) with one cached child per route, whose
 * lines reach the destination once per event-loop turn (turn-batch.ts).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino, { type Bindings, type ChildLoggerOptions, type DestinationStream, type Logger } from 'pino';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { LogLevel } from '../config/env.js';
import { TurnBatch } from './turn-batch.js';

export interface Loggers {
  /** The app's logger (request.log's parent): redacts as a second line of defence. */
  log: Logger;
  /** Writes the one line per request; same destination and level. */
  requests: RequestLogger;
}

/**
 * Where logs go by default (standard output): pino's asynchronous writer, buffered up to 4 KB and
 * flushed at least every 250 ms. Unbuffered, an idle writer makes one write call per line; buffered
 * measured 3.3 instead of 4.9 µs of CPU per line. pino flushes the buffer when the process exits.
 */
export function logDestination(dest: number | string = 1): DestinationStream {
  return pino.destination({ dest, sync: false, minLength: 4096, periodicFlush: 250 });
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
  return { log, requests: new RequestLogger(pino({ level, base }, new TurnBatch(dest))) };
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
 * The request line, `{"reqId","method","route","status","ms"}`. Method and route are bound once
 * per route in a cached child (pino serialises bindings once), so a request adds only its id,
 * status and time. Unmatched URLs are not cached (they are unbounded) and go through the parent.
 */
export class RequestLogger {
  private readonly byRoute = new Map<string, Logger>();

  constructor(private readonly logger: Logger) {}

  write(request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const failed = status >= 500;
    if (!this.logger.isLevelEnabled(failed ? 'error' : 'info')) return;
    const pattern = request.routeOptions.url;
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    let log = this.logger;
    let line: Record<string, unknown>;
    if (pattern !== undefined) {
      const key = request.method + ' ' + pattern;
      log = this.byRoute.get(key) ?? this.cache(key, request.method, pattern);
      line = { reqId: request.id, status, ms };
    } else {
      line = { reqId: request.id, method: request.method, route: routeForLog(request), status, ms };
    }
    if (failed) log.error(line, 'request failed');
    else log.info(line, 'request');
  }

  private cache(key: string, method: string, route: string): Logger {
    const child = this.logger.child({ method, route });
    this.byRoute.set(key, child);
    return child;
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

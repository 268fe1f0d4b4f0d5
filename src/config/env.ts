/**
 * Server configuration from the environment, validated once at start. A bad value stops the
 * server with one message naming the variable, what it got and what it accepts.
 */
import { z } from 'zod';
import { CallGuardError } from '../errors/catalogue.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `false` (default), `true` (trust every hop), a hop count, or a comma list of addresses/CIDRs. */
export type TrustProxy = boolean | number | string[];

export interface ServerConfig {
  port: number;
  host: string;
  /** SQLite file; used when databaseUrl is not set. */
  dbFile: string;
  /** PostgreSQL URL; when set, it wins over dbFile. */
  databaseUrl: string | undefined;
  /** Admin routes are disabled when this is undefined. */
  adminToken: string | undefined;
  trustProxy: TrustProxy;
  /** Allowed CORS origins; an empty list means CORS is off. */
  corsOrigins: string[];
  rateLimit: {
    /** Requests per client per window on write routes (reports, feedback). 0 disables the limit. */
    writes: number;
    /** Requests per client per window on the CPU-heavy routes (assess, scan, bulk number checks, STIR verify). 0 disables the limit. */
    assess: number;
    windowMs: number;
  };
  /** Largest request body in bytes. */
  bodyLimit: number;
  /** Largest admin upload (FTC CSV) in bytes. */
  uploadLimit: number;
  logLevel: LogLevel;
  /** Directory holding the built web app (index.html). */
  webDir: string | undefined;
  live: {
    maxSegmentChars: number;
    maxTotalChars: number;
    maxMessagesPerSecond: number;
    /** A live session with no message for this long is closed (1001), so idle sockets cannot pile up. */
    idleMs: number;
  };
  shutdownTimeoutMs: number;
  /**
   * A request whose headers and body have not all arrived within this long gets 408 and its
   * connection is closed, so slow or stalled clients cannot hold connections open for ever.
   */
  requestTimeoutMs: number;
  /**
   * How many CPU-heavy requests may wait for their turn (see server/fair-queue.ts); one more gets
   * 503 CG_BUSY. 0 turns the queue off: such requests then run as soon as they arrive.
   */
  queueMax: number;
}

const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };
const byteSize = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+\s*(b|kb|mb)?$/i, 'must be a size such as 1048576, 512kb or 1mb')
    .transform((s) => {
      const m = /^(\d+)\s*([a-z]*)$/i.exec(s)!;
      return Number(m[1]) * SIZE_UNITS[m[2]!.toLowerCase()]!;
    })
    .pipe(z.number().int().min(1024, 'must be at least 1kb').max(max, `must be at most ${max} bytes`));

const trustProxy = z
  .string()
  .trim()
  .transform((s): TrustProxy => {
    if (/^(false|0|no|off)?$/i.test(s)) return false;
    if (/^(true|yes|on)$/i.test(s)) return true;
    if (/^\d+$/.test(s)) return Number(s);
    return s.split(',').map((p) => p.trim());
  })
  .refine(
    (v) =>
      !Array.isArray(v) ||
      v.every((p) => /^[0-9a-f.:]+(\/\d{1,3})?$|^(loopback|linklocal|uniquelocal)$/i.test(p)),
    'must be true, false, a hop count, or a comma list of IP addresses / CIDRs',
  );

const origins = z
  .string()
  .trim()
  .transform((s) => (s === '' ? [] : s.split(',').map((o) => o.trim())))
  .refine(
    (list) => list.every((o) => o === '*' || /^https?:\/\/[^/\s]+$/.test(o)),
    'must be a comma list of origins such as https://app.example.org (scheme and host, no path), or *',
  );

const ENV_SCHEMA = z.object({
  PORT: int(0, 65535).default(8080),
  HOST: z.string().trim().min(1).default('localhost'),
  CALLGUARD_DB: z.string().trim().min(1).default('./data/callguard.db'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  CALLGUARD_ADMIN_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters (use a long random string)')
    // A bearer token is one word: with a space in it no Authorization header could ever match.
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces (a bearer token is one word)')
    .optional(),
  CALLGUARD_TRUST_PROXY: trustProxy.default(false),
  CALLGUARD_CORS_ORIGINS: origins.default([]),
  CALLGUARD_RATE_LIMIT_WRITES: int(0, 1_000_000).default(30),
  CALLGUARD_RATE_LIMIT_ASSESS: int(0, 1_000_000).default(120),
  CALLGUARD_RATE_LIMIT_WINDOW_MS: int(1000, 86_400_000).default(60_000),
  CALLGUARD_BODY_LIMIT: byteSize(64 * 1024 * 1024).default(1024 * 1024),
  CALLGUARD_UPLOAD_LIMIT: byteSize(1024 * 1024 * 1024).default(100 * 1024 * 1024),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  CALLGUARD_WEB_DIR: z.string().trim().min(1).optional(),
  CALLGUARD_LIVE_MAX_SEGMENT_CHARS: int(16, 1_000_000).default(2000),
  CALLGUARD_LIVE_MAX_TOTAL_CHARS: int(256, 10_000_000).default(200_000),
  CALLGUARD_LIVE_MAX_MESSAGES_PER_SECOND: int(1, 10_000).default(20),
  CALLGUARD_LIVE_IDLE_MS: int(100, 86_400_000).default(600_000),
  CALLGUARD_SHUTDOWN_TIMEOUT_MS: int(0, 600_000).default(10_000),
  CALLGUARD_REQUEST_TIMEOUT_MS: int(1000, 3_600_000).default(60_000),
  CALLGUARD_QUEUE_MAX: int(0, 100_000).default(256),
});

/** The environment variables the server reads, for docs and `callguard serve --help`. */
export const CONFIG_VARIABLES = Object.keys(ENV_SCHEMA.shape);

/**
 * Reads and validates the configuration. Empty strings count as unset.
 *
 * @example
 * const config = loadConfig({ PORT: '3000', DATABASE_URL: 'postgres://localhost/callguard' });
 * config.port; // 3000
 * @throws CallGuardError CG_CONFIG_INVALID naming the variable, e.g. `PORT must be a whole number; got "abc".`
 */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const input: Record<string, string> = {};
  for (const key of CONFIG_VARIABLES) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = ENV_SCHEMA.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const got = input[name];
    // Never echo a secret back, even a malformed one.
    const shown =
      name === 'CALLGUARD_ADMIN_TOKEN' || name === 'DATABASE_URL' ? '(hidden)' : JSON.stringify(got);
    throw new CallGuardError('CG_CONFIG_INVALID', `${name} ${issue.message}; got ${shown}.`, {
      pointer: name,
    });
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dbFile: e.CALLGUARD_DB,
    databaseUrl: e.DATABASE_URL,
    adminToken: e.CALLGUARD_ADMIN_TOKEN,
    trustProxy: e.CALLGUARD_TRUST_PROXY,
    corsOrigins: e.CALLGUARD_CORS_ORIGINS,
    rateLimit: {
      writes: e.CALLGUARD_RATE_LIMIT_WRITES,
      assess: e.CALLGUARD_RATE_LIMIT_ASSESS,
      windowMs: e.CALLGUARD_RATE_LIMIT_WINDOW_MS,
    },
    bodyLimit: e.CALLGUARD_BODY_LIMIT,
    uploadLimit: e.CALLGUARD_UPLOAD_LIMIT,
    logLevel: e.LOG_LEVEL,
    webDir: e.CALLGUARD_WEB_DIR,
    live: {
      maxSegmentChars: e.CALLGUARD_LIVE_MAX_SEGMENT_CHARS,
      maxTotalChars: e.CALLGUARD_LIVE_MAX_TOTAL_CHARS,
      maxMessagesPerSecond: e.CALLGUARD_LIVE_MAX_MESSAGES_PER_SECOND,
      idleMs: e.CALLGUARD_LIVE_IDLE_MS,
    },
    shutdownTimeoutMs: e.CALLGUARD_SHUTDOWN_TIMEOUT_MS,
    requestTimeoutMs: e.CALLGUARD_REQUEST_TIMEOUT_MS,
    queueMax: e.CALLGUARD_QUEUE_MAX,
  };
}

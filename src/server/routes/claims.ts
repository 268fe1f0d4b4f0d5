/**
 * Claim checks over HTTP: is this number, web address or email sender really the organisation's?
 * Numbers also get their community reputation from the store (the pure check never touches it).
 */
import { z } from 'zod';
import {
  checkEmail,
  checkNumber,
  checkUrl,
  scanText,
  NUMBER_SOURCES,
  type NumberCheck,
} from '../../claims/index.js';
import { CallGuardError } from '../../errors/catalogue.js';
import { LEVELS, type Reputation, type Store } from '../../store/types.js';
import { defineRoute, type RoutePlugin } from '../route.js';
import { Lru } from '../lru.js';
import { responseJsonSchema } from '../serializer.js';

const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'a two-letter country code such as US or GB')
  .transform((c) => c.toUpperCase());
const org = z.string().trim().min(1).max(100).describe('The organisation it claims to be ("Microsoft")');
const source = z.enum(NUMBER_SOURCES as [string, ...string[]]).describe('Where the person got the number');

const numberParams = z.object({
  number: z
    .string()
    .min(1)
    .max(200)
    .describe(
      'The number as written (URL-encoded), or the SHA-256 hex of its E.164 form for a private lookup',
    ),
});
const numberQuery = z.object({
  country: country.optional().describe('Country for numbers without a +country code (default US)'),
  org: org.optional(),
  source: source.optional(),
});
const bulkBody = z.strictObject({
  numbers: z.array(z.string().max(200)).min(1).max(1000),
  country: country.optional(),
  org: org.optional(),
  source: source.optional(),
});
const urlBody = z.strictObject({ url: z.string().min(1).max(16_384), org: org.optional() });
const emailBody = z.strictObject({
  email: z
    .string()
    .min(1)
    .max(64 * 1024)
    .describe('An address, a From value, or a pasted header block'),
  org: org.optional(),
});
const scanBody = z.strictObject({
  text: z
    .string()
    .min(1)
    .max(1024 * 1024)
    .describe('Pop-up, invoice, SMS or email text'),
  country: country.optional(),
  org: org.optional(),
  source: z.enum(['popup', 'search-result', 'invoice-email', 'sms', 'email']).optional(),
});

const SHA256_HEX = /^[0-9a-f]{64}$/i;

// What GET /v1/numbers/{number} answers. Also the serializer's schema: a field missing here would be
// dropped from responses, so the key checks below fail to compile when NumberCheck or Reputation
// gain a field at any depth, and test/server/serializer.test.ts compares served bodies with JSON.stringify.
const nullableString = z.string().nullable();
const reputationSchema = z.object({
  number: z.string(),
  sha256: z.string(),
  level: z.enum(LEVELS),
  score: z.number(),
  reporters: z.number(),
  reports: z.number(),
  notScam: z.number(),
  firstSeen: nullableString,
  lastSeen: nullableString,
  topTactics: z.array(z.object({ id: z.string(), reporters: z.number() })),
  topBrands: z.array(z.object({ brand: z.string(), reporters: z.number() })),
  feeds: z.object({ reports: z.number(), firstSeen: nullableString, lastSeen: nullableString }),
  official: z.object({ org: z.string(), name: z.string(), channel: z.string() }).nullable(),
  version: z.number(),
});
const numberCheckSchema = z.object({
  input: z.string(),
  source: source.optional(),
  e164: nullableString,
  valid: z.boolean(),
  type: z.string().describe('toll-free, premium-rate, mobile, fixed-line, voip, … or unknown'),
  country: nullableString,
  international: nullableString,
  official: z
    .object({ org: z.string(), channel: z.string(), note: z.string().optional(), source: z.string() })
    .nullable(),
  verdict: z.enum(['official', 'suspicious', 'unknown', 'invalid']),
  reasons: z.array(
    z.object({ code: z.string(), severity: z.enum(['info', 'warning', 'danger']), message: z.string() }),
  ),
  reputation: reputationSchema.optional(),
});
const hashLookupSchema = z.object({ sha256: z.string(), reputation: reputationSchema.nullable() });

/** The keys of T at every depth (through arrays and nullable members); leaf types are not compared. */
type Shape<T> = T extends readonly (infer U)[]
  ? Shape<U>[]
  : T extends object
    ? { [K in keyof T]-?: Shape<NonNullable<T[K]>> }
    : 0;
type SameKeys<A, B> = [Shape<A>] extends [Shape<B>] ? ([Shape<B>] extends [Shape<A>] ? true : false) : false;
type Assert<T extends true> = T;
// NumberCheck types its reputation loosely (the claims package does not know the store); checked below.
export type NumberCheckSchemaComplete = Assert<
  SameKeys<Omit<z.output<typeof numberCheckSchema>, 'reputation'>, Omit<NumberCheck, 'reputation'>>
>;
export type ReputationSchemaComplete = Assert<SameKeys<z.output<typeof reputationSchema>, Reputation>>;

/** The claims package names fields bare ("number"); on the API they are JSON pointers or path params. */
function atPointer<T>(pointer: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof CallGuardError)
      throw new CallGuardError(err.code, err.message, { pointer, cause: err });
    throw err;
  }
}

type CheckOptions = NonNullable<Parameters<typeof checkNumber>[1]>;

/** A cached number check, and its JSON without the closing brace once GET /v1/numbers has served it. */
interface CachedCheck {
  check: NumberCheck;
  head?: string;
  /** The last body served with its reputation: the store hands out one frozen object while it is current. */
  body?: string | Buffer;
  bodyFor?: Reputation;
}

/**
 * checkNumber is pure, so its result for the same input and options can be reused; only the
 * reputation (which changes) is read fresh from the store on every request. Invalid inputs throw
 * and are never cached.
 */
function cachedCheck(cache: Lru<string, CachedCheck>, input: string, opts: CheckOptions): CachedCheck {
  const key = `${input}\u0000${opts.country ?? ''}\u0000${opts.org ?? ''}\u0000${opts.source ?? ''}`;
  return cache.get(key) ?? cache.set(key, { check: checkNumber(input, opts) });
}

/**
 * The checks with their reputations, read in one store call (one snapshot for the whole list);
 * invalid numbers go back as they are.
 */
async function withReputations(store: Store, checks: readonly NumberCheck[]): Promise<NumberCheck[]> {
  const valid = checks.filter((c) => c.valid && c.e164);
  const reputations = await store.reputation.getMany(valid.map((c) => c.e164!));
  const byCheck = new Map(valid.map((c, i) => [c, reputations[i]!]));
  return checks.map((c) => {
    const reputation: Open<Reputation> | undefined = byCheck.get(c);
    return reputation ? { ...c, reputation } : c;
  });
}

/** The same type as an alias (an interface has no implicit index signature for NumberReputation). */
type Open<T> = { [K in keyof T]: T[K] };

/**
 * GET /v1/numbers/{n}'s body from parts: a cached check's JSON is serialized once (it is pure and
 * the same object while cached) and only the fresh reputation per request. The schema puts
 * `reputation` last, so the body is the check's JSON with `,"reputation":…` before its closing
 * brace; the result is what the route's serializer writes for `{ ...check, reputation }`
 * (test/server/serializer.test.ts compares served bodies with JSON.stringify).
 */
type Serialize = (value: object) => string;
const CHECK_JSON_SCHEMA = responseJsonSchema(numberCheckSchema);
const REPUTATION_JSON_SCHEMA = responseJsonSchema(reputationSchema);
const JSON_TYPE = 'application/json; charset=utf-8';

export const routes: RoutePlugin = (app, { deps }) => {
  const { store } = deps;
  let serializeCheck: Serialize | undefined;
  let serializeReputation: Serialize | undefined;
  // Small on purpose: the hot numbers repeat, and a big cache costs every request. With 10,000
  // entries (each a whole check kept alive) a cached lookup measured ~65 µs of server CPU when
  // new numbers kept replacing entries, against ~41 µs with 256 (bench/api.bench.ts mix).
  // The check's JSON head is kept in the same entry (a separate WeakMap keyed by the check, filled
  // by uncached lookups, measured dearer: its dead entries stay until a full GC).
  const checks = new Lru<string, CachedCheck>(256);

  defineRoute(app, {
    method: 'GET',
    url: '/v1/numbers/:number',
    operationId: 'checkNumber',
    summary: "Is this number the organisation's? Type, official channel, verdict, and community reputation",
    description:
      'Give the number as written ("+1 800 642 7676", "1-800-MICROSOFT"), URL-encoded. ' +
      'A 64-character hex value is taken as the SHA-256 of the E.164 number: the answer is only its reputation (null when never reported), so the number itself never leaves the client.',
    tags: ['claims'],
    params: numberParams,
    query: numberQuery,
    response: z.union([numberCheckSchema, hashLookupSchema]),
    serialize: numberCheckSchema,
    errors: [422],
    handler: async ({ params, query, reply }) => {
      if (SHA256_HEX.test(params.number)) {
        const sha256 = params.number.toLowerCase();
        // The other shape: not the number check's serializer (a custom one sets no content type).
        reply.serializer(JSON.stringify).type(JSON_TYPE);
        return { sha256, reputation: await store.reputation.getByHash(sha256) };
      }
      const cached = atPointer('{number}', () => cachedCheck(checks, params.number, query as CheckOptions));
      const { check } = cached;
      if (!check.valid || !check.e164) return check;
      const reputation = await store.reputation.get(check.e164);
      reply.type(JSON_TYPE);
      // A hot number's lookups in one turn share one reputation object: the same bytes again, as a
      // Buffer once reused (no re-encoding, and its length is known; a one-off lookup, as for a
      // new number, would only pay for the copy).
      if (cached.bodyFor === reputation && cached.body !== undefined) {
        if (typeof cached.body === 'string') cached.body = Buffer.from(cached.body);
        return cached.body;
      }
      // Compiled by Fastify's serializer compiler (fast-json-stringify), once per route scope.
      const toJson = (serializeReputation ??= reply.compileSerializationSchema(
        REPUTATION_JSON_SCHEMA,
      ) as Serialize);
      if (cached.head === undefined) {
        serializeCheck ??= reply.compileSerializationSchema(CHECK_JSON_SCHEMA) as Serialize;
        cached.head = serializeCheck(check).slice(0, -1); // without its closing brace
      }
      cached.bodyFor = reputation;
      return (cached.body = cached.head + ',"reputation":' + toJson(reputation) + '}');
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/v1/numbers/check',
    operationId: 'checkNumbers',
    summary:
      'Check up to 1,000 numbers at once (help desks, bulk lists); a bad entry gets an error, the rest go on',
    tags: ['claims'],
    body: bulkBody,
    // Up to 1,000 numbers parsed and looked up per request: limited per client like assess. A 15 KB
    // list costs as much as eight assessments, so it never shares a turn.
    rateLimit: 'assess',
    queued: 'alone',
    handler: async ({ body }) => {
      const { numbers, ...opts } = body;
      type Failed = { input: string; error: { code: string; detail: string; pointer: string } };
      const entries: (NumberCheck | Failed)[] = numbers.map((input, i) => {
        try {
          return cachedCheck(checks, input, opts as CheckOptions).check;
        } catch (err) {
          if (!(err instanceof CallGuardError)) throw err;
          return { input, error: { code: err.code, detail: err.message, pointer: `/numbers/${i}` } };
        }
      });
      const done = await withReputations(
        store,
        entries.filter((e): e is NumberCheck => !('error' in e)),
      );
      let k = 0;
      return { results: entries.map((e) => ('error' in e ? e : done[k++]!)) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/v1/urls/check',
    operationId: 'checkUrl',
    summary: 'Is this web address official, user content on an official domain, a lookalike, or suspicious?',
    tags: ['claims'],
    body: urlBody,
    errors: [422],
    handler: async ({ body }) =>
      atPointer('/url', () => checkUrl(body.url, body.org ? { org: body.org } : {})),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/v1/emails/check',
    operationId: 'checkEmail',
    summary: 'Is this email sender really the organisation? Display-name spoofing, Reply-To, SPF/DKIM/DMARC',
    tags: ['claims'],
    body: emailBody,
    errors: [422],
    handler: async ({ body }) =>
      atPointer('/email', () => checkEmail(body.email, body.org ? { org: body.org } : {})),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/v1/scan',
    operationId: 'scanText',
    summary: 'Find and check every number, web address and email address in a pasted text',
    tags: ['claims'],
    body: scanBody,
    errors: [422],
    // Up to a body's worth of text to search and check: limited per client like assess.
    rateLimit: 'assess',
    queued: true,
    handler: async ({ body }) => {
      const { text, ...opts } = body;
      const result = atPointer('/text', () => scanText(text, opts));
      return { ...result, numbers: await withReputations(store, result.numbers) };
    },
  });
};

/**
 * The one way to add an HTTP route: `defineRoute(app, spec)`. The zod schemas in the spec
 * validate the request AND feed the OpenAPI document, so the two can never drift apart.
 *
 * Adding a route group (the documented pattern):
 * 1. Create `src/server/routes/<name>.ts` exporting `routes: RoutePlugin`.
 * 2. Inside, call `defineRoute(app, { method, url, operationId, summary, tags, body/query/params, handler })`
 *    for each route; throw CallGuardError for user-facing failures.
 * 3. Add one line to `src/server/routes/index.ts`: `() => import('./<name>.js'),`.
 *
 * @example
 * export const routes: RoutePlugin = (app, { deps }) => {
 *   defineRoute(app, {
 *     method: 'POST', url: '/v1/things', operationId: 'createThing', summary: 'Create a thing', tags: ['things'],
 *     body: z.object({ name: z.string().max(100) }),
 *     handler: async ({ body }) => ({ created: body.name }),
 *   });
 * };
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ServerConfig } from '../config/env.js';
import type { ServerDeps } from './deps.js';
import { parseInput } from './validate.js';
import { requireAdmin } from './admin-auth.js';
import { responseJsonSchema } from './serializer.js';
import type { FairQueue } from './fair-queue.js';
import { CallGuardError } from '../errors/catalogue.js';

export interface RouteContext {
  config: ServerConfig;
  deps: ServerDeps;
}

/** A route group: registered in its own encapsulated Fastify scope. */
export type RoutePlugin = (app: FastifyInstance, ctx: RouteContext) => void | Promise<void>;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteSpec<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
> {
  method: Method;
  /** Fastify path syntax: "/v1/numbers/:number". */
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** Validates the body instead of `body` (which then only documents it), e.g. the engine's own validator. */
  parseBody?: (raw: unknown) => Out<B>;
  /** Request headers the route reads (documented as header parameters). */
  headers?: Array<{ name: string; description: string; required?: boolean }>;
  /** Request body media type for OpenAPI (default application/json). */
  bodyMediaType?: string;
  /** The success body, for the OpenAPI document (not enforced). */
  response?: Schema;
  /**
   * The success body's exact shape, serialized with fast-json-stringify instead of JSON.stringify.
   * Fields it does not name are dropped, so only give a schema that is checked against the
   * values (see serializer.ts); a handler answering another shape calls reply.serializer itself.
   */
  serialize?: Schema;
  successStatus?: number;
  /** Error statuses this route may return, for the OpenAPI document. */
  errors?: number[];
  /** Per-client rate limit bucket. */
  rateLimit?: 'writes' | 'assess';
  /**
   * CPU-heavy: waits its turn in the server's fair queue (see fair-queue.ts); 503 when it is full.
   * 'alone' when its cost does not follow its body's size (1,000 short numbers, certificate
   * checks): it then never shares a turn.
   */
  queued?: boolean | 'alone';
  /** Requires the admin bearer token. */
  admin?: boolean;
  /** Overrides the server body limit for this route (bytes). */
  bodyLimit?: number;
  handler(input: {
    params: Out<P>;
    query: Out<Q>;
    body: Out<B>;
    request: FastifyRequest;
    reply: FastifyReply;
  }): Promise<unknown>;
}

export interface OperationRecord {
  method: Method;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: Schema;
  query?: Schema;
  body?: Schema;
  headers?: Array<{ name: string; description: string; required?: boolean }>;
  bodyMediaType?: string;
  response?: Schema;
  successStatus: number;
  errors: number[];
  admin: boolean;
  rateLimited: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every operation defined with defineRoute, for /openapi.json. */
    operations: OperationRecord[];
    callguardConfig: ServerConfig;
    fairQueue: FairQueue;
  }
}

export function defineRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(app: FastifyInstance, spec: RouteSpec<P, Q, B>): void {
  const config = app.callguardConfig;
  const limit = spec.rateLimit ? config.rateLimit[spec.rateLimit] : 0;
  const errors = new Set(spec.errors ?? []);
  if (spec.body || spec.query || spec.params) errors.add(400);
  if (spec.body) [413, 415].forEach((s) => errors.add(s));
  if (limit > 0) errors.add(429);
  if (spec.queued && config.queueMax > 0) errors.add(503);
  if (spec.admin) [401, 403].forEach((s) => errors.add(s));

  app.operations.push({
    method: spec.method,
    path: spec.url.replace(/:(\w+)/g, '{$1}'),
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    tags: spec.tags,
    params: spec.params,
    query: spec.query,
    body: spec.body,
    headers: spec.headers,
    bodyMediaType: spec.bodyMediaType,
    response: spec.response,
    successStatus: spec.successStatus ?? 200,
    errors: [...errors].sort(),
    admin: spec.admin === true,
    rateLimited: limit > 0,
  });

  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    ...(spec.serialize
      ? { schema: { response: { [spec.successStatus ?? 200]: responseJsonSchema(spec.serialize) } } }
      : {}),
    config: limit > 0 ? { rateLimit: { max: limit, timeWindow: config.rateLimit.windowMs } } : {},
    // Checked before the body is read, so an unauthenticated upload is refused at once, and so is a
    // heavy request when the queue is full (before the rate limit's hook, which runs after these).
    ...(spec.admin
      ? { onRequest: requireAdmin(config.adminToken) }
      : spec.queued
        ? { onRequest: refuseWhenBusy(app.fairQueue) }
        : {}),
    handler: async (request, reply) => {
      if (spec.queued) {
        // A body of unknown size (chunked) counts as the largest allowed: it gets a turn of its own.
        const length = Number(request.headers['content-length']);
        const wait = app.fairQueue.turn(
          spec.queued === 'alone' ? Infinity : Number.isFinite(length) ? length : config.bodyLimit,
        );
        // Full again while this body was read.
        if (wait === 'full') throw busy(app.fairQueue, reply);
        if (wait) {
          await wait;
          // A client that gave up while it waited (a timeout, a closed tab) gets no answer: skip the work.
          if (request.raw.socket?.destroyed === true) {
            request.log.info(
              { method: request.method, route: spec.url, status: 499 },
              'client left while its request waited; not worked on',
            );
            reply.hijack();
            return reply;
          }
        }
      }
      const params = (spec.params ? parseInput(spec.params, request.params, 'params') : undefined) as Out<P>;
      const query = (spec.query ? parseInput(spec.query, request.query, 'query') : undefined) as Out<Q>;
      const body = (
        spec.parseBody
          ? spec.parseBody(request.body)
          : spec.body
            ? parseInput(spec.body, request.body, 'body')
            : undefined
      ) as Out<B>;
      // Set before the handler so a handler can still choose another status (e.g. 200 on a replay).
      if (spec.successStatus) reply.status(spec.successStatus);
      const result = await spec.handler({ params, query, body, request, reply });
      return reply.sent ? reply : result;
    },
  });
}

function busy(queue: FairQueue, reply: FastifyReply): CallGuardError {
  reply.header('retry-after', '1');
  return new CallGuardError(
    'CG_BUSY',
    `${queue.length} requests are already waiting to be worked on; this one was not started.`,
  );
}

function refuseWhenBusy(queue: FairQueue) {
  return (_request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void => {
    if (queue.full) done(busy(queue, reply));
    else done();
  };
}

/**
 * The HTTP app factory. Order matters: logging and errors first, then security, then routes,
 * then the web app (so API routes always win over static files).
 *
 * Request lifecycle: onRequest (security and request id headers, rate limit) → content-type parse (JSON only,
 * body limit) → defineRoute handler (zod validation → engine/claims/store) → reply; any throw goes
 * to the error handler and leaves as problem+json; onResponse writes one log line.
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config/env.js';
import type { ServerDeps } from './deps.js';
import { createLoggers, genReqId, lazyChildLogger } from './logger.js';
import {
  clientErrorHandler,
  frameworkErrorHandler,
  installErrorHandling,
  MAX_PATH_PART,
} from './error-handler.js';
import { apiSecurityHeaders, registerSecurity, securityHeaders } from './security.js';
import { buildOpenApi } from './openapi.js';
import { registerDocs } from './docs-page/index.js';
import { registerWebApp, sendIndex, wantsWebApp } from './web-app.js';
import { ROUTE_FILES } from './routes/index.js';
import type { RouteContext } from './route.js';
import { FairQueue } from './fair-queue.js';
import { registerJsonBody } from './json-body.js';

/**
 * Builds the app without listening. The caller owns the store and closes it after `app.close()`.
 *
 * @example
 * const app = await buildApp(loadConfig(process.env), { store });
 * await app.listen({ port: 0, host: '127.0.0.1' });
 */
export async function buildApp(config: ServerConfig, deps: ServerDeps): Promise<FastifyInstance> {
  const loggers = createLoggers(config.logLevel, deps.logStream);
  const apiHeaders = apiSecurityHeaders();
  const app = Fastify({
    loggerInstance: loggers.log,
    // Fastify's request logs would include URLs and headers; loggers.requests writes our own line.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'reqId' }),
    childLoggerFactory: lazyChildLogger,
    genReqId,
    // A hop count is "trust the N nearest proxies" (Fastify's typings omit the number form).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (
            (hops: number) => (_addr: string, i: number) =>
              i < hops
          )(config.trustProxy)
        : config.trustProxy,
    bodyLimit: config.bodyLimit,
    // Fastify's default is no limit at all. Node enforces it on a body only while the headers
    // limit is no longer (Fastify leaves that at 60 s), and checks on a timer (every 30 s by
    // default): both set so the limit means what it says.
    requestTimeout: config.requestTimeoutMs,
    http: {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: Math.min(60_000, config.requestTimeoutMs),
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, config.requestTimeoutMs / 4)),
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: MAX_PATH_PART },
    frameworkErrors: frameworkErrorHandler(apiHeaders),
    clientErrorHandler,
  }) as unknown as FastifyInstance; // the pino Logger generic narrows the instance type; routes use the base type

  app.decorate('operations', []);
  // The words of every route's path: the only parts of an unmatched URL the logs may show.
  app.addHook('onRoute', (route) => loggers.paths.addRoute(route.url));
  app.decorate('callguardConfig', config);
  app.decorate('fairQueue', new FairQueue(config.queueMax));

  // The hooks below run on every request: few, callback-style (an async hook costs a promise
  // each), and nothing else is global (the WebSocket plugin lives in /v1/live's scope only).
  const pageHeaders = securityHeaders();
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith('/v1/') ? apiHeaders : pageHeaders);
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    loggers.requests.write(request, reply);
    done();
  });
  // Graceful shutdown: requests already running finish, and their keep-alive connections then
  // close instead of idling until the keep-alive timeout and holding the process open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  let webAppBuilt = false;
  installErrorHandling(app, (request, reply) =>
    webAppBuilt && wantsWebApp(request) ? sendIndex(reply) : null,
  );
  // JSON only on the API; the admin upload route adds its own CSV parser in its scope.
  app.removeContentTypeParser('text/plain');
  registerJsonBody(app);

  await registerSecurity(app, config);

  const ctx: RouteContext = { config, deps };
  for (const load of ROUTE_FILES) {
    await app.register(async (scope) => {
      const mod = await load();
      await mod.routes(scope, ctx);
    });
  }

  let openapi: Record<string, unknown> | undefined;
  app.get('/openapi.json', async () => (openapi ??= buildOpenApi(app.operations)));
  registerDocs(app);
  webAppBuilt = await registerWebApp(app, config.webDir);
  return app;
}

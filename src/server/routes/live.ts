/**
 * WebSocket /v1/live: transcript segments in, verdict updates and sensitive-info warnings out
 * (protocol in ../live/protocol.ts). Segment text is never logged: only counts and close codes.
 */
import { EventEmitter } from 'node:events';
import { ServerResponse, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import type { ServerConfig } from '../../config/env.js';
import { CallGuardError } from '../../errors/catalogue.js';
import type { RoutePlugin } from '../route.js';
import { CLOSE, LiveConnection, engineError, liveSegmentMessageSchema, type Step } from '../live/protocol.js';

const LIVE_PATH = '/v1/live';

/**
 * @fastify/websocket in this scope only: registered at the root, its onRequest and onResponse
 * hooks and its handler wrapper ran on every HTTP request. Upgrades reach it through a private
 * emitter and only for /v1/live; an upgrade for any other path is routed as plain HTTP (404 or
 * the route's answer) and its socket closed after the response, as the plugin did.
 */
async function registerWebSocket(app: FastifyInstance, config: ServerConfig): Promise<void> {
  const upgrades = new EventEmitter();
  app.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    if ((q === -1 ? url : url.slice(0, q)) === LIVE_PATH) {
      upgrades.emit('upgrade', req, socket, head);
      return;
    }
    socket.on('error', () => socket.destroy());
    // A throw in an 'upgrade' listener would take the process down: drop the socket instead.
    try {
      const res = new ServerResponse(req);
      res.assignSocket(socket as Socket);
      res.on('finish', () => socket.destroy());
      app.routing(req, res);
    } catch {
      socket.destroy();
    }
  });
  await app.register(websocket, {
    options: {
      maxPayload: Math.max(64 * 1024, config.live.maxSegmentChars * 8),
      // Typed as an http.Server, but the plugin only listens to its 'upgrade' event.
      server: upgrades as unknown as Server,
    },
    // A frame the WebSocket library refuses (over maxPayload: 1009; invalid UTF-8: 1007) closes the
    // socket before any message can go out. Any client can cause these, so they are logged as
    // info with their code only, not as errors with stacks.
    errorHandler(error, socket, request) {
      const code = (error as Error & { code?: string }).code;
      if (code?.startsWith('WS_ERR_'))
        request.log.info({ route: LIVE_PATH, error: code }, 'live socket error');
      else {
        // A bug in our handler, not a client's frame.
        const e = error as Error;
        request.log.error(
          { err: { type: e?.name, message: e?.message, stack: e?.stack } },
          'live session failed',
        );
      }
      socket.terminate();
    },
    // On shutdown tell live clients why they are dropped (1001 going away) instead of a bare close.
    preClose(done) {
      for (const client of this.websocketServer.clients) client.close(1001, 'server shutting down');
      this.websocketServer.close();
      done();
    },
  });
}

export const routes: RoutePlugin = async (app, { config }) => {
  await registerWebSocket(app, config);
  app.operations.push({
    method: 'GET',
    path: LIVE_PATH,
    operationId: 'liveCall',
    summary: 'WebSocket: stream a call as it happens; get alerts at once',
    description:
      'Upgrade to a WebSocket. Send {"facts": {...}} (optional, first), then {"speaker": "caller", "text": "..."} per ' +
      'segment, then {"type": "end"}. The server answers each segment with {"type": "update", verdict, risk, newFlags} ' +
      'and sends {"type": "sensitive-info", ...} first when the caller asks for a card number, password, code or ' +
      'remote access. Limits per connection: segment size (close 1009), messages per second and total length (1008); ' +
      'binary or non-JSON messages close with 1003. Every error is preceded by {"type": "error", code, detail}, ' +
      'except for a frame the WebSocket layer refuses before reading it, which closes at once: larger than ' +
      '64 KiB or 8 bytes per allowed segment character, whichever is more (1009), or not UTF-8 (1007).',
    tags: ['live'],
    body: liveSegmentMessageSchema,
    successStatus: 101,
    errors: [426],
    admin: false,
    rateLimited: false,
  });

  app.route({
    method: 'GET',
    url: LIVE_PATH,
    // A plain GET (no Upgrade) gets a problem saying what this is, not the plugin's empty 404.
    handler: async (_request, reply) => {
      reply.header('upgrade', 'websocket');
      throw new CallGuardError('CG_UPGRADE_REQUIRED', `GET ${LIVE_PATH} takes WebSocket connections only.`);
    },
    wsHandler: (socket, request) => {
      // Browsers always send Origin on a WebSocket and CORS does not apply to it, so check it here:
      // the web app's own origin and the configured CORS origins only. Non-browser clients send none.
      const origin = request.headers.origin;
      if (origin !== undefined && !originAllowed(origin, request.headers.host, config.corsOrigins)) {
        socket.send(
          JSON.stringify({
            type: 'error',
            code: 'CG_FORBIDDEN',
            detail: 'This origin may not open a live session.',
          }),
        );
        socket.close(CLOSE.policy, 'origin not allowed');
        return;
      }
      const { idleMs, ...limits } = config.live;
      const conn = new LiveConnection(limits);
      const started = Date.now();
      let closeCode = 0;

      const apply = (step: Step) => {
        for (const msg of step.send) socket.send(JSON.stringify(msg));
        if (step.close) {
          closeCode = step.close.code;
          socket.close(step.close.code, step.close.reason);
        }
      };

      let idle: NodeJS.Timeout | undefined;
      const armIdle = () => {
        clearTimeout(idle);
        idle = setTimeout(() => {
          apply({
            send: [{ type: 'error', code: 'CG_INPUT_INVALID', detail: `No message for ${idleMs / 1000} s.` }],
            close: { code: CLOSE.goingAway, reason: 'idle' },
          });
        }, idleMs);
        idle.unref();
      };

      apply(conn.hello());
      armIdle();
      socket.on('message', (data, isBinary) => {
        if (closeCode) return; // closing: ignore whatever was already in flight
        armIdle();
        let step: Step;
        try {
          step = conn.receive(data as Buffer, isBinary);
        } catch (err) {
          const soft = engineError(err);
          if (!soft) {
            request.log.error(
              { err: { type: (err as Error)?.name, stack: (err as Error)?.stack } },
              'live session failed',
            );
            step = {
              send: [{ type: 'error', code: 'CG_INTERNAL', detail: 'Something went wrong on our side.' }],
              close: { code: 1011, reason: 'internal error' },
            };
          } else step = soft;
        }
        apply(step);
      });
      socket.on('close', (code) => {
        clearTimeout(idle);
        request.log.info(
          { route: '/v1/live', segments: conn.segmentCount, closeCode: code, ms: Date.now() - started },
          'live session closed',
        );
      });
      socket.on('error', () => socket.terminate());
    },
  });
};

export function originAllowed(origin: string, host: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export { CLOSE };

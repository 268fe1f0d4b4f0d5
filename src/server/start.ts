/**
 * Runs the server: opens the store, builds the app, listens, and shuts down gracefully on
 * SIGTERM/SIGINT (stop accepting, let in-flight requests finish, close live sessions, close the
 * store). A second signal, or the shutdown timeout, forces the exit.
 */
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { ServerConfig } from '../config/env.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { buildApp } from './app.js';

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  /** The URL the server listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  /** Graceful shutdown; resolves when the store is closed. Safe to call twice. */
  close(): Promise<void>;
  /** Resolves after close() (or a signal) has finished. */
  closed: Promise<void>;
}

export interface StartOptions {
  logStream?: DestinationStream;
  /** Install SIGTERM/SIGINT handlers (the CLI does; tests usually do not). */
  handleSignals?: boolean;
}

/**
 * @example
 * const server = await startServer(loadConfig(process.env), { handleSignals: true });
 * console.log(server.url);
 * await server.closed;
 */
export async function startServer(config: ServerConfig, opts: StartOptions = {}): Promise<RunningServer> {
  const store = await openStore(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqliteFile: config.dbFile },
  );
  let app: FastifyInstance;
  try {
    app = await buildApp(config, { store, logStream: opts.logStream });
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await store.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${port}`;

  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      const timer = setTimeout(() => {
        app.log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; closing connections');
        app.server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      timer.unref();
      try {
        await app.close();
      } finally {
        clearTimeout(timer);
        await store.close();
        app.log.info('server stopped');
        removeSignals();
        resolveClosed();
      }
    })());

  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    void close();
  };
  const removeSignals = () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
  if (opts.handleSignals) {
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
  return { app, store, url, close, closed };
}

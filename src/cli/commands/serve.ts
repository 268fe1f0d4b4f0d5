import { isAbsolute, resolve } from 'node:path';
import type { Command } from '../context.js';
import { parseCommandArgs } from '../args.js';
import { CallGuardError } from '../../errors/catalogue.js';

const USAGE = `callguard serve [--port N] [--host HOST] [--db FILE|postgres://URL]

Runs the HTTP API, the live-call WebSocket (/v1/live) and the web app (/).
  --port   port to listen on (default PORT or 8080; 0 picks a free port)
  --host   address to listen on (default HOST or localhost; 0.0.0.0 for all interfaces)
  --db     SQLite file (default CALLGUARD_DB or ./data/callguard.db) or a postgres:// URL

Other settings come from the environment (DATABASE_URL, CALLGUARD_ADMIN_TOKEN, CALLGUARD_TRUST_PROXY,
CALLGUARD_CORS_ORIGINS, rate and body limits, LOG_LEVEL): see docs/operations.md.
Logs are JSON lines on standard output. SIGTERM or Ctrl+C stops it gracefully.`;

const FLAG_FOR: Record<string, string> = {
  PORT: '--port',
  HOST: '--host',
  CALLGUARD_DB: '--db',
  DATABASE_URL: '--db',
};

export const command: Command = {
  name: 'serve',
  summary: 'Run the HTTP API, live-call stream and web app',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
    });
    if (positionals.length > 0) {
      throw new CallGuardError('CG_UNKNOWN_OPTION', `serve takes no arguments; got "${positionals[0]}".`);
    }
    const env: Record<string, string | undefined> = { ...ctx.env };
    if (values.port !== undefined) env.PORT = values.port;
    if (values.host !== undefined) env.HOST = values.host;
    if (values.db !== undefined) {
      if (/^postgres(ql)?:\/\//.test(values.db)) env.DATABASE_URL = values.db;
      else {
        env.CALLGUARD_DB = values.db;
        env.DATABASE_URL = undefined;
      }
    }
    const { loadConfig } = await import('../../config/env.js');
    let config;
    try {
      config = loadConfig(env);
    } catch (err) {
      // A bad --port/--host/--db value is named by its flag, not by the variable it overrides.
      if (err instanceof CallGuardError && err.pointer && FLAG_FOR[err.pointer]) {
        const name = err.pointer;
        const flag = FLAG_FOR[name]!;
        if (ctx.env[name] !== env[name]) {
          throw new CallGuardError('CG_OPTION_VALUE_INVALID', err.message.replace(name, flag), {
            pointer: flag,
          });
        }
      }
      throw err;
    }
    if (!config.databaseUrl && !isAbsolute(config.dbFile)) config.dbFile = resolve(ctx.cwd, config.dbFile);

    const { startServer } = await import('../../server/start.js');
    // On the real standard output, the server's own buffered writer (flushed on exit); a test's
    // stream is written to directly.
    const logStream = ctx.stdout === process.stdout ? undefined : ctx.stdout;
    const server = await startServer(config, { ...(logStream ? { logStream } : {}), handleSignals: true });
    const where = config.databaseUrl ? 'PostgreSQL' : `SQLite ${config.dbFile}`;
    ctx.stderr.write(
      `CallGuard is running at ${server.url} (API docs: ${server.url}/docs, database: ${where}).\n`,
    );
    ctx.stderr.write('Press Ctrl+C to stop.\n');
    await server.closed;
    return 0;
  },
};

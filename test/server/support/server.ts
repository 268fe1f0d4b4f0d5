/**
 * Starts the real app on a real listener (port 0) over a real store, for the HTTP and WebSocket
 * suites. SQLite uses a temp file; PostgreSQL uses a fresh database on a server from
 * test/support/postgres.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { loadConfig } from '../../../src/config/env.js';
import { buildApp } from '../../../src/server/app.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/types.js';

export type Backend = 'sqlite' | 'postgres';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  /** Every log line written so far (JSON strings). */
  logs: string[];
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** PostgreSQL database URL; SQLite in a temp directory when absent. */
  databaseUrl?: string;
  env?: Record<string, string>;
  /** Register extra routes (e.g. a slow one) before the server listens. */
  extend?: (app: FastifyInstance) => void;
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-api-'));
  const config = loadConfig({
    LOG_LEVEL: 'info',
    CALLGUARD_WEB_DIR: join(dir, 'no-web'),
    ...opts.env,
  });
  const store = await openStore(
    opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : { sqliteFile: join(dir, 'test.db') },
  );
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const app = await buildApp(config, { store, logStream });
  opts.extend?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    store,
    logs,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  contentType: string;
  body: unknown;
  text: string;
}

/** fetch, then read the body as JSON when it is JSON. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const res = await fetch(base + path, init);
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let parsed: unknown = text;
  if (/json/.test(contentType) && text) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, contentType, body: parsed, text };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The log lines as text, for checks that a code such as "493817" never reaches the log. Each line's
 * time and duration (numbers) and a request id the server made (a random UUID) hold such digits by
 * chance now and then, so they are checked by shape and left out; everything else is kept as written.
 */
export function logTextWithoutTimesAndIds(logs: string[]): string {
  return logs
    .map((line) => {
      const { time, ms, ...rest } = JSON.parse(line) as Record<string, unknown>;
      expect(time, line).toEqual(expect.any(Number));
      if (ms !== undefined) expect(ms, line).toEqual(expect.any(Number));
      if (typeof rest.reqId === 'string' && UUID.test(rest.reqId)) rest.reqId = '<uuid>';
      return JSON.stringify(rest);
    })
    .join('\n');
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { lazyChildLogger, PathMask, RequestLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      cb();
    },
  });
  return { lines, stream, log: pino({ level: 'info', base: null }, stream) };
}

describe('lazyChildLogger (request.log)', () => {
  it('behaves as a pino child: bindings on every line, level checks, bindings() and flush()', async () => {
    const { lines, log } = capture();
    // Typed as Fastify's narrower logger; plugins treat request.log as the pino Logger it stands for.
    const child = lazyChildLogger(log, { reqId: 'r-1' }, {}) as unknown as pino.Logger;
    expect(child.isLevelEnabled('debug')).toBe(false);
    expect(child.isLevelEnabled('warn')).toBe(true);
    expect(child.bindings()).toEqual({ reqId: 'r-1' });
    child.info({ n: 1 }, 'hello');
    child.debug('not written');
    await new Promise<void>((resolve) => child.flush(() => resolve()));
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toMatchObject([
      { reqId: 'r-1', n: 1, msg: 'hello', level: 30 },
    ]);
  });
});

describe('RequestLogger (the one line per request)', () => {
  const base = { service: 'callguard' };
  const request = (id: string, url: string | undefined) =>
    ({ id, method: 'GET', url: '/v1/numbers/12025550143', routeOptions: { url } }) as FastifyRequest;
  const reply = (statusCode: number, elapsedTime: number) => ({ statusCode, elapsedTime }) as FastifyReply;
  const sameTime = (line: string) => line.replace(/"time":\d+/, '"time":0');

  it("writes a matched route's line with the same bytes as pino would", () => {
    const ours = capture();
    const logger = new RequestLogger(
      pino({ level: 'info', base }, ours.stream),
      ours.stream,
      base,
      new PathMask(),
    );
    const theirs = capture();
    const reference = pino({ level: 'info', base }, theirs.stream).child({
      method: 'GET',
      route: '/v1/numbers/:number',
    });
    const cases: Array<[string, number, number]> = [
      ['8e365535-1c49-47b4-a09c-fa121467cfde', 200, 1.26],
      ['odd "id" \\ \u2028', 503, 0.04],
      ['r-2', 404, 12],
    ];
    for (const [id, status, elapsed] of cases) {
      logger.write(request(id, '/v1/numbers/:number'), reply(status, elapsed));
      const line = { reqId: id, status, ms: Math.round(elapsed * 10) / 10 };
      if (status >= 500) reference.error(line, 'request failed');
      else reference.info(line, 'request');
    }
    expect(ours.lines.map(sameTime)).toEqual(theirs.lines.map(sameTime));
    expect(ours.lines).toHaveLength(3);
  });

  it('writes nothing below its level, and unmatched URLs without numbers', () => {
    const quiet = capture();
    new RequestLogger(pino({ level: 'error', base }, quiet.stream), quiet.stream, base, new PathMask()).write(
      request('r-1', '/v1/numbers/:number'),
      reply(200, 1),
    );
    expect(quiet.lines).toEqual([]);
    const loud = capture();
    const paths = new PathMask();
    paths.addRoute('/v1/numbers/:number');
    new RequestLogger(pino({ level: 'info', base }, loud.stream), loud.stream, base, paths).write(
      request('r-1', undefined),
      reply(404, 1),
    );
    expect(JSON.parse(loud.lines[0]!)).toMatchObject({
      reqId: 'r-1',
      route: 'unmatched /v1/numbers/*',
      status: 404,
    });
  });
});

describe('PathMask', () => {
  it("keeps only the app's own route words of a URL, whatever a client typed around them", () => {
    const paths = new PathMask();
    for (const route of ['/v1/numbers/:number', '/v1/assess', '/assets/*', '/']) paths.addRoute(route);
    expect(paths.mask('/v1/numbers/+12025550143?country=US')).toBe('/v1/numbers/*');
    expect(paths.mask('/v1/lookup/2-0-2-5-5-5-0-1-4-3')).toBe('/v1/*/*');
    expect(paths.mask('/v1/lookup/２０２５５５０１４３')).toBe('/v1/*/*');
    expect(paths.mask('/v1/assess/my%20password%20is%20hunter2')).toBe('/v1/assess/*');
    expect(paths.mask('/v1/assess/hunter')).toBe('/v1/assess/*');
    expect(paths.mask('//v1//assess')).toBe('//v1//assess');
    expect(paths.mask('/a/b/c/d/e/f/g/h/i/j/k/l/m/n')).toBe('/*/*/*/*/*/*/*/*/*/*/*/…');
    expect(paths.mask(undefined)).toBe('');
  });
});

describe('logDestination', () => {
  it('writes the lines still buffered when the process exits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-logexit-'));
    try {
      const file = join(dir, 'log.jsonl');
      const logger = new URL('./logger.ts', import.meta.url).href;
      // A few short lines stay in the 4 KB buffer; only the exit flush can write them.
      const code = `const { createLoggers, logDestination } = await import(${JSON.stringify(logger)});
        const { log } = createLoggers('info', logDestination(${JSON.stringify(file)}));
        log.info('first'); log.warn('last words'); process.exit(0);`;
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      const msgs = readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { msg: string }).msg);
      expect(msgs).toEqual(['first', 'last words']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

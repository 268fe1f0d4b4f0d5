import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { lazyChildLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      cb();
    },
  });
  return { lines, log: pino({ level: 'info', base: null }, stream) };
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

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import type { CliContext } from '../context.js';

function context(env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const ctx: CliContext = { stdout, stderr, stdin: new PassThrough(), env, cwd: process.cwd() };
  return { ctx, out: () => out, err: () => err };
}

describe('callguard serve', () => {
  it('refuses a bad --port naming the flag, before opening anything', async () => {
    const c = context();
    expect(await main(['serve', '--port', 'eighty'], c.ctx)).toBe(2);
    expect(c.err()).toMatch(/--port must be a whole number; got "eighty"/);
  });

  it('refuses a bad environment value naming the variable', async () => {
    const c = context({ PORT: '99999' });
    expect(await main(['serve'], c.ctx)).toBe(1);
    expect(c.err()).toMatch(/PORT .*65535/);
    expect(c.err()).toMatch(/CG_CONFIG_INVALID/);
    const d = context({ CALLGUARD_CORS_ORIGINS: 'not an origin' });
    expect(await main(['serve'], d.ctx)).toBe(1);
    expect(d.err()).toMatch(/CALLGUARD_CORS_ORIGINS/);
  });

  it('rejects unknown options and stray arguments', async () => {
    expect(await main(['serve', '--colour'], context().ctx)).toBe(2);
    expect(await main(['serve', 'now'], context().ctx)).toBe(2);
  });

  it('documents the settings in --help', async () => {
    const c = context();
    expect(await main(['serve', '--help'], c.ctx)).toBe(0);
    expect(c.out()).toMatch(/--port/);
    expect(c.out()).toMatch(/CALLGUARD_ADMIN_TOKEN/);
  });
});

import { describe, expect, it } from 'vitest';
import { loadConfig } from './env.js';
import { CallGuardError } from '../errors/catalogue.js';

function failure(env: Record<string, string>): CallGuardError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof CallGuardError) return err;
    throw err;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('has safe defaults: port 8080, CORS off, admin disabled, no proxy trust', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.corsOrigins).toEqual([]);
    expect(c.adminToken).toBeUndefined();
    expect(c.trustProxy).toBe(false);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dbFile).toBe('./data/callguard.db');
    expect(c.bodyLimit).toBe(1024 * 1024);
  });

  it('reads every kind of value', () => {
    const c = loadConfig({
      PORT: '3000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u@localhost:5432/cg',
      CALLGUARD_ADMIN_TOKEN: 'a-very-long-admin-token',
      CALLGUARD_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      CALLGUARD_CORS_ORIGINS: 'https://a.example.org,https://b.example.org',
      CALLGUARD_BODY_LIMIT: '512kb',
      LOG_LEVEL: 'warn',
    });
    expect(c.port).toBe(3000);
    expect(c.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(c.corsOrigins).toEqual(['https://a.example.org', 'https://b.example.org']);
    expect(c.bodyLimit).toBe(512 * 1024);
    expect(c.logLevel).toBe('warn');
    expect(loadConfig({ CALLGUARD_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ CALLGUARD_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', CALLGUARD_ADMIN_TOKEN: '' }).adminToken).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', /PORT must be a whole number; got "abc"/],
    [{ PORT: '70000' }, 'PORT', /PORT .*65535/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /LOG_LEVEL/],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /postgres:\/\/.*\(hidden\)/],
    [{ CALLGUARD_ADMIN_TOKEN: 'short' }, 'CALLGUARD_ADMIN_TOKEN', /16 characters.*got \(hidden\)/],
    [
      { CALLGUARD_ADMIN_TOKEN: 'a token with spaces in it' },
      'CALLGUARD_ADMIN_TOKEN',
      /without spaces.*got \(hidden\)/,
    ],
    [{ CALLGUARD_ADMIN_TOKEN: 'a-long-admin-token-here ' }, 'CALLGUARD_ADMIN_TOKEN', /without spaces/],
    [{ CALLGUARD_CORS_ORIGINS: 'example.org/path' }, 'CALLGUARD_CORS_ORIGINS', /origins/],
    [{ CALLGUARD_BODY_LIMIT: 'huge' }, 'CALLGUARD_BODY_LIMIT', /size/],
    [{ CALLGUARD_TRUST_PROXY: 'maybe please' }, 'CALLGUARD_TRUST_PROXY', /hop count/],
  ])('rejects %o with a message naming the variable', (env, name, message) => {
    const err = failure(env);
    expect(err.code).toBe('CG_CONFIG_INVALID');
    expect(err.pointer).toBe(name);
    expect(err.message).toMatch(message);
  });

  it('never echoes a secret', () => {
    expect(failure({ CALLGUARD_ADMIN_TOKEN: 'secret1' }).message).not.toContain('secret1');
  });
});

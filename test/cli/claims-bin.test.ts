import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Runs the built binary as a user would (npm test builds dist/ before running the tests).
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/callguard.js', import.meta.url));

function callguard(args: string[], input?: string) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', timeout: 20_000 });
}

describe('callguard binary: claim checks', () => {
  it('is built', () => {
    expect(
      existsSync(new URL('../../dist/cli/commands/url.js', import.meta.url)),
      'run npm run build first',
    ).toBe(true);
  });

  it('url --format json', () => {
    const r = callguard(['url', 'https://xn--pypal-4ve.com/signin', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'lookalike', brand: 'paypal' });
    expect(r.stderr).toBe('');
  });

  it('number --batch from stdin', () => {
    const r = callguard(['number', '--batch', '-'], '1-800-MICROSOFT\n0906 123 4567\n');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].official.org).toBe('microsoft');
    expect(lines[1].verdict).toBe('invalid'); // a UK premium number read with the default country US
  });

  it('bad input: one clear line, exit 2, no stack trace', () => {
    const r = callguard(['email', 'not an email']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^callguard: "not an email" is not an email address\. \(at email\)\n {2}.*\[CG_EMAIL_INVALID\]/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

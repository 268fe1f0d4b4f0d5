import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CallGuardError, ERROR_CATALOGUE } from './catalogue.js';
import { formatForCli, toProblem } from './problem.js';

describe('error catalogue', () => {
  it('is documented code by code in docs/errors.md', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    for (const code of Object.keys(ERROR_CATALOGUE)) expect(doc, code).toContain(`\`${code}\``);
  });

  it('renders a known error as problem+json with its field', () => {
    const p = toProblem(
      new CallGuardError('CG_INPUT_INVALID', 'initiatedBy must be them, me or unknown', {
        pointer: '/facts/initiatedBy',
      }),
    );
    expect(p).toMatchObject({ status: 400, code: 'CG_INPUT_INVALID', pointer: '/facts/initiatedBy' });
    expect(p.type).toBe('/docs/errors#cg_input_invalid');
  });

  it('never leaks the message of an unexpected error', () => {
    const p = toProblem(new TypeError('secret internal detail at /srv/x.js:12'));
    expect(p.status).toBe(500);
    expect(JSON.stringify(p)).not.toContain('secret');
    expect(formatForCli(new Error('boom stack'))).not.toContain('boom');
  });
});

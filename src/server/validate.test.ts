import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileInput, parseInput, type InputLocation } from './validate.js';

/** The compiled validator must answer exactly as parseInput: same output, same error. */
function same(schema: z.ZodType, where: InputLocation, values: unknown[]): void {
  const compiled = compileInput(schema, where);
  for (const value of values) {
    const outcome = (fn: () => unknown) => {
      try {
        return { ok: fn() };
      } catch (err) {
        return { err: { message: (err as Error).message, ...(err as object) } };
      }
    };
    expect(
      outcome(() => compiled(value)),
      JSON.stringify(value),
    ).toEqual(outcome(() => parseInput(schema, value, where)));
  }
}

describe('compileInput', () => {
  it('gives parseInput’s output and errors for plain string params', () => {
    const params = z.object({ number: z.string().min(1).max(5).describe('d') });
    same(params, 'params', [
      { number: '+1' },
      { number: '' },
      { number: '123456' },
      { number: 5 },
      {},
      { number: '1', extra: 'x' },
      { extra: 'x' },
      null,
      'str',
      [],
    ]);
    expect(compileInput(params, 'params')({ number: '12' })).toEqual({ number: '12' });
  });

  it('keeps the shape’s key order with several fields', () => {
    const s = z.object({ a: z.string(), b: z.string().max(3) });
    same(s, 'params', [{ b: 'x', a: 'y' }, { a: 'y' }, { a: 'y', b: 'long' }]);
    expect(Object.keys(compileInput(s, 'params')({ b: 'x', a: 'y' }) as object)).toEqual(['a', 'b']);
  });

  it('gives parseInput’s output and errors for an all-optional query', () => {
    const query = z.object({
      country: z
        .string()
        .regex(/^[A-Za-z]{2}$/)
        .transform((c) => c.toUpperCase())
        .optional(),
      org: z.string().trim().min(1).optional(),
    });
    same(query, 'query', [
      {},
      Object.create(null),
      { country: 'us' },
      { country: 'usa' },
      { org: '  ' },
      { x: 1 },
    ]);
    expect(compileInput(query, 'query')({ country: 'gb' })).toEqual({ country: 'GB' });
  });

  it('does not take the empty fast path when zod fills in defaults or requires fields', () => {
    const withDefault = z.object({ n: z.string().default('x') });
    same(withDefault, 'query', [{}]);
    expect(compileInput(withDefault, 'query')({})).toEqual({ n: 'x' });
    same(z.object({ a: z.string() }), 'params', [{}]);
    same(z.strictObject({ a: z.string().optional() }), 'body', [{}, { b: '1' }]);
  });
});

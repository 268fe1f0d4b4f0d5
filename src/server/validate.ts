import type { z } from 'zod';
import { CallGuardError } from '../errors/catalogue.js';
import { firstIssue } from '../errors/first-issue.js';

/** Where a value came from, which decides how the offending field is named. */
export type InputLocation = 'body' | 'query' | 'params' | 'headers';

/**
 * Validates with zod and turns the first issue into CG_INPUT_INVALID with a pointer:
 * a JSON pointer for body fields ("/facts/initiatedBy"), "?name" for query parameters,
 * "{name}" for path parameters and "header:name" for headers.
 *
 * @example
 * const body = parseInput(reportSchema, request.body, 'body');
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: InputLocation,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = firstIssue(result.error, value);
  const pointer = pointerFor(where, first.path);
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  const at = pointer === '' ? 'the body' : pointer;
  throw new CallGuardError('CG_INPUT_INVALID', `${at}: ${first.message}${more}.`, { pointer });
}

export function pointerFor(where: InputLocation, path: ReadonlyArray<PropertyKey>): string {
  const parts = path.map((p) => String(p));
  switch (where) {
    case 'body':
      return parts.map((p) => '/' + p.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
    case 'query':
      return parts.length ? `?${parts.join('.')}` : '?';
    case 'params':
      return `{${parts.join('.')}}`;
    case 'headers':
      return `header:${parts.join('.')}`;
  }
}

/**
 * parseInput compiled for one schema, with fast paths for the common shapes of a hot route's
 * input that give exactly zod's output without running zod: no keys at all (when zod makes `{}`
 * of `{}`), and an object of plain strings with only length bounds (path parameters). Anything
 * else, and every input a fast path would refuse, goes through parseInput, so the errors are
 * zod's own. A hot GET route ran zod twice per request (params and query) for ~1 µs.
 *
 * @example
 * const parseQuery = compileInput(querySchema, 'query');
 * const query = parseQuery(request.query);
 */
export function compileInput<S extends z.ZodType>(
  schema: S,
  where: InputLocation,
): (value: unknown) => z.output<S> {
  const slow = (value: unknown): z.output<S> => parseInput(schema, value, where);
  const emptyOk = emptyGivesEmpty(schema);
  const strings = plainStringFields(schema);
  if (!emptyOk && !strings) return slow;
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return slow(value);
    const raw = value as Record<string, unknown>;
    let n = 0;
    for (const key in raw) {
      const bounds = strings?.get(key);
      const v = raw[key];
      // A key zod would strip, or a value zod would refuse: zod decides (and words the error).
      if (!bounds || typeof v !== 'string' || v.length < bounds[0] || v.length > bounds[1])
        return slow(value);
      n++;
    }
    if (n === 0) return emptyOk ? ({} as z.output<S>) : slow(value);
    if (n !== strings!.size) return slow(value); // a required field is missing
    const out: Record<string, string> = {};
    for (const key of strings!.keys()) out[key] = raw[key] as string; // zod's key order: the shape's
    return out as z.output<S>;
  };
}

/** True when zod turns `{}` into `{}` (an object whose fields are all optional, no defaults). */
function emptyGivesEmpty(schema: z.ZodType): boolean {
  const r = schema.safeParse({});
  return r.success && typeof r.data === 'object' && r.data !== null && Object.keys(r.data).length === 0;
}

/**
 * For `z.object({ a: z.string().min(m).max(n), ... })` (fields required, strings with length
 * bounds only, unknown keys stripped): each field's [min, max]. Otherwise undefined.
 */
function plainStringFields(schema: z.ZodType): Map<string, [number, number]> | undefined {
  const def = schema._zod.def as { type: string; shape?: Record<string, z.ZodType>; catchall?: unknown };
  if (def.type !== 'object' || def.catchall !== undefined || !def.shape) return undefined;
  const out = new Map<string, [number, number]>();
  for (const [key, field] of Object.entries(def.shape)) {
    const f = field._zod.def as {
      type: string;
      coerce?: boolean;
      checks?: Array<{ _zod: { def: unknown } }>;
    };
    if (f.type !== 'string' || f.coerce) return undefined;
    const bounds: [number, number] = [0, Infinity];
    for (const c of f.checks ?? []) {
      const cd = c._zod.def as { check: string; minimum?: number; maximum?: number };
      if (cd.check === 'min_length' && typeof cd.minimum === 'number') bounds[0] = cd.minimum;
      else if (cd.check === 'max_length' && typeof cd.maximum === 'number') bounds[1] = cd.maximum;
      else return undefined;
    }
    out.set(key, bounds);
  }
  return out.size > 0 ? out : undefined;
}

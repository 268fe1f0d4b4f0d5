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

import type { z } from 'zod';

export interface FirstIssue {
  /** Path from the validated value's root to the offending field. */
  path: PropertyKey[];
  message: string;
  code: string;
}

type Issue = z.core.$ZodIssue;

/**
 * The first validation issue, with unions opened up: zod reports a value that fits no branch of a
 * union as a bare "Invalid input", which tells a person nothing. When one branch got further (the
 * value had the right shape but a bad field inside), that branch's issue is given, at its full path;
 * when every branch failed on the type itself, the message lists what would have been accepted.
 */
export function firstIssue(error: z.ZodError, input?: unknown): FirstIssue {
  const issue = open(error.issues[0]!);
  if (issue.code !== 'invalid_union' || input === undefined) return issue;
  return { ...issue, message: `${issue.message}, received ${typeOf(valueAt(input, issue.path))}` };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

function typeOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function open(issue: Issue): FirstIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
    return { path: [...issue.path], message: issue.message, code: issue.code };
  }
  const branches = issue.errors.filter((b) => b.length > 0).map((b) => open(b[0]!));
  const deepest = branches.reduce<FirstIssue | null>(
    (best, b) => (best === null || b.path.length > best.path.length ? b : best),
    null,
  );
  if (deepest && deepest.path.length > 0) {
    return { ...deepest, path: [...issue.path, ...deepest.path] };
  }
  const expected = [
    ...new Set(
      issue.errors
        .flat()
        .map(expectedOf)
        .filter((e) => e !== null),
    ),
  ];
  const message =
    expected.length > 0
      ? `Invalid input: expected ${expected.join(' or ')}`
      : (deepest?.message ?? issue.message);
  return { path: [...issue.path], message, code: 'invalid_union' };
}

function expectedOf(issue: Issue): string | null {
  if (issue.code === 'invalid_type') return issue.expected;
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v)).join(' or ');
  return null;
}

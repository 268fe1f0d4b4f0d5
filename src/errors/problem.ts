import { CallGuardError, ERROR_CATALOGUE, type ErrorCode } from './catalogue.js';

/** RFC 9457 problem details, with CallGuard's stable code and the offending field. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  pointer?: string;
  howToFix: string;
  instance?: string;
}

export function problemType(code: ErrorCode): string {
  return `/docs/errors#${code.toLowerCase()}`;
}

/** Converts any thrown value to a problem; unknown errors never leak their message or stack. */
export function toProblem(err: unknown, instance?: string): Problem {
  const known =
    err instanceof CallGuardError
      ? err
      : new CallGuardError('CG_INTERNAL', 'An unexpected error occurred. It has been logged.');
  const def = ERROR_CATALOGUE[known.code];
  const problem: Problem = {
    type: problemType(known.code),
    title: def.title,
    status: def.status,
    detail: known.message,
    code: known.code,
    howToFix: def.howToFix,
  };
  if (known.pointer !== undefined) problem.pointer = known.pointer;
  if (instance !== undefined) problem.instance = instance;
  return problem;
}

/** One line for a terminal: what was wrong, where, and how to fix it. */
export function formatForCli(err: unknown): string {
  const p = toProblem(err);
  const where = p.pointer ? ` (at ${p.pointer})` : '';
  return `callguard: ${p.detail}${where}\n  ${p.title} [${p.code}]. ${p.howToFix}`;
}

import type { Reason, Severity } from './types.js';

export function reason(code: string, severity: Severity, message: string): Reason {
  return { code, severity, message };
}

/** True when any finding is a warning or worse. */
export function hasConcern(reasons: readonly Reason[]): boolean {
  return reasons.some((r) => r.severity !== 'info');
}

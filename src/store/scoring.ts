/**
 * Reputation scoring: every constant is documented in docs/reputation.md; change both together.
 *
 * score = Σ over distinct reporters of decay(age of their latest visible report)
 *       − Σ over distinct "not a scam" voters of decay(age of their vote)
 * decay(age) = 2^(−age / HALF_LIFE_DAYS), so one person adds at most 1 however often they report.
 */
import type { Level } from './types.js';

export const HALF_LIFE_DAYS = 90;
const DAY_MS = 86_400_000;

/** Level thresholds. A level needs BOTH enough distinct reporters and enough decayed score. */
export const THRESHOLDS = {
  'likely-scam': { reporters: 2, score: 1.5 },
  'confirmed-scam': { reporters: 5, score: 4 },
} as const;

export function decay(ageMs: number): number {
  return Math.pow(2, -Math.max(0, ageMs) / (HALF_LIFE_DAYS * DAY_MS));
}

export interface LevelInput {
  reporters: number;
  score: number;
  feedReports: number;
  official: boolean;
}

/**
 * The level of a number. Official numbers of an organisation are never listed (they are spoofed);
 * public feed rows alone, or one reporter alone, never go past "reported".
 */
export function levelFor({ reporters, score, feedReports, official }: LevelInput): Level {
  if (official) return 'unknown';
  const c = THRESHOLDS['confirmed-scam'];
  const l = THRESHOLDS['likely-scam'];
  if (reporters >= c.reporters && score >= c.score) return 'confirmed-scam';
  if (reporters >= l.reporters && score >= l.score) return 'likely-scam';
  if ((reporters >= 1 && score > 0) || feedReports > 0) return 'reported';
  return 'unknown';
}

export const LEVEL_RANK: Record<Level, number> = {
  unknown: 0,
  reported: 1,
  'likely-scam': 2,
  'confirmed-scam': 3,
};

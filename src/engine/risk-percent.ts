/**
 * Risk as a percentage for people to read; never "0%" or "100%", which read as "safe" and "certain"
 * and a calibrated risk is neither.
 * @example riskPercent(0.002) // "under 1%"
 */
export function riskPercent(risk: number): string {
  // A missing risk must not read as the reassuring "under 1%".
  if (!Number.isFinite(risk)) return 'unknown';
  const p = Math.round(Math.max(0, Math.min(1, risk)) * 100);
  if (p < 1) return 'under 1%';
  if (p > 99) return 'over 99%';
  return `${p}%`;
}

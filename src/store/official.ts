/**
 * What the store needs from the knowledge packs: is this an official number of an organisation
 * (then community reports never list it: it is being spoofed), and which organisation a claimed
 * name means. Injected so the store can be tested alone.
 */
import type { OfficialMatch } from './types.js';

export interface Knowledge {
  official(e164: string): OfficialMatch | null;
  /** Normalised organisation id for a claimed name ("MS" -> "microsoft"), or null. */
  brand(claimed: string): string | null;
}

/** Falls back to the claimed name, lowercased and whitespace-collapsed. */
export function brandOf(knowledge: Knowledge, claimed: string | undefined): string | null {
  if (!claimed) return null;
  return knowledge.brand(claimed) ?? claimed.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 100);
}

import { findOrg } from '../knowledge/index.js';
import type { Knowledge } from './official.js';

/**
 * The knowledge packs as the store sees them: claimed names normalised with findOrg ("MS support"
 * -> "microsoft"). Official numbers come from the organisations' channels once they are published.
 */
export async function defaultKnowledge(): Promise<Knowledge> {
  return { official: () => null, brand: (claimed) => findOrg(claimed)?.id ?? null };
}

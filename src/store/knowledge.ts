import { findOrg, getOrg, numberChannel } from '../knowledge/index.js';
import type { Knowledge } from './official.js';

/**
 * The knowledge packs as the store sees them: official numbers from the organisations' reviewed
 * channels (never listed as scams: they are spoofed), and claimed names normalised with findOrg
 * ("MS support" -> "microsoft").
 */
export async function defaultKnowledge(): Promise<Knowledge> {
  return {
    official(e164) {
      const hit = numberChannel(e164);
      return hit ? { org: hit.org, name: getOrg(hit.org).name, channel: hit.number.channel } : null;
    },
    brand: (claimed) => findOrg(claimed)?.id ?? null,
  };
}

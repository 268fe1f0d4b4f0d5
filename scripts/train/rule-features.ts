/**
 * Stage 2 inputs: what the engine's rules raise on each record, with weights set to 1 so each flag's
 * recorded weight is its strength (1, or less for unattributed text). Runs the real engine.
 */
import { assess, WEIGHTS } from '../../src/engine/index.js';
import { assessInputOf } from '../../src/eval/evaluate.js';
import type { Doc } from './corpus.js';

export interface RuleHits {
  /** Flag id -> strength in (0, 1]. */
  flags: Map<string, number>;
  mitigations: string[];
}

/** Group of every flag id seen, for the engine's per-group caps. */
export type FlagGroups = Map<string, string>;

export function extractRuleHits(docs: readonly Doc[]): { hits: RuleHits[]; groups: FlagGroups } {
  const saved = { ...WEIGHTS.flags };
  const groups: FlagGroups = new Map();
  try {
    for (const id of Object.keys(WEIGHTS.flags)) WEIGHTS.flags[id] = 1;
    const hits = docs.map((d) => {
      const a = assess(assessInputOf(d.record), { learned: false });
      const flags = new Map<string, number>();
      for (const f of a.redFlags) {
        if (f.group === 'learned' || !(f.id in saved)) continue;
        flags.set(f.id, f.weight);
        groups.set(f.id, f.group);
      }
      return { flags, mitigations: (a.mitigations ?? []).map((m) => m.id) };
    });
    return { hits, groups };
  } finally {
    Object.assign(WEIGHTS.flags, saved);
  }
}

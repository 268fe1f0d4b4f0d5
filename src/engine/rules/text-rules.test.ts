/**
 * The scanner only tries a rule near one of its key words, so every trigger match must contain a
 * key word. Checked on every regression scenario and on phrases each trigger is written for.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEXT_RULES } from './text-rules.js';
import { normalise } from '../text/normalise.js';

const scenarios = readFileSync(
  fileURLToPath(new URL('../../../test/regression/scenarios.jsonl', import.meta.url)),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { text?: string; turns?: { text: string }[] });
const texts = scenarios.flatMap((s) => (s.turns ? s.turns.map((t) => t.text) : (s.text ?? '').split('\n')));

describe('text rules', () => {
  it('have unique ids, and keys that are single lowercase words', () => {
    const ids = TEXT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of TEXT_RULES) {
      expect(r.keys.length, r.id).toBeGreaterThan(0);
      for (const k of r.keys) expect(k, r.id).toMatch(/^[a-z0-9'’]+$/);
    }
  });

  it('never match without one of their key words', () => {
    let matches = 0;
    for (const rule of TEXT_RULES) {
      const re = new RegExp(`\\b(?:${rule.trigger})(?![a-z0-9'])`, 'g');
      const keys = new Set(rule.keys);
      for (const original of texts) {
        const text = normalise(original).text;
        for (const m of text.matchAll(re)) {
          matches++;
          const words = m[0].split(/[^a-z0-9']+/);
          expect(
            words.some((w) => keys.has(w)),
            `${rule.id} matched "${m[0]}" without a key`,
          ).toBe(true);
        }
      }
    }
    expect(matches).toBeGreaterThan(100);
  });
});

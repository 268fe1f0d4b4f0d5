/**
 * Runs every scenario of test/regression/scenarios.jsonl (written by hand: scams and hard legitimate
 * calls) through the engine and checks the verdict and the flags it must and must not raise.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assess, type CallFacts, type TranscriptInput } from '../../src/engine/index.js';

interface Scenario {
  id: string;
  label: 'scam' | 'legit';
  expect: string[];
  text?: string;
  turns?: { speaker?: string; text: string }[];
  facts?: CallFacts;
  mustFlag?: string[];
  mustNotFlag?: string[];
  note?: string;
}

const file = fileURLToPath(new URL('./scenarios.jsonl', import.meta.url));
const scenarios: Scenario[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Scenario);

describe('regression scenarios', () => {
  it('has the scenarios the lead wrote (60+)', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(60);
  });

  for (const s of scenarios) {
    it(`${s.id} (${s.label}): ${s.note ?? ''}`, () => {
      const transcript: TranscriptInput | undefined = s.turns ?? s.text;
      const a = assess({ ...(s.facts ? { facts: s.facts } : {}), ...(transcript ? { transcript } : {}) });
      const ids = a.redFlags.map((f) => f.id);
      expect
        .soft(s.expect, `verdict ${a.verdict} (risk ${a.risk}); flags ${ids.join(', ')}`)
        .toContain(a.verdict);
      for (const id of s.mustFlag ?? []) expect.soft(ids, `must raise ${id}`).toContain(id);
      for (const id of s.mustNotFlag ?? []) expect.soft(ids, `must not raise ${id}`).not.toContain(id);
      if (s.label === 'legit') expect(a.verdict).not.toBe('scam');
    });
  }
});

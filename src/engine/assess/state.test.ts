/**
 * Settled rules (see settle in state.ts) are skipped by the scanner: a long call must come out
 * exactly as it would if every hit were still looked for and recorded.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../transcript/parse.js';
import { TEXT_RULES } from '../rules/text-rules.js';
import { buildAssessment } from './assess.js';
import { newScanState, scanInto, type ScanState } from './state.js';

const scenarios = readFileSync(
  fileURLToPath(new URL('../../../test/regression/scenarios.jsonl', import.meta.url)),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { text?: string; turns?: { speaker?: string; text: string }[] });

/** A long call: every scenario's turns, twice, as "Caller:/Callee:" lines. */
const longCall = [...scenarios, ...scenarios]
  .flatMap((s) => s.turns ?? [{ speaker: 'caller', text: s.text ?? '' }])
  .map((t) => `${t.speaker === 'callee' ? 'Callee' : 'Caller'}: ${t.text.replace(/\n/g, ' ')}`)
  .join('\n');

function scan(state: ScanState): string {
  const transcript = parseTranscript(longCall);
  transcript.segments.forEach((seg, i) => scanInto(state, seg, i));
  return JSON.stringify(buildAssessment(state, {}, transcript, false));
}

describe('settled rules', () => {
  it('change nothing in a long call', () => {
    const settling = newScanState();
    // The same scan, but the scanner never sees a settled rule (each read gives fresh zeros).
    const unsettled = newScanState();
    Object.defineProperty(unsettled, 'settled', {
      get: () => ({
        caller: new Uint8Array(TEXT_RULES.length),
        callee: new Uint8Array(TEXT_RULES.length),
        unknown: new Uint8Array(TEXT_RULES.length),
      }),
    });
    expect(scan(settling)).toBe(scan(unsettled));
    // And the long call did settle rules (otherwise this test checks nothing).
    expect(settling.settled.caller.reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
  });
});

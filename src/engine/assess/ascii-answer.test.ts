/**
 * The engine's own words (explanations, advice, sources, organisation texts) are plain ASCII. One
 * curly apostrophe anywhere makes V8 build every answer as a two-byte string: twice the memory, and
 * slower to serialise and to send (the API's 14 KB assess answer measured ~5 µs more to encode).
 * Quotes from the caller's transcript may hold anything; they are not checked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ORGANISATIONS } from '../../knowledge/index.js';
import { assess } from '../index.js';
import type { Assessment, CallFacts } from '../types.js';

interface Scenario {
  id: string;
  text?: string;
  turns?: { speaker?: string; text: string }[];
  facts?: CallFacts;
}

const scenarios = readFileSync(new URL('../../../test/regression/scenarios.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Scenario);

/** Every string of the answer outside evidence (which quotes the transcript), with where it is. */
function ownStrings(value: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => ownStrings(v, `${path}/${i}`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'evidence') ownStrings(v, `${path}/${k}`, out);
  }
  return out;
}

function nonAscii(a: Assessment): string[] {
  return ownStrings(a, '', [])
    .filter(([, s]) => /[^\x00-\x7f]/.test(s)) // eslint-disable-line no-control-regex -- ASCII range
    .map(([p, s]) => `${p}: ${s}`);
}

describe("the engine's own words", () => {
  it('are ASCII in every regression scenario', () => {
    for (const s of scenarios) {
      const transcript = s.turns ?? s.text;
      const a = assess({ ...(s.facts ? { facts: s.facts } : {}), ...(transcript ? { transcript } : {}) });
      expect(nonAscii(a), s.id).toEqual([]);
    }
  });

  it('are ASCII for every organisation, whatever the verdict', () => {
    for (const org of ORGANISATIONS) {
      for (const initiatedBy of ['them', 'me'] as const) {
        const a = assess({
          facts: {
            claimedOrg: org.name,
            initiatedBy,
            checklist: { askedForRemoteAccess: initiatedBy === 'them', askedForGiftCardsCryptoOrWire: true },
          },
        });
        expect(nonAscii(a), `${org.id} ${initiatedBy}`).toEqual([]);
      }
      expect(nonAscii(assess({ facts: { claimedOrg: org.name, initiatedBy: 'me' } })), org.id).toEqual([]);
    }
  });
});

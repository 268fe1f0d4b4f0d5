/** Sample cases for the case-file tests, with fixed ids and times so outputs are stable. */
import { readFileSync } from 'node:fs';
import { createCase, type Case } from '../../src/cases/index.js';

export const NOW = new Date('2026-11-25T12:00:00Z');
export const FIXTURES = ['phantom-hacker-us', 'tech-support-uk', 'refund-au', 'near-miss-us'] as const;
export type FixtureName = (typeof FIXTURES)[number];

export function fixtureInput(name: FixtureName): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
}

/** The fixture as a validated case with a fixed id and timestamps. */
export function loadFixture(name: FixtureName): Case {
  const c = createCase(fixtureInput(name), { now: NOW });
  const id = Array.from(name.padEnd(32, '0').slice(0, 32), (ch) => (/[0-9a-f]/.test(ch) ? ch : '0')).join('');
  return { ...c, id, createdAt: '2026-11-24T08:00:00.000Z', updatedAt: '2026-11-25T09:30:00.000Z' };
}

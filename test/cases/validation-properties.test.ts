/**
 * Hostile input through validation: whatever arrives (any JSON value, any string in any field), the
 * case validator either returns a case or throws a CallGuardError — never anything else — and what it
 * returns renders.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallGuardError } from '../../src/errors/catalogue.js';
import { allReports, createCase, renderEvidenceHtml } from '../../src/cases/index.js';

const now = new Date('2026-11-25T12:00:00Z');

function outcome(input: unknown): 'ok' | 'rejected' {
  try {
    const c = createCase(input, { now });
    allReports(c);
    expect(renderEvidenceHtml(c, { generatedAt: now })).not.toMatch(/<script/i);
    return 'ok';
  } catch (err) {
    if (err instanceof CallGuardError) {
      expect(err.code).toMatch(/^CG_/);
      expect(err.pointer ?? '').toMatch(/^\//);
      return 'rejected';
    }
    throw err;
  }
}

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('<script>alert(1)</script>', '4111 1111 1111 1111', '-5', '1e400', '2999-01-01', '', ' '),
);

describe('validation never fails with anything but a CallGuardError', () => {
  it('for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        outcome(v);
        outcome({ items: [v] });
      }),
      { numRuns: 200 },
    );
  });

  it('for hostile strings in every field of every item kind', () => {
    const item = fc.oneof(
      fc.record({
        kind: fc.constant('call'),
        at: fc.oneof(text, fc.constant('2026-11-20T10:00:00Z')),
        direction: fc.oneof(text, fc.constant('incoming')),
        theirNumber: text,
        claimedOrg: text,
        transcript: text,
        notes: text,
      }),
      fc.record({
        kind: fc.constant('message'),
        channel: fc.constant('text'),
        sender: text,
        content: text,
        links: fc.array(text, { maxLength: 3 }),
      }),
      fc.record({ kind: fc.constant('remote-session'), tool: text, codeGiven: fc.boolean() }),
      fc.record({
        kind: fc.constant('payment'),
        at: fc.constant('2026-11-20'),
        method: fc.constantFrom('wire', 'crypto', 'gift-card'),
        amount: fc.oneof(text, fc.double(), fc.integer()),
        currency: text,
        reference: text,
      }),
      fc.record({
        kind: fc.constant('disclosure'),
        what: fc.constantFrom('card', 'ssn', 'password'),
        last4: text,
      }),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }), text, (items, summary) => {
        outcome({ summary, title: summary, items });
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * The organisation the caller claims to be. Facts first (claimed name, caller ID name), then the
 * caller's own introduction ("this is David from Windows support"), and only for display a name
 * the caller merely mentioned ("Microsoft never calls like that" claims nothing).
 */
import { findOrg } from '../../knowledge/index.js';
import type { OrgProfile } from '../../knowledge/types.js';
import type { CallFacts } from '../types.js';

export interface ClaimedOrg {
  org: OrgProfile | null;
  /** True when the caller claimed to be this organisation (facts or self-introduction). */
  claimed: boolean;
}

export function claimedOrg(facts: CallFacts, introText: string, callerText: string): ClaimedOrg {
  for (const text of [facts.claimedOrg, facts.callerIdName, introText]) {
    if (!text) continue;
    const org = findOrg(text);
    if (org) return { org, claimed: true };
  }
  const mentioned = callerText ? findOrg(callerText) : null;
  return { org: mentioned, claimed: false };
}

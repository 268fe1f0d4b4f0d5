/** The organisation the caller claims to be: from the facts first, then caller ID name, then the caller's words. */
import { findOrg } from '../../knowledge/index.js';
import type { OrgProfile } from '../../knowledge/types.js';
import type { CallFacts } from '../types.js';

export function claimedOrg(facts: CallFacts, callerText: string): OrgProfile | null {
  if (facts.claimedOrg) {
    const org = findOrg(facts.claimedOrg);
    if (org) return org;
  }
  if (facts.callerIdName) {
    const org = findOrg(facts.callerIdName);
    if (org) return org;
  }
  return callerText ? findOrg(callerText) : null;
}

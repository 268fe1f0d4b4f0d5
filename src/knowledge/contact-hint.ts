import type { OrgProfile } from './types.js';

/**
 * One sentence on where the person finds the organisation's real contact details themselves: its
 * own page, or for a generic profile (their bank) where it is written (their card, their statement).
 * @example findItYourself(getOrg('microsoft')) // "Find Microsoft's real contact details yourself: https://…"
 */
export function findItYourself(org: OrgProfile): string {
  const { text, url } = org.officialContact;
  return url ? `Find ${org.name}'s real contact details yourself: ${url}` : `${text}.`;
}

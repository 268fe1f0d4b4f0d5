import type { OfficialNumber, OrgId } from '../types.js';
import { CHANNELS } from './index.js';

export type HostOwnership = { org: OrgId; kind: 'official' | 'user-content'; matched: string };

const rootOwner = new Map<string, OrgId>();
const userContentOwner = new Map<string, OrgId>();
const emailOwner = new Map<string, OrgId>();
const numberOwner = new Map<string, { org: OrgId; number: OfficialNumber }>();

for (const [id, ch] of Object.entries(CHANNELS) as [OrgId, (typeof CHANNELS)[OrgId]][]) {
  for (const d of ch.rootDomains) if (!rootOwner.has(d)) rootOwner.set(d, id);
  for (const h of ch.userContentHosts) if (!userContentOwner.has(h)) userContentOwner.set(h, id);
  for (const d of ch.emailSendingDomains) if (!emailOwner.has(d)) emailOwner.set(d, id);
  for (const n of ch.officialNumbers) numberOwner.set(n.e164, { org: id, number: n });
}

/** The longest known domain: no longer suffix of a name can match. */
const LONGEST = Math.max(
  ...[...rootOwner.keys(), ...userContentOwner.keys(), ...emailOwner.keys()].map((d) => d.length),
);

/**
 * Where the walk over `name`'s whole-label suffixes starts: at the first one short enough to be a
 * known domain (-1: none is). Why not at 0: a hostile name of thousands of labels would slice every
 * suffix (quadratic).
 */
function firstKnownLengthSuffix(name: string): number {
  return name.length <= LONGEST ? 0 : name.indexOf('.', name.length - LONGEST - 1) + 1 || -1;
}

/**
 * Who owns a host name, matched on whole labels (`a.b.microsoft.com` is under `microsoft.com`,
 * `evilmicrosoft.com` is not). A user-content host wins over the root domain it sits on.
 *
 * @example hostOwner('forms.office.com') // { org: 'microsoft', kind: 'user-content', matched: 'forms.office.com' }
 */
export function hostOwner(host: string): HostOwnership | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  let root: HostOwnership | null = null;
  // Walk from the full host to its last label: the longest user-content match wins, then the longest root.
  for (let i = firstKnownLengthSuffix(h); i !== -1; i = h.indexOf('.', i) + 1 || -1) {
    const suffix = h.slice(i);
    const uc = userContentOwner.get(suffix);
    if (uc) return { org: uc, kind: 'user-content', matched: suffix };
    if (root === null) {
      const r = rootOwner.get(suffix);
      if (r) root = { org: r, kind: 'official', matched: suffix };
    }
  }
  return root;
}

/** The organisation whose official sending domain this is (whole-label suffix match), or null. */
export function emailDomainOwner(domain: string): OrgId | null {
  const d = domain.toLowerCase().replace(/\.$/, '');
  for (let i = firstKnownLengthSuffix(d); i !== -1; i = d.indexOf('.', i) + 1 || -1) {
    const hit = emailOwner.get(d.slice(i));
    if (hit) return hit;
  }
  return null;
}

/** The official channel an E.164 number belongs to, or null. */
export function numberChannel(e164: string): { org: OrgId; number: OfficialNumber } | null {
  return numberOwner.get(e164) ?? null;
}

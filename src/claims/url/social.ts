import { CHANNELS } from '../../knowledge/channels/index.js';
import type { OrgId } from '../../knowledge/types.js';
import { brandHitsInLabel } from './brand-hits.js';

/** Social networks whose profile addresses are host/handle, and the other names of their hosts. */
const NETWORK_HOSTS: Readonly<Record<string, string>> = {
  'x.com': 'x',
  'twitter.com': 'x',
  'mobile.twitter.com': 'x',
  'facebook.com': 'facebook',
  'm.facebook.com': 'facebook',
  'instagram.com': 'instagram',
  'youtube.com': 'youtube',
  'tiktok.com': 'tiktok',
  'linkedin.com': 'linkedin',
};

/** Lowercase "network/handle" of every official account, from the reviewed channel data. */
const OFFICIAL = new Map<string, OrgId>();
for (const ch of Object.values(CHANNELS)) {
  for (const a of ch.socialAccounts) {
    try {
      const u = new URL(a.url);
      const network = NETWORK_HOSTS[u.hostname.replace(/^www\./, '')];
      const handle = u.pathname.split('/')[1]?.toLowerCase();
      if (network && handle) OFFICIAL.set(`${network}/${handle}`, ch.id);
    } catch {
      // a malformed entry is caught by the channel-data tests
    }
  }
}

export type SocialMatch =
  { kind: 'official'; org: OrgId; handle: string } | { kind: 'imitation'; org: OrgId; handle: string };

/**
 * A profile address on a social network: an organisation's official account, or an account whose
 * handle carries a brand name without being official (fake "support" accounts are a common
 * lure). Null for anything else.
 *
 * @example socialAccount('x.com', '/MicrosoftHelps') // { kind: 'official', org: 'microsoft', handle: 'microsofthelps' }
 */
export function socialAccount(host: string, pathname: string): SocialMatch | null {
  const network = NETWORK_HOSTS[host.replace(/^www\./, '')];
  if (!network) return null;
  const handle = pathname.split('/')[1]?.replace(/^@/, '').toLowerCase();
  if (!handle || handle.length > 64) return null;
  const official = OFFICIAL.get(`${network}/${handle}`);
  if (official) return { kind: 'official', org: official, handle };
  // A handle that is just the brand may be the real account we do not list; brand plus words is not.
  const hit = brandHitsInLabel(handle.replace(/[_.]/g, '-')).find(
    (h) => h.kind === 'contains' || h.kind === 'keyword',
  );
  return hit ? { kind: 'imitation', org: hit.org, handle } : null;
}

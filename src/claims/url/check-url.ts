import { toUnicode } from 'punycode/punycode.es6.js';
import { parse as parseDomain } from 'tldts';
import { findItYourself, getOrg, hostOwner, resolveOrg } from '../../knowledge/index.js';
import type { OrgId } from '../../knowledge/types.js';
import { hasConcern, reason } from '../reasons.js';
import type { Reason, UrlCheck } from '../types.js';
import { brandHitsInLabel, brandInWord, type BrandHit } from './brand-hits.js';
import { FREE_HOSTING_DOMAINS, REMOTE_ACCESS_DOMAINS, SHORTENERS, SUSPICIOUS_TLDS } from './lists.js';
import { parseUrl } from './parse-url.js';
import { scriptsOf } from './skeleton.js';
import { socialAccount } from './social.js';

export interface CheckUrlOptions {
  /** The organisation the address is claimed to belong to (id or name). */
  org?: string;
}

/** Reasons that mean "imitates an organisation", which make the verdict "lookalike". */
const LOOKALIKE_CODES: ReadonlySet<string> = new Set([
  'LOOKALIKE_DOMAIN',
  'HOMOGLYPH_DOMAIN',
  'TYPO_DOMAIN',
  'BRAND_IN_SUBDOMAIN',
  'OFFICIAL_DOMAIN_IN_SUBDOMAIN',
  'BRAND_ON_HOSTING',
  'BRAND_IN_USERINFO',
  'OFFICIAL_DOMAIN_IN_PATH',
  'UNOFFICIAL_SOCIAL_ACCOUNT',
]);

const PATH_SCAN_LIMIT = 2048;
const PATH_SCAM_WORDS =
  /(?:^|[^a-z])(?:log-?in|sign-?in|verify|verification|account|password|secure|update|unlock|support|billing|refund|wallet|recover)/;

/**
 * Says whether a web address belongs to an organisation, sits on one of its user-content hosts,
 * or imitates it (lookalike letters, misspellings, brand in a subdomain or path, brand plus
 * keyword). Throws CG_URL_INVALID when the input is not a web address.
 *
 * @example checkUrl('https://support.microsoft.com/contactus').verdict // 'official'
 * @example checkUrl('microsoft.com.help-desk.xyz').verdict // 'lookalike'
 * @example checkUrl('https://forms.office.com/r/abc').verdict // 'user-content-on-official-domain'
 */
export function checkUrl(input: string, opts: CheckUrlOptions = {}): UrlCheck {
  const { url, schemeAdded, refanged } = parseUrl(input);
  const claimed = opts.org ? resolveOrg(opts.org) : null;
  const reasons: Reason[] = [];
  if (refanged)
    reasons.push(
      reason(
        'REFANGED',
        'info',
        'The address was written defanged ("hxxp", "[.]"); it was read as a normal link.',
      ),
    );

  if (!/^(?:https?|ftp|wss?):$/.test(url.protocol)) {
    reasons.push(
      reason(
        'DANGEROUS_SCHEME',
        'danger',
        `A "${url.protocol}" link runs or shows content directly instead of opening a website. Do not open it.`,
      ),
    );
    return {
      input,
      host: '',
      asciiHost: '',
      registrableDomain: null,
      verdict: 'suspicious',
      brand: claimed?.id ?? null,
      reasons,
    };
  }

  const asciiHost = url.hostname.replace(/\.$/, '');
  const { unicodeHost, malformed } = decodeHost(asciiHost);
  const isIp = /^\d{1,3}(?:\.\d{1,3}){3}$/.test(asciiHost) || asciiHost.startsWith('[');
  const icann = parseDomain(asciiHost, { extractHostname: false });
  const registrableDomain = isIp ? null : icann.domain ? decodeHost(icann.domain).unicodeHost : null;

  // The first organisation found imitated (no closure: this runs per URL on hot paths).
  const imitated: { org: OrgId | null } = { org: null };

  if (malformed)
    reasons.push(
      reason(
        'MALFORMED_IDN',
        'danger',
        'The international domain name is malformed; browsers may show it differently from what it is.',
      ),
    );

  const owner = isIp ? null : hostOwner(asciiHost);
  if (owner) {
    const org = getOrg(owner.org);
    if (owner.kind === 'official') {
      reasons.push(reason('OFFICIAL_DOMAIN', 'info', `${owner.matched} belongs to ${org.name}.`));
    } else {
      reasons.push(
        reason(
          'USER_CONTENT_HOST',
          'warning',
          `${owner.matched} belongs to ${org.name}, but anyone can publish pages, forms or files there. It never proves that ${org.name} sent it, and phishing pages are often hosted on it.`,
        ),
      );
      // A page on someone's hosting that names another brand is imitating that brand.
      const sub = icann.subdomain ? icann.subdomain : '';
      for (const hit of hitsInLabels(sub.split('.'))) {
        if (hit.org === owner.org) continue;
        reasons.push(
          reason(
            'BRAND_ON_HOSTING',
            'danger',
            `The address names ${getOrg(hit.org).name} but is a page anyone could make on ${owner.matched}.`,
          ),
        );
        imitated.org ??= hit.org;
        break;
      }
    }
    // Profiles on official social networks (LinkedIn, YouTube) are their members' content.
    const profile = socialAccount(asciiHost, url.pathname);
    if (profile?.kind === 'imitation') {
      reasons.push(
        reason(
          'UNOFFICIAL_SOCIAL_ACCOUNT',
          'danger',
          `"${profile.handle}" uses the ${getOrg(profile.org).name} name but is a member's page on ${owner.matched}, not an official account.`,
        ),
      );
      imitated.org ??= profile.org;
    }
    if (claimed && claimed.id !== owner.org && claimed.id !== 'bank') {
      reasons.push(
        reason('NOT_CLAIMED_ORG', 'warning', `This address belongs to ${org.name}, not ${claimed.name}.`),
      );
    }
    addPathReasons(reasons, url, asciiHost, owner.org, imitated);
    const verdict =
      imitated.org !== null
        ? 'lookalike'
        : owner.kind === 'official'
          ? 'official'
          : 'user-content-on-official-domain';
    return {
      input,
      host: unicodeHost,
      asciiHost,
      registrableDomain,
      verdict,
      brand: imitated.org ?? owner.org,
      reasons,
    };
  }

  const social = isIp ? null : socialAccount(asciiHost, url.pathname);
  if (social) {
    const org = getOrg(social.org);
    if (social.kind === 'official') {
      reasons.push(
        reason('OFFICIAL_SOCIAL_ACCOUNT', 'info', `@${social.handle} is an official ${org.name} account.`),
      );
      return {
        input,
        host: unicodeHost,
        asciiHost,
        registrableDomain,
        verdict: 'official',
        brand: social.org,
        reasons,
      };
    }
    reasons.push(
      reason(
        'UNOFFICIAL_SOCIAL_ACCOUNT',
        'danger',
        `@${social.handle} uses the ${org.name} name but is not one of its official accounts. Fake "support" accounts ask for details and payment.`,
      ),
    );
    imitated.org ??= social.org;
  }

  if (isIp) {
    reasons.push(
      reason(
        'IP_ADDRESS_HOST',
        'danger',
        'The link goes to a bare IP address instead of a named website. Real companies do not send you to one.',
      ),
    );
  } else {
    const domainLabel = icann.domainWithoutSuffix ? decodeHost(icann.domainWithoutSuffix).unicodeHost : '';
    for (const hit of brandHitsInLabel(domainLabel)) {
      reasons.push(describeDomainHit(hit, registrableDomain ?? unicodeHost));
      imitated.org ??= hit.org;
    }
    const subdomain = icann.subdomain ? decodeHost(icann.subdomain).unicodeHost : '';
    if (subdomain) {
      const subOwner = hostOwner(icann.subdomain ?? '');
      if (subOwner && subOwner.kind === 'official' && subOwner.matched.includes('.')) {
        reasons.push(
          reason(
            'OFFICIAL_DOMAIN_IN_SUBDOMAIN',
            'danger',
            `The address starts with "${subOwner.matched}" to look like ${getOrg(subOwner.org).name}, but the site is really ${registrableDomain}.`,
          ),
        );
        imitated.org ??= subOwner.org;
      } else {
        for (const hit of hitsInLabels(subdomain.split('.'))) {
          reasons.push(
            reason(
              'BRAND_IN_SUBDOMAIN',
              'danger',
              `"${hit.token}" appears in front of ${registrableDomain}, which ${getOrg(hit.org).name} does not own.`,
            ),
          );
          imitated.org ??= hit.org;
          break;
        }
      }
    }
    if (unicodeHost !== asciiHost) {
      for (const label of unicodeHost.split('.')) {
        const scripts = scriptsOf(label);
        if (scripts.length > 1) {
          reasons.push(
            reason(
              'MIXED_SCRIPTS',
              'danger',
              `"${label}" mixes alphabets (${scripts.join(' and ')}), a trick to imitate a familiar name.`,
            ),
          );
          break;
        }
      }
    }
    if (unicodeHost !== asciiHost && !reasons.some((r) => r.code === 'HOMOGLYPH_DOMAIN')) {
      reasons.push(
        reason(
          'INTERNATIONAL_DOMAIN',
          'info',
          `International domain name: shown as ${unicodeHost}, sent as ${asciiHost}.`,
        ),
      );
    }
    const privateSuffix = parseDomain(asciiHost, { extractHostname: false, allowPrivateDomains: true });
    const freeHost = privateSuffix.isPrivate
      ? privateSuffix.publicSuffix
      : registrableDomain && FREE_HOSTING_DOMAINS.has(registrableDomain) && registrableDomain !== unicodeHost
        ? registrableDomain
        : null;
    if (freeHost) {
      reasons.push(
        reason(
          'FREE_HOSTING',
          imitated.org ? 'danger' : 'warning',
          `Anyone can publish a site under ${freeHost} in minutes; no company's support or sign-in page lives there.`,
        ),
      );
    }
    const tld = icann.publicSuffix?.split('.').pop() ?? '';
    if (icann.isIcann === false && !privateSuffix.isPrivate) {
      reasons.push(
        reason('UNKNOWN_TLD', 'warning', `".${tld}" is not a top-level domain on the public internet.`),
      );
    } else if (SUSPICIOUS_TLDS.has(tld)) {
      reasons.push(
        reason(
          'SUSPICIOUS_TLD',
          'warning',
          `".${tld}" addresses are cheap and often used for scams and phishing.`,
        ),
      );
    }
    if (registrableDomain && (SHORTENERS.has(registrableDomain) || SHORTENERS.has(asciiHost))) {
      reasons.push(
        reason(
          'URL_SHORTENER',
          'warning',
          `${asciiHost} is a link shortener: it hides where the link really goes.`,
        ),
      );
    }
    if (registrableDomain && REMOTE_ACCESS_DOMAINS.has(registrableDomain)) {
      reasons.push(
        reason(
          'REMOTE_ACCESS_TOOL',
          'warning',
          `${registrableDomain} makes remote-access software. It is real software, but if a caller asked you to install it, hang up: it lets them control your computer.`,
        ),
      );
    }
  }

  if (url.username || url.password) {
    const userinfo = decodeSafe(url.username);
    const hits = hitsInLabels(userinfo.split(/[.@:]/));
    reasons.push(
      reason(
        hits[0] ? 'BRAND_IN_USERINFO' : 'USERINFO_IN_URL',
        'danger',
        `Everything before "@" in a link is ignored: this goes to ${registrableDomain ?? asciiHost}, not "${userinfo.slice(0, 60)}".`,
      ),
    );
    if (hits[0]) imitated.org ??= hits[0].org;
  }
  addPathReasons(reasons, url, asciiHost, null, imitated);
  if (url.port)
    reasons.push(
      reason('UNUSUAL_PORT', 'info', `The link uses port ${url.port}, unusual for a public website.`),
    );
  if (!schemeAdded && url.protocol === 'http:')
    reasons.push(reason('NOT_HTTPS', 'info', 'The link is not encrypted (http, not https).'));
  if (input.length > 2000)
    reasons.push(reason('VERY_LONG_URL', 'info', `The link is ${input.length} characters long.`));
  if (claimed && !imitated.org) {
    reasons.push(
      reason(
        'NOT_CLAIMED_ORG',
        'warning',
        `${registrableDomain ?? asciiHost} is not one of ${claimed.name}'s addresses. ${findItYourself(claimed)}`,
      ),
    );
  }

  const verdict: UrlCheck['verdict'] = reasons.some(
    (r) => LOOKALIKE_CODES.has(r.code) || (r.code === 'MIXED_SCRIPTS' && imitated.org),
  )
    ? 'lookalike'
    : hasConcern(reasons)
      ? 'suspicious'
      : 'unknown';
  return {
    input,
    host: unicodeHost,
    asciiHost,
    registrableDomain,
    verdict,
    brand: claimed?.id ?? imitated.org,
    reasons,
  };
}

function hitsInLabels(labels: string[]): BrandHit[] {
  const out: BrandHit[] = [];
  for (const label of labels) {
    if (label === '' || label === 'www') continue;
    out.push(...brandHitsInLabel(decodeHost(label).unicodeHost));
  }
  return out;
}

function describeDomainHit(hit: BrandHit, domain: string): Reason {
  const name = getOrg(hit.org).name;
  if (hit.homoglyph) {
    return reason(
      'HOMOGLYPH_DOMAIN',
      'danger',
      `${domain} uses lookalike characters to imitate "${hit.token}". It does not belong to ${name}.`,
    );
  }
  if (hit.kind === 'typo') {
    return reason(
      'TYPO_DOMAIN',
      'danger',
      `${domain} is a misspelling of "${hit.token}". It does not belong to ${name}.`,
    );
  }
  return reason(
    'LOOKALIKE_DOMAIN',
    'danger',
    hit.kind === 'exact'
      ? `${domain} uses the name "${hit.token}" but does not belong to ${name}.`
      : `${domain} adds words to "${hit.token}" to look official. It does not belong to ${name}.`,
  );
}

/** Brand domains and names in the path or query of a host that does not own them. */
function addPathReasons(
  reasons: Reason[],
  url: URL,
  host: string,
  hostOrg: OrgId | null,
  imitated: { org: OrgId | null },
): void {
  const rest = decodeSafe((url.pathname + url.search).slice(0, PATH_SCAN_LIMIT)).toLowerCase();
  if (rest.length <= 1) return;
  const domains = rest.match(/[a-z0-9-]+(?:\.[a-z0-9-]+)+/g) ?? [];
  for (const d of domains) {
    if (d === host) continue;
    const owner = hostOwner(d);
    if (
      owner &&
      owner.kind === 'official' &&
      owner.org !== hostOrg &&
      d.includes(owner.matched) &&
      owner.matched.includes('.')
    ) {
      if (hostOrg !== null) return; // an official site linking to another (bing.com/search?q=paypal.com) is fine
      reasons.push(
        reason(
          'OFFICIAL_DOMAIN_IN_PATH',
          'danger',
          `The link mentions ${owner.matched} after the host, but it opens ${host}, which ${getOrg(owner.org).name} does not own.`,
        ),
      );
      imitated.org ??= owner.org;
      return;
    }
  }
  if (hostOrg !== null) return;
  for (const word of rest.split(/[^a-z0-9]+/)) {
    if (word.length < 4) continue;
    const hit = brandInWord(word);
    if (hit) {
      const scammy = PATH_SCAM_WORDS.test(rest);
      reasons.push(
        reason(
          'BRAND_IN_PATH',
          scammy ? 'warning' : 'info',
          `The path names ${getOrg(hit.org).name}${scammy ? ' next to sign-in or account words' : ''}, but the site is ${host}.`,
        ),
      );
      return;
    }
  }
}

function decodeHost(ascii: string): { unicodeHost: string; malformed: boolean } {
  if (!ascii.includes('xn--')) return { unicodeHost: ascii, malformed: false };
  try {
    return { unicodeHost: toUnicode(ascii), malformed: false };
  } catch {
    return { unicodeHost: ascii, malformed: true };
  }
}

function decodeSafe(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

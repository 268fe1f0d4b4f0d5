import { getDomain } from 'tldts';
import {
  emailDomainOwner,
  findOrg,
  getOrg,
  hostOwner,
  nameAtSentenceStart,
  resolveOrg,
} from '../../knowledge/index.js';
import type { OrgId, OrgProfile } from '../../knowledge/types.js';
import { hasConcern, reason } from '../reasons.js';
import type { EmailCheck, Reason } from '../types.js';
import { brandHitsInLabel } from '../url/brand-hits.js';
import { checkUrl } from '../url/check-url.js';
import { FREEMAIL_DOMAINS } from './freemail.js';
import { parseEmail, type Mailbox } from './parse-email.js';

export interface CheckEmailOptions {
  /** The organisation the sender claims to be (id or name). */
  org?: string;
}

const IMPERSONATION_CODES: ReadonlySet<string> = new Set([
  'DISPLAY_NAME_SPOOF',
  'FREEMAIL_CLAIMS_COMPANY',
  'ADDRESS_IN_DISPLAY_NAME',
]);

/**
 * Checks an email sender: an address, a `"Name" <address>` From value, or a pasted header block
 * with Reply-To, Return-Path and Authentication-Results. Finds display-name spoofing, free-mail
 * senders posing as companies, lookalike sender domains, Reply-To diversions and failed
 * SPF/DKIM/DMARC. Throws CG_EMAIL_INVALID when there is no address.
 *
 * @example checkEmail('"Microsoft Account Team" <alert@m1crosoft-secure.com>').verdict // 'impersonation'
 * @example checkEmail('account-security-noreply@accountprotection.microsoft.com').verdict // 'official'
 */
export function checkEmail(input: string, opts: CheckEmailOptions = {}): EmailCheck {
  const parsed = parseEmail(input);
  const { from } = parsed;
  const claimed = opts.org ? resolveOrg(opts.org) : null;
  const reasons: Reason[] = [];
  const fromRoot = registrable(from.domain);

  const nameOrg = from.displayName ? findOrg(from.displayName) : null;
  const localOrg = brandFromLocalPart(from.local);
  const claim: OrgProfile | null = claimed ?? nameOrg ?? localOrg;

  const sendOwner = emailDomainOwner(from.domain);
  const host = hostOwner(from.domain);
  const owner: OrgId | null = sendOwner ?? (host?.kind === 'official' ? host.org : null);
  let brand: OrgId | null = claim?.id ?? owner ?? null;

  // Why the lookbehind: a start inside a run of name characters re-scanned the run (quadratic), never matched.
  const embedded = from.displayName
    ? /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/.exec(from.displayName)?.[0]
    : undefined;
  if (embedded && registrable(embedded.slice(embedded.lastIndexOf('@') + 1)) !== fromRoot) {
    reasons.push(
      reason(
        'ADDRESS_IN_DISPLAY_NAME',
        'danger',
        `The sender's name shows the address "${embedded}", but the message really comes from ${from.address}.`,
      ),
    );
  }

  if (FREEMAIL_DOMAINS.has(from.domain) || FREEMAIL_DOMAINS.has(fromRoot)) {
    reasons.push(
      reason(
        'FREEMAIL_SENDER',
        'info',
        `${from.domain} is a free email service: anyone can open an address there.`,
      ),
    );
    if (claim) {
      reasons.push(
        reason(
          'FREEMAIL_CLAIMS_COMPANY',
          'danger',
          `The sender claims to be ${claim.name} but writes from a free ${from.domain} address. ${nameAtSentenceStart(claim.name)} writes from its own domain.`,
        ),
      );
    }
  } else if (host?.kind === 'user-content') {
    const hostOrg = getOrg(host.org);
    reasons.push(
      reason(
        'USER_CONTENT_SENDER',
        'warning',
        `${host.matched} belongs to ${hostOrg.name}, but any of its customers can send from it; it does not mean ${hostOrg.name} wrote to you.`,
      ),
    );
    if (claim) {
      reasons.push(
        reason(
          'DISPLAY_NAME_SPOOF',
          'danger',
          `The sender claims to be ${claim.name}, but ${from.domain} is a customer's address, not ${claim.name}'s.`,
        ),
      );
    }
  } else if (owner) {
    const ownerOrg = getOrg(owner);
    reasons.push(reason('OFFICIAL_SENDER_DOMAIN', 'info', `${from.domain} is ${ownerOrg.name}'s.`));
    if (claim && claim.id !== owner && claim.id !== 'bank') {
      reasons.push(
        reason(
          'DISPLAY_NAME_SPOOF',
          'danger',
          `The sender claims to be ${claim.name}, but ${from.domain} belongs to ${ownerOrg.name}.`,
        ),
      );
    }
    brand = owner;
  } else {
    let domainCheck;
    try {
      domainCheck = checkUrl(`http://${from.domain}/`);
    } catch {
      domainCheck = null;
    }
    if (domainCheck?.verdict === 'lookalike') {
      const imitated = domainCheck.brand;
      reasons.push(
        reason(
          'LOOKALIKE_SENDER_DOMAIN',
          'danger',
          `${from.domain} imitates ${imitated ? getOrg(imitated).name : 'a known company'}: ${domainCheck.reasons.find((r) => r.severity === 'danger')?.message ?? ''}`.trim(),
        ),
      );
      brand = claim?.id ?? imitated;
    } else if (domainCheck) {
      for (const r of domainCheck.reasons)
        if (r.code === 'SUSPICIOUS_TLD' || r.code === 'UNKNOWN_TLD' || r.code === 'MIXED_SCRIPTS')
          reasons.push(r);
    }
    if (claim && domainCheck?.verdict !== 'lookalike') {
      reasons.push(
        reason(
          'DISPLAY_NAME_SPOOF',
          'danger',
          `The sender claims to be ${claim.name}, but ${from.domain} is not one of ${claim.name}'s domains.`,
        ),
      );
    } else if (claim) {
      reasons.push(
        reason(
          'DISPLAY_NAME_SPOOF',
          'danger',
          `The sender's name says ${claim.name}, but the address is on a lookalike domain.`,
        ),
      );
    }
  }

  addReplyToReasons(reasons, from, parsed.replyTo, fromRoot);
  if (parsed.returnPath && registrable(parsed.returnPath.domain) !== fromRoot) {
    reasons.push(
      reason(
        'RETURN_PATH_DIFFERS',
        'info',
        `Bounces go to ${parsed.returnPath.domain}, not ${from.domain}. Mailing services do this too; on its own it proves nothing.`,
      ),
    );
  }
  addAuthReasons(reasons, parsed.auth, parsed.dkimDomains, fromRoot, parsed.fromHeaderBlock);

  // A forged From on an official domain (DMARC failed) is impersonation of that organisation.
  const forgedOfficial = owner !== null && reasons.some((r) => r.code === 'DMARC_FAIL');
  const verdict: EmailCheck['verdict'] =
    forgedOfficial || reasons.some((r) => IMPERSONATION_CODES.has(r.code))
      ? 'impersonation'
      : reasons.some((r) => r.code === 'LOOKALIKE_SENDER_DOMAIN')
        ? 'lookalike'
        : hasConcern(reasons)
          ? 'suspicious'
          : owner && !host?.kind.startsWith('user')
            ? 'official'
            : 'unknown';
  return {
    input,
    address: from.address,
    displayName: from.displayName,
    domain: from.domain,
    replyTo: parsed.replyTo?.address ?? null,
    returnPath: parsed.returnPath?.address ?? null,
    auth: parsed.auth,
    verdict,
    brand,
    reasons,
  };
}

function addReplyToReasons(
  reasons: Reason[],
  from: Mailbox,
  replyTo: Mailbox | null,
  fromRoot: string,
): void {
  if (!replyTo) return;
  const replyRoot = registrable(replyTo.domain);
  if (replyRoot === fromRoot) return;
  const free = FREEMAIL_DOMAINS.has(replyTo.domain) || FREEMAIL_DOMAINS.has(replyRoot);
  reasons.push(
    reason(
      'REPLY_TO_MISMATCH',
      free ? 'danger' : 'warning',
      `Replies go to ${replyTo.address}, not to ${from.domain}${free ? ', a free email address' : ''}: a common way to take over the conversation.`,
    ),
  );
}

function addAuthReasons(
  reasons: Reason[],
  auth: EmailCheck['auth'],
  dkimDomains: string[],
  fromRoot: string,
  headerBlock: boolean,
): void {
  if (!auth) {
    if (!headerBlock) {
      reasons.push(
        reason(
          'SENDER_NOT_AUTHENTICATED',
          'info',
          'A From address alone can be forged. Paste the full headers to see whether your mail server verified it (SPF, DKIM, DMARC).',
        ),
      );
    }
    return;
  }
  const bad = (v: string | undefined) => v === 'fail' || v === 'softfail' || v === 'permerror';
  if (bad(auth.dmarc)) {
    reasons.push(
      reason(
        'DMARC_FAIL',
        'danger',
        'Your mail server found that this message did not really come from the domain in From (DMARC failed): the sender is forged.',
      ),
    );
  } else if (auth.dmarc === 'pass') {
    reasons.push(
      reason(
        'DMARC_PASS',
        'info',
        'Your mail server confirmed the message came from the domain in From (DMARC passed). That says who sent it, not whether it is honest.',
      ),
    );
  } else if (bad(auth.spf) && auth.dkim !== 'pass') {
    reasons.push(
      reason(
        'SPF_FAIL',
        'warning',
        'The sending server was not allowed to send for this domain (SPF failed) and no valid DKIM signature vouches for it.',
      ),
    );
  } else if (bad(auth.dkim)) {
    reasons.push(
      reason(
        'DKIM_FAIL',
        'warning',
        'The DKIM signature did not verify: the message may have been altered or forged.',
      ),
    );
  }
  if (
    auth.dkim === 'pass' &&
    dkimDomains.length > 0 &&
    !dkimDomains.some((d) => registrable(d) === fromRoot)
  ) {
    reasons.push(
      reason(
        'DKIM_OTHER_DOMAIN',
        'info',
        `The DKIM signature is for ${dkimDomains.join(', ')}, not for the From domain.`,
      ),
    );
  }
}

/** "microsoft.support@gmail.com", "paypal_service@..." name the brand in the address itself. */
function brandFromLocalPart(local: string): OrgProfile | null {
  const label = local.toLowerCase().replace(/[._+]/g, '-');
  const hit = brandHitsInLabel(label).find((h) => h.kind !== 'typo');
  return hit ? getOrg(hit.org) : null;
}

function registrable(domain: string): string {
  return getDomain(domain) ?? domain;
}

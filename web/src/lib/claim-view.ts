import type { EmailCheck, NumberCheck, Reason, UrlCheck } from '../../../src/claims/index.js';
import { getOrg } from '../../../src/knowledge/index.js';
import type { OrgId } from '../../../src/knowledge/types.js';

/** One checked item, in plain words, whatever its kind. */
export interface CheckedItem {
  kind: 'number' | 'link' | 'email';
  input: string;
  /** The normalised form shown as the heading (E.164, host, address). */
  shown: string;
  headline: string;
  tone: 'danger' | 'caution' | 'ok';
  reasons: string[];
  e164?: string;
}

function orgName(id: OrgId | null | undefined): string {
  if (!id) return 'the company';
  try {
    return getOrg(id).name;
  } catch {
    return 'the company';
  }
}

/** Findings that matter most first; the plain sentence of each. */
function reasonLines(reasons: readonly Reason[]): string[] {
  const rank = { danger: 0, warning: 1, info: 2 } as const;
  return [...reasons].sort((a, b) => rank[a.severity] - rank[b.severity]).map((r) => r.message);
}

export function numberItem(check: NumberCheck): CheckedItem {
  const org = orgName(check.official?.org);
  const headline =
    check.verdict === 'official'
      ? `This is an official ${org} number. Scammers can fake it on caller ID: if someone called you from it, hang up and call it yourself.`
      : check.verdict === 'invalid'
        ? 'This is not a phone number that can be dialled. Check it again.'
        : check.verdict === 'suspicious'
          ? 'Do not call this number. It is not an official number, and where it came from is a warning sign.'
          : 'This is not a number we know as official. Find the real number on the company’s own website.';
  const item: CheckedItem = {
    kind: 'number',
    input: check.input,
    shown: check.international ?? check.e164 ?? check.input,
    headline,
    tone: check.verdict === 'official' ? 'ok' : check.verdict === 'unknown' ? 'caution' : 'danger',
    reasons: reasonLines(check.reasons),
  };
  if (check.e164) item.e164 = check.e164;
  return item;
}

export function urlItem(check: UrlCheck): CheckedItem {
  const brand = orgName(check.brand);
  const headline: Record<UrlCheck['verdict'], string> = {
    official: `This is an official ${brand} website.`,
    'user-content-on-official-domain': `This is on a ${brand} site where anyone can publish pages. It does not prove anything.`,
    lookalike: `This imitates ${brand}, but it is not theirs. Do not use it.`,
    suspicious: 'This web address looks suspicious. Do not open it.',
    unknown: 'We could not confirm this site. Go to the company’s site by typing its name yourself.',
  };
  return {
    kind: 'link',
    input: check.input,
    shown: check.host || check.input,
    headline: headline[check.verdict],
    tone: check.verdict === 'official' ? 'ok' : check.verdict === 'unknown' ? 'caution' : 'danger',
    reasons: reasonLines(check.reasons),
  };
}

export function emailItem(check: EmailCheck): CheckedItem {
  const brand = orgName(check.brand);
  const headline: Record<EmailCheck['verdict'], string> = {
    official: `This address belongs to ${brand}. Still, do not call numbers or open links in an email you did not expect.`,
    impersonation: `This email pretends to be from ${brand}. It is not.`,
    lookalike: `This address imitates ${brand}, but it is not theirs.`,
    suspicious: 'This email address looks suspicious.',
    unknown: 'We could not confirm who sent this.',
  };
  return {
    kind: 'email',
    input: check.input,
    shown: check.address || check.input,
    headline: headline[check.verdict],
    tone: check.verdict === 'official' ? 'ok' : check.verdict === 'unknown' ? 'caution' : 'danger',
    reasons: reasonLines(check.reasons),
  };
}

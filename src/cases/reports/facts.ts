/** Facts several reports need, computed once from a case: who the scammers claimed to be, how it started. Pure. */
import type { Call, Case, CaseItem, Message, Payment } from '../schema.js';
import { CHANNEL_LABELS, DISCLOSURE_LABELS, humanWhen, METHOD_LABELS } from '../describe.js';
import { addDecimal, formatMoney, totalsByCurrency } from '../money.js';
import { detectPhantomHacker, STAGE_LABELS } from '../stages.js';
import { buildTimeline } from '../timeline.js';
import { compareWhen } from '../validate.js';

export interface SubjectInfo {
  names: string[];
  organisations: string[];
  phones: string[];
  emails: string[];
  websites: string[];
  ips: string[];
}

const uniq = (xs: ReadonlyArray<string | undefined>): string[] => [
  ...new Set(xs.filter((x): x is string => typeof x === 'string' && x.length > 0)),
];

export function calls(c: Case): Call[] {
  return c.items.filter((i): i is Call => i.kind === 'call');
}
export function messages(c: Case): Message[] {
  return c.items.filter((i): i is Message => i.kind === 'message');
}
export function paymentsOf(c: Case, ...status: Payment['status'][]): Payment[] {
  return c.items.filter((i): i is Payment => i.kind === 'payment' && status.includes(i.status));
}

/** The scammers' side: names, claimed organisations, numbers, addresses, sites and IPs. */
export function subjectInfo(c: Case): SubjectInfo {
  const cs = calls(c);
  const ms = messages(c);
  // The "@" test first keeps the regex from backtracking over long strings without one.
  const emailOf = (s: string | undefined) =>
    s?.includes('@') ? s.match(/[^\s<>"@]+@[^\s<>"]+/)?.[0] : undefined;
  return {
    names: uniq([
      ...cs.map((x) => x.callerName),
      ...paymentsOf(c, 'paid', 'attempted', 'asked').map((p) => p.recipientName),
    ]),
    organisations: uniq([
      ...c.items.map((i) => ('claimedOrg' in i ? i.claimedOrg : undefined)),
      ...cs.map((x) => x.callerIdName),
    ]),
    phones: uniq([
      ...cs.flatMap((x) => [x.theirNumber, x.callbackNumber]),
      ...ms.flatMap((m) => [
        ...(m.numbers ?? []),
        m.channel === 'text' && !emailOf(m.sender) ? m.sender : undefined,
      ]),
    ]),
    emails: uniq(ms.map((m) => emailOf(m.sender))),
    websites: uniq(ms.flatMap((m) => m.links ?? [])),
    ips: uniq(c.items.map((i) => ('ipAddress' in i ? i.ipAddress : undefined))),
  };
}

const CONTACT_LABELS: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(CHANNEL_LABELS).map(([k, v]) => [k, v.charAt(0).toUpperCase() + v.slice(1)]),
  ),
};

/** The first contact: what started it and when. */
export function firstContact(c: Case): { how: string; at: string; item?: CaseItem } {
  const first = c.items
    .filter((i): i is Call | Message => (i.kind === 'call' || i.kind === 'message') && i.at !== undefined)
    .sort((a, b) => compareWhen(a.at!, b.at!))[0];
  if (!first) {
    const m = messages(c)[0];
    return m ? { how: CONTACT_LABELS[m.channel] ?? m.channel, at: '', item: m } : { how: '', at: '' };
  }
  if (first.kind === 'call') {
    return {
      how: first.direction === 'incoming' ? 'Phone call' : 'I called a number I was given',
      at: first.at,
      item: first,
    };
  }
  return { how: CONTACT_LABELS[first.channel] ?? first.channel, at: first.at ?? '', item: first };
}

export function moneyLine(c: Case, status: 'paid' | 'asked'): string {
  return totalsByCurrency(c)
    .map((t) => {
      const v = status === 'paid' ? t.paid : addAsked(t.asked, t.attempted);
      return v === '0' ? '' : formatMoney(v, t.currency);
    })
    .filter(Boolean)
    .join('; ');
}

function addAsked(asked: string, attempted: string): string {
  return addDecimal(asked, attempted);
}

export function methodsLine(c: Case, ...status: Payment['status'][]): string {
  return uniq(paymentsOf(c, ...status).map((p) => METHOD_LABELS[p.method])).join(', ');
}

export function disclosedLine(c: Case): string {
  return uniq(c.items.map((i) => (i.kind === 'disclosure' ? DISCLOSURE_LABELS[i.what] : undefined))).join(
    ', ',
  );
}

export function stagesLine(c: Case): string {
  const p = detectPhantomHacker(c);
  return p ? `${p.name} pattern: ${p.stages.map((s) => STAGE_LABELS[s.stage]).join(' → ')}` : '';
}

/** The story in plain words, first person, built from the timeline plus the person's own summary. */
export function narrative(c: Case): string {
  const lines: string[] = [];
  for (const e of buildTimeline(c)) lines.push(`${humanWhen(e.at)}: ${e.title}.`);
  const undated = c.items.filter((i) => i.at === undefined && i.kind !== 'disclosure');
  if (undated.length) lines.push(`Also (date not recorded): ${undated.length} more item(s) listed below.`);
  const gave = disclosedLine(c);
  if (gave) lines.push(`I gave them: ${gave}.`);
  const paid = moneyLine(c, 'paid');
  if (paid) lines.push(`Total I paid: ${paid}.`);
  const stages = stagesLine(c);
  if (stages)
    lines.push(
      `This matches the FBI's "Phantom Hacker" warning (IC3 PSA 2023-09-29): ${stages.replace(/^.*?: /, '')}.`,
    );
  if (c.summary) lines.push('', c.summary);
  return lines.join('\n');
}

export function isMicrosoftClaimed(c: Case): boolean {
  return subjectInfo(c).organisations.some((o) =>
    /\b(microsoft|msft|windows|office ?365|outlook|xbox|azure|bing|skype|teams|defender)\b/i.test(o),
  );
}

export function joinList(xs: readonly string[]): string {
  return xs.join(', ');
}

export function datePart(at: string): string {
  return at.slice(0, 10);
}
/** "14:05 (-05:00)" from an ISO date-time; "" for a date without a time. */
export function timePart(at: string): string {
  const m = at.match(/T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/);
  return m ? `${m[1]} (${m[2] === 'Z' ? 'UTC' : `UTC${m[2]}`})` : '';
}

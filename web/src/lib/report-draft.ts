import type { CallFacts, Checklist } from '../../../src/engine/types.js';
import type { Ask, Direction, NumberSource } from '../../../src/store/types.js';
import type { LastCheck } from './app-state.js';
import { nameInPersonsVoice } from '../../../src/knowledge/org-name.js';

/** What the report form holds. Strings as typed; converted when sent. */
export interface ReportDraft {
  number: string;
  date: string;
  direction: Direction;
  numberSource: NumberSource | '';
  claimedOrg: string;
  tactics: string[];
  askedFor: Ask[];
  given: Ask[];
  amountLost: string;
  currency: string;
  country: string;
  region: string;
  text: string;
}

const SOURCE_FROM_FACTS: Record<string, NumberSource> = {
  popup: 'popup',
  'search-result': 'search',
  'invoice-email': 'invoice',
  'official-site': 'website',
  'known-contact': 'other',
};

const ASKS_FROM_CHECKLIST: ReadonlyArray<[keyof Checklist, Ask[]]> = [
  ['askedForRemoteAccess', ['remote-access']],
  ['askedForPasswordOrCode', ['passwords']],
  ['askedForCardOrBankDetails', ['card', 'bank']],
  ['askedForGiftCardsCryptoOrWire', ['gift-cards']],
];

function today(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Prefills the report from the last check: one click from a verdict to a filled-in form. */
export function draftFromCheck(check: LastCheck | null, numberHint?: string): ReportDraft {
  const facts: CallFacts = check?.facts ?? {};
  const direction: Direction = facts.initiatedBy === 'me' ? 'i-called' : 'they-called';
  const numberSource: NumberSource | '' =
    direction === 'they-called' ? 'caller-id' : (SOURCE_FROM_FACTS[facts.dialedNumberSource ?? ''] ?? '');
  const askedFor = new Set<Ask>();
  for (const [key, asks] of ASKS_FROM_CHECKLIST)
    if (facts.checklist?.[key]) asks.forEach((a) => askedFor.add(a));
  return {
    number: facts.callerNumber ?? numberHint ?? '',
    date: today(),
    direction,
    numberSource,
    // As the person names it when they file: "my bank", not CallGuard's "your bank".
    claimedOrg:
      (check?.assessment.org ? nameInPersonsVoice(check.assessment.org.name) : facts.claimedOrg) ?? '',
    tactics: check ? check.assessment.redFlags.map((f) => f.id) : [],
    askedFor: [...askedFor],
    given: [],
    amountLost: '',
    currency: 'USD',
    country: '',
    region: '',
    text: check ? narrative(check) : '',
  };
}

/** A short first-person account the person can edit: what CallGuard knows, in their words. */
export function narrative(check: LastCheck): string {
  const f = check.facts;
  const org = check.assessment.org ? nameInPersonsVoice(check.assessment.org.name) : f.claimedOrg;
  const lines: string[] = [];
  if (f.initiatedBy === 'me') lines.push(`I called a number${org ? ` that claimed to be ${org}` : ''}.`);
  else lines.push(`Someone called me${org ? ` saying they were from ${org}` : ''}.`);
  for (const flag of check.assessment.redFlags) lines.push(`- ${flag.title}.`);
  return lines.join('\n');
}

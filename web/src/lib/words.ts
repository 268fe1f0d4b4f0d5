import type { Evidence, Verdict } from '../../../src/engine/types.js';

/** Plain words for engine values. One place, so every page says the same thing. */
export const VERDICT_WORDS: Record<
  Verdict,
  { headline: string; tone: 'danger' | 'warning' | 'caution' | 'ok' }
> = {
  scam: { headline: 'This is a scam.', tone: 'danger' },
  'likely-scam': { headline: 'This is very likely a scam.', tone: 'danger' },
  unclear: { headline: "We can't be sure. Be careful.", tone: 'caution' },
  'low-risk': { headline: 'We found no warning signs. Still, check it yourself.', tone: 'ok' },
};

const FACT_WORDS: Record<string, string> = {
  claimedOrg: 'Who they said they were',
  initiatedBy: 'Who called whom',
  dialedNumberSource: 'Where you found the number',
  callerNumber: 'The number',
  callerIdName: 'The name your phone showed',
  callerIdVerification: 'What your phone showed',
  priorSupportRequest: 'Did you ask for help first',
  'checklist.askedForRemoteAccess': 'They asked to control your computer',
  'checklist.askedForPasswordOrCode': 'They asked for a password or code',
  'checklist.askedForCardOrBankDetails': 'They asked for card or bank details',
  'checklist.askedForPayment': 'They asked you to pay',
  'checklist.askedForGiftCardsCryptoOrWire': 'They asked for gift cards, crypto or a wire',
  'checklist.saidDeviceInfected': 'They said your computer has a virus',
  'checklist.threatenedOrRushed': 'They rushed or threatened you',
  'checklist.refusedCallbackNumber': 'They refused to give a callback number',
  'checklist.couldNotConfirmAccountDetails': 'They could not confirm your account details',
};

const VALUE_WORDS: Record<string, string> = {
  true: 'yes',
  false: 'no',
  them: 'they called you',
  me: 'you called them',
  unknown: 'not sure',
  popup: 'a pop-up on your screen',
  'search-result': 'a search result or advert',
  'invoice-email': 'an email or invoice',
  'official-site': "the company's own website",
  'known-contact': 'a number you knew',
  passed: 'verified',
  failed: 'failed or flagged',
  'not-verified': 'not verified',
};

/** "You told us: They asked to control your computer (yes)". */
export function describeEvidence(evidence: Evidence): string {
  if (evidence.kind === 'quote') {
    const who =
      evidence.speaker === 'caller'
        ? 'The caller said'
        : evidence.speaker === 'callee'
          ? 'You said'
          : 'Someone said';
    return `${who}: “${evidence.quote}”`;
  }
  const what = FACT_WORDS[evidence.fact] ?? evidence.fact;
  const value = VALUE_WORDS[evidence.value] ?? evidence.value;
  return `You told us: ${what} (${value}).`;
}

export { riskPercent as percent } from '../../../src/engine/risk-percent.js';

import type { CallFacts, Checklist } from '../../../src/engine/types.js';

/**
 * The article's checklist, one question at a time. Each answer writes one fact; a skipped
 * question writes nothing ("don't know"). Order follows the article: who called whom, did you
 * ask for help first, what they asked for, what they said, how they pushed, what the phone showed.
 */
export interface GuidedOption {
  label: string;
  apply(facts: CallFacts): CallFacts;
}

export interface GuidedQuestion {
  id: string;
  text: string;
  help?: string;
  /** Only asked when this returns true for the answers so far. */
  when?(facts: CallFacts): boolean;
  options: GuidedOption[];
  /** A free-text answer (for example the number shown), stored by `applyText`. */
  textInput?: {
    label: string;
    autocomplete?: string;
    inputMode?: 'tel' | 'text';
    applyText(facts: CallFacts, value: string): CallFacts;
  };
}

function checklist(key: keyof Checklist, value: boolean): (facts: CallFacts) => CallFacts {
  return (facts) => ({ ...facts, checklist: { ...facts.checklist, [key]: value } });
}

function yesNo(key: keyof Checklist, yes = 'Yes', no = 'No'): GuidedOption[] {
  return [
    { label: yes, apply: checklist(key, true) },
    { label: no, apply: checklist(key, false) },
  ];
}

export const GUIDED_QUESTIONS: readonly GuidedQuestion[] = [
  {
    id: 'initiated',
    text: 'Who called whom?',
    options: [
      {
        label: 'They called me',
        apply: (f) => ({ ...f, initiatedBy: 'them', dialedNumberSource: undefined }),
      },
      { label: 'I called them', apply: (f) => ({ ...f, initiatedBy: 'me' }) },
      {
        label: "I'm not sure",
        apply: (f) => ({ ...f, initiatedBy: 'unknown', dialedNumberSource: undefined }),
      },
    ],
  },
  {
    id: 'dialed-from',
    text: 'Where did you find the number you called?',
    when: (f) => f.initiatedBy === 'me',
    options: [
      { label: 'A pop-up or warning on my screen', apply: (f) => ({ ...f, dialedNumberSource: 'popup' }) },
      {
        label: 'A search result or an advert',
        apply: (f) => ({ ...f, dialedNumberSource: 'search-result' }),
      },
      { label: 'An email or an invoice', apply: (f) => ({ ...f, dialedNumberSource: 'invoice-email' }) },
      {
        label: "The company's own website, or my card or bill",
        apply: (f) => ({ ...f, dialedNumberSource: 'official-site' }),
      },
      {
        label: 'A number I already knew (family, work)',
        apply: (f) => ({ ...f, dialedNumberSource: 'known-contact' }),
      },
    ],
  },
  {
    id: 'org',
    text: 'Who did they say they were?',
    options: [
      { label: 'Microsoft or Windows', apply: (f) => ({ ...f, claimedOrg: 'Microsoft' }) },
      { label: 'Apple', apply: (f) => ({ ...f, claimedOrg: 'Apple' }) },
      { label: 'Amazon', apply: (f) => ({ ...f, claimedOrg: 'Amazon' }) },
      { label: 'Google', apply: (f) => ({ ...f, claimedOrg: 'Google' }) },
      { label: 'My bank', apply: (f) => ({ ...f, claimedOrg: 'bank' }) },
      { label: 'The tax office (IRS) or Social Security', apply: (f) => ({ ...f, claimedOrg: 'IRS' }) },
    ],
    textInput: {
      label: 'Someone else? Type the name',
      autocomplete: 'off',
      applyText: (f, value) => ({ ...f, claimedOrg: value }),
    },
  },
  {
    id: 'prior-request',
    text: 'Did you ask this company for help first, on its own website or app?',
    help: 'Microsoft only calls you when you asked for help first, through its own website.',
    options: [
      { label: 'Yes, I asked first', apply: (f) => ({ ...f, priorSupportRequest: true }) },
      { label: 'No', apply: (f) => ({ ...f, priorSupportRequest: false }) },
    ],
  },
  {
    id: 'remote-access',
    text: 'Did they ask to see or control your computer?',
    help: 'For example: install AnyDesk, TeamViewer or Quick Assist, or read out a code from the screen.',
    options: yesNo('askedForRemoteAccess'),
  },
  {
    id: 'password',
    text: 'Did they ask for a password, or a code sent to your phone?',
    options: yesNo('askedForPasswordOrCode'),
  },
  {
    id: 'card',
    text: 'Did they ask for your card number or bank details?',
    options: yesNo('askedForCardOrBankDetails'),
  },
  {
    id: 'payment',
    text: 'Did they ask you to pay for help, software or a fix?',
    options: yesNo('askedForPayment'),
  },
  {
    id: 'gift-cards',
    text: 'Did they ask you to pay with gift cards, crypto (like Bitcoin) or a wire transfer?',
    options: yesNo('askedForGiftCardsCryptoOrWire'),
  },
  {
    id: 'infected',
    text: 'Did they say your computer has a virus, or was hacked?',
    options: yesNo('saidDeviceInfected'),
  },
  {
    id: 'pressure',
    text: 'Did they rush you, scare you or threaten you?',
    help: 'For example: "act now", "your account will be closed", "the police will come".',
    options: yesNo('threatenedOrRushed'),
  },
  {
    id: 'callback',
    text: 'When you asked for a number to call them back, did they refuse?',
    options: [
      { label: 'Yes, they refused', apply: checklist('refusedCallbackNumber', true) },
      { label: 'No, they gave one', apply: checklist('refusedCallbackNumber', false) },
    ],
  },
  {
    id: 'account-details',
    text: 'Could they tell you details of your account that only the real company knows?',
    options: [
      { label: 'Yes, they could', apply: checklist('couldNotConfirmAccountDetails', false) },
      { label: 'No, they could not', apply: checklist('couldNotConfirmAccountDetails', true) },
    ],
  },
  {
    id: 'caller-id',
    text: 'What did your phone show when they called?',
    when: (f) => f.initiatedBy !== 'me',
    help: 'Scammers can fake the name and number your phone shows.',
    options: [
      { label: 'A tick or "Verified"', apply: (f) => ({ ...f, callerIdVerification: 'passed' }) },
      {
        label: '"Spam risk", "Unverified" or a warning',
        apply: (f) => ({ ...f, callerIdVerification: 'failed' }),
      },
      { label: 'Just a name or a number', apply: (f) => ({ ...f, callerIdVerification: 'not-verified' }) },
    ],
    textInput: {
      label: 'The number it showed (if you have it)',
      autocomplete: 'off',
      inputMode: 'tel',
      applyText: (f, value) => ({ ...f, callerNumber: value }),
    },
  },
];

/**
 * What to tell the person: the article's questions, ordered next steps matched to the flags, the
 * organisation's official contact, and a plain-language summary. Renderers (CLI, web) format it.
 */
import type { OrgProfile } from '../../knowledge/types.js';
import { nameAtSentenceStart, nameInPersonsVoice } from '../../knowledge/org-name.js';
import type { Mitigation, NextStep, RedFlag, Verdict } from '../types.js';

const QUESTIONS = [
  'What is your full name?',
  'Which department are you calling from?',
  "What official number can I call you back on? (Then hang up and look the number up yourself on the organisation's own website before calling.)",
  'Can you tell me details of my account or of my recent contact with you that only the real company would know?',
];

export function questionsToAsk(org: OrgProfile | null): string[] {
  if (!org) return [...QUESTIONS];
  return [
    ...QUESTIONS.slice(0, 3),
    // The person asks in their own voice: "my bank", not CallGuard's "your bank".
    org.generic
      ? `Can you tell me details of my account or of my recent contact with you that only ${nameInPersonsVoice(org.name)} would know?`
      : `Can you tell me details of my ${org.name} account or of my recent contact with ${org.name} that only ${org.name} would know?`,
  ];
}

const REPORT_FTC: NextStep = {
  id: 'report-ftc',
  text: 'Report the call to the FTC at ReportFraud.ftc.gov (impostor / tech support).',
  url: 'https://reportfraud.ftc.gov/',
};
const REPORT_IC3: NextStep = {
  id: 'report-ic3',
  text: "If you lost money or gave access, also report it to the FBI's Internet Crime Complaint Center (IC3).",
  url: 'https://www.ic3.gov/',
};

export function nextSteps(verdict: Verdict, flags: readonly RedFlag[], org: OrgProfile | null): NextStep[] {
  const has = (...ids: string[]) => ids.some((id) => flags.some((f) => f.id === id));
  const steps: NextStep[] = [];
  const officialUrl = org?.officialContact.url;
  const who = org?.name ?? 'the organisation';

  if (verdict === 'low-risk') {
    steps.push({
      id: 'verify-anyway',
      text: `No red flags found, but that does not prove who called. Before sharing anything, ask the questions below, then hang up and call ${who} back ${
        org?.generic
          ? `yourself. ${org.officialContact.text}.`
          : `on a number you look up yourself${org ? ' on its own website' : ' (its official website, your card or your bill)'}.`
      }`,
      ...(officialUrl ? { url: officialUrl } : {}),
    });
    steps.push({
      id: 'share-nothing',
      text: 'Never read out passwords, one-time codes or card numbers, and never let a caller control your computer.',
    });
    return steps;
  }

  if (verdict === 'scam' || verdict === 'likely-scam') {
    steps.push({ id: 'hang-up', text: 'Hang up now. You do not need to explain or be polite.' });
  } else {
    steps.push({
      id: 'pause',
      text: 'Do not share anything or install anything until you have checked who is calling. It is fine to hang up.',
    });
  }
  steps.push({
    id: 'share-nothing',
    text: 'Do not give passwords, one-time codes, card or bank details, ID numbers or gift card numbers, and do not pay anything.',
  });
  if (
    has(
      'REMOTE_ACCESS_REQUEST',
      'FAKE_ERROR_PROOF',
      'CLAIMS_DEVICE_INFECTED',
      'UNSOLICITED_TECH_SUPPORT_CALL',
    )
  ) {
    steps.push({
      id: 'install-nothing',
      text: 'Install nothing and do not type commands they dictate. If you already let them in: disconnect from the internet, uninstall the remote tool (AnyDesk, TeamViewer...), run a security scan, and change your passwords from another device.',
    });
  }
  if (
    has(
      'FINANCIAL_INFO_REQUEST',
      'PAYMENT_FOR_SUPPORT',
      'MOVE_MONEY_TO_SAFE_ACCOUNT',
      'REFUND_OVERPAYMENT',
      'CREDENTIAL_REQUEST',
    )
  ) {
    steps.push({
      id: 'call-bank',
      text: 'If you gave card or bank details, a code, or moved money: call your bank now on the number on the back of your card and ask them to stop payments.',
    });
  }
  if (has('UNUSUAL_PAYMENT_METHOD')) {
    steps.push({
      id: 'payment-issuer',
      text: 'If you bought gift cards, sent crypto or wired money: contact the gift card company, the exchange or the wire service immediately and keep every receipt.',
    });
  }
  steps.push({
    id: 'call-back-official',
    text: org
      ? `To check, call ${org.name} yourself: ${org.officialContact.text}. Do not use any number the caller gave you.`
      : 'To check, call the organisation yourself on the number on its official website, your card or your bill. Do not use any number the caller gave you.',
    ...(officialUrl ? { url: officialUrl } : {}),
  });
  if (verdict === 'scam' || verdict === 'likely-scam' || verdict === 'unclear') {
    steps.push(REPORT_FTC);
    if (verdict !== 'unclear') steps.push(REPORT_IC3);
    if (org?.id === 'microsoft') {
      steps.push({
        id: 'report-org',
        text: 'Report the tech support scam to Microsoft.',
        url: 'https://www.microsoft.com/reportascam',
      });
    } else if (org?.reportUrl && !/reportfraud\.ftc\.gov/.test(org.reportUrl)) {
      steps.push({ id: 'report-org', text: `Report the impersonation to ${org.name}.`, url: org.reportUrl });
    }
  }
  return steps;
}

const VERDICT_WORDS: Record<Verdict, string> = {
  scam: 'This is almost certainly a scam.',
  'likely-scam': 'This looks like a scam.',
  unclear: 'Some signs of a scam, but not enough to be sure.',
  'low-risk': 'No red flags found.',
};

export function summarise(
  verdict: Verdict,
  flags: readonly RedFlag[],
  mitigations: readonly Mitigation[],
  org: OrgProfile | null,
  callerIdPassed: boolean,
): string {
  const parts = [VERDICT_WORDS[verdict]];
  const main = flags.filter((f) => f.group !== 'combination').slice(0, 3);
  if (main.length > 0) {
    parts.push(`Red flags: ${main.map((f) => lowerFirst(f.title)).join('; ')}.`);
  }
  if (org && !org.makesUnsolicitedSupportCalls && verdict !== 'low-risk') {
    parts.push(`${nameAtSentenceStart(org.name)}: ${firstSentence(org.contactPolicy)}`);
  }
  if (mitigations.length > 0)
    parts.push(`In its favour: ${mitigations.map((m) => lowerFirst(m.title)).join('; ')}.`);
  if (callerIdPassed) {
    parts.push('The caller ID check passed: that proves the number, not that the caller is honest.');
  }
  if (verdict === 'low-risk') {
    parts.push(
      'Still verify: ask for a name, department and callback number, then call back on the official number.',
    );
  }
  return parts.join(' ');
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function firstSentence(s: string): string {
  const m = /^.*?[.!?](?=\s|$)/.exec(s);
  return m ? m[0] : s;
}

/**
 * The recovery plan: ordered steps matched to what was given away, each with its urgency and the
 * public advice it rests on. Minutes matter for gift cards, wires and crypto: money can sometimes be
 * frozen before it is moved on. Pure.
 */
import type { Case, Payment, RemoteSession } from './schema.js';
import { formatMoney } from './money.js';
import { detectPhantomHacker } from './stages.js';
import { SOURCES, type Source } from './sources.js';

export const URGENCIES = ['minutes', 'today', 'this-week', 'ongoing'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const URGENCY_LABELS: Record<Urgency, string> = {
  minutes: 'Now (minutes matter)',
  today: 'Today',
  'this-week': 'This week',
  ongoing: 'From now on',
};

export interface RecoveryStep {
  id: string;
  urgency: Urgency;
  title: string;
  /** What exactly to do, with this case's details filled in. */
  detail: string;
  /** Why this step is in the plan (what was given away). */
  because: string;
  source: Source;
}

/**
 * Builds the plan for one case. Steps are sorted by urgency; within one urgency they keep a fixed,
 * reviewed order. Always ends with the reports to file and the warning about "recovery" scams.
 * @example
 * recoveryPlan(c).map((s) => `${s.urgency}: ${s.title}`);
 * // ["minutes: Call the gift card company now", …, "ongoing: Beware of "recovery" scams"]
 */
export function recoveryPlan(c: Case): RecoveryStep[] {
  const steps: RecoveryStep[] = [];
  const sessions = c.items.filter((i): i is RemoteSession => i.kind === 'remote-session');
  const pays = c.items.filter((i): i is Payment => i.kind === 'payment' && i.status !== 'asked');
  const gave = new Set(c.items.flatMap((i) => (i.kind === 'disclosure' ? [i.what] : [])));
  const byMethod = (...m: Payment['method'][]) => pays.filter((p) => m.includes(p.method));
  const list = (ps: Payment[]) => ps.map((p) => `${formatMoney(p.amount, p.currency)} on ${p.at}`).join('; ');

  if (sessions.length > 0) {
    const tools = [...new Set(sessions.map((s) => s.tool))].join(', ');
    steps.push(
      {
        id: 'disconnect',
        urgency: 'minutes',
        title: 'Disconnect the computer from the internet',
        detail:
          'Unplug the network cable and turn off Wi-Fi on the computer they accessed, so they cannot connect again.',
        because: `You let them connect with ${tools}.`,
        source: SOURCES.ftcTechSupport,
      },
      {
        id: 'uninstall-tool',
        urgency: 'today',
        title: `Uninstall ${tools}`,
        detail: `Remove ${tools} and any other program they asked you to install.`,
        because: 'Remote-access tools left installed can let the scammer back in.',
        source: SOURCES.ftcTechSupport,
      },
      {
        id: 'full-scan',
        urgency: 'today',
        title: 'Run a full security scan',
        detail:
          'Update your security software, run a full scan and remove anything it finds. If in doubt, have a trusted repair shop check the computer.',
        because: 'They may have installed malware while connected.',
        source: SOURCES.ftcScammed,
      },
      {
        id: 'change-passwords-clean-device',
        urgency: 'today',
        title: 'Change your passwords from another device',
        detail:
          'Using a different device (not the computer they accessed), change the passwords of your email, bank and any account you opened while they were connected.',
        because: 'Anything typed or saved on that computer may have been seen.',
        source: SOURCES.ftcScammed,
      },
    );
  }

  const giftCards = byMethod('gift-card');
  if (giftCards.length > 0) {
    const cards = giftCards
      .flatMap((p) => p.giftCards ?? [])
      .map((g) => `${g.brand}${g.number ? ` ${g.number}` : ''}`)
      .join(', ');
    steps.push({
      id: 'call-gift-card-issuer',
      urgency: 'minutes',
      title: 'Call the gift card company now',
      detail:
        `Call the company that issued the gift card${cards ? ` (${cards})` : ''}, tell them it was used in a scam and ask them to freeze the balance and refund it. ` +
        'Have the card numbers ready; keep the cards and the receipts.',
      because: `You paid by gift card: ${list(giftCards)}.`,
      source: SOURCES.ftcGiftCards,
    });
  }

  const transfers = byMethod('wire', 'bank-transfer');
  if (transfers.length > 0) {
    const refs = transfers.map((p) => p.reference).filter(Boolean);
    steps.push({
      id: 'recall-transfer',
      urgency: 'minutes',
      title: 'Call your bank to recall the transfer',
      detail:
        (c.country === 'US' && transfers.some((p) => p.method === 'wire')
          ? 'Call your bank (or the wire company, e.g. Western Union 1-800-448-1492, MoneyGram 1-800-926-9400) on a number you look up yourself. '
          : 'Call your bank on a number you look up yourself (on your card, statement or the bank’s website). ') +
        `Say the transfer was a fraud and ask them to recall or reverse it${refs.length ? ` (reference ${refs.join(', ')})` : ''}.`,
      because: `You sent money by wire or bank transfer: ${list(transfers)}.`,
      source: SOURCES.ftcScammed,
    });
  }

  const crypto = byMethod('crypto', 'crypto-atm');
  if (crypto.length > 0) {
    const exchanges = [...new Set(crypto.map((p) => p.crypto?.exchange).filter(Boolean))].join(', ');
    steps.push(
      {
        id: 'contact-exchange',
        urgency: 'minutes',
        title: 'Contact the exchange or crypto ATM operator',
        detail:
          `Tell ${exchanges || 'the company you used to send the cryptocurrency'} that it was a fraudulent transaction and ask them to freeze or reverse it. ` +
          'Give them the transaction hash and the address you sent to.',
        because: `You paid in cryptocurrency: ${list(crypto)}.`,
        source: SOURCES.ftcScammed,
      },
      {
        id: 'report-ic3-crypto',
        urgency: 'today',
        title: 'Report the crypto transactions to the FBI (IC3)',
        detail:
          'File at ic3.gov with the addresses, amounts, transaction hashes and the exchange; CallGuard has filled in the IC3 report for you.',
        because: 'The FBI traces cryptocurrency transactions reported to IC3.',
        source: SOURCES.ic3PhantomHacker,
      },
    );
  }

  const cash = byMethod('cash');
  if (cash.length > 0) {
    steps.push({
      id: 'intercept-cash',
      urgency: 'minutes',
      title: 'Ask the delivery service to stop the package',
      detail:
        'If you mailed cash with the US Postal Service, call the Postal Inspection Service at 877-876-2455 and ask them to intercept it; for another delivery company, call them now.',
      because: `You sent cash: ${list(cash)}.`,
      source: SOURCES.ftcScammed,
    });
  }

  const cardPays = byMethod('card');
  if (gave.has('card') || cardPays.length > 0) {
    steps.push({
      id: 'call-card-issuer',
      urgency: 'minutes',
      title: 'Call your bank on the number printed on your card',
      detail:
        'Use the number on the back of the card, never one the caller gave you. Say the card details went to a scammer and ask them to block the card and send a new one.',
      because: 'You gave card details or paid by card.',
      source: SOURCES.ftcScammed,
    });
    if (cardPays.length > 0) {
      steps.push({
        id: 'dispute-charges',
        urgency: 'today',
        title: 'Dispute the card charges',
        detail: `Ask the card company to reverse the charges: ${list(cardPays)}.`,
        because: 'You paid by card.',
        source: SOURCES.ftcTechSupport,
      });
    }
  }

  const apps = byMethod('payment-app');
  if (apps.length > 0) {
    steps.push({
      id: 'report-payment-app',
      urgency: 'minutes',
      title: 'Report the payment to the app company',
      detail:
        'Report the fraudulent payment in the app and ask them to reverse it; if the app is linked to a card, call the card company too.',
      because: `You paid with a payment app: ${list(apps)}.`,
      source: SOURCES.ftcScammed,
    });
  }

  if (gave.has('bank-details')) {
    steps.push({
      id: 'call-bank-details',
      urgency: 'today',
      title: 'Tell your bank your account details were given away',
      detail:
        'Call the number on your statement or the bank’s website. Ask them to watch the account, and check it yourself for debits you did not make.',
      because: 'You gave your bank account details.',
      source: SOURCES.ftcScammed,
    });
  }

  if (gave.has('ssn') || gave.has('id-document')) {
    steps.push(
      {
        id: 'credit-freeze',
        urgency: 'today',
        title: 'Freeze your credit',
        detail:
          'Place a free credit freeze with each of the three credit bureaus (Equifax, Experian, TransUnion) so nobody can open credit in your name.',
        because: 'You gave your Social Security number or an identity document.',
        source: SOURCES.ftcCreditFreeze,
      },
      {
        id: 'identitytheft-gov',
        urgency: 'today',
        title: 'Get a recovery plan at IdentityTheft.gov',
        detail:
          'Report it at IdentityTheft.gov; it gives you a personal recovery plan and pre-filled letters.',
        because: 'Your Social Security number may be used to steal your identity.',
        source: SOURCES.identityTheft,
      },
    );
  }

  if ((gave.has('password') || gave.has('one-time-code')) && sessions.length === 0) {
    steps.push({
      id: 'change-passwords',
      urgency: 'today',
      title: 'Change the passwords you gave',
      detail: 'Change them on every account that uses the same password, starting with email and bank.',
      because: 'You gave a password or a one-time code.',
      source: SOURCES.ftcScammed,
    });
  }
  if (gave.has('password') || gave.has('one-time-code') || sessions.length > 0) {
    steps.push({
      id: 'two-step-verification',
      urgency: 'this-week',
      title: 'Turn on 2-step verification',
      detail:
        'Turn on two-factor (2-step) verification for email, bank and shopping accounts, and never read the codes to anyone.',
      because: 'A password alone no longer protects accounts the scammer may know about.',
      source: SOURCES.ftcTwoFactor,
    });
  }

  const phantom = detectPhantomHacker(c);
  if (phantom || pays.length > 0) {
    steps.push({
      id: 'no-safe-account',
      urgency: 'minutes',
      title: 'Stop: do not move any more money',
      detail:
        'No real bank, tech company or government agency asks you to move money to a "safe" account, buy gift cards or crypto, or keep it secret. Hang up on anyone who does.',
      because: phantom ? phantom.explanation : 'Scammers come back for more after the first payment.',
      source: SOURCES.ic3PhantomHacker,
    });
  }

  steps.push(reportStep(c), {
    id: 'recovery-scam-warning',
    urgency: 'ongoing',
    title: 'Beware of "recovery" scams',
    detail:
      'Anyone who contacts you offering to get your money back for a fee, or claiming to be from a government agency that will recover it, is another scammer. Government agencies never charge to help.',
    because: 'People who lost money are targeted again.',
    source: SOURCES.ftcRecoveryScams,
  });

  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => URGENCIES.indexOf(a.s.urgency) - URGENCIES.indexOf(b.s.urgency) || a.i - b.i)
    .map(({ s }) => s);
}

function reportStep(c: Case): RecoveryStep {
  const where =
    c.country === 'GB'
      ? 'Action Fraud'
      : c.country === 'AU'
        ? 'Scamwatch and ReportCyber'
        : 'the FTC (ReportFraud), the FBI (IC3) and Microsoft if they claimed to be Microsoft';
  return {
    id: 'file-reports',
    urgency: 'this-week',
    title: 'File the reports',
    detail: `File with ${where}; CallGuard has filled in each form for you. Keep a copy of the evidence pack for your bank, the police or a lawyer.`,
    because: 'Reports help stop the scammers and support any refund or claim.',
    source:
      c.country === 'GB'
        ? SOURCES.actionFraud
        : c.country === 'AU'
          ? SOURCES.scamwatch
          : SOURCES.ftcReportFraud,
  };
}

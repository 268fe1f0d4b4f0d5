/** Public pages the case file, reports and recovery plan rest on. One place, so a moved page is fixed once. */
export interface Source {
  name: string;
  url: string;
}

export const SOURCES = {
  ic3PhantomHacker: {
    name: 'FBI IC3 public service announcement, 29 September 2023: "Phantom Hacker" scams',
    url: 'https://www.ic3.gov/PSA/2023/PSA230929',
  },
  ftcTechSupport: {
    name: 'FTC consumer advice: How to spot, avoid, and report tech support scams',
    url: 'https://consumer.ftc.gov/articles/how-spot-avoid-and-report-tech-support-scams',
  },
  ftcScammed: {
    name: 'FTC consumer advice: What to do if you were scammed',
    url: 'https://consumer.ftc.gov/articles/what-do-if-you-were-scammed',
  },
  ftcGiftCards: {
    name: 'FTC consumer advice: Avoiding and reporting gift card scams',
    url: 'https://consumer.ftc.gov/articles/avoiding-and-reporting-gift-card-scams',
  },
  ftcCreditFreeze: {
    name: 'FTC consumer advice: Credit freezes and fraud alerts',
    url: 'https://consumer.ftc.gov/articles/what-know-about-credit-freezes-and-fraud-alerts',
  },
  identityTheft: { name: 'IdentityTheft.gov (FTC)', url: 'https://www.identitytheft.gov/' },
  ftcTwoFactor: {
    name: 'FTC consumer advice: Use two-factor authentication to protect your accounts',
    url: 'https://consumer.ftc.gov/articles/use-two-factor-authentication-protect-your-accounts',
  },
  ftcRecoveryScams: {
    name: 'FTC consumer advice: Refund and recovery scams',
    url: 'https://consumer.ftc.gov/articles/refund-and-recovery-scams',
  },
  ftcSpamTexts: {
    name: 'FTC consumer advice: How to recognize and report spam text messages',
    url: 'https://consumer.ftc.gov/articles/how-recognize-and-report-spam-text-messages',
  },
  ftcReportFraud: { name: 'FTC ReportFraud', url: 'https://reportfraud.ftc.gov/' },
  ic3: { name: 'FBI Internet Crime Complaint Center (IC3)', url: 'https://www.ic3.gov/' },
  microsoftReport: {
    name: 'Microsoft: report a tech support scam',
    url: 'https://www.microsoft.com/reportascam',
  },
  doNotCall: { name: 'FTC National Do Not Call Registry', url: 'https://www.donotcall.gov/' },
  actionFraud: { name: 'Action Fraud (UK)', url: 'https://www.actionfraud.police.uk/' },
  scamwatch: { name: 'Scamwatch (Australia)', url: 'https://www.scamwatch.gov.au/report-a-scam' },
  reportCyber: {
    name: 'ReportCyber (Australian Cyber Security Centre)',
    url: 'https://www.cyber.gov.au/report-and-recover/report',
  },
} as const satisfies Record<string, Source>;

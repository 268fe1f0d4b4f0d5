/**
 * The sources red flags rest on: the article (quoted word for word) and named authorities with the
 * page that gives the advice (no quote: we only quote text we can check).
 */
import type { SourceRef } from '../types.js';

const ARTICLE = 'CallGuard source article ("Are Calls from Microsoft Legitimate?")';

export const SOURCES = {
  unsolicited: {
    name: ARTICLE,
    quote:
      'Microsoft will never make unsolicited calls to individuals about their computer or software unless they have previously engaged in a support service with the company.',
  },
  infected: {
    name: ARTICLE,
    quote:
      "Common scams involving fake Microsoft calls often involve fraudsters impersonating Microsoft employees and claiming that the recipient's computer has been infected with a virus or malware.",
  },
  remoteAccess: {
    name: ARTICLE,
    quote:
      'If you receive a call claiming to be from Microsoft, especially if they ask for personal information or remote access to your computer, it is likely a scam.',
  },
  credentials: {
    name: ARTICLE,
    quote:
      'Microsoft will never request sensitive information such as passwords or credit card details over the phone.',
  },
  payment: {
    name: ARTICLE,
    quote:
      'Another common scam is where the fraudsters pretend to offer technical support services or software updates for a fee.',
  },
  giftCards: {
    name: 'FTC',
    url: 'https://consumer.ftc.gov/articles/how-spot-avoid-and-report-tech-support-scams',
  },
  urgency: {
    name: ARTICLE,
    quote: 'Be skeptical of urgent demands for payment or threats of immediate action if you do not comply.',
  },
  spoofing: {
    name: ARTICLE,
    quote:
      'They may use sophisticated methods to make their calls appear legitimate, such as spoofing caller IDs to make it seem like the call is coming from Microsoft.',
  },
  verify: {
    name: ARTICLE,
    quote:
      'To determine if a call from someone claiming to be from Microsoft is legitimate, ask for their full name, department, and contact information. Verify their identity by asking for an official Microsoft phone number to call them back on.',
  },
  accountDetails: {
    name: ARTICLE,
    quote:
      'Genuine Microsoft representatives will have access to this information and should be able to provide you with accurate details to confirm their identity.',
  },
  secrecy: {
    name: 'FTC',
    url: 'https://consumer.ftc.gov/articles/how-avoid-government-impersonation-scam',
  },
  refund: {
    name: 'FTC',
    url: 'https://consumer.ftc.gov/articles/how-spot-avoid-and-report-tech-support-scams',
  },
  safeAccount: {
    name: 'FBI IC3',
    url: 'https://www.ic3.gov/PSA/2023/PSA230929',
  },
  fakeProof: {
    name: 'Microsoft',
    url: 'https://support.microsoft.com/windows/protect-yourself-from-tech-support-scams-2ebf91bd-f94c-2a8a-e541-f5c800d18435',
  },
  popup: {
    name: 'Microsoft',
    url: 'https://support.microsoft.com/windows/protect-yourself-from-tech-support-scams-2ebf91bd-f94c-2a8a-e541-f5c800d18435',
  },
  government: {
    name: 'FTC',
    url: 'https://consumer.ftc.gov/articles/how-avoid-government-impersonation-scam',
  },
  robocall: {
    name: 'FTC',
    url: 'https://consumer.ftc.gov/articles/robocalls',
  },
  offers: {
    name: 'FTC',
    url: 'https://consumer.ftc.gov/articles/phone-scams',
  },
  accountProblem: {
    name: 'FTC',
    url: 'https://consumer.ftc.gov/articles/how-recognize-and-avoid-phishing-scams',
  },
  ssaSuspension: {
    name: 'Social Security Administration',
    url: 'https://www.ssa.gov/scam/',
  },
  callerIdCallback: {
    name: 'FCC',
    url: 'https://www.fcc.gov/consumers/guides/spoofing-and-caller-id',
  },
  eligibility: {
    name: 'Federal Student Aid (US Department of Education)',
    url: 'https://studentaid.gov/resources/scams',
  },
  robocallGuide: {
    name: 'FCC',
    url: 'https://www.fcc.gov/consumers/guides/stop-unwanted-robocalls-and-texts',
  },
  callback: {
    name: ARTICLE,
    quote:
      "Microsoft's official support is typically initiated by customers seeking help through their official channels, such as their website or support hotline.",
  },
} satisfies Record<string, SourceRef>;

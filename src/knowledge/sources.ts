import type { Citation } from './types.js';

/**
 * Every page the knowledge base rests on, in one place. `reviewed` is the day a person read the
 * page and checked that the entry citing it says what the page says.
 */
const REVIEWED = '2026-11-25';

function cite(title: string, url: string): Citation {
  return { title, url, reviewed: REVIEWED };
}

export const SOURCES = {
  // The project's source article has no public address; it is cited by its file name in shared/seed.
  article: cite(
    'Sorting Fact from Fiction: Are Calls from Microsoft Legitimate? (the project source article)',
    'seed:000_ae839ddab95fbe5c.txt',
  ),
  microsoftScams: cite(
    'Microsoft Support: Protect yourself from tech support scams',
    'https://support.microsoft.com/en-us/windows/protect-yourself-from-tech-support-scams-2ebf91bd-f94c-2a8a-e541-f5c800d18435',
  ),
  microsoftContact: cite('Microsoft Support: Contact us', 'https://support.microsoft.com/contactus'),
  microsoftPhoneNumbers: cite(
    'Microsoft Support: Global customer service phone numbers',
    'https://support.microsoft.com/en-us/topic/global-customer-service-phone-numbers-c0389ade-5640-e588-8b0e-28de8afeb3f2',
  ),
  microsoftDomainsList: cite(
    'HotCakeX/MicrosoftDomains: verified Microsoft root domains (General List, MIT)',
    'https://github.com/HotCakeX/MicrosoftDomains',
  ),
  microsoftReport: cite(
    'Microsoft: Report a technical support scam',
    'https://www.microsoft.com/reportascam',
  ),
  appleScams: cite(
    'Apple Support: Recognize and avoid social engineering schemes, including phishing messages, phony support calls, and other scams',
    'https://support.apple.com/en-us/102568',
  ),
  appleContactPage: cite(
    'Apple: Contact Apple (phone numbers for sales and support)',
    'https://www.apple.com/contact/',
  ),
  appleContact: cite('Apple Support: Contact Apple Support', 'https://support.apple.com/contact'),
  amazonScams: cite(
    'Amazon Customer Service: Identifying a scam',
    'https://www.amazon.com/gp/help/customer/display.html?nodeId=G4YFYCCNUSENA23B',
  ),
  amazonEmail: cite(
    'Amazon Customer Service: About identifying whether an e-mail or webpage is from Amazon',
    'https://www.amazon.com/gp/help/customer/display.html?nodeId=15835501',
  ),
  googleScams: cite(
    'Google Help: Avoid and report Google scams',
    'https://support.google.com/faqs/answer/2952493',
  ),
  paypalPhishing: cite(
    'PayPal: Report scams, fraudulent emails and websites',
    'https://www.paypal.com/us/webapps/mpp/security/suspicious-activity',
  ),
  nortonHome: cite('Norton (Gen Digital) official site', 'https://us.norton.com/'),
  mcafeeHome: cite('McAfee official site', 'https://www.mcafee.com/'),
  geekSquadHome: cite('Best Buy (Geek Squad) official site', 'https://www.bestbuy.com/'),
  ftcMoveMoney: cite(
    'FTC press release (March 2024): FTC warns about scammers pretending to be agency staff',
    'https://www.ftc.gov/news-events/news/press-releases/2024/03/federal-trade-commission-warns-scammers-pretending-be-agency-staff',
  ),
  ftcContact: cite('FTC: Contact the Federal Trade Commission', 'https://www.ftc.gov/contact'),
  ftcReport: cite('FTC: ReportFraud.ftc.gov', 'https://reportfraud.ftc.gov/'),
  takeFive: cite('Take Five to Stop Fraud (UK Finance)', 'https://www.takefive-stopfraud.org.uk/'),
  irsPhone: cite(
    'IRS: Let us help you (telephone assistance)',
    'https://www.irs.gov/help/telephone-assistance',
  ),
  irsKnow: cite(
    "IRS: How to know it's really the IRS calling or knocking on your door",
    'https://www.irs.gov/newsroom/how-to-know-if-its-really-the-irs-calling-or-knocking-on-your-door',
  ),
  ssaScam: cite('Social Security: Protect yourself from scams', 'https://www.ssa.gov/scam/'),
  ssaContact: cite('Social Security: Contact Social Security', 'https://www.ssa.gov/agency/contact/'),
  hmrcSelfAssessment: cite(
    'GOV.UK: Self Assessment: general enquiries (HMRC helpline)',
    'https://www.gov.uk/government/organisations/hm-revenue-customs/contact/self-assessment',
  ),
  hmrcScams: cite(
    'GOV.UK (HMRC): Avoid and report internet scams and phishing',
    'https://www.gov.uk/guidance/avoid-and-report-internet-scams-and-phishing',
  ),
  chaseHome: cite('Chase official site', 'https://www.chase.com/'),
  chaseContact: cite('Chase: Customer service', 'https://www.chase.com/digital/customer-service'),
  bofaContact: cite(
    'Bank of America: Contact us',
    'https://www.bankofamerica.com/customer-service/contact-us/',
  ),
  wellsFargoContact: cite('Wells Fargo: Customer service and help', 'https://www.wellsfargo.com/help/'),
  paypalContact: cite('PayPal: Contact us', 'https://www.paypal.com/us/smarthelp/contact-us'),
  bofaHome: cite('Bank of America official site', 'https://www.bankofamerica.com/'),
  wellsFargoHome: cite('Wells Fargo official site', 'https://www.wellsfargo.com/'),
  citiHome: cite('Citi official site', 'https://www.citi.com/'),
  barclaysHome: cite('Barclays official site', 'https://www.barclays.co.uk/'),
  hsbcHome: cite('HSBC UK official site', 'https://www.hsbc.co.uk/'),
} as const satisfies Record<string, Citation>;

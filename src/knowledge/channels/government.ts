import { SOURCES as S } from '../sources.js';
import type { OrgChannels } from '../types.js';

/** Government agencies that impostors name. .gov is restricted to US government bodies. */
export const IRS_CHANNELS: OrgChannels = {
  id: 'irs',
  rootDomains: ['irs.gov', 'treasury.gov', 'tigta.gov', 'pay.gov', 'eftps.gov'],
  userContentHosts: [],
  emailSendingDomains: ['irs.gov'],
  officialNumbers: [
    {
      e164: '+18008291040',
      country: 'US',
      channel: 'general',
      note: 'IRS individual taxpayer line. The IRS usually writes first; it never demands gift cards or crypto.',
      source: S.irsPhone,
    },
  ],
  socialAccounts: [{ network: 'X', handle: '@IRSnews', url: 'https://x.com/IRSnews' }],
  sources: [S.irsKnow, S.irsPhone],
};

export const SSA_CHANNELS: OrgChannels = {
  id: 'ssa',
  rootDomains: ['ssa.gov', 'socialsecurity.gov'],
  userContentHosts: [],
  emailSendingDomains: ['ssa.gov', 'socialsecurity.gov'],
  officialNumbers: [
    {
      e164: '+18007721213',
      country: 'US',
      channel: 'general',
      note: 'Social Security national number. Scammers spoof it as caller ID.',
      source: S.ssaContact,
    },
  ],
  socialAccounts: [{ network: 'X', handle: '@SocialSecurity', url: 'https://x.com/SocialSecurity' }],
  sources: [S.ssaScam, S.ssaContact],
};

export const FTC_CHANNELS: OrgChannels = {
  id: 'ftc',
  rootDomains: ['ftc.gov', 'reportfraud.ftc.gov', 'identitytheft.gov', 'donotcall.gov', 'consumer.gov'],
  userContentHosts: [],
  emailSendingDomains: ['ftc.gov', 'subscriptions.ftc.gov'],
  officialNumbers: [
    {
      e164: '+18773824357',
      country: 'US',
      channel: 'general',
      note: '1-877-FTC-HELP. The FTC never calls to demand money.',
      source: S.ftcContact,
    },
  ],
  socialAccounts: [{ network: 'X', handle: '@FTC', url: 'https://x.com/FTC' }],
  sources: [S.ftcMoveMoney, S.ftcContact],
};

export const HMRC_CHANNELS: OrgChannels = {
  id: 'hmrc',
  // Only UK government bodies can hold gov.uk names, so any gov.uk host is official government.
  rootDomains: ['gov.uk', 'hmrc.gov.uk', 'tax.service.gov.uk'],
  userContentHosts: [],
  emailSendingDomains: ['hmrc.gov.uk', 'notifications.service.gov.uk', 'gov.uk'],
  officialNumbers: [
    {
      e164: '+443002003310',
      country: 'GB',
      channel: 'general',
      note: 'HMRC Self Assessment helpline. HMRC never rings threatening arrest.',
      source: S.hmrcSelfAssessment,
    },
  ],
  socialAccounts: [{ network: 'X', handle: '@HMRCcustomers', url: 'https://x.com/HMRCcustomers' }],
  sources: [S.hmrcScams, S.hmrcSelfAssessment],
};

import { SOURCES as S } from '../sources.js';
import type { OrgChannels } from '../types.js';

/**
 * Banks. The generic "bank" has no channels of its own: the right number is the one on the back
 * of the person's card.
 */
export const BANK_CHANNELS: OrgChannels = {
  id: 'bank',
  rootDomains: [],
  userContentHosts: [],
  emailSendingDomains: [],
  officialNumbers: [],
  socialAccounts: [],
  sources: [S.takeFive, S.ftcMoveMoney],
};

export const CHASE_CHANNELS: OrgChannels = {
  id: 'chase',
  rootDomains: ['chase.com', 'jpmorganchase.com', 'jpmorgan.com', 'chasecdn.com'],
  userContentHosts: [],
  emailSendingDomains: ['chase.com', 'alertsp.chase.com', 'jpmorgan.com', 'jpmorganchase.com'],
  officialNumbers: [
    {
      e164: '+18009359935',
      country: 'US',
      channel: 'general',
      note: 'Chase customer service',
      source: S.chaseContact,
    },
  ],
  socialAccounts: [{ network: 'X', handle: '@ChaseSupport', url: 'https://x.com/ChaseSupport' }],
  sources: [S.chaseHome, S.chaseContact],
};

export const BANK_OF_AMERICA_CHANNELS: OrgChannels = {
  id: 'bank-of-america',
  rootDomains: ['bankofamerica.com', 'bofa.com', 'ml.com', 'merrilledge.com', 'bac.com'],
  userContentHosts: [],
  emailSendingDomains: ['bankofamerica.com', 'ealerts.bankofamerica.com', 'bofa.com', 'ml.com'],
  officialNumbers: [
    {
      e164: '+18004321000',
      country: 'US',
      channel: 'general',
      note: 'Bank of America customer service',
      source: S.bofaContact,
    },
  ],
  socialAccounts: [{ network: 'X', handle: '@BofA_Help', url: 'https://x.com/BofA_Help' }],
  sources: [S.bofaHome, S.bofaContact],
};

export const WELLS_FARGO_CHANNELS: OrgChannels = {
  id: 'wells-fargo',
  rootDomains: ['wellsfargo.com', 'wf.com', 'wellsfargoadvisors.com', 'wellsfargomedia.com'],
  userContentHosts: [],
  emailSendingDomains: ['wellsfargo.com', 'notify.wellsfargo.com', 'wf.com'],
  officialNumbers: [
    {
      e164: '+18008693557',
      country: 'US',
      channel: 'general',
      note: 'Wells Fargo customer service',
      source: S.wellsFargoContact,
    },
  ],
  socialAccounts: [{ network: 'X', handle: '@Ask_WellsFargo', url: 'https://x.com/Ask_WellsFargo' }],
  sources: [S.wellsFargoHome, S.wellsFargoContact],
};

export const CITI_CHANNELS: OrgChannels = {
  id: 'citi',
  rootDomains: [
    'citi.com',
    'citibank.com',
    'citigroup.com',
    'citicards.com',
    'citibankonline.com',
    'citi.co.uk',
  ],
  userContentHosts: [],
  emailSendingDomains: ['citi.com', 'info6.citi.com', 'citibank.com', 'citicards.com'],
  officialNumbers: [],
  socialAccounts: [],
  sources: [S.citiHome],
};

export const BARCLAYS_CHANNELS: OrgChannels = {
  id: 'barclays',
  rootDomains: [
    'barclays.co.uk',
    'barclays.com',
    'barclays',
    'barclaycard.co.uk',
    'barclaycard.com',
    'barclaycardus.com',
    'barclays.net',
  ],
  userContentHosts: [],
  emailSendingDomains: ['barclays.co.uk', 'barclays.com', 'barclaycard.co.uk', 'barclaycardus.com'],
  officialNumbers: [],
  socialAccounts: [],
  sources: [S.barclaysHome],
};

export const HSBC_CHANNELS: OrgChannels = {
  id: 'hsbc',
  rootDomains: ['hsbc.co.uk', 'hsbc.com', 'hsbc', 'hsbc.com.hk', 'hsbcnet.com', 'hsbc.ca', 'firstdirect.com'],
  userContentHosts: [],
  emailSendingDomains: ['hsbc.co.uk', 'hsbc.com', 'email.hsbc.co.uk', 'us.hsbc.com'],
  officialNumbers: [],
  socialAccounts: [],
  sources: [S.hsbcHome],
};

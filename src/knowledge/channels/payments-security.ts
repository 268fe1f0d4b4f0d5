import { SOURCES as S } from '../sources.js';
import type { OrgChannels } from '../types.js';

/** PayPal and the security-software brands that fake-invoice scams impersonate. */
export const PAYPAL_CHANNELS: OrgChannels = {
  id: 'paypal',
  rootDomains: [
    'paypal.com',
    'paypal.me',
    'paypalobjects.com',
    'paypal-community.com',
    'paypal.co.uk',
    'paypal.de',
    'paypal.fr',
    'paypal.it',
    'paypal.es',
    'paypal.ca',
    'paypal.com.au',
    'venmo.com',
    'xoom.com',
    'braintreegateway.com',
  ],
  userContentHosts: [
    // Anyone can make a paypal.me payment link, and anyone can send a PayPal invoice or money request.
    'paypal.me',
  ],
  emailSendingDomains: [
    'paypal.com',
    'mail.paypal.com',
    'e.paypal.com',
    'intl.paypal.com',
    'paypal.co.uk',
    'paypal.de',
  ],
  officialNumbers: [
    {
      e164: '+18882211161',
      country: 'US',
      channel: 'support',
      note: 'PayPal customer service',
      source: S.paypalContact,
    },
  ],
  socialAccounts: [{ network: 'X', handle: '@AskPayPal', url: 'https://x.com/AskPayPal' }],
  sources: [S.paypalPhishing, S.paypalContact],
};

export const NORTON_CHANNELS: OrgChannels = {
  id: 'norton',
  rootDomains: ['norton.com', 'nortonlifelock.com', 'lifelock.com', 'gendigital.com', 'nortoncdn.com'],
  userContentHosts: [],
  emailSendingDomains: ['norton.com', 'nortonlifelock.com', 'lifelock.com', 'gendigital.com'],
  officialNumbers: [],
  socialAccounts: [],
  sources: [S.nortonHome],
};

export const MCAFEE_CHANNELS: OrgChannels = {
  id: 'mcafee',
  rootDomains: ['mcafee.com', 'mcafee.ai'],
  userContentHosts: [],
  emailSendingDomains: ['mcafee.com'],
  officialNumbers: [],
  socialAccounts: [],
  sources: [S.mcafeeHome],
};

export const GEEK_SQUAD_CHANNELS: OrgChannels = {
  id: 'geek-squad',
  rootDomains: ['bestbuy.com', 'geeksquad.com', 'bestbuy.ca', 'bbystatic.com'],
  userContentHosts: [],
  emailSendingDomains: ['bestbuy.com', 'emailinfo.bestbuy.com', 'geeksquad.com'],
  officialNumbers: [],
  socialAccounts: [],
  sources: [S.geekSquadHome],
};

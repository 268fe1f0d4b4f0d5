import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { ORGANISATIONS } from '../organisations.js';
import { CHANNELS, getChannels } from './index.js';
import { emailDomainOwner, hostOwner, numberChannel } from './lookup.js';

describe('official channels data', () => {
  it('has channels for every organisation', () => {
    for (const org of ORGANISATIONS) expect(getChannels(org.id).id).toBe(org.id);
  });

  it('every official number is a valid number of its country, with a cited https source', () => {
    for (const ch of Object.values(CHANNELS)) {
      for (const n of ch.officialNumbers) {
        const p = parsePhoneNumberFromString(n.e164);
        expect(p?.isValid(), n.e164).toBe(true);
        expect(p?.number).toBe(n.e164);
        expect(p?.country).toBe(n.country);
        expect(n.source.url).toMatch(/^https:\/\//);
        expect(n.source.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('domains are lowercase host names and every organisation with domains cites a source', () => {
    for (const ch of Object.values(CHANNELS)) {
      for (const d of [...ch.rootDomains, ...ch.userContentHosts, ...ch.emailSendingDomains]) {
        expect(d, `${ch.id}: ${d}`).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/);
      }
      expect(ch.sources.length).toBeGreaterThan(0);
    }
  });

  it('includes the whole verified Microsoft list and Microsoft US support 1-800-642-7676', () => {
    expect(getChannels('microsoft').rootDomains.length).toBeGreaterThanOrEqual(644);
    expect(numberChannel('+18006427676')?.org).toBe('microsoft');
  });
});

describe('hostOwner', () => {
  it.each([
    ['www.microsoft.com', 'microsoft', 'official'],
    ['forms.office.com', 'microsoft', 'user-content'],
    ['tenant.sharepoint.com', 'microsoft', 'user-content'],
    ['x.blob.core.windows.net', 'microsoft', 'user-content'],
    ['login.windows.net', 'microsoft', 'official'],
    ['cloud.microsoft', 'microsoft', 'official'],
    ['docs.google.com', 'google', 'user-content'],
    ['www.google.co.uk', 'google', 'official'],
    ['paypal.me', 'paypal', 'user-content'],
    ['www.irs.gov', 'irs', 'official'],
    ['www.gov.uk', 'hmrc', 'official'],
    ['WWW.APPLE.COM.', 'apple', 'official'],
  ])('%s -> %s %s', (host, org, kind) => {
    expect(hostOwner(host)).toMatchObject({ org, kind });
  });

  it.each(['evilmicrosoft.com', 'microsoft.com.evil.net', 'microsoft-support.com', 'xgov.uk', '', '.'])(
    '%j is nobody’s',
    (host) => {
      expect(hostOwner(host)).toBeNull();
    },
  );

  it('emailDomainOwner matches whole labels', () => {
    expect(emailDomainOwner('accountprotection.microsoft.com')).toBe('microsoft');
    expect(emailDomainOwner('evil-microsoft.com')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { ORGANISATIONS, findOrg, getOrg, resolveOrg } from './index.js';
import type { OrgId } from './types.js';

const ALL_IDS: OrgId[] = [
  'microsoft',
  'apple',
  'amazon',
  'google',
  'paypal',
  'norton',
  'mcafee',
  'geek-squad',
  'bank',
  'chase',
  'bank-of-america',
  'wells-fargo',
  'citi',
  'barclays',
  'hsbc',
  'irs',
  'ssa',
  'ftc',
  'hmrc',
];

describe('organisation profiles', () => {
  it('has exactly one profile per OrgId, each with a policy, a contact and a dated source', () => {
    expect(ORGANISATIONS.map((o) => o.id).sort()).toEqual([...ALL_IDS].sort());
    for (const org of ORGANISATIONS) {
      expect(org.contactPolicy.length).toBeGreaterThan(40);
      // A generic profile (the person's own bank) has no site CallGuard could name.
      if (org.generic) expect(org.officialContact.url).toBeUndefined();
      else expect(org.officialContact.url).toMatch(/^https:\/\//);
      expect(org.neverAsksFor.length).toBeGreaterThan(0);
      expect(org.sources.length).toBeGreaterThan(0);
      for (const s of org.sources) expect(s.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const a of org.aliases) expect(a).toBe(a.toLowerCase());
    }
  });

  it('getOrg returns each profile', () => {
    for (const id of ALL_IDS) expect(getOrg(id).id).toBe(id);
  });

  it('Microsoft never calls unsolicited and cites its own page', () => {
    const ms = getOrg('microsoft');
    expect(ms.makesUnsolicitedSupportCalls).toBe(false);
    expect(ms.officialContact.url).toBe('https://support.microsoft.com/contactus');
    expect(ms.reportUrl).toBe('https://www.microsoft.com/reportascam');
    expect(ms.sources.some((s) => s.url.includes('support.microsoft.com'))).toBe(true);
  });
});

describe('findOrg', () => {
  it.each([
    ['Microsoft', 'microsoft'],
    ['MS', 'microsoft'],
    ['msft', 'microsoft'],
    ['Windows support', 'microsoft'],
    ['the Windows Technical Department', 'microsoft'],
    ['Microsoft Security Team', 'microsoft'],
    ['micro soft', 'microsoft'],
    ['MICRO-SOFT tech support', 'microsoft'],
    ['office 365 billing', 'microsoft'],
    ['Xbox Live', 'microsoft'],
    ['apple care', 'apple'],
    ['AppleCare', 'apple'],
    ['iCloud security', 'apple'],
    ['amazon dot com', 'amazon'],
    ['Amazon.com', 'amazon'],
    ['pay pal billing department', 'paypal'],
    ['Norton LifeLock', 'norton'],
    ['McAfee', 'mcafee'],
    ['geek squad', 'geek-squad'],
    ['bank fraud department', 'bank'],
    ['Bank of America', 'bank-of-america'],
    ['your bank, Chase', 'chase'],
    ['Wells Fargo fraud team', 'wells-fargo'],
    ['Citibank', 'citi'],
    ['Barclays', 'barclays'],
    ['HSBC', 'hsbc'],
    ['I.R.S.', 'irs'],
    ['internal revenue service', 'irs'],
    ['Social Security Administration', 'ssa'],
    ['the federal trade commission', 'ftc'],
    ['HM Revenue & Customs', 'hmrc'],
    ['Ms Jones from Barclays', 'barclays'],
  ])('%s -> %s', (text, id) => {
    expect(findOrg(text)?.id).toBe(id);
  });

  it.each([
    'msg',
    'amsterdam',
    'pineapple',
    'googled',
    'appleton',
    'mcafeee',
    'sms',
    'chased',
    'a friend',
    '',
    '   ',
  ])('does not fire on "%s"', (text) => {
    expect(findOrg(text)).toBeNull();
  });

  it('resolveOrg takes an id or a name', () => {
    expect(resolveOrg('bank-of-america')?.id).toBe('bank-of-america');
    expect(resolveOrg('Geek Squad')?.id).toBe('geek-squad');
    expect(resolveOrg('nobody')).toBeNull();
  });

  it('stays fast and safe on huge input', () => {
    const big = 'word '.repeat(200_000) + 'microsoft';
    const t = performance.now();
    expect(findOrg(big)).toBeNull(); // beyond the read limit
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

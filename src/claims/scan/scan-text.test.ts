import { describe, expect, it } from 'vitest';
import { CallGuardError } from '../../errors/catalogue.js';
import { extractAll } from './extract.js';
import { scanText } from './scan-text.js';

const POPUP = `** WINDOWS DEFENDER SECURITY ALERT **
Your computer has been BLOCKED. Error # 0x80070424. Do not restart your computer.
Call Microsoft Support immediately: 1 - { 8 8 8 } - ( 8 3 9 ) - 0 1 9 9 (Toll Free)
or 1-800-MICROSOFT. Visit hxxps://micros0ft-alert[.]support/fix or www.windows-defender-help.online,
email helpdesk@microsoft-support-team.com. Order #786-553-5082332. Date: 2024-01-15. Price $399.99.
The real site is microsoft.com/contactus. Notes in readme.md, e.g. here.`;

describe('scanText', () => {
  it('finds and checks every number, link and address in a fake pop-up', () => {
    const r = scanText(POPUP, { source: 'popup' });
    expect(r.numbers.map((n) => n.e164).sort()).toEqual(['+18006427676', '+18888390199']);
    for (const n of r.numbers) expect(n.verdict).toBe('suspicious');
    expect(r.urls.map((u) => [u.registrableDomain, u.verdict])).toEqual([
      ['micros0ft-alert.support', 'lookalike'],
      ['windows-defender-help.online', 'lookalike'],
      ['microsoft.com', 'official'],
    ]);
    expect(r.emails.map((e) => [e.address, e.verdict])).toEqual([
      ['helpdesk@microsoft-support-team.com', 'lookalike'],
    ]);
  });

  it('an invoice email: the number is flagged by its source', () => {
    const r = scanText(
      'Thank you for renewing Geek Squad Protection. $349.99 will be charged. To cancel call +1 (808) 555-0143 within 24 hours. geeksquad.billing@gmail.com',
      { source: 'invoice-email' },
    );
    expect(r.numbers).toHaveLength(1);
    expect(r.numbers[0]!.reasons.map((x) => x.code)).toContain('NUMBER_FROM_INVOICE');
    expect(r.emails[0]!.verdict).toBe('impersonation');
  });

  it('an SMS with a UK number and a bare link', () => {
    const r = scanText(
      'HMRC: you are due a tax refund of £264.10. Claim at hmrc-refund-claim.com or call 020 7946 0018',
      { country: 'GB' },
    );
    expect(r.numbers[0]!.e164).toBe('+442079460018');
    expect(r.urls[0]!.verdict).toBe('lookalike');
    expect(r.urls[0]!.brand).toBe('hmrc');
  });

  it('finds nothing in ordinary text', () => {
    expect(scanText('See you at 10:30 on 2024-01-15, it cost 12.50. Version 1.2.3.')).toEqual({
      numbers: [],
      urls: [],
      emails: [],
    });
  });

  it('refuses a text over the size limit', () => {
    expect(() => scanText('a'.repeat(2 * 1024 * 1024))).toThrow(CallGuardError);
  });
});

describe('extractAll on defanged links after an address or a joined word', () => {
  it.each([
    ['alerts@secure[.]paypa1-verify[.]com', ['paypa1-verify[.]com']],
    ['Visit...secure[.]paypa1[.]com', ['paypa1[.]com']],
    ['my_site[.]evil[.]com', ['evil[.]com']],
    ['_ab[.]evil.com', ['evil.com']],
    ['go to evil[.]com now', ['evil[.]com']],
    ['a.b[.]c[.]com', ['a.b[.]c[.]com']],
  ])('%s gives %j', (text, urls) => {
    expect(extractAll(text, (tld) => tld === 'com').urls).toEqual(urls);
  });
});

import { describe, expect, it } from 'vitest';
import { CallGuardError } from '../../errors/catalogue.js';
import { MICROSOFT_ROOT_DOMAINS } from '../../knowledge/channels/microsoft-domains.generated.js';
import { checkUrl } from './check-url.js';

const codes = (u: string, org?: string) => checkUrl(u, org ? { org } : {}).reasons.map((r) => r.code);

describe('checkUrl: official addresses', () => {
  it.each([
    ['https://support.microsoft.com/contactus', 'microsoft'],
    ['https://www.microsoft.com/reportascam', 'microsoft'],
    ['login.microsoftonline.com', 'microsoft'],
    ['https://account.live.com/', 'microsoft'],
    ['https://www.linkedin.com/in/someone', 'microsoft'],
    ['https://cloud.microsoft/', 'microsoft'],
    ['https://support.apple.com/en-us/102568', 'apple'],
    ['https://www.amazon.co.uk/gp/help', 'amazon'],
    ['https://myaccount.google.com/', 'google'],
    ['https://www.paypal.com/us/home', 'paypal'],
    ['https://www.irs.gov/', 'irs'],
    ['https://www.ssa.gov/scam/', 'ssa'],
    ['https://reportfraud.ftc.gov/', 'ftc'],
    ['https://www.gov.uk/contact-hmrc', 'hmrc'],
    ['https://secure.chase.com/', 'chase'],
  ])('%s is official (%s)', (url, org) => {
    const r = checkUrl(url);
    expect(r.verdict).toBe('official');
    expect(r.brand).toBe(org);
  });

  it('every root domain on the verified Microsoft list, and sample subdomains, is official or user-content', () => {
    const wrong: string[] = [];
    for (const d of MICROSOFT_ROOT_DOMAINS) {
      for (const u of [d, `https://www.${d}/`, `https://login.${d}/path?x=1`, `http://a.b.${d}`]) {
        const r = checkUrl(u);
        if (r.verdict !== 'official' && r.verdict !== 'user-content-on-official-domain')
          wrong.push(`${u}: ${r.verdict}`);
        if (r.brand !== 'microsoft') wrong.push(`${u}: brand ${r.brand}`);
      }
    }
    expect(MICROSOFT_ROOT_DOMAINS.length).toBe(644);
    expect(wrong).toEqual([]);
  });
});

describe('checkUrl: user content on official domains', () => {
  it.each([
    'https://forms.office.com/r/AbCdEf',
    'https://forms.microsoft.com/r/x',
    'https://contoso-my.sharepoint.com/:b:/g/personal/doc.pdf',
    'https://onedrive.live.com/?id=1',
    'https://1drv.ms/u/s!abc',
    'https://phish.blob.core.windows.net/$web/index.html',
    'https://account-verify.azurewebsites.net/',
    'https://sites.google.com/view/support',
    'https://docs.google.com/forms/d/e/abc/viewform',
    'https://storage.googleapis.com/bucket/page.html',
    'https://someone.github.io/',
    'https://x.firebaseapp.com/',
    'https://paypal.me/someone',
  ])('%s', (url) => {
    const r = checkUrl(url);
    expect(r.verdict).toBe('user-content-on-official-domain');
    expect(r.reasons.find((x) => x.code === 'USER_CONTENT_HOST')?.message).toMatch(/never proves/);
  });

  it('a page on a hosting platform that names another brand is a lookalike', () => {
    const r = checkUrl('https://microsoft-support-alert.web.app/');
    expect(r.verdict).toBe('lookalike');
    expect(r.brand).toBe('microsoft');
  });
});

describe('checkUrl: lookalikes seen in real scams', () => {
  it.each([
    ['microsoft.com.help-desk.xyz', 'microsoft', 'OFFICIAL_DOMAIN_IN_SUBDOMAIN'],
    ['https://login.microsoftonline.com.secure-auth.ru/', 'microsoft', 'OFFICIAL_DOMAIN_IN_SUBDOMAIN'],
    ['microsoft-support-helpline.com', 'microsoft', 'LOOKALIKE_DOMAIN'],
    ['windows-defender-alert.online', 'microsoft', 'LOOKALIKE_DOMAIN'],
    ['micros0ft-alert.support', 'microsoft', 'HOMOGLYPH_DOMAIN'],
    ['rnicrosoft.com', 'microsoft', 'HOMOGLYPH_DOMAIN'],
    ['https://xn--mcrosoft-8gg.com/', 'microsoft', 'TYPO_DOMAIN'],
    ['micrоsоft.com', 'microsoft', 'HOMOGLYPH_DOMAIN'], // Cyrillic о
    ['https://xn--pypal-4ve.com/', 'paypal', 'HOMOGLYPH_DOMAIN'], // pаypal with Cyrillic а
    ['mircosoft.com', 'microsoft', 'TYPO_DOMAIN'],
    ['secure-paypal-login.net', 'paypal', 'LOOKALIKE_DOMAIN'],
    ['paypa1.com', 'paypal', 'HOMOGLYPH_DOMAIN'],
    ['amaz0n-refund.com', 'amazon', 'HOMOGLYPH_DOMAIN'],
    ['appleid-verify.com', 'apple', 'LOOKALIKE_DOMAIN'],
    ['icloud-locked.support', 'apple', 'LOOKALIKE_DOMAIN'],
    ['geeksquad-renewal.com', 'geek-squad', 'LOOKALIKE_DOMAIN'],
    ['norton-billing.com', 'norton', 'LOOKALIKE_DOMAIN'],
    ['irs-refund-online.com', 'irs', 'LOOKALIKE_DOMAIN'],
    ['chasebank-verify.com', 'chase', 'LOOKALIKE_DOMAIN'],
    ['https://evil.xyz/www.paypal.com/signin', 'paypal', 'OFFICIAL_DOMAIN_IN_PATH'],
    ['https://microsoft.com@evil.ru/x', 'microsoft', 'BRAND_IN_USERINFO'],
    ['hxxps://m1crosoft[.]com/', 'microsoft', 'TYPO_DOMAIN'],
  ])('%s imitates %s (%s)', (url, brand, code) => {
    const r = checkUrl(url);
    expect(r.verdict).toBe('lookalike');
    expect(r.brand).toBe(brand);
    expect(r.reasons.map((x) => x.code)).toContain(code);
  });

  it('official social accounts, and brand-named accounts that are not', () => {
    expect(checkUrl('https://x.com/MicrosoftHelps')).toMatchObject({
      verdict: 'official',
      brand: 'microsoft',
    });
    expect(checkUrl('https://twitter.com/AskPayPal')).toMatchObject({ verdict: 'official', brand: 'paypal' });
    const fake = checkUrl('https://x.com/Microsoft_Support_247');
    expect(fake).toMatchObject({ verdict: 'lookalike', brand: 'microsoft' });
    expect(fake.reasons.map((r) => r.code)).toContain('UNOFFICIAL_SOCIAL_ACCOUNT');
    expect(checkUrl('https://x.com/somebody').verdict).toBe('unknown');
    expect(checkUrl('https://www.youtube.com/@MicrosoftSupportHelpline')).toMatchObject({
      verdict: 'lookalike',
      brand: 'microsoft',
    });
    expect(checkUrl('https://www.youtube.com/@Microsoft').verdict).toBe('official');
  });

  it('mixed scripts are called out', () => {
    expect(codes('micrоsоft.com')).toContain('MIXED_SCRIPTS');
  });
});

describe('checkUrl: other warning signs', () => {
  it.each([
    ['http://192.168.1.5/login', 'IP_ADDRESS_HOST'],
    ['http://[2001:db8::1]/', 'IP_ADDRESS_HOST'],
    ['bit.ly/3abcd', 'URL_SHORTENER'],
    ['https://tinyurl.com/xyz', 'URL_SHORTENER'],
    ['fix-my-pc-now.xyz', 'SUSPICIOUS_TLD'],
    ['2020logs.duckdns.org', 'FREE_HOSTING'],
    ['catnip-caramel-amount.glitch.me', 'FREE_HOSTING'],
    ['https://anydesk.com/en/downloads', 'REMOTE_ACCESS_TOOL'],
    ['javascript:alert(1)', 'DANGEROUS_SCHEME'],
    ['data:text/html,<script>x</script>', 'DANGEROUS_SCHEME'],
  ])('%s is suspicious (%s)', (url, code) => {
    const r = checkUrl(url);
    expect(r.verdict).toBe('suspicious');
    expect(r.reasons.map((x) => x.code)).toContain(code);
  });

  it('an unknown ordinary site is unknown, not accused', () => {
    for (const u of [
      'pineapple.com',
      'amsterdam.nl',
      'window-cleaning.com',
      'ssa-consulting.com',
      'https://www.bbc.co.uk/news',
      'msg.org',
    ]) {
      expect(checkUrl(u).verdict, u).toBe('unknown');
    }
  });

  it('a site named in the path of an ordinary article is only an info note', () => {
    const r = checkUrl('https://myblog.com/how-to-remove-microsoft-edge');
    expect(r.verdict).toBe('unknown');
    expect(r.reasons.find((x) => x.code === 'BRAND_IN_PATH')?.severity).toBe('info');
  });

  it("a claimed organisation's site that is not theirs", () => {
    expect(checkUrl('example.com', { org: 'Microsoft' }).verdict).toBe('suspicious');
    const r = checkUrl('https://www.paypal.com/', { org: 'Microsoft' });
    expect(r.verdict).toBe('official');
    expect(r.brand).toBe('paypal');
    expect(r.reasons.map((x) => x.code)).toContain('NOT_CLAIMED_ORG');
  });
});

describe('checkUrl: hostile input', () => {
  it('a 10 KB address gets a verdict', () => {
    const r = checkUrl('https://example.com/' + 'a'.repeat(10_240));
    expect(r.verdict).toBe('unknown');
    expect(r.reasons.map((x) => x.code)).toContain('VERY_LONG_URL');
  });

  it('a 10 KB lookalike path still gets caught quickly', () => {
    const t = performance.now();
    const r = checkUrl('http://evil.xyz/' + 'paypal.com/'.repeat(1000));
    expect(r.verdict).toBe('lookalike');
    expect(performance.now() - t).toBeLessThan(200);
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['http://', /not a web address|no host/],
    ['http://exa mple.com', /not a web address/],
    ['http://xn--zz.com', /malformed international domain name|not a web address/],
    ['http://a\u0000b.com', /control character/],
    ['just words', /not a web address|no domain/],
    ['bob@example.com', /email address/],
    ['x'.repeat(70_000), /limit/],
  ])('%j -> clear CG_URL_INVALID', (input, message) => {
    try {
      checkUrl(input);
      expect.unreachable('should throw');
    } catch (err) {
      expect(err).toBeInstanceOf(CallGuardError);
      expect((err as CallGuardError).code).toBe('CG_URL_INVALID');
      expect((err as Error).message).toMatch(message);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { CallGuardError } from '../../errors/catalogue.js';
import { checkEmail } from './check-email.js';

const codes = (input: string) => checkEmail(input).reasons.map((r) => r.code);

describe('checkEmail: senders', () => {
  it.each([
    ['account-security-noreply@accountprotection.microsoft.com', 'microsoft'],
    ['"Microsoft account team" <account-security-noreply@accountprotection.microsoft.com>', 'microsoft'],
    ['"PayPal" <service@paypal.com>', 'paypal'],
    ['auto-confirm@amazon.com', 'amazon'],
    ['no_reply@email.apple.com', 'apple'],
  ])('%s is an official sending domain', (input, org) => {
    const r = checkEmail(input);
    expect(r.verdict).toBe('official');
    expect(r.brand).toBe(org);
    expect(codes(input)).toContain('SENDER_NOT_AUTHENTICATED'); // a bare From can be forged: say so
  });

  it('display-name spoofing on a lookalike domain', () => {
    const r = checkEmail('"Microsoft Account Team" <alert@m1crosoft-secure.com>');
    expect(r).toMatchObject({
      verdict: 'impersonation',
      brand: 'microsoft',
      displayName: 'Microsoft Account Team',
      domain: 'm1crosoft-secure.com',
    });
    expect(r.reasons.map((x) => x.code)).toEqual(
      expect.arrayContaining(['DISPLAY_NAME_SPOOF', 'LOOKALIKE_SENDER_DOMAIN']),
    );
  });

  it.each([
    '"Amazon Security" <amazon.alerts@gmail.com>',
    'Norton Billing <norton.renewal2024@outlook.com>',
    '"Geek Squad" <geeksquad.billing@yahoo.com>',
    '"Windows Support" <winsupport.team@hotmail.com>',
  ])('free-mail sender claiming a company: %s', (input) => {
    const r = checkEmail(input);
    expect(r.verdict).toBe('impersonation');
    expect(r.reasons.map((x) => x.code)).toContain('FREEMAIL_CLAIMS_COMPANY');
  });

  it('writes a generic organisation as a common noun, capitalised only at a sentence start', () => {
    const r = checkEmail('"Your Bank Fraud Department" <fraud.alerts@gmail.com>');
    const said = r.reasons.find((x) => x.code === 'FREEMAIL_CLAIMS_COMPANY')?.message;
    expect(said).toBe(
      'The sender claims to be your bank but writes from a free gmail.com address. Your bank writes from its own domain.',
    );
  });

  it('an address shown in the display name that is not the real one', () => {
    const r = checkEmail('"service@paypal.com" <billing@paypal-resolution-center.info>');
    expect(r.verdict).toBe('impersonation');
    expect(r.reasons.map((x) => x.code)).toContain('ADDRESS_IN_DISPLAY_NAME');
  });

  it('a Microsoft 365 tenant address is user content, and claiming Microsoft from it is impersonation', () => {
    expect(checkEmail('it@contoso.onmicrosoft.com').verdict).toBe('suspicious');
    expect(checkEmail('Microsoft <no-reply@contoso.onmicrosoft.com>').verdict).toBe('impersonation');
  });

  it('a lookalike sender without a display name', () => {
    const r = checkEmail('billing@geeksquad-renewal.com');
    expect(r.verdict).toBe('lookalike');
    expect(r.brand).toBe('geek-squad');
  });

  it('an ordinary address is unknown', () => {
    expect(checkEmail('bob@example.com').verdict).toBe('unknown');
  });

  it('the org option says who the sender claims to be', () => {
    expect(checkEmail('help@fixmypc.example', { org: 'microsoft' }).verdict).toBe('impersonation');
  });
});

describe('checkEmail: header blocks', () => {
  const spoofed = [
    'Return-Path: <bounce@mailer.xyz>',
    'Authentication-Results: mx.example.net;',
    '  spf=fail smtp.mailfrom=microsoft.com;',
    '  dkim=none; dmarc=fail header.from=microsoft.com',
    'From: Microsoft <security@microsoft.com>',
    'Reply-To: ms.support.desk@gmail.com',
    'Subject: Your account is locked',
    '',
    'Call 1-888-000-0000 now',
  ].join('\r\n');

  it('reads From, Reply-To, Return-Path and Authentication-Results (folded lines)', () => {
    const r = checkEmail(spoofed);
    expect(r).toMatchObject({
      address: 'security@microsoft.com',
      displayName: 'Microsoft',
      replyTo: 'ms.support.desk@gmail.com',
      returnPath: 'bounce@mailer.xyz',
      auth: { spf: 'fail', dkim: 'none', dmarc: 'fail' },
    });
  });

  it('a forged official From (DMARC failed) with a free-mail Reply-To is impersonation', () => {
    const r = checkEmail(spoofed);
    expect(r.verdict).toBe('impersonation');
    expect(r.reasons.map((x) => x.code)).toEqual(expect.arrayContaining(['DMARC_FAIL', 'REPLY_TO_MISMATCH']));
    expect(r.reasons.find((x) => x.code === 'REPLY_TO_MISMATCH')?.severity).toBe('danger');
  });

  it('an authenticated official message stays official', () => {
    const r = checkEmail(
      [
        'Authentication-Results: mx.google.com; dkim=pass header.i=@accountprotection.microsoft.com; spf=pass; dmarc=pass (p=REJECT) header.from=accountprotection.microsoft.com',
        'DKIM-Signature: v=1; a=rsa-sha256; d=accountprotection.microsoft.com; s=s1',
        'From: Microsoft account team <account-security-noreply@accountprotection.microsoft.com>',
        'Return-Path: <account-security-noreply@accountprotection.microsoft.com>',
      ].join('\n'),
    );
    expect(r.verdict).toBe('official');
    expect(r.reasons.map((x) => x.code)).toContain('DMARC_PASS');
  });

  it('decodes RFC 2047 display names', () => {
    expect(checkEmail('From: =?UTF-8?B?TWljcm9zb2Z0IFN1cHBvcnQ=?= <help@fix-pc.example>').displayName).toBe(
      'Microsoft Support',
    );
  });
});

describe('checkEmail: bad input', () => {
  it.each([
    ['', /empty/],
    ['not an email', /not an email address/],
    ['Subject: hi\nTo: me@example.com\n', /none is a "From:" header|not an email address/],
    ['a@b', /not an email address/],
    ['x'.repeat(300_000), /limit/],
  ])('%j -> CG_EMAIL_INVALID', (input, msg) => {
    try {
      checkEmail(input);
      expect.unreachable('should throw');
    } catch (err) {
      expect(err).toBeInstanceOf(CallGuardError);
      expect((err as CallGuardError).code).toBe('CG_EMAIL_INVALID');
      expect((err as Error).message).toMatch(msg);
    }
  });
});

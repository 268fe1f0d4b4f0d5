import { describe, expect, it } from 'vitest';
import { parseSipMessage, splitHeaderList, verstatParam } from './sip-message.js';

const INVITE = [
  'INVITE sip:+12025550143@example.net;user=phone SIP/2.0',
  'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK776',
  'f: "Bob" <sip:+12025550100@example.net;user=phone>;tag=1928301774',
  'TO: <sip:+12025550143@example.net;user=phone>',
  'P-Asserted-Identity: <sip:+12025550100@example.net;user=phone>, <tel:+12025550100;verstat=TN-Validation-Passed>',
  'Date: Wed, 25 Nov 2026 19:00:00 GMT',
  'Identity: aaa.bbb.ccc',
  '  ;info=<https://cr.example.net/a.pem>;alg=ES256;ppt=shaken',
  'y: ddd.eee.fff;info=<https://cr.example.net/b.pem>;ppt=div',
  'Content-Length: 3',
  '',
  'Identity: not-a-header-this-is-body',
].join('\r\n');

describe('parseSipMessage', () => {
  it('takes request URI, folded and compact headers, and stops at the body', () => {
    const sip = parseSipMessage(INVITE);
    expect(sip.requestUri).toBe('sip:+12025550143@example.net;user=phone');
    expect(sip.from).toBe('"Bob" <sip:+12025550100@example.net;user=phone>;tag=1928301774');
    expect(sip.to).toBe('<sip:+12025550143@example.net;user=phone>');
    expect(sip.date).toBe('Wed, 25 Nov 2026 19:00:00 GMT');
    expect(sip.identity).toEqual([
      'aaa.bbb.ccc ;info=<https://cr.example.net/a.pem>;alg=ES256;ppt=shaken',
      'ddd.eee.fff;info=<https://cr.example.net/b.pem>;ppt=div',
    ]);
    expect(sip.pAssertedIdentity).toHaveLength(2);
  });

  it('accepts bare LF line ends and a header block without request line', () => {
    const sip = parseSipMessage('From: <tel:+12025550100>\nTo: <tel:+12025550143>\n');
    expect(sip.requestUri).toBeNull();
    expect(sip.from).toBe('<tel:+12025550100>');
  });

  it('refuses text that is not SIP', () => {
    expect(() => parseSipMessage('hello world')).toThrowError(/No SIP request line/);
  });

  it('refuses a huge message', () => {
    expect(() => parseSipMessage('x'.repeat(300 * 1024))).toThrowError(/limit/);
  });
});

describe('splitHeaderList and verstatParam', () => {
  it('splits on commas outside <> and quotes', () => {
    expect(splitHeaderList('"Doe, John" <sip:a@b>, <tel:+1;x=a,b>')).toEqual([
      '"Doe, John" <sip:a@b>',
      '<tel:+1;x=a,b>',
    ]);
  });

  it('finds a verstat parameter', () => {
    expect(verstatParam('<tel:+12025550100;verstat=TN-Validation-Failed>')).toBe('TN-Validation-Failed');
    expect(verstatParam('tel:+12025550100;verstat=No-TN-Validation')).toBe('No-TN-Validation');
    expect(verstatParam('<tel:+12025550100>')).toBeNull();
  });
});

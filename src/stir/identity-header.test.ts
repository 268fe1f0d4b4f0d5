import { describe, expect, it } from 'vitest';
import { base64url } from 'jose';
import { parseIdentityHeader, readIdentityHeader } from './identity-header.js';

const enc = (o: unknown) => base64url.encode(JSON.stringify(o));
const H = enc({ alg: 'ES256', ppt: 'shaken', typ: 'passport', x5u: 'https://cr.example.net/a;b.pem' });
const P = enc({ attest: 'A' });
const S = base64url.encode(new Uint8Array(64));

describe('parseIdentityHeader', () => {
  it('reads the PASSporT and the parameters, with info holding a ";"', () => {
    const id = parseIdentityHeader(
      `Identity: ${H}.${P}.${S};info=<https://cr.example.net/a;b.pem>;alg=ES256;ppt="shaken"`,
    );
    expect(id.header.x5u).toBe('https://cr.example.net/a;b.pem');
    expect(id.payload.attest).toBe('A');
    expect(id.params).toEqual({ info: 'https://cr.example.net/a;b.pem', alg: 'ES256', ppt: 'shaken' });
  });

  it('unfolds a header split over lines', () => {
    const id = parseIdentityHeader(`${H}.${P}.${S}\r\n   ;info=<https://x.example/a.pem>`);
    expect(id.params.info).toBe('https://x.example/a.pem');
  });

  it.each([
    ['no PASSporT', ';info=<https://x>'],
    ['two parts', `${H}.${P};info=<https://x>`],
    ['compact form', `..${S};info=<https://x>`],
    ['no signature', `${H}.${P}.;info=<https://x>`],
    ['header not JSON', `${base64url.encode('nope')}.${P}.${S};info=<https://x>`],
    ['claims an array', `${H}.${enc([1])}.${S};info=<https://x>`],
    ['control characters', `${H}.${P}.${S};info=<https://x>\u0000`],
    ['info without <>', `${H}.${P}.${S};info=https://x`],
    ['a part of impossible length (4n + 1)', `${H}.e30gA.${S};info=<https://x>`],
    [
      'claims that are not UTF-8',
      `${H}.${base64url.encode(new Uint8Array([0x7b, 0xff, 0x7d]))}.${S};info=<https://x>`,
    ],
    ['padding', `${H}.${P}=.${S};info=<https://x>`],
    ['a fourth part', `${H}.${P}.${S}.${S};info=<https://x>`],
    ['a malformed parameter', `${H}.${P}.${S};info=<https://x>;al g=ES256`],
  ])('refuses %s', (_name, value) => {
    expect(() => parseIdentityHeader(value)).toThrowError(
      expect.objectContaining({ code: 'CG_STIR_IDENTITY_INVALID' }),
    );
  });

  it('refuses a header over 8 KB', () => {
    expect(() => parseIdentityHeader('a'.repeat(8193))).toThrowError(
      expect.objectContaining({ code: 'CG_INPUT_TOO_LARGE' }),
    );
  });

  it('reads the same without exceptions: the header, or the problem with the same message', () => {
    const ok = `${H}.${P}.${S};info=<https://x.example/a.pem>;ppt=shaken`;
    expect(readIdentityHeader(ok)).toEqual(parseIdentityHeader(ok));
    const bad = `${H}.${P}.;info=<https://x>`;
    expect(readIdentityHeader(bad)).toEqual({
      problem: 'malformed',
      message: 'The Identity header has no signature.',
    });
    expect(() => parseIdentityHeader(bad)).toThrowError('The Identity header has no signature.');
    expect(readIdentityHeader('a'.repeat(8193))).toMatchObject({ problem: 'too-large' });
  });

  it('takes the prefix, quotes and folding off only where they are', () => {
    const id = parseIdentityHeader(`y : ${H}.${P}.${S};INFO = <https://x.example/a.pem>;PPT="shaken";x=1`);
    expect(id.token).toBe(`${H}.${P}.${S}`);
    expect(id.params).toEqual({ info: 'https://x.example/a.pem', ppt: 'shaken', x: '1' });
    expect(parseIdentityHeader(`${H}.${P}.${S};a="b`).params.a).toBe('"b');
  });
});

import { CallGuardError } from '../../errors/catalogue.js';
import { printable } from '../number/check-number.js';

/** Longest address accepted. Real links are far shorter; a 10 KB link still gets a verdict. */
export const MAX_URL_LENGTH = 65_536;

export interface ParsedUrl {
  url: URL;
  /** The input had no scheme and "http://" was assumed. */
  schemeAdded: boolean;
  /** The input was defanged ("hxxp", "[.]") and was refanged to be read. */
  refanged: boolean;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Reads a web address the way people paste it: with or without a scheme, defanged
 * ("hxxps://evil[.]com") or not. Throws CG_URL_INVALID with the reason when it is not one.
 *
 * @example parseUrl('microsoft.com/contactus').url.hostname // 'microsoft.com'
 */
export function parseUrl(input: string): ParsedUrl {
  if (typeof input !== 'string' || input.trim().length === 0) {
    throw new CallGuardError('CG_URL_INVALID', 'The web address is empty.', { pointer: 'url' });
  }
  if (input.length > MAX_URL_LENGTH) {
    throw new CallGuardError(
      'CG_URL_INVALID',
      `The web address is ${input.length} characters long; the limit is ${MAX_URL_LENGTH}.`,
      { pointer: 'url' },
    );
  }
  let s = input.trim();
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const ctl = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.exec(s);
  if (ctl) {
    throw new CallGuardError(
      'CG_URL_INVALID',
      `The web address contains a control character (U+${ctl[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) at position ${ctl.index + 1}.`,
      { pointer: 'url' },
    );
  }
  s = s.replace(/^<(.*)>$/s, '$1').replace(/[\t\r\n]/g, '');
  const refangedText = s
    .replace(/^hxxp/i, 'http')
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, '.')
    .replace(/\[:\]/g, ':');
  const refanged = refangedText !== s;
  s = refangedText;
  if (/^mailto:/i.test(s) || (!SCHEME.test(s) && /^[^/@:]+@[^/@]+\.[a-z]{2,}$/i.test(s))) {
    throw new CallGuardError(
      'CG_URL_INVALID',
      `"${printable(input)}" is an email address, not a web address. Use the email check.`,
      {
        pointer: 'url',
      },
    );
  }
  let schemeAdded = false;
  // "host:port/path" has a colon but no "//": it is a host, not a scheme.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !/^(?:data|javascript|vbscript|file|about|blob):/i.test(s)) {
    s = 'http://' + s.replace(/^\/\//, '');
    schemeAdded = true;
  }
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    const idn = /[^\u0020-\u007e]|xn--/i.test(s);
    throw new CallGuardError(
      'CG_URL_INVALID',
      idn
        ? `"${printable(input)}" has a malformed international domain name.`
        : `"${printable(input)}" is not a web address.`,
      { pointer: 'url' },
    );
  }
  if (/^(?:https?|ftp|wss?):$/.test(url.protocol)) {
    const host = url.hostname;
    if (host.length === 0) {
      throw new CallGuardError('CG_URL_INVALID', `"${printable(input)}" has no host name.`, {
        pointer: 'url',
      });
    }
    if (!host.includes('.') && !host.includes(':') && host !== 'localhost') {
      throw new CallGuardError(
        'CG_URL_INVALID',
        `"${printable(input)}" has no domain (expected something like example.com).`,
        {
          pointer: 'url',
        },
      );
    }
  }
  return { url, schemeAdded, refanged };
}

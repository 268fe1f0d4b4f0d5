/**
 * Reads one SIP Identity header (RFC 8224 §4): `<PASSporT>;info=<https://...>;alg=ES256;ppt=shaken`.
 * Decodes the PASSporT's header and claims without trusting them; the verifier checks them. Pure.
 */
import { base64url } from 'jose';
import { CallGuardError } from '../errors/catalogue.js';
import type { PassportHeader, PassportPayload } from './types.js';

/** Real Identity headers are 600-1,000 bytes; 8 KB leaves room for extensions and refuses floods. */
export const MAX_IDENTITY_HEADER_BYTES = 8 * 1024;

export interface IdentityHeader {
  /** The PASSporT as sent (full form: header.payload.signature). */
  token: string;
  header: PassportHeader;
  payload: PassportPayload;
  /** Header parameters: `info` without its <>, `alg`, `ppt`, and any others (lower-cased names). */
  params: Record<string, string>;
}

const B64URL = /^[A-Za-z0-9_-]*$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses an Identity header value (a leading "Identity:" or "y:" is allowed). Throws CallGuardError
 * CG_STIR_IDENTITY_INVALID (or CG_INPUT_TOO_LARGE) saying what is wrong.
 *
 * @example parseIdentityHeader('eyJhbGciOi...;info=<https://cert.example.org/sp.pem>;alg=ES256;ppt=shaken').params.info
 */
export function parseIdentityHeader(value: string, pointer = 'identity'): IdentityHeader {
  if (value.length > MAX_IDENTITY_HEADER_BYTES) {
    throw new CallGuardError(
      'CG_INPUT_TOO_LARGE',
      `The Identity header is ${value.length} characters; the limit is ${MAX_IDENTITY_HEADER_BYTES}.`,
      { pointer },
    );
  }
  const fail = (why: string): never => {
    throw new CallGuardError('CG_STIR_IDENTITY_INVALID', `The Identity header ${why}`, { pointer });
  };
  const text = value
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim()
    .replace(/^(identity|y)\s*:\s*/i, '');
  if (hasControlChars(text)) fail('contains control characters.');
  const semi = text.indexOf(';');
  const token = (semi === -1 ? text : text.slice(0, semi)).trim();
  const params = parseParams(semi === -1 ? '' : text.slice(semi), fail);
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => B64URL.test(p))) {
    fail('does not start with a PASSporT (three base64url parts joined by dots).');
  }
  const [h, p, s] = parts as [string, string, string];
  if (s.length === 0) fail('has no signature.');
  if (h.length === 0 || p.length === 0) {
    // RFC 8225 §7 compact form: SHAKEN's attest and origid cannot be rebuilt from SIP, so RFC 8588 needs the full form.
    fail(
      'uses the compact form (no header or claims); SHAKEN PASSporTs must be sent in full form (RFC 8588).',
    );
  }
  return { token, header: decodeJson(h, 'header', fail), payload: decodeJson(p, 'claims', fail), params };
}

function parseParams(text: string, fail: (why: string) => never): Record<string, string> {
  const out: Record<string, string> = {};
  // info=<...> may hold ';' inside the angle brackets, so take it first.
  const rest = text.replace(/;\s*info\s*=\s*<([^>]*)>/i, (_m, url: string) => {
    out.info = url.trim();
    return '';
  });
  for (const piece of rest.split(';')) {
    const p = piece.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    const name = (eq === -1 ? p : p.slice(0, eq)).trim().toLowerCase();
    const val =
      eq === -1
        ? ''
        : p
            .slice(eq + 1)
            .trim()
            .replace(/^"(.*)"$/, '$1');
    if (!/^[a-z0-9_.!%*+`'~-]+$/.test(name)) fail(`has a malformed parameter "${p.slice(0, 40)}".`);
    if (name === 'info') fail('has an info parameter without <...> around the address.');
    out[name] = val;
  }
  return out;
}

function decodeJson(part: string, what: string, fail: (why: string) => never): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(UTF8.decode(base64url.decode(part)));
  } catch {
    fail(`PASSporT ${what} is not base64url-encoded JSON.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    fail(`PASSporT ${what} is not a JSON object.`);
  }
  return parsed as Record<string, unknown>;
}

/** Tab is allowed (folding leaves it); other C0 controls and DEL are not. */
function hasControlChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return true;
  }
  return false;
}

/**
 * Reads one SIP Identity header (RFC 8224 §4): `<PASSporT>;info=<https://...>;alg=ES256;ppt=shaken`.
 * Decodes the PASSporT's header and claims without trusting them; the verifier checks them. Pure
 * (Buffer is used when present, jose's decoder otherwise).
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

/** Why a header cannot be read, without the cost of an exception (the verifier sees floods of these). */
export interface IdentityHeaderProblem {
  problem: 'too-large' | 'malformed';
  message: string;
}

const FOLD = /\r?\n[ \t]+/g;
const PREFIX = /^(identity|y)\s*:\s*/i;
const INFO = /;\s*info\s*=\s*<([^>]*)>/i;
const PARAM_NAME = /^[a-z0-9_.!%*+`'~-]+$/;
const QUOTED = /^"(.*)"$/;
const BASE64URL_OR_DOT = /^[A-Za-z0-9_.-]*$/;
// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** Node's native base64url decoder is about twice as fast as jose's atob path; both refuse nothing we let through. */
const fromBase64url: (s: string) => Uint8Array =
  typeof Buffer === 'function' ? (s) => Buffer.from(s, 'base64url') : (s) => base64url.decode(s);

/**
 * Parses an Identity header value (a leading "Identity:" or "y:" is allowed). Throws CallGuardError
 * CG_STIR_IDENTITY_INVALID (or CG_INPUT_TOO_LARGE) saying what is wrong.
 *
 * @example parseIdentityHeader('eyJhbGciOi...;info=<https://cert.example.org/sp.pem>;alg=ES256;ppt=shaken').params.info
 */
export function parseIdentityHeader(value: string, pointer = 'identity'): IdentityHeader {
  const read = readIdentityHeader(value);
  if ('problem' in read) {
    const code = read.problem === 'too-large' ? 'CG_INPUT_TOO_LARGE' : 'CG_STIR_IDENTITY_INVALID';
    throw new CallGuardError(code, read.message, { pointer });
  }
  return read;
}

/**
 * parseIdentityHeader without exceptions: the header, or what is wrong with it (same messages).
 *
 * @example 'problem' in readIdentityHeader('nonsense') // true
 */
export function readIdentityHeader(value: string): IdentityHeader | IdentityHeaderProblem {
  if (value.length > MAX_IDENTITY_HEADER_BYTES) {
    return {
      problem: 'too-large',
      message: `The Identity header is ${value.length} characters; the limit is ${MAX_IDENTITY_HEADER_BYTES}.`,
    };
  }
  let text = (value.includes('\n') ? value.replace(FOLD, ' ') : value).trim();
  const first = text.charCodeAt(0) | 0x20; // lower-cased ASCII letter
  if (first === 0x69 || first === 0x79) text = text.replace(PREFIX, ''); // "i"dentity: or "y":
  if (hasControlChars(text)) return malformed('contains control characters.');
  const semi = text.indexOf(';');
  const token = (semi === -1 ? text : text.slice(0, semi)).trim();
  const params = parseParams(semi === -1 ? '' : text.slice(semi));
  if (typeof params === 'string') return malformed(params);
  const dot1 = token.indexOf('.');
  const dot2 = dot1 === -1 ? -1 : token.indexOf('.', dot1 + 1);
  if (dot2 === -1 || token.indexOf('.', dot2 + 1) !== -1 || !isBase64urlOrDot(token)) {
    return malformed('does not start with a PASSporT (three base64url parts joined by dots).');
  }
  if (dot2 === token.length - 1) return malformed('has no signature.');
  if (dot1 === 0 || dot2 === dot1 + 1) {
    // RFC 8225 §7 compact form: SHAKEN's attest and origid cannot be rebuilt from SIP, so RFC 8588 needs the full form.
    return malformed(
      'uses the compact form (no header or claims); SHAKEN PASSporTs must be sent in full form (RFC 8588).',
    );
  }
  const header = decodeJson(token.slice(0, dot1), 'header');
  if (typeof header === 'string') return malformed(header);
  const payload = decodeJson(token.slice(dot1 + 1, dot2), 'claims');
  if (typeof payload === 'string') return malformed(payload);
  return { token, header, payload, params };
}

function malformed(why: string): IdentityHeaderProblem {
  return { problem: 'malformed', message: `The Identity header ${why}` };
}

/** The parameters, or what is wrong with them. */
function parseParams(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  // info=<...> may hold ';' inside the angle brackets, so take it first.
  let rest = text;
  const info = INFO.exec(text);
  if (info) {
    out.info = info[1]!.trim();
    rest = text.slice(0, info.index) + text.slice(info.index + info[0].length);
  }
  for (const piece of rest.split(';')) {
    const p = piece.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    const name = (eq === -1 ? p : p.slice(0, eq)).trim().toLowerCase();
    let val = eq === -1 ? '' : p.slice(eq + 1).trim();
    if (val.charCodeAt(0) === 0x22) val = val.replace(QUOTED, '$1');
    if (!PARAM_NAME.test(name)) return `has a malformed parameter "${p.slice(0, 40)}".`;
    if (name === 'info') return 'has an info parameter without <...> around the address.';
    out[name] = val;
  }
  return out;
}

/** A JSON object from a base64url part, or what is wrong with it. */
function decodeJson(part: string, what: string): Record<string, unknown> | string {
  let parsed: unknown;
  // Four characters carry three bytes: a lone trailing character is no encoding (atob refuses it too).
  if (part.length % 4 === 1) return `PASSporT ${what} is not base64url-encoded JSON.`;
  try {
    parsed = JSON.parse(UTF8.decode(fromBase64url(part)));
  } catch {
    return `PASSporT ${what} is not base64url-encoded JSON.`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return `PASSporT ${what} is not a JSON object.`;
  }
  return parsed as Record<string, unknown>;
}

/** Only A-Z a-z 0-9 - _ and the dots between the parts (a regex scans this faster than a loop). */
function isBase64urlOrDot(s: string): boolean {
  return BASE64URL_OR_DOT.test(s);
}

/** Tab is allowed (folding leaves it); other C0 controls and DEL are not. */
function hasControlChars(s: string): boolean {
  return CONTROL.test(s);
}

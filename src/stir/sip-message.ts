/**
 * Takes what a verifier needs out of a SIP INVITE given as text: Identity headers, From,
 * P-Asserted-Identity, To, Request-URI and Date. Unfolds continuation lines, knows the compact header
 * forms (RFC 3261 §7.3.3, RFC 8224 "y") and splits comma-joined values. Pure.
 */
import { CallGuardError } from '../errors/catalogue.js';

/** An INVITE's headers are a few KB; a few hundred KB of SDP is already suspicious. */
export const MAX_SIP_MESSAGE_BYTES = 256 * 1024;

const COMPACT: Record<string, string> = {
  f: 'from',
  t: 'to',
  y: 'identity',
  i: 'call-id',
  m: 'contact',
  v: 'via',
  c: 'content-type',
  l: 'content-length',
};

export interface SipFields {
  requestUri: string | null;
  identity: string[];
  from: string | null;
  pAssertedIdentity: string[];
  to: string | null;
  date: string | null;
}

/**
 * Parses an INVITE (request line optional) and returns the headers a STIR verifier reads.
 *
 * @example parseSipMessage('INVITE sip:+12025550143@x SIP/2.0\r\nf: <tel:+12025550100>;tag=1\r\n\r\n').from // '<tel:+12025550100>;tag=1'
 */
export function parseSipMessage(text: string): SipFields {
  if (text.length > MAX_SIP_MESSAGE_BYTES) {
    throw new CallGuardError(
      'CG_INPUT_TOO_LARGE',
      `The SIP message is ${text.length} characters; the limit is ${MAX_SIP_MESSAGE_BYTES}.`,
      { pointer: 'invite' },
    );
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  let requestUri: string | null = null;
  const requestLine = /^([A-Z]+)\s+(\S+)\s+SIP\/2\.0\s*$/i.exec(lines[i] ?? '');
  if (requestLine) {
    requestUri = requestLine[2]!;
    i++;
  }
  const headers: Array<[string, string]> = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') break; // end of headers; the body follows
    if (/^[ \t]/.test(line) && headers.length > 0) {
      headers[headers.length - 1]![1] += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // not a header: ignore rather than guess
    const rawName = line.slice(0, colon).trim().toLowerCase();
    headers.push([COMPACT[rawName] ?? rawName, line.slice(colon + 1).trim()]);
  }
  const all = (name: string) => headers.filter(([n]) => n === name).flatMap(([, v]) => splitHeaderList(v));
  const first = (name: string) => headers.find(([n]) => n === name)?.[1] ?? null;
  const fields: SipFields = {
    requestUri,
    identity: all('identity'),
    from: first('from'),
    pAssertedIdentity: all('p-asserted-identity'),
    to: first('to'),
    date: first('date'),
  };
  if (!requestLine && !fields.from && !fields.to && fields.identity.length === 0) {
    throw new CallGuardError(
      'CG_STIR_INVITE_INVALID',
      'No SIP request line and none of From, To or Identity headers were found.',
      { pointer: 'invite' },
    );
  }
  return fields;
}

/** Splits a header value on commas that are outside <...> and quotes. */
export function splitHeaderList(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"' && value[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && ch === '<') depth++;
    else if (!quoted && ch === '>') depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && ch === ',') {
      out.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(value.slice(start).trim());
  return out.filter((v) => v.length > 0);
}

/**
 * The `verstat` an upstream carrier put in a P-Asserted-Identity or From value, if any
 * (`<tel:+12025550100;verstat=TN-Validation-Passed>`).
 */
export function verstatParam(headerValue: string): string | null {
  const m = /;\s*verstat\s*=\s*"?([A-Za-z-]{1,40})"?/i.exec(headerValue);
  return m ? m[1]! : null;
}

import { CallGuardError } from '../../errors/catalogue.js';
import { printable } from '../number/check-number.js';
import type { AuthResults } from '../types.js';

/** Longest input read: a pasted header block is a few KB; a whole message is cut to its headers. */
export const MAX_EMAIL_INPUT = 256 * 1024;

export interface Mailbox {
  displayName: string | null;
  address: string;
  local: string;
  domain: string;
}

export interface ParsedEmail {
  from: Mailbox;
  replyTo: Mailbox | null;
  returnPath: Mailbox | null;
  auth: AuthResults | null;
  /** DKIM signing domains (d=) seen in DKIM-Signature headers. */
  dkimDomains: string[];
  fromHeaderBlock: boolean;
}

const ADDRESS =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?:[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]{0,61}[A-Za-z0-9\u00a1-\uffff])?\.)+[A-Za-z\u00a1-\uffff][A-Za-z0-9\u00a1-\uffff-]{1,62}$/;

/**
 * Reads an email address, a From-style value (`"Name" <addr>`), or a pasted raw header block
 * (From, Reply-To, Return-Path, Authentication-Results, DKIM-Signature). Throws CG_EMAIL_INVALID.
 *
 * @example parseEmail('"Microsoft Account Team" <alert@m1crosoft-secure.com>').from.domain // 'm1crosoft-secure.com'
 */
export function parseEmail(input: string): ParsedEmail {
  if (typeof input !== 'string' || input.trim().length === 0) {
    throw new CallGuardError('CG_EMAIL_INVALID', 'The email address or header is empty.', {
      pointer: 'email',
    });
  }
  if (input.length > MAX_EMAIL_INPUT) {
    throw new CallGuardError(
      'CG_EMAIL_INVALID',
      `The input is ${input.length} characters; paste only the headers (limit ${MAX_EMAIL_INPUT}).`,
      {
        pointer: 'email',
      },
    );
  }
  const text = input.replace(/^\uFEFF/, '');
  const headers = readHeaderBlock(text);
  if (headers) {
    const from = headers.get('from')?.[0];
    if (!from) {
      throw new CallGuardError('CG_EMAIL_INVALID', 'The header block has no From: line.', {
        pointer: 'From',
      });
    }
    const replyTo = headers.get('reply-to')?.[0];
    const returnPath = headers.get('return-path')?.[0];
    return {
      from: parseMailbox(from, 'From'),
      replyTo: replyTo ? parseMailboxOrNull(replyTo) : null,
      returnPath: returnPath ? parseMailboxOrNull(returnPath) : null,
      auth: readAuth(headers),
      dkimDomains: (headers.get('dkim-signature') ?? [])
        .map((h) => /(?:^|;)\s*d=([^;\s]+)/i.exec(h)?.[1]?.toLowerCase())
        .filter((d): d is string => !!d),
      fromHeaderBlock: true,
    };
  }
  const single = text.trim();
  if (/[\r\n]/.test(single)) {
    throw new CallGuardError('CG_EMAIL_INVALID', 'Several lines were given, but none is a "From:" header.', {
      pointer: 'email',
    });
  }
  return {
    from: parseMailbox(single.replace(/^from:\s*/i, ''), 'email'),
    replyTo: null,
    returnPath: null,
    auth: null,
    dkimDomains: [],
    fromHeaderBlock: false,
  };
}

/** Unfolded header fields by lowercase name, or null when the text is not a header block. */
function readHeaderBlock(text: string): Map<string, string[]> | null {
  // Why "[^\S\n]*" and not "\s*": "\s*" ran from every newline through all the blank lines after it (quadratic).
  if (!/^[A-Za-z][A-Za-z0-9-]*:/m.test(text) || !/(?:^|\n)[^\S\n]*from:/i.test(text)) return null;
  const lines = text.split(/\r?\n/);
  // A single "From: x" line is still a header block; a bare address is not.
  const fields = new Map<string, string[]>();
  let name: string | null = null;
  let value = '';
  const flush = () => {
    if (name !== null) {
      const list = fields.get(name) ?? [];
      list.push(value.trim());
      fields.set(name, list);
    }
  };
  for (const line of lines) {
    if (line.trim() === '') {
      if (fields.size > 0 || name !== null) break; // headers end at the first blank line
      continue;
    }
    if (/^[ \t]/.test(line) && name !== null) {
      value += ' ' + line.trim();
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9-]*):(.*)$/.exec(line);
    flush();
    if (m) {
      name = m[1]!.toLowerCase();
      value = m[2]!;
    } else {
      name = null;
      value = '';
    }
  }
  flush();
  return fields.has('from') ? fields : null;
}

function readAuth(headers: Map<string, string[]>): AuthResults | null {
  const all = [
    ...(headers.get('authentication-results') ?? []),
    ...(headers.get('arc-authentication-results') ?? []),
  ];
  const auth: AuthResults = {};
  // The first Authentication-Results is the one the receiving server added (topmost).
  const first = all[0];
  if (first) {
    for (const method of ['spf', 'dkim', 'dmarc'] as const) {
      const m = new RegExp(`\\b${method}=([a-z]+)`, 'i').exec(first);
      if (m) auth[method] = m[1]!.toLowerCase();
    }
  }
  const spf = headers.get('received-spf')?.[0];
  if (!auth.spf && spf) auth.spf = /^\s*([a-z]+)/i.exec(spf)?.[1]?.toLowerCase() ?? 'unknown';
  return Object.keys(auth).length > 0 ? auth : null;
}

function parseMailboxOrNull(value: string): Mailbox | null {
  try {
    return parseMailbox(value, 'header');
  } catch {
    return null;
  }
}

/** `addr`, `<addr>`, `Name <addr>` or `"Name" <addr>`; the last <...> is the address. */
export function parseMailbox(value: string, pointer: string): Mailbox {
  const v = value.trim();
  let displayName: string | null = null;
  let address = v;
  // Why two patterns: a tail "(?:\(.*\))?$" re-read the rest of the text for every "<" (quadratic).
  const angle = (v.endsWith(')') ? /^(.*)<([^<>]*)>\s*\(/s : /^(.*)<([^<>]*)>\s*$/s).exec(v);
  if (angle) {
    address = angle[2]!.trim();
    const name = angle[1]!
      .trim()
      .replace(/^"(.*)"$/s, '$1')
      .replace(/\\(.)/g, '$1')
      .trim();
    displayName = name.length > 0 ? decodeEncodedWords(name) : null;
  } else {
    address = withoutTrailingComment(v);
  }
  address = address.replace(/^mailto:/i, '');
  if (!ADDRESS.test(address) || address.length > 254) {
    throw new CallGuardError('CG_EMAIL_INVALID', `"${printable(value)}" is not an email address.`, {
      pointer,
    });
  }
  const at = address.lastIndexOf('@');
  return {
    displayName,
    address: address.slice(0, at) + '@' + address.slice(at + 1).toLowerCase(),
    local: address.slice(0, at),
    domain: address
      .slice(at + 1)
      .toLowerCase()
      .replace(/\.$/, ''),
  };
}

/**
 * `addr (comment)` without the comment: what `v.replace(/\s*\(.*\)\s*$/, '')` gives, in one pass
 * (that regex re-read the rest of the line from every "(" and every blank: quadratic).
 */
function withoutTrailingComment(v: string): string {
  let end = v.length;
  while (end > 0 && /\s/.test(v[end - 1]!)) end--;
  if (end === 0 || v[end - 1] !== ')') return v;
  // "." does not cross a line end, so the "(" is the first one on the line of the last ")".
  let line = end - 1;
  while (line > 0 && !/[\n\r\u2028\u2029]/.test(v[line - 1]!)) line--;
  const open = v.indexOf('(', line);
  if (open < 0 || open >= end - 1) return v;
  let start = open;
  while (start > 0 && /\s/.test(v[start - 1]!)) start--;
  return v.slice(0, start);
}

/** RFC 2047 "=?utf-8?B?...?=" / "=?utf-8?Q?...?=" display names, decoded without Node APIs. */
function decodeEncodedWords(s: string): string {
  return s.replace(
    /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
    (whole, _charset: string, enc: string, data: string) => {
      try {
        const bytes =
          enc.toUpperCase() === 'B'
            ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
            : Uint8Array.from(
                data
                  .replace(/_/g, ' ')
                  .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
                (c) => c.charCodeAt(0),
              );
        return new TextDecoder().decode(bytes);
      } catch {
        return whole;
      }
    },
  );
}

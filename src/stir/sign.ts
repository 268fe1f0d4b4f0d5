/**
 * The signing side of SHAKEN, for tests and labs: builds a PASSporT and its Identity header.
 * Keys and claims are laid out as RFC 8225 §9 asks (keys sorted, no whitespace). Pure apart from the
 * key object a caller passes in.
 */
import { CompactSign } from 'jose';
import { CallGuardError } from '../errors/catalogue.js';
import { canonicalTn } from './tn.js';
import type { Attestation } from './types.js';

/** Whatever jose accepts as an ES256 private key (CryptoKey, Node KeyObject). */
export type SigningKey = Parameters<CompactSign['sign']>[0];

export interface SignOptions {
  key: SigningKey;
  x5u: string;
  attest: Attestation;
  orig: string;
  dest: string | readonly string[];
  origid?: string;
  /** Seconds since 1970; defaults to now. */
  iat?: number;
}

/**
 * Signs a SHAKEN PASSporT and returns the Identity header value.
 *
 * @example await signIdentity({ key, x5u: 'https://cr.example.net/sp.pem', attest: 'A', orig: '+12025550100', dest: '+12025550143' })
 * // 'eyJhbGciOiJFUzI1NiIs...;info=<https://cr.example.net/sp.pem>;alg=ES256;ppt=shaken'
 */
export async function signIdentity(opts: SignOptions): Promise<string> {
  const tn = (value: string, option: string): string => {
    const c = canonicalTn(value);
    if (!c) {
      throw new CallGuardError('CG_NUMBER_INVALID', `"${value}" is not a telephone number.`, {
        pointer: option,
      });
    }
    return c;
  };
  if (!/^https:\/\/[^\s<>]+$/i.test(opts.x5u)) {
    throw new CallGuardError('CG_INPUT_INVALID', 'x5u must be an https:// address without spaces or <>.', {
      pointer: '--x5u',
    });
  }
  const origid = opts.origid ?? crypto.randomUUID();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(origid)) {
    throw new CallGuardError('CG_INPUT_INVALID', `origid "${origid}" is not a UUID.`, {
      pointer: '--origid',
    });
  }
  const iat = opts.iat ?? Math.floor(Date.now() / 1000);
  if (!Number.isSafeInteger(iat) || iat <= 0) {
    throw new CallGuardError('CG_INPUT_INVALID', 'iat must be whole seconds since 1970.', {
      pointer: '--iat',
    });
  }
  const dest = (typeof opts.dest === 'string' ? [opts.dest] : opts.dest).map((d) => tn(d, '--dest'));
  const header = { alg: 'ES256', ppt: 'shaken', typ: 'passport', x5u: opts.x5u };
  const payload = {
    attest: opts.attest,
    dest: { tn: dest },
    iat,
    orig: { tn: tn(opts.orig, '--orig') },
    origid,
  };
  let token: string;
  try {
    token = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader(header)
      .sign(opts.key);
  } catch (err) {
    throw new CallGuardError('CG_STIR_KEY_INVALID', `The key cannot sign ES256: ${(err as Error).message}`, {
      pointer: '--key',
    });
  }
  return `${token};info=<${opts.x5u}>;alg=ES256;ppt=shaken`;
}

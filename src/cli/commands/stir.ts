import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { Command, CliContext } from '../context.js';
import { oneOf, parseCommandArgs } from '../args.js';
import { readTextInput } from '../read-input.js';
import { CallGuardError } from '../../errors/catalogue.js';
import {
  callerIdFromDisplay,
  createStirVerifier,
  MAX_IDENTITY_HEADER_BYTES,
  parseIdentityHeader,
  signIdentity,
  TrustStore,
  type StirVerification,
} from '../../stir/index.js';

const USAGE = `callguard stir <verify|sign|status> [options]

Caller-ID verification with STIR/SHAKEN (RFC 8224/8225/8588, ATIS-1000074).

callguard stir verify --identity HEADER [--from TN] [--to TN] [--date RFC1123-DATE]
                      [--invite FILE] --trust CA.pem [--trust CA2.pem]... [--cert-dir DIR]
                      [--cache-dir DIR] [--at TIME] [--max-age SECONDS] [--timeout MS]
                      [--revocation off|soft|hard] [--crl-signer CERT.pem]... [--format json|text]
  Verifies the PASSporT in an Identity header (or in the INVITE given with --invite, "-" for
  stdin) against the calling/called numbers and the trusted STI-CA roots. Prints verstat,
  attestation, origid, reasons and the RFC 8224 SIP response. Exit 0 when TN-Validation-Passed,
  1 otherwise.
  --cert-dir DIR   offline certificates: <sha256 of the x5u URL>.pem files or index.json {url: file}
  --cache-dir DIR  keep fetched certificates on disk (same file names as --cert-dir)
  --at TIME        verify as of this time (ISO 8601 or RFC 1123), e.g. for a captured call
  --revocation     CRL check: soft (default: revoked fails, unavailable CRL is noted), hard, off
  --crl-signer     a certificate allowed to sign CRLs besides the issuer (e.g. the STI-PA's)
  Labs only: --allow-private (fetch x5u from private/loopback addresses), --tls-ca FILE.

callguard stir sign --key KEY.pem --x5u URL --attest A|B|C --orig TN --dest TN [--dest TN]...
                    [--origid UUID] [--iat SECONDS]
  Signs a SHAKEN PASSporT with an EC P-256 key and prints the Identity header (tests and labs).

callguard stir status VALUE
  Maps what a phone or carrier shows (TN-Validation-Passed, Android VERIFICATION_STATUS_FAILED,
  "not verified") to CallGuard's caller-ID fact: passed, failed, not-verified or unknown.

A valid signature proves which carrier vouched for the number, not that the caller is honest:
an unsolicited call from "Microsoft" is still a scam whatever its attestation.`;

export const command: Command = {
  name: 'stir',
  summary: 'Verify or sign STIR/SHAKEN caller-ID (SIP Identity header)',
  usage: USAGE,
  async run(args, ctx) {
    const [sub, ...rest] = args;
    if (sub === 'verify') return verify(rest, ctx);
    if (sub === 'sign') return sign(rest, ctx);
    if (sub === 'status') return status(rest, ctx);
    throw new CallGuardError(
      'CG_OPTION_VALUE_INVALID',
      `Unknown stir subcommand "${sub ?? ''}"; use verify, sign or status.`,
      { pointer: 'stir' },
    );
  },
};

async function verify(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    identity: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    date: { type: 'string' },
    invite: { type: 'string' },
    trust: { type: 'string', multiple: true },
    'cert-dir': { type: 'string' },
    'cache-dir': { type: 'string' },
    at: { type: 'string' },
    'max-age': { type: 'string' },
    timeout: { type: 'string' },
    format: { type: 'string' },
    'allow-private': { type: 'boolean' },
    'tls-ca': { type: 'string' },
    revocation: { type: 'string' },
    'crl-signer': { type: 'string', multiple: true },
  });
  const revocation = oneOf('revocation', values.revocation, ['off', 'soft', 'hard'] as const);
  const format = oneOf('format', values.format, ['json', 'text'] as const) ?? 'json';
  const identities = values.identity ?? [];
  for (const [i, h] of identities.entries()) {
    // Typed by a person: refuse nonsense loudly instead of reporting it as a failed call.
    if (h.length > MAX_IDENTITY_HEADER_BYTES) {
      throw new CallGuardError(
        'CG_INPUT_TOO_LARGE',
        `--identity is ${h.length} characters; the limit is ${MAX_IDENTITY_HEADER_BYTES}.`,
        { pointer: '--identity' },
      );
    }
    parseIdentityHeader(h, identities.length > 1 ? `--identity #${i + 1}` : '--identity');
  }
  const invite =
    values.invite === undefined ? undefined : await readTextInput(values.invite, ctx, 256 * 1024);
  if (identities.length === 0 && invite === undefined) {
    throw new CallGuardError('CG_INPUT_INVALID', 'Give --identity HEADER or --invite FILE.', {
      pointer: '--identity',
    });
  }
  if (!values.trust?.length) {
    throw new CallGuardError(
      'CG_INPUT_INVALID',
      'Give at least one --trust CA.pem: the STI-CA root certificates you trust.',
      { pointer: '--trust' },
    );
  }
  const trustPems = await Promise.all(values.trust.map((f) => readTextInput(f, ctx, 1024 * 1024)));
  const trust = await TrustStore.fromPem(trustPems, '--trust');
  const at = values.at === undefined ? undefined : parseTime(values.at, '--at');
  if (values.date !== undefined && Number.isNaN(Date.parse(values.date))) {
    throw new CallGuardError('CG_OPTION_VALUE_INVALID', `--date "${values.date}" is not a date.`, {
      pointer: '--date',
    });
  }
  const verifier = createStirVerifier({
    trust,
    certDir: values['cert-dir'],
    cacheDir: values['cache-dir'],
    maxAgeSeconds: positiveInt(values['max-age'], '--max-age'),
    fetchTimeoutMs: positiveInt(values.timeout, '--timeout', MAX_TIMEOUT_MS),
    allowPrivateAddresses: values['allow-private'] ?? false,
    tlsCa:
      values['tls-ca'] === undefined ? undefined : await readTextInput(values['tls-ca'], ctx, 1024 * 1024),
    now: at ? () => at : undefined,
    revocation,
    crlSigners: values['crl-signer']?.length
      ? (
          await TrustStore.fromPem(
            await Promise.all(values['crl-signer'].map((f) => readTextInput(f, ctx, 1024 * 1024))),
            '--crl-signer',
          )
        ).certificates
      : undefined,
  });
  const result = await verifier.verify({
    identity: identities.length > 0 ? identities : undefined,
    from: values.from,
    to: values.to,
    date: values.date,
    invite,
  });
  ctx.stdout.write(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : renderText(result));
  return result.verstat === 'TN-Validation-Passed' ? 0 : 1;
}

async function sign(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    key: { type: 'string' },
    x5u: { type: 'string' },
    attest: { type: 'string' },
    orig: { type: 'string' },
    dest: { type: 'string', multiple: true },
    origid: { type: 'string' },
    iat: { type: 'string' },
  });
  for (const name of ['key', 'x5u', 'attest', 'orig'] as const) {
    if (values[name] === undefined) {
      throw new CallGuardError('CG_INPUT_INVALID', `--${name} is required.`, { pointer: `--${name}` });
    }
  }
  if (!values.dest?.length) {
    throw new CallGuardError('CG_INPUT_INVALID', '--dest is required.', { pointer: '--dest' });
  }
  const attest = oneOf('attest', values.attest, ['A', 'B', 'C'] as const)!;
  const key = await loadSigningKey(values.key!, ctx);
  const header = await signIdentity({
    key,
    x5u: values.x5u!,
    attest,
    orig: values.orig!,
    dest: values.dest,
    origid: values.origid,
    iat: values.iat === undefined ? undefined : positiveInt(values.iat, '--iat'),
  });
  ctx.stdout.write(header + '\n');
  return 0;
}

async function status(args: string[], ctx: CliContext): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length !== 1) {
    throw new CallGuardError(
      'CG_INPUT_INVALID',
      'Give one value, e.g. callguard stir status TN-Validation-Passed.',
      {
        pointer: 'VALUE',
      },
    );
  }
  ctx.stdout.write(callerIdFromDisplay(positionals[0]) + '\n');
  return 0;
}

async function loadSigningKey(path: string, ctx: CliContext): Promise<KeyObject> {
  const pem = await readTextInput(path, ctx, 64 * 1024);
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new CallGuardError('CG_STIR_KEY_INVALID', `"${path}" does not hold a readable private key.`, {
      pointer: '--key',
    });
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (key.asymmetricKeyType !== 'ec' || (curve !== 'prime256v1' && curve !== 'P-256')) {
    throw new CallGuardError(
      'CG_STIR_KEY_INVALID',
      `"${path}" holds a ${key.asymmetricKeyType ?? 'unknown'} ${curve ?? ''} key; ES256 needs EC P-256.`,
      { pointer: '--key' },
    );
  }
  return key;
}

function renderText(r: StirVerification): string {
  const lines = [
    `${r.verstat}${r.attest ? ` (attestation ${r.attest})` : ''}: caller ID ${r.callerIdVerification}`,
  ];
  if (r.verstat === 'TN-Validation-Passed' && r.attest !== 'A') {
    lines.push(
      r.attest === 'B'
        ? '  Attestation B: the carrier knows its customer, not that they may use this number.'
        : '  Attestation C: the carrier only knows where the call entered its network.',
    );
  }
  if (r.sipResponse) lines.push(`  SIP response: ${r.sipResponse.code} ${r.sipResponse.reason}`);
  if (r.orig) lines.push(`  from ${r.orig} to ${r.dest.join(', ')}${r.origid ? `, origid ${r.origid}` : ''}`);
  if (r.signer) {
    lines.push(
      `  signed by ${r.signer.subject} (SPC ${r.signer.spc.join(', ') || 'none'}), issuer ${r.signer.issuer}`,
    );
  }
  if (r.upstreamVerstat) lines.push(`  upstream carrier said: ${r.upstreamVerstat}`);
  for (const reason of r.reasons) lines.push(`  - ${reason.code}: ${reason.message}`);
  lines.push(`  Note: ${r.note}`);
  return lines.join('\n') + '\n';
}

function parseTime(value: string, option: string): Date {
  const t = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  if (Number.isNaN(t)) {
    throw new CallGuardError('CG_OPTION_VALUE_INVALID', `${option} "${value}" is not a time.`, {
      pointer: option,
    });
  }
  return new Date(t);
}

function positiveInt(value: string | undefined, option: string, max?: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,12}$/.test(value) || Number(value) <= 0) {
    throw new CallGuardError('CG_OPTION_VALUE_INVALID', `${option} must be a positive whole number.`, {
      pointer: option,
    });
  }
  if (max !== undefined && Number(value) > max) {
    throw new CallGuardError('CG_OPTION_VALUE_INVALID', `${option} must be at most ${max}; got ${value}.`, {
      pointer: option,
    });
  }
  return Number(value);
}

/**
 * Longest --timeout: one minute, as CALLGUARD_STIR_FETCH_TIMEOUT_MS allows. Node timers take at most
 * 2^31-1 ms: a larger value fired at once (an instant X5U_TIMEOUT) or, past 2^32-1, threw a RangeError
 * that surfaced as "x5u could not be fetched".
 */
const MAX_TIMEOUT_MS = 60_000;

/**
 * STIR/SHAKEN caller-ID verification over HTTP: POST /v1/stir/verify and GET /v1/stir/status.
 * Configured from the environment (CALLGUARD_STIR_*), read once when the server starts; a bad value
 * stops the start with a message naming the variable.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CallGuardError } from '../../errors/catalogue.js';
import {
  callerIdFromDisplay,
  createStirVerifier,
  MAX_IDENTITY_HEADER_BYTES,
  TrustStore,
  type StirVerifier,
} from '../../stir/index.js';
import { defineRoute, type RoutePlugin } from '../route.js';

/** The environment variables this route group reads (documented in docs/stir-shaken.md). */
export const STIR_VARIABLES = [
  'CALLGUARD_STIR_TRUST',
  'CALLGUARD_STIR_CERT_DIR',
  'CALLGUARD_STIR_CACHE_DIR',
  'CALLGUARD_STIR_MAX_AGE',
  'CALLGUARD_STIR_FETCH_TIMEOUT_MS',
  'CALLGUARD_STIR_REVOCATION',
] as const;

const header = z.string().min(1).max(MAX_IDENTITY_HEADER_BYTES);
const sipValue = z.string().min(1).max(512);

const verifyBody = z
  .object({
    identity: z
      .union([header, z.array(header).min(1).max(8)])
      .optional()
      .describe('Identity header value(s) as received (RFC 8224)'),
    from: sipValue.optional().describe('Calling number or From header value'),
    pai: z
      .union([sipValue, z.array(sipValue).max(4)])
      .optional()
      .describe('P-Asserted-Identity value(s)'),
    to: sipValue.optional().describe('Called number or To header value'),
    requestUri: sipValue.optional(),
    date: z.string().max(64).optional().describe('SIP Date header, e.g. "Wed, 25 Nov 2026 19:00:00 GMT"'),
    invite: z
      .string()
      .max(64 * 1024)
      .optional()
      .describe('The whole INVITE as text; fields above take precedence'),
  })
  .strict()
  .refine((b) => b.identity !== undefined || b.invite !== undefined, {
    message: 'give identity or invite',
    path: ['identity'],
  });

const reason = z.object({ code: z.string(), message: z.string() });
const verification = z.object({
  verstat: z.enum(['TN-Validation-Passed', 'TN-Validation-Failed', 'No-TN-Validation']),
  attest: z.enum(['A', 'B', 'C']).nullable(),
  origid: z.string().nullable(),
  reasons: z.array(reason),
  sipResponse: z.object({ code: z.number().int(), reason: z.string() }).nullable(),
  callerIdVerification: z.enum(['passed', 'failed', 'not-verified']),
  orig: z.string().nullable(),
  dest: z.array(z.string()),
  iat: z.number().int().nullable(),
  x5u: z.string().nullable(),
  signer: z
    .object({
      subject: z.string(),
      issuer: z.string(),
      spc: z.array(z.string()),
      tns: z.array(z.string()),
      notBefore: z.string(),
      notAfter: z.string(),
      fingerprint: z.string(),
      source: z.enum(['memory', 'cert-dir', 'disk-cache', 'network']),
    })
    .nullable(),
  upstreamVerstat: z.string().nullable(),
  note: z.string(),
});

const statusQuery = z.object({
  label: z
    .string()
    .min(1)
    .max(64)
    .describe(
      'What the phone or carrier showed: a verstat, an Android VERIFICATION_STATUS_*, "not verified"...',
    ),
});

export const routes: RoutePlugin = async (app) => {
  const verifier = await verifierFromEnv(process.env);

  defineRoute(app, {
    method: 'POST',
    url: '/v1/stir/verify',
    operationId: 'stirVerify',
    summary: 'Verify a call’s STIR/SHAKEN caller ID (SIP Identity header or whole INVITE)',
    description:
      'Returns verstat, attestation, origid, reasons and the RFC 8224 SIP response (428/436/437/438), and the ' +
      'callerIdVerification fact for /v1/assess. A valid signature proves which carrier vouched for the number, ' +
      'not that the caller is honest: an unsolicited "Microsoft" call is still a scam.',
    tags: ['caller-id'],
    body: verifyBody,
    response: verification,
    errors: [503],
    rateLimit: 'assess',
    // Chains, signatures and certificate fetches: its cost does not follow its body's size.
    queued: 'alone',
    handler: async ({ body }) => {
      if (!verifier) {
        throw new CallGuardError(
          'CG_STIR_NOT_CONFIGURED',
          'No STI-CA trust anchors are configured (CALLGUARD_STIR_TRUST).',
        );
      }
      return verifier.verify(body);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/v1/stir/status',
    operationId: 'stirStatus',
    summary: 'Map what a phone or carrier shows (verstat, Android verification status) to the caller-ID fact',
    tags: ['caller-id'],
    query: statusQuery,
    response: z.object({ callerIdVerification: z.enum(['passed', 'failed', 'not-verified', 'unknown']) }),
    handler: async ({ query }) => ({ callerIdVerification: callerIdFromDisplay(query.label) }),
  });
};

/** null when CALLGUARD_STIR_TRUST is unset (the verify route then answers 503). */
async function verifierFromEnv(env: NodeJS.ProcessEnv): Promise<StirVerifier | null> {
  const trustFiles = (env.CALLGUARD_STIR_TRUST ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (trustFiles.length === 0) return null;
  const pems = await Promise.all(
    trustFiles.map((f) =>
      readFile(f, 'utf8').catch(() => {
        throw new CallGuardError('CG_CONFIG_INVALID', `CALLGUARD_STIR_TRUST: cannot read "${f}".`, {
          pointer: 'CALLGUARD_STIR_TRUST',
        });
      }),
    ),
  );
  let trust: TrustStore;
  try {
    trust = await TrustStore.fromPem(pems, 'CALLGUARD_STIR_TRUST');
  } catch (err) {
    throw new CallGuardError('CG_CONFIG_INVALID', (err as Error).message, {
      pointer: 'CALLGUARD_STIR_TRUST',
    });
  }
  return createStirVerifier({
    trust,
    certDir: env.CALLGUARD_STIR_CERT_DIR || undefined,
    cacheDir: env.CALLGUARD_STIR_CACHE_DIR || undefined,
    maxAgeSeconds: positive(env, 'CALLGUARD_STIR_MAX_AGE', 3600),
    fetchTimeoutMs: positive(env, 'CALLGUARD_STIR_FETCH_TIMEOUT_MS', 60_000),
    revocation: revocationPolicy(env.CALLGUARD_STIR_REVOCATION),
  });
}

function revocationPolicy(value: string | undefined): 'off' | 'soft' | 'hard' | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (v === 'off' || v === 'soft' || v === 'hard') return v;
  throw new CallGuardError(
    'CG_CONFIG_INVALID',
    `CALLGUARD_STIR_REVOCATION must be off, soft or hard; got "${v}".`,
    {
      pointer: 'CALLGUARD_STIR_REVOCATION',
    },
  );
}

function positive(env: NodeJS.ProcessEnv, name: string, max: number): number | undefined {
  const v = env[name]?.trim();
  if (!v) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) {
    throw new CallGuardError(
      'CG_CONFIG_INVALID',
      `${name} must be a whole number from 1 to ${max}; got "${v}".`,
      {
        pointer: name,
      },
    );
  }
  return Number(v);
}

/**
 * STIR/SHAKEN caller-ID verification: the public surface of src/stir.
 *
 * @example
 * import { createStirVerifier, TrustStore } from './stir/index.js';
 * const verifier = createStirVerifier({ trust: await TrustStore.fromPem([rootPem]) });
 * const { verstat, callerIdVerification } = await verifier.verify({ invite });
 */
export {
  createStirVerifier,
  type StirVerifier,
  type StirVerifierOptions,
  type VerifyRequest,
} from './verifier.js';
export { TrustStore, parsePemCertificates } from './certificates.js';
export { callerIdFromVerstat, callerIdFromDisplay } from './caller-id.js';
export { signIdentity, type SignOptions, type SigningKey } from './sign.js';
export { parseIdentityHeader, MAX_IDENTITY_HEADER_BYTES, type IdentityHeader } from './identity-header.js';
export { parseSipMessage, verstatParam, type SipFields } from './sip-message.js';
export { canonicalTn, tnFromUri } from './tn.js';
export { certFileName } from './cert-source.js';
export type { RevocationPolicy } from './revocation.js';
export { encodeTnAuthList, parseTnAuthList, TN_AUTH_LIST_OID, type TnAuthEntry } from './tn-auth-list.js';
export * from './types.js';

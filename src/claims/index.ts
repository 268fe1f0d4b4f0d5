/**
 * Claim checks (pure: no Node-only APIs): is that number, web address or email sender really the
 * organisation's? Every check returns a verdict with plain-language reasons; invalid input throws
 * CallGuardError (CG_NUMBER_INVALID, CG_URL_INVALID, CG_EMAIL_INVALID).
 */
export { checkNumber, type CheckNumberOptions } from './number/check-number.js';
export { normaliseNumber } from './number/normalise.js';
export { checkUrl, type CheckUrlOptions } from './url/check-url.js';
export { checkEmail, type CheckEmailOptions } from './email/check-email.js';
export { scanText, type ScanOptions } from './scan/scan-text.js';
export { extractAll } from './scan/extract.js';
export * from './types.js';

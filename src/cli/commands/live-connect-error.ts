/** Why `callguard live` could not open its WebSocket, in words, with what to check. */
import { CallGuardError } from '../../errors/catalogue.js';

export function connectError(url: string, err: unknown): CallGuardError {
  const e = err as NodeJS.ErrnoException;
  const status = /Unexpected server response: (\d+)/.exec(e?.message ?? '')?.[1];
  const why =
    e?.code === 'ECONNREFUSED'
      ? 'nothing is listening there (connection refused)'
      : e?.code === 'ENOTFOUND' || e?.code === 'EAI_AGAIN'
        ? 'no such host'
        : status
          ? `the server answered HTTP ${status}, so it is not a CallGuard live endpoint`
          : /handshake has timed out|ETIMEDOUT/.test(`${e?.code} ${e?.message}`)
            ? 'no answer in time'
            : (e?.message ?? String(err));
  // The catalogue has no code for "the live server cannot be reached" yet. CG_CONFIG_INVALID is the
  // closest: the URL comes from --url or CALLGUARD_URL, and its status (500) keeps exit code 1. Not
  // CG_STORE_UNAVAILABLE, whose advice is about the database.
  return new CallGuardError(
    'CG_CONFIG_INVALID',
    `Cannot connect to ${url}: ${why}. Check the URL (--url or CALLGUARD_URL) and that "callguard serve" is running there.`,
    { pointer: '--url', cause: err },
  );
}

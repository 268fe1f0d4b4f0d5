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
  return new CallGuardError('CG_LIVE_UNREACHABLE', `Cannot connect to ${url}: ${why}.`, {
    pointer: '--url',
    cause: err,
  });
}

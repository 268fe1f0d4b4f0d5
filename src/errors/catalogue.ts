/**
 * The one error catalogue. Every failure a user can see has a stable code here, a status for
 * HTTP, a title and a "how to fix" line. CLI messages and API problem+json (RFC 9457) both render
 * from this table; docs/errors.md lists it (a test keeps the two in step).
 */
export interface ErrorDefinition {
  /** HTTP status used when this error crosses the API. */
  readonly status: number;
  readonly title: string;
  readonly howToFix: string;
}

export const ERROR_CATALOGUE = {
  CG_INPUT_INVALID: {
    status: 400,
    title: 'The input is not valid',
    howToFix: 'Correct the field named in the message and try again.',
  },
  CG_JSON_MALFORMED: {
    status: 400,
    title: 'The JSON could not be read',
    howToFix: 'Send well-formed JSON (check quotes, commas and brackets).',
  },
  CG_UNKNOWN_OPTION: {
    status: 400,
    title: 'Unknown option',
    howToFix: 'Run the command with --help to see the options it accepts.',
  },
  CG_OPTION_VALUE_INVALID: {
    status: 400,
    title: 'An option has a value that is not allowed',
    howToFix: 'Use one of the values listed in the message.',
  },
  CG_FILE_UNREADABLE: {
    status: 400,
    title: 'The file could not be read',
    howToFix: 'Check the path exists, is a regular file and that you may read it.',
  },
  CG_FILE_UNWRITABLE: {
    status: 400,
    title: 'The file could not be written',
    howToFix: 'Give a path in a directory that exists and that you may write to, not a directory itself.',
  },
  CG_INPUT_BINARY: {
    status: 415,
    title: 'The input looks like a binary file, not text',
    howToFix: 'Give a text transcript: plain text, "Speaker: text" lines, WebVTT, SRT or JSON segments.',
  },
  CG_INPUT_TOO_LARGE: {
    status: 413,
    title: 'The input is too large',
    howToFix: 'Split the input or send only the part of the call that matters.',
  },
  CG_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: 'Unsupported content type',
    howToFix:
      'Send what the route documents: JSON (application/json) on the API, CSV (text/csv) to the admin import, JSON text frames on /v1/live.',
  },
  CG_TRANSCRIPT_EMPTY: {
    status: 422,
    title: 'The transcript is empty',
    howToFix: 'Paste what was said on the call, or answer the checklist questions instead.',
  },
  CG_TRANSCRIPT_MALFORMED: {
    status: 422,
    title: 'The transcript could not be understood',
    howToFix: 'Use plain text, "Speaker: text" lines, WebVTT, SRT or JSON segments [{speaker, text}].',
  },
  CG_FACTS_EMPTY: {
    status: 422,
    title: 'Nothing to assess',
    howToFix: 'Give a transcript or at least one fact about the call (who called, what they asked for).',
  },
  CG_NUMBER_INVALID: {
    status: 422,
    title: 'That is not a phone number',
    howToFix: 'Give the number with its country code (for example +1 800 642 7676) or set the country.',
  },
  CG_URL_INVALID: {
    status: 422,
    title: 'That is not a web address',
    howToFix: 'Give a web address such as https://www.microsoft.com/ or microsoft.com.',
  },
  CG_EMAIL_INVALID: {
    status: 422,
    title: 'That is not an email address or header',
    howToFix: 'Give an address such as name@example.com, a From header, or a pasted header block.',
  },
  CG_CASE_INVALID: {
    status: 422,
    title: 'The case file entry is not valid',
    howToFix:
      'Correct the field named in the message (dates not in the future, amounts not negative) and try again.',
  },
  CG_CASE_SENSITIVE_DATA: {
    status: 422,
    title: 'Refused to store a secret in the case file',
    howToFix:
      'Give only the last 4 digits of a card or account; for passwords, SSNs and codes record only that they were given.',
  },
  CG_CASE_NOT_FOUND: {
    status: 404,
    title: 'No such case',
    howToFix: 'Check the case id (32 hexadecimal characters); a deleted case is gone for good.',
  },
  CG_REQUEST_TIMEOUT: {
    status: 408,
    title: 'The request did not arrive in time',
    howToFix: 'Send the whole request (headers and body) at once; check the connection and try again.',
  },
  CG_HEADERS_TOO_LARGE: {
    status: 431,
    title: 'The request headers are too large',
    howToFix: 'Send a shorter URL or fewer and smaller headers; put long input in a POST body.',
  },
  CG_UPGRADE_REQUIRED: {
    status: 426,
    title: 'This address is a WebSocket',
    howToFix: 'Open it with a WebSocket client (for example `callguard live`), not a plain HTTP request.',
  },
  CG_LIVE_UNREACHABLE: {
    status: 502,
    title: 'The live-call server could not be reached',
    howToFix:
      'Check the --url (ws://HOST:PORT/v1/live or wss://…) and that `callguard serve` is running there.',
  },
  CG_UNAUTHORIZED: {
    status: 401,
    title: 'Authentication required',
    howToFix: 'Send the admin token as "Authorization: Bearer <token>".',
  },
  CG_FORBIDDEN: {
    status: 403,
    title: 'Not allowed',
    howToFix: 'Use a token that has access to this action.',
  },
  CG_NOT_FOUND: {
    status: 404,
    title: 'Not found',
    howToFix: 'Check the identifier or path.',
  },
  CG_CONFLICT: {
    status: 409,
    title: 'Conflicts with an earlier request',
    howToFix: 'Use a new idempotency key for a different request, or resend the original unchanged.',
  },
  CG_RATE_LIMITED: {
    status: 429,
    title: 'Too many requests',
    howToFix: 'Wait for the time given in Retry-After and try again.',
  },
  CG_BUSY: {
    status: 503,
    title: 'The server is busy',
    howToFix:
      'Wait for the time given in Retry-After and try again. If it keeps happening, the operator can raise CALLGUARD_QUEUE_MAX or add server processes (docs/operations.md).',
  },
  CG_CONFIG_INVALID: {
    status: 500,
    title: 'The configuration is not valid',
    howToFix: 'Fix the environment variable named in the message; see docs/operations.md.',
  },
  CG_STORE_UNAVAILABLE: {
    status: 503,
    title: 'The database is not available',
    howToFix: 'Check CALLGUARD_DB or DATABASE_URL and that the database server is running.',
  },
  CG_STIR_IDENTITY_INVALID: {
    status: 422,
    title: 'That is not a SIP Identity header',
    howToFix:
      'Give the Identity header value: a PASSporT (three base64url parts joined by dots) followed by ;info=<https://...>.',
  },
  CG_STIR_INVITE_INVALID: {
    status: 422,
    title: 'That is not a SIP INVITE',
    howToFix:
      'Give the INVITE as text: the request line, then headers (From, To, Identity, Date), one per line.',
  },
  CG_STIR_KEY_INVALID: {
    status: 400,
    title: 'The signing key could not be used',
    howToFix:
      'Give a PEM file with an EC P-256 private key (PKCS#8 "BEGIN PRIVATE KEY" or "BEGIN EC PRIVATE KEY").',
  },
  CG_STIR_NOT_CONFIGURED: {
    status: 503,
    title: 'Caller-ID verification is not configured on this server',
    howToFix:
      'Set CALLGUARD_STIR_TRUST to the STI-CA root certificate file(s) and restart; see docs/stir-shaken.md.',
  },
  CG_STIR_CERT_INVALID: {
    status: 400,
    title: 'A certificate could not be read',
    howToFix: 'Give PEM certificates ("BEGIN CERTIFICATE") for --trust and in the certificate directory.',
  },
  CG_INTERNAL: {
    status: 500,
    title: 'Something went wrong on our side',
    howToFix: 'Try again; if it keeps happening, report it with the request id.',
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface CallGuardErrorOptions {
  /** Where the bad input is: a JSON pointer ("/facts/initiatedBy"), an option ("--format") or "line 12". */
  readonly pointer?: string;
  readonly cause?: unknown;
}

/** An expected, user-facing failure. Anything else that escapes is a bug and is reported as CG_INTERNAL. */
export class CallGuardError extends Error {
  readonly code: ErrorCode;
  readonly pointer: string | undefined;

  constructor(code: ErrorCode, detail: string, options: CallGuardErrorOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CallGuardError';
    this.code = code;
    this.pointer = options.pointer;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}

export function isCallGuardError(value: unknown): value is CallGuardError {
  return value instanceof CallGuardError;
}

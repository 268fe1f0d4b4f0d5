import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CallGuardError } from '../errors/catalogue.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<T extends Options> = ReturnType<
  typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>
>;

/** parseArgs with errors turned into catalogue errors (unknown option, missing value). */
export function parseCommandArgs<T extends Options>(args: string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const code = /Unknown option/i.test(message) ? 'CG_UNKNOWN_OPTION' : 'CG_OPTION_VALUE_INVALID';
    throw new CallGuardError(code, message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
}

/** Checks an option value against its allowed values and says which ones are allowed. */
export function oneOf<const V extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly V[],
): V | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as V;
  throw new CallGuardError(
    'CG_OPTION_VALUE_INVALID',
    `--${option} must be one of ${allowed.join(', ')}; got "${value}".`,
    { pointer: `--${option}` },
  );
}

import { stopWhenReaderGoes } from './closed-output.js';

/** What a command may touch: streams and environment, passed in so tests can run commands in-process. */
export interface CliContext {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Command {
  name: string;
  /** One line for `callguard help`. */
  summary: string;
  /** Full usage text for `callguard <name> --help`. */
  usage: string;
  /** Returns the process exit code. Throw CallGuardError for user-facing failures. */
  run(args: string[], ctx: CliContext): Promise<number>;
}

export function processContext(): CliContext {
  stopWhenReaderGoes(process.stdout, 'standard output');
  stopWhenReaderGoes(process.stderr, 'standard error');
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

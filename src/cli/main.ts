import { COMMANDS } from './commands/index.js';
import { processContext, type CliContext } from './context.js';
import { formatForCli } from '../errors/problem.js';
import { isCallGuardError } from '../errors/catalogue.js';

const EXIT_USAGE = 2;

async function helpText(): Promise<string> {
  const lines = [
    'CallGuard: is that call from "Microsoft" (or any company) a scam?',
    '',
    'Usage: callguard <command> [options]',
    '',
    'Commands:',
  ];
  for (const name of Object.keys(COMMANDS).sort()) {
    const cmd = await COMMANDS[name]!();
    lines.push(`  ${name.padEnd(10)} ${cmd.summary}`);
  }
  lines.push('', 'Run "callguard <command> --help" for a command\'s options.');
  return lines.join('\n') + '\n';
}

/** Runs the CLI and returns the exit code. Never throws: user errors become one clear message. */
export async function main(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic && COMMANDS[topic]) {
      ctx.stdout.write((await COMMANDS[topic]!()).usage + '\n');
      return 0;
    }
    ctx.stdout.write(await helpText());
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v') return main(['version'], ctx);
  const load = COMMANDS[name];
  if (!load) {
    ctx.stderr.write(`callguard: unknown command "${name}". Run "callguard help" to see the commands.\n`);
    return EXIT_USAGE;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout.write(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, ctx);
  } catch (err) {
    ctx.stderr.write(formatForCli(err) + '\n');
    if (!isCallGuardError(err) && ctx.env.CALLGUARD_DEBUG)
      ctx.stderr.write(String((err as Error)?.stack) + '\n');
    return isCallGuardError(err) ? (err.status >= 500 ? 1 : EXIT_USAGE) : 70;
  }
}

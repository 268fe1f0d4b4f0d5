import type { Command } from '../context.js';
import { VERSION } from '../../version.js';

export const command: Command = {
  name: 'version',
  summary: 'Print the CallGuard version',
  usage: 'callguard version',
  async run(_args, ctx) {
    ctx.stdout.write(`callguard ${VERSION}\n`);
    return 0;
  },
};

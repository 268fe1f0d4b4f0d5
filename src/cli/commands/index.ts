import type { Command } from '../context.js';

/**
 * Every CLI command, loaded lazily so `callguard check` never pays for the server or the database.
 * Add one line per command.
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  version: () => import('./version.js').then((m) => m.command),
  check: () => import('./check.js').then((m) => m.command),
  stir: () => import('./stir.js').then((m) => m.command),
  eval: () => import('./eval.js').then((m) => m.command),
  serve: () => import('./serve.js').then((m) => m.command),
  live: () => import('./live.js').then((m) => m.command),
  number: () => import('./number.js').then((m) => m.command),
  url: () => import('./url.js').then((m) => m.command),
  email: () => import('./email.js').then((m) => m.command),
  scan: () => import('./scan.js').then((m) => m.command),
  case: () => import('./case.js').then((m) => m.command),
  import: () => import('./import.js').then((m) => m.command),
  export: () => import('./export.js').then((m) => m.command),
  report: () => import('./report.js').then((m) => m.command),
  lookup: () => import('./lookup.js').then((m) => m.command),
  stats: () => import('./stats.js').then((m) => m.command),
};

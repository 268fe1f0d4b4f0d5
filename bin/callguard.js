#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` via the prepare script).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Last-resort guard: never show a stack trace to a user.
    process.stderr.write(
      `callguard: unexpected failure: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exitCode = 70;
  },
);

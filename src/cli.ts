#!/usr/bin/env node
// Entry point of the `pexship` command (package.json bin → dist/cli.js).
import { main } from './cli/main.js';
import { markNow } from './timings.js';

markNow('startup');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`pexship: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);

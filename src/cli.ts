#!/usr/bin/env node
// Entry point of the `pexship` command (package.json bin → dist/cli.js).
import nodeModule from 'node:module';
import { main } from './cli/main.js';
import { markNow } from './timings.js';

markNow('startup');
// Node 22.1+ keeps V8's compiled code of the chunks a verb loads (from here on) between runs, in the OS temp
// folder; Node 20 has no such cache and skips this. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`pexship: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);

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
  (code) => exitWhenFlushed(code),
  (err: unknown) => {
    process.stderr.write(`pexship: ${err instanceof Error ? err.message : String(err)}\n`);
    exitWhenFlushed(1);
  },
);

/**
 * Exits once stdout and stderr have taken everything written, without waiting for the event loop to drain
 * and the heap to be torn down (~40 ms after a resolve). Every verb awaits its own work before returning.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

// The flags of `pexship build`, and the readers of those `lock` shares with it. Apart from build.ts so that
// `lock` does not load the PEX writer.
import type { IndexOptions } from '../core/inputs.js';
import { UsageError } from '../errors.js';
import { flagBool, flagInt, flagList, flagString, type FlagSpec, type ParsedArgs } from './args.js';

export const BUILD_FLAGS: FlagSpec[] = [
  { names: ['--requirement', '-r'], kind: 'list', value: 'FILE', help: "pip requirements file" },
  { names: ['--constraints'], kind: 'list', value: 'FILE', help: 'pip constraints file' },
  { names: ['--project'], kind: 'string', value: 'DIR[extra,…]', help: 'a pyproject.toml project: its dependencies and scripts' },
  { names: ['--lock'], kind: 'string', value: 'FILE', help: 'build exactly this PEP 751 pylock.toml, no resolving' },
  { names: ['--sources-directory', '-D'], kind: 'list', value: 'DIR', help: 'add your code from this folder' },
  { names: ['--entry-point', '-e'], kind: 'string', value: 'MODULE[:FUNC]', help: 'what the PEX runs' },
  { names: ['-m'], kind: 'string', value: 'MODULE', help: 'run a module, like python -m' },
  { names: ['--script', '--console-script', '-c'], kind: 'string', value: 'NAME', help: 'run a console script of a distribution in the PEX' },
  { names: ['--platform'], kind: 'list', value: 'PLAT', help: "target, e.g. manylinux2014_x86_64-cp-311-cp311 or 'current'" },
  { names: ['--complete-platform'], kind: 'list', value: 'FILE', help: "target from pex's complete-platform JSON" },
  { names: ['--index-url', '-i'], kind: 'string', value: 'URL', help: 'package index (default https://pypi.org/simple/)' },
  { names: ['--extra-index-url'], kind: 'list', value: 'URL', help: 'another package index' },
  { names: ['--find-links', '-f'], kind: 'list', value: 'DIR|URL', help: 'folder or page of wheel links' },
  { names: ['--no-index'], kind: 'boolean', help: 'use no package index (only wheel files and --find-links)' },
  { names: ['--pre'], kind: 'boolean', help: 'allow pre-releases' },
  { names: ['--timeout'], kind: 'string', value: 'SECONDS', help: 'give up on an index request after this long (default 30)' },
  { names: ['--retries'], kind: 'string', value: 'N', help: 'retries of a failed index request (default 3)' },
  { names: ['--max-connections'], kind: 'string', value: 'N', help: 'connections to one index host at once (default 6; fewer after stalls)' },
  { names: ['--output-file', '-o'], kind: 'string', value: 'PATH', help: 'where to write the PEX; may hold {platform} (default dist/{name}-{platform}.pex)' },
  { names: ['--python-shebang'], kind: 'string', value: 'STR', help: 'the interpreter line (default /usr/bin/env python3)' },
  { names: ['--interpreter-constraint'], kind: 'list', value: 'SPEC', help: 'e.g. CPython>=3.9,<3.14' },
  { names: ['--venv'], kind: 'boolean', help: 'run from a virtualenv made on first run' },
  { names: ['--inherit-path'], kind: 'string', value: 'false|prefer|fallback', help: 'let site-packages in (default false)' },
  { names: ['--no-compress'], kind: 'boolean', help: 'store entries uncompressed' },
  { names: ['--cache-dir'], kind: 'string', value: 'DIR', help: 'build cache: wheels, metadata, built projects (default ~/.cache/pexship/build)' },
  { names: ['--python'], kind: 'string', value: 'PATH', help: "interpreter for the 'current' target and for building sdists" },
  { names: ['--json'], kind: 'boolean', help: 'print a machine-readable summary on stdout' },
  { names: ['--quiet', '-q'], kind: 'boolean', help: 'print only errors and warnings on stderr' },
  { names: ['--verbose', '-v'], kind: 'boolean', help: 'print more detail on stderr' },
  { names: ['--help', '-h'], kind: 'boolean', help: 'show this help' },
];

/** --timeout, --retries and --max-connections: shared by build and lock. */
export function networkOptionsFrom(args: ParsedArgs): { timeoutMs?: number; retries?: number; maxConnections?: number } {
  const timeout = flagString(args, 'timeout');
  if (timeout !== undefined && !(Number(timeout) > 0)) throw new UsageError(`--timeout takes a number of seconds above 0, got '${timeout}'.`);
  return {
    timeoutMs: timeout === undefined ? undefined : Number(timeout) * 1000,
    retries: args.flags.has('retries') ? flagInt(args, 'retries', 3, 0) : undefined,
    maxConnections: args.flags.has('max-connections') ? flagInt(args, 'max-connections', 6, 1) : undefined,
  };
}

/** -i, --extra-index-url, -f, --no-index: shared by build and lock. */
export function indexOptionsFrom(args: ParsedArgs): Partial<IndexOptions> {
  return {
    indexUrl: flagString(args, 'index-url'),
    extraIndexUrls: flagList(args, 'extra-index-url'),
    findLinks: flagList(args, 'find-links'),
    noIndex: flagBool(args, 'no-index'),
  };
}

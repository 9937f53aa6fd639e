// `pexship lock [REQUIREMENT …] [-r …] [--platform …] -o pylock.toml`.
import { lock } from '../core/lock.js';
import { stderrProgress } from '../core/progress.js';
import { flagBool, flagList, flagString, formatHelp, parseArgs, type FlagSpec } from './args.js';
import { BUILD_FLAGS, dependencyOptionsFrom, formatOptionsFrom, indexOptionsFrom, networkOptionsFrom } from './build-flags.js';

const SHARED = new Set(['--requirement', '--constraints', '--project', '--platform', '--complete-platform', '--index-url', '--extra-index-url', '--find-links', '--no-index', '--pre', '--exclude', '--override', '--no-transitive', '--only-binary', '--no-binary', '--prefer-binary', '--trusted-host', '--require-hashes', '--timeout', '--retries', '--max-connections', '--refresh', '--cache-dir', '--python', '--json', '--quiet', '--verbose', '--help']);
const FLAGS: FlagSpec[] = [
  ...BUILD_FLAGS.filter((f) => SHARED.has(f.names[0])),
  { names: ['--output-file', '-o'], kind: 'string', value: 'PATH', help: 'where to write the lock (default pylock.toml)' },
];

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs('lock', argv, FLAGS);
  if (flagBool(args, 'help')) {
    process.stdout.write(formatHelp('Usage: pexship lock [REQUIREMENT …] [-r FILE] [--platform PLAT …] -o pylock.toml\n\nREQUIREMENT as for build; a project folder (. or ./DIR) is built to read its dependencies, which the lock pins.', FLAGS));
    return 0;
  }
  const verbosity = flagBool(args, 'quiet') ? -1 : flagBool(args, 'verbose') ? 1 : 0;
  const progress = stderrProgress(verbosity);
  const summary = await lock(
    {
      requirements: args.positionals,
      requirementFiles: flagList(args, 'requirement'),
      constraintFiles: flagList(args, 'constraints'),
      project: flagString(args, 'project'),
      platforms: flagList(args, 'platform'),
      completePlatforms: flagList(args, 'complete-platform'),
      index: indexOptionsFrom(args),
      pre: flagBool(args, 'pre'),
      requireHashes: flagBool(args, 'require-hashes'),
      ...formatOptionsFrom(argv, args),
      cacheDir: flagString(args, 'cache-dir'),
      python: flagString(args, 'python'),
      output: flagString(args, 'output-file') ?? 'pylock.toml',
      ...networkOptionsFrom(args),
      ...dependencyOptionsFrom(args),
    },
    progress,
  ).finally(() => progress.close());
  if (flagBool(args, 'json')) {
    process.stdout.write(JSON.stringify({ path: summary.path, targets: summary.targets.map((t) => t.label), packages: summary.packages, requests: summary.requests }, null, 2) + '\n');
  } else {
    process.stdout.write(`${summary.path}\n  ${summary.packages} packages for ${summary.targets.map((t) => t.label).join(', ')}\n`);
  }
  return 0;
}

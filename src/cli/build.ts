// `pexship build`: flags → BuildRequest → summary on stdout (a table, or JSON with --json).
import { build, type BuildRequest } from '../core/build.js';
import { stderrProgress } from '../core/progress.js';
import { UsageError } from '../errors.js';
import type { InheritPath, VenvBinPath } from '../pex/build.js';
import type { Layout } from '../pex/layout.js';
import { flagBool, flagList, flagString, formatHelp, parseArgs } from './args.js';
import { BUILD_FLAGS, dependencyOptionsFrom, formatOptionsFrom, indexOptionsFrom, networkOptionsFrom } from './build-flags.js';
import { formatSize } from './format.js';

const USAGE =
  'Usage: pexship build [REQUIREMENT …] [options]\n\nREQUIREMENT: a PEP 508 string (flask>=3), a wheel path or URL, name @ url, or a project folder (. or ./DIR[extra]),\n' +
  'which is built into a wheel (natively for pure-Python hatchling, flit-core, setuptools, poetry-core, pdm-backend and uv_build projects, else by its backend).';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs('build', argv, BUILD_FLAGS);
  if (flagBool(args, 'help')) {
    process.stdout.write(formatHelp(USAGE, BUILD_FLAGS));
    return 0;
  }
  const inherit = flagString(args, 'inherit-path') ?? 'false';
  const venv = args.flags.get('venv');
  if (!['false', 'prefer', 'fallback'].includes(inherit)) {
    throw new UsageError(`--inherit-path takes false, prefer or fallback, got '${inherit}'.`);
  }
  const moduleFlag = flagString(args, 'm');
  const entryFlag = flagString(args, 'entry-point');
  if (moduleFlag && entryFlag) throw new UsageError('give -e or -m, not both.');
  const json = flagBool(args, 'json');
  const verbosity = flagBool(args, 'quiet') ? -1 : flagBool(args, 'verbose') ? 1 : 0;
  const progress = stderrProgress(verbosity);
  const summary = await build(
    {
      requirements: args.positionals,
      requirementFiles: flagList(args, 'requirement'),
      constraintFiles: flagList(args, 'constraints'),
      project: flagString(args, 'project'),
      lock: flagString(args, 'lock'),
      sourcesDirs: flagList(args, 'sources-directory'),
      entryPoint: entryFlag ?? moduleFlag,
      script: flagString(args, 'script'),
      platforms: flagList(args, 'platform'),
      completePlatforms: flagList(args, 'complete-platform'),
      index: indexOptionsFrom(args),
      pre: flagBool(args, 'pre'),
      requireHashes: flagBool(args, 'require-hashes'),
      ...formatOptionsFrom(argv, args),
      output: flagString(args, 'output-file'),
      shebang: flagString(args, 'python-shebang'),
      interpreterConstraints: flagList(args, 'interpreter-constraint'),
      inheritPath: inherit as InheritPath,
      venv: venv !== undefined && venv !== false,
      venvBinPath: typeof venv === 'string' ? (venv as VenvBinPath) : undefined,
      compress: !flagBool(args, 'no-compress'),
      layout: flagString(args, 'layout') as Layout | undefined,
      compile: flagBool(args, 'compile'),
      shBoot: flagBool(args, 'sh-boot'),
      injectArgs: flagList(args, 'inject-args'),
      injectEnv: flagList(args, 'inject-env'),
      pexPath: flagList(args, 'pex-path'),
      ...dependencyOptionsFrom(args),
      cacheDir: flagString(args, 'cache-dir'),
      python: flagString(args, 'python'),
      ...networkOptionsFrom(args),
    },
    progress,
  ).finally(() => progress.close());
  if (json) {
    const out = summary.pexes.map((p) => ({
      path: p.path,
      platform: p.platform,
      size: p.size,
      sha256: p.sha256,
      pex_hash: p.pexHash,
      entry_point: p.entryPoint,
      script: p.script,
      distributions: p.distributions.map((d) => ({ file: d.filename, project: d.project, version: d.version, sha256: d.sha256, size: d.wheelSize })),
      seconds: Number(p.seconds.toFixed(3)),
    }));
    process.stdout.write(JSON.stringify({ pexes: out }, null, 2) + '\n');
  } else {
    for (const p of summary.pexes) {
      process.stdout.write(
        `${p.path}\n  platform ${p.platform}, ${formatSize(p.size)}, ${p.distributions.length} distributions, sha256 ${p.sha256}, built in ${p.seconds.toFixed(2)} s\n`,
      );
    }
  }
  return 0;
}

// `pexship inspect FILE.pex [--json]`.
import { UsageError } from '../errors.js';
import { inspectPex } from '../pex/inspect.js';
import { flagBool, formatHelp, parseArgs, type FlagSpec } from './args.js';
import { formatSize, formatTable } from './format.js';

const FLAGS: FlagSpec[] = [
  { names: ['--json'], kind: 'boolean', help: 'print JSON' },
  { names: ['--help', '-h'], kind: 'boolean', help: 'show this help' },
];

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs('inspect', argv, FLAGS);
  if (flagBool(args, 'help')) {
    process.stdout.write(formatHelp('Usage: pexship inspect FILE.pex [--json]', FLAGS));
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError('inspect takes exactly one PEX file: pexship inspect FILE.pex');
  const info = await inspectPex(args.positionals[0]);
  if (flagBool(args, 'json')) {
    const { pexInfo, ...rest } = info;
    process.stdout.write(JSON.stringify({ ...rest, pex_info: pexInfo }, null, 2) + '\n');
    return 0;
  }
  const lines = [
    `${info.path}: ${formatSize(info.size)}, sha256 ${info.sha256}`,
    `shebang: ${info.shebang ?? '(none)'}`,
    `entry point: ${info.entryPoint ?? (info.script ? `console script ${info.script}` : '(none: runs as a Python interpreter)')}`,
    `pex_hash: ${info.pexInfo.pex_hash ?? '?'}  code_hash: ${info.pexInfo.code_hash ?? '?'}`,
    `interpreter constraints: ${(info.pexInfo.interpreter_constraints ?? []).join(' or ') || '(none)'}`,
    `targets: ${info.targets.map((t) => t.platform).join(', ') || '(unknown)'}`,
    `runtime: ${info.runtime.files} files, ${formatSize(info.runtime.compressedSize)} compressed; your code: ${info.code.files} files, ${formatSize(info.code.installedSize)}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
  process.stdout.write(
    formatTable(
      ['distribution', 'files', 'installed', 'in PEX', 'sha256'],
      info.distributions.map((d) => [d.filename, String(d.files), formatSize(d.installedSize), formatSize(d.compressedSize), d.sha256.slice(0, 16)]),
    ),
  );
  return 0;
}

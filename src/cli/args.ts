import { UsageError } from '../errors.js';

/** How one flag behaves: a boolean switch, a single value, or a value that may repeat. */
export interface FlagSpec {
  /** Long names and short aliases, e.g. ['--output-file', '-o']. The first is the canonical key. */
  names: string[];
  kind: 'boolean' | 'string' | 'list';
  /** One line for --help. */
  help: string;
  /** Shown in --help as the value placeholder. */
  value?: string;
  /**
   * A boolean flag that may also take one of these values (`--venv`, `--venv prepend`, `--venv=append`),
   * as pex's optional-argument flags do; the next argument is taken only when it is one of them.
   */
  optionalValues?: string[];
}

export interface ParsedArgs {
  positionals: string[];
  /** Keyed by the canonical long name without dashes, e.g. 'output-file'. */
  flags: Map<string, string | boolean | string[]>;
}

function canonicalKey(spec: FlagSpec): string {
  return spec.names[0].replace(/^-+/, '');
}

/**
 * Parses argv for one verb. Accepts `--flag value`, `--flag=value`, `-o value`, `-ovalue`, and `--` to end
 * options. Unknown flags and missing values are usage errors that name the flag and the verb's --help; a value
 * that starts with `-` must be written inline (`--flag=-x`, `-o-x`), as argparse wants.
 */
export function parseArgs(verb: string, argv: string[], specs: FlagSpec[]): ParsedArgs {
  const byName = new Map<string, FlagSpec>();
  for (const spec of specs) for (const name of spec.names) byName.set(name, spec);
  const flags = new Map<string, string | boolean | string[]>();
  const positionals: string[] = [];
  const set = (spec: FlagSpec, value: string | boolean) => {
    const key = canonicalKey(spec);
    if (spec.kind === 'list') {
      const list = (flags.get(key) as string[] | undefined) ?? [];
      list.push(value as string);
      flags.set(key, list);
    } else {
      flags.set(key, value);
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    let name = arg;
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      name = arg.slice(0, eq);
      inline = arg.slice(eq + 1);
    } else if (!arg.startsWith('--') && arg.length > 2 && !byName.has(arg)) {
      name = arg.slice(0, 2);
      inline = arg.slice(2);
    }
    const spec = byName.get(name);
    if (!spec) {
      throw new UsageError(`unknown option ${name} for 'pexship ${verb}'; run 'pexship ${verb} --help' for the options.`);
    }
    if (spec.kind === 'boolean' && spec.optionalValues) {
      if (inline !== undefined && !spec.optionalValues.includes(inline)) {
        throw new UsageError(`${name} takes no value or one of ${spec.optionalValues.join(', ')}, got '${inline}'.`);
      }
      const next = argv[i + 1];
      set(spec, inline ?? (next !== undefined && spec.optionalValues.includes(next) ? argv[++i] : true));
      continue;
    }
    if (spec.kind === 'boolean') {
      if (inline !== undefined) {
        if (!/^(true|false|1|0|yes|no)$/i.test(inline)) {
          throw new UsageError(`${name} takes no value or true/false, got '${inline}'.`);
        }
        set(spec, /^(true|1|yes)$/i.test(inline));
      } else {
        set(spec, true);
      }
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= argv.length) {
        throw new UsageError(`${name} needs a value${spec.value ? ` (${spec.value})` : ''}; see 'pexship ${verb} --help'.`);
      }
      const next = argv[i + 1];
      // Like argparse: a flag never swallows the next option as its value (`-o --platform x` is a mistake).
      if (next.length > 1 && next.startsWith('-')) {
        const inlineForm = name.startsWith('--') ? `${name}=${next}` : `${name}${next}`;
        throw new UsageError(`${name} needs a value${spec.value ? ` (${spec.value})` : ''}, but the next argument is the option ${next}; give the value, or write ${inlineForm} if the value itself starts with '-'.`);
      }
      value = argv[++i];
    }
    set(spec, value);
  }
  return { positionals, flags };
}

export function flagString(args: ParsedArgs, key: string): string | undefined {
  const v = args.flags.get(key);
  return typeof v === 'string' ? v : undefined;
}

export function flagList(args: ParsedArgs, key: string): string[] {
  const v = args.flags.get(key);
  return Array.isArray(v) ? v : [];
}

export function flagBool(args: ParsedArgs, key: string): boolean {
  return args.flags.get(key) === true;
}

/** A positive whole number from a flag, or a usage error naming the flag. */
export function flagInt(args: ParsedArgs, key: string, fallback: number, min = 0): number {
  const raw = flagString(args, key);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw new UsageError(`--${key} takes a whole number of at least ${min}, got '${raw}'.`);
  }
  return Number(raw);
}

export function formatHelp(usage: string, specs: FlagSpec[]): string {
  const rows = specs.map((s) => {
    const left = s.names.join(', ') + (s.kind === 'boolean' ? (s.optionalValues ? `[=${s.optionalValues.join('|')}]` : '') : ` ${s.value ?? 'VALUE'}`);
    return [left, s.help + (s.kind === 'list' ? ' (repeatable)' : '')];
  });
  const width = Math.min(40, Math.max(...rows.map((r) => r[0].length)) + 2);
  return `${usage}\n\nOptions:\n${rows.map(([l, h]) => `  ${l.padEnd(width)}${h}`).join('\n')}\n`;
}

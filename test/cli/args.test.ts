import { describe, expect, it, vi } from 'vitest';
import { flagInt, parseArgs, type FlagSpec } from '../../src/cli/args.js';
import { UsageError } from '../../src/errors.js';

const specs: FlagSpec[] = [
  { names: ['--output-file', '-o'], kind: 'string', help: 'output' },
  { names: ['--platform'], kind: 'list', help: 'target' },
  { names: ['--no-index'], kind: 'boolean', help: 'no index' },
  { names: ['--keep'], kind: 'string', help: 'keep' },
];

describe('parseArgs', () => {
  it('reads long, short, inline and repeated flags', () => {
    const a = parseArgs('build', ['x.whl', '-o', 'a.pex', '--platform=p1', '--platform', 'p2', '--no-index', '-oq.pex', '--', '--literal'], specs);
    expect(a.positionals).toEqual(['x.whl', '--literal']);
    expect(a.flags.get('output-file')).toBe('q.pex');
    expect(a.flags.get('platform')).toEqual(['p1', 'p2']);
    expect(a.flags.get('no-index')).toBe(true);
  });
  it('names an unknown flag and the help to read', () => {
    expect(() => parseArgs('build', ['--bogus'], specs)).toThrow(/unknown option --bogus for 'pexship build'.*--help/);
    expect(() => parseArgs('build', ['--bogus'], specs)).toThrow(UsageError);
  });
  it('names a flag that lacks its value', () => {
    expect(() => parseArgs('build', ['-o'], specs)).toThrow(/-o needs a value/);
  });
  it('checks whole numbers', () => {
    expect(flagInt(parseArgs('deploy', ['--keep', '3'], specs), 'keep', 5, 1)).toBe(3);
    expect(flagInt(parseArgs('deploy', [], specs), 'keep', 5, 1)).toBe(5);
    expect(() => flagInt(parseArgs('deploy', ['--keep', 'x'], specs), 'keep', 5, 1)).toThrow(/--keep takes a whole number/);
  });
});

describe('a flag that needs a value never takes the next flag', () => {
  it('refuses `-o --platform x` and says how to give a value that starts with -', () => {
    expect(() => parseArgs('build', ['-o', '--platform', 'x'], specs)).toThrow(/-o needs a value, but the next argument is the option --platform; .*write -o--platform/);
    expect(() => parseArgs('build', ['--keep', '-v'], specs)).toThrow(/--keep needs a value, but the next argument is the option -v.*--keep=-v/);
    // Inline forms and a lone '-' (stdin by convention) still work.
    expect(parseArgs('build', ['--keep=-1', '-o-', '--platform', '-'], specs).flags.get('keep')).toBe('-1');
    expect(parseArgs('build', ['-o', '-'], specs).flags.get('output-file')).toBe('-');
  });

  // Every verb with such flags (inspect has none), every flag that takes a value (read from the verb's own --help): followed by another flag it
  // is a usage error (exit 2) naming both, before any work starts.
  it.each(['build', 'lock', 'deploy', 'rollback', 'releases'])('pexship %s', async (verb) => {
    const { main } = await import('../../src/cli/main.js');
    const out: string[] = [];
    const writeOut = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const err: string[] = [];
    const writeErr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    try {
      expect(await main([verb, '--help'])).toBe(0);
      const valued = out
        .join('')
        .split('\n')
        .map((line) => /^ {2}(-[^ ]+(?:, -[^ ]+)*) [A-Z[{]/.exec(line)?.[1])
        .filter((names): names is string => names !== undefined)
        .flatMap((names) => names.split(', '));
      expect(valued.length).toBeGreaterThan(0);
      for (const name of valued) {
        err.length = 0;
        expect(await main([verb, name, '--json'])).toBe(2);
        expect(err.join('')).toContain(`${name} needs a value`);
        expect(err.join('')).toContain('the next argument is the option --json');
      }
    } finally {
      writeOut.mockRestore();
      writeErr.mockRestore();
    }
  });
});

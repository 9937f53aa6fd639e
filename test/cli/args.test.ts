import { describe, expect, it } from 'vitest';
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

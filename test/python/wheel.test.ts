import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  canonicalizeName,
  compareWheelsForTarget,
  expandCompressedTags,
  InvalidSdistFilename,
  InvalidWheelFilename,
  parseSdistFilename,
  parseWheelFilename,
  wheelRank,
  wheelSupported,
} from '../../src/python/wheel.js';

describe('canonicalizeName (PEP 503)', () => {
  it.each([
    ['Django', 'django'],
    ['typing_extensions', 'typing-extensions'],
    ['zope.interface', 'zope-interface'],
    ['Foo__Bar--baz._.qux', 'foo-bar-baz-qux'],
    ['a', 'a'],
  ])('%s → %s', (input, expected) => expect(canonicalizeName(input)).toBe(expected));
});

describe('parseWheelFilename', () => {
  it('reads a plain pure wheel', () => {
    const w = parseWheelFilename('requests-2.32.3-py3-none-any.whl');
    expect(w).toMatchObject({ name: 'requests', distName: 'requests', version: '2.32.3', tags: ['py3-none-any'] });
    expect(w.build).toBeUndefined();
  });

  it('normalises the name and keeps the written one', () => {
    const w = parseWheelFilename('Typing_Extensions-4.12.2-py3-none-any.whl');
    expect(w.name).toBe('typing-extensions');
    expect(w.distName).toBe('Typing_Extensions');
  });

  it('expands compressed tag sets', () => {
    const w = parseWheelFilename('six-1.16.0-py2.py3-none-any.whl');
    expect(w.tags).toEqual(['py2-none-any', 'py3-none-any']);
    const n = parseWheelFilename(
      'numpy-2.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
    );
    expect(n.tags).toEqual(['cp311-cp311-manylinux_2_17_x86_64', 'cp311-cp311-manylinux2014_x86_64']);
    expect(n.platformTags).toEqual(['manylinux_2_17_x86_64', 'manylinux2014_x86_64']);
  });

  it('reads a build tag', () => {
    const w = parseWheelFilename('foo-1.0-1abc-py3-none-any.whl');
    expect(w.build).toEqual({ number: 1, suffix: 'abc', text: '1abc' });
    expect(parseWheelFilename('foo-1.0-20-py3-none-any.whl').build?.number).toBe(20);
  });

  it('accepts directories and lower-cases tags', () => {
    const w = parseWheelFilename('/tmp/cache/Foo-1.0-CP311-None-Any.whl');
    expect(w.filename).toBe('Foo-1.0-CP311-None-Any.whl');
    expect(w.tags).toEqual(['cp311-none-any']);
  });

  it('accepts PEP 440 spellings of versions', () => {
    for (const v of ['1.0rc1', '2!1.0.post2.dev3', '1.0+local.7', '0.1a', 'v1.0']) {
      expect(parseWheelFilename(`foo-${v}-py3-none-any.whl`).version).toBe(v);
    }
  });

  it.each([
    ['foo-1.0-py3-none-any.zip', /does not end in \.whl/],
    ['foo-py3-none-any.whl', /4 dash-separated parts/],
    ['foo-1.0-1-2-py3-none-any.whl', /7 dash-separated parts/],
    ['foo-1.0-abc-py3-none-any.whl', /build tag "abc" must start with a digit/],
    ['foo__bar-1.0-py3-none-any.whl', /not a valid project name/],
    ['foo!-1.0-py3-none-any.whl', /not a valid project name/],
    ['foo-notaversion-py3-none-any.whl', /not a valid version/],
    ['foo-1.0-py3-none-any!.whl', /platform tag/],
    ['foo-1.0-py3..py2-none-any.whl', /python tag/],
  ])('rejects %s', (name, reason) => {
    let err: unknown;
    try {
      parseWheelFilename(name);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidWheelFilename);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain(JSON.stringify(name));
    expect((err as Error).message).toMatch(reason);
  });
});

describe('expandCompressedTags', () => {
  it('takes the product in written order', () => {
    expect(expandCompressedTags('py2.py3-none-any.win32')).toEqual([
      'py2-none-any',
      'py2-none-win32',
      'py3-none-any',
      'py3-none-win32',
    ]);
  });
});

describe('parseSdistFilename', () => {
  it('splits at the last dash without a project name', () => {
    expect(parseSdistFilename('Flask-3.0.3.tar.gz')).toEqual({
      filename: 'Flask-3.0.3.tar.gz',
      name: 'flask',
      distName: 'Flask',
      version: '3.0.3',
      extension: '.tar.gz',
    });
    expect(parseSdistFilename('foo_bar-1.0.zip')).toMatchObject({ name: 'foo-bar', version: '1.0', extension: '.zip' });
  });

  it('uses the project name to split names holding dashes', () => {
    expect(parseSdistFilename('python-dateutil-2.9.0.post0.tar.gz', 'python_dateutil')).toMatchObject({
      name: 'python-dateutil',
      version: '2.9.0.post0',
    });
    expect(parseSdistFilename('python-dateutil-2.9.0.tar.gz')).toMatchObject({ name: 'python-dateutil', version: '2.9.0' });
  });

  it.each([
    ['foo-1.0.exe', undefined, /unknown archive extension/],
    ['foo.tar.gz', undefined, /no dash/],
    ['bar-1.0.tar.gz', 'foo', /does not start with the project name "foo"/],
    ['foo-latest.tar.gz', undefined, /not a valid version/],
  ])('rejects %s', (name, project, reason) => {
    expect(() => parseSdistFilename(name, project)).toThrow(InvalidSdistFilename);
    expect(() => parseSdistFilename(name, project)).toThrow(reason);
  });
});

describe('wheel ranking', () => {
  const target = {
    tags: ['cp311-cp311-manylinux_2_17_x86_64', 'cp311-abi3-manylinux_2_17_x86_64', 'py3-none-manylinux_2_17_x86_64', 'cp311-none-any', 'py3-none-any'],
  };

  it('ranks by the best tag of the wheel', () => {
    expect(wheelRank('foo-1.0-py3-none-any.whl', target)).toBe(4);
    expect(wheelRank('foo-1.0-cp38.cp311-abi3-manylinux_2_17_x86_64.whl', target)).toBe(1);
    expect(wheelRank('foo-1.0-cp311-cp311-win_amd64.whl', target)).toBeUndefined();
    expect(wheelSupported('foo-1.0-cp311-cp311-win_amd64.whl', target)).toBe(false);
    expect(wheelSupported('foo-1.0-py2.py3-none-any.whl', target)).toBe(true);
  });

  it('sorts best first, then the higher build number', () => {
    const files = [
      'foo-1.0-cp311-cp311-win_amd64.whl',
      'foo-1.0-py3-none-any.whl',
      'foo-1.0-2-py3-none-any.whl',
      'foo-1.0-cp311-cp311-manylinux_2_17_x86_64.whl',
    ];
    expect(files.sort((a, b) => compareWheelsForTarget(a, b, target))).toEqual([
      'foo-1.0-cp311-cp311-manylinux_2_17_x86_64.whl',
      'foo-1.0-2-py3-none-any.whl',
      'foo-1.0-py3-none-any.whl',
      'foo-1.0-cp311-cp311-win_amd64.whl',
    ]);
  });
});

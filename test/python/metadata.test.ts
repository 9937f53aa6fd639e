import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  entryPointGroup,
  InvalidMetadata,
  parseCoreMetadata,
  parseEntryPoints,
  parseEntryPointValue,
  parseHeaders,
  parseWheelInfo,
} from '../../src/python/metadata.js';

const METADATA = [
  'Metadata-Version: 2.1',
  'Name: Requests',
  'Version: 2.32.3',
  'Summary: Python HTTP for Humans.',
  'Home-page: https://requests.readthedocs.io',
  'License: Apache-2.0',
  '        second license line',
  'Classifier: Programming Language :: Python :: 3',
  'Classifier: License :: OSI Approved :: Apache Software License',
  'Requires-Python: >=3.8',
  'Description-Content-Type: text/markdown',
  'Requires-Dist: charset-normalizer <4,>=2',
  'Requires-Dist: idna <4,>=2.5',
  'Requires-Dist: PySocks !=1.5.7,>=1.5.6 ; extra == "socks"',
  'Requires-Dist: some-very-long-name',
  '  >=1.0',
  'Provides-Extra: socks',
  'Provides-Extra: use_chardet_on_py3',
  'Project-URL: Source, https://github.com/psf/requests',
  '',
  '# Requests',
  '',
  'Body text: with a colon.',
  '',
].join('\n');

describe('parseCoreMetadata', () => {
  const meta = parseCoreMetadata(METADATA);

  it('reads the typed fields', () => {
    expect(meta.metadataVersion).toBe('2.1');
    expect(meta.name).toBe('Requests');
    expect(meta.version).toBe('2.32.3');
    expect(meta.summary).toBe('Python HTTP for Humans.');
    expect(meta.requiresPython).toBe('>=3.8');
    expect(meta.descriptionContentType).toBe('text/markdown');
    expect(meta.providesExtra).toEqual(['socks', 'use_chardet_on_py3']);
    expect(meta.classifiers).toHaveLength(2);
    expect(meta.projectUrls).toEqual(['Source, https://github.com/psf/requests']);
  });

  it('keeps every Requires-Dist in order and unfolds continuation lines', () => {
    expect(meta.requiresDist).toEqual([
      'charset-normalizer <4,>=2',
      'idna <4,>=2.5',
      'PySocks !=1.5.7,>=1.5.6 ; extra == "socks"',
      'some-very-long-name >=1.0',
    ]);
  });

  it('keeps multi-line License and the body as description', () => {
    expect(meta.license).toBe('Apache-2.0\nsecond license line');
    expect(meta.description).toBe('# Requests\n\nBody text: with a colon.\n');
  });

  it('gives raw headers case-insensitively', () => {
    expect(meta.headers.get('home-page')).toBe('https://requests.readthedocs.io');
    expect(meta.headers.getAll('CLASSIFIER')).toHaveLength(2);
    expect(meta.headers.has('Author')).toBe(false);
  });

  it('reads a Description header with the 7-spaces-and-pipe convention', () => {
    const m = parseCoreMetadata(
      ['Metadata-Version: 1.2', 'Name: old', 'Version: 0.1', 'Description: first', '       |', '       |   indented', 'Platform: UNKNOWN', ''].join('\r\n'),
      'PKG-INFO',
    );
    expect(m.description).toBe('first\n\n   indented');
    expect(m.requiresDist).toEqual([]);
    expect(m.headers.get('Platform')).toBe('UNKNOWN');
  });

  it('fails naming the file when Name or Version is missing', () => {
    expect(() => parseCoreMetadata('Metadata-Version: 2.1\nVersion: 1\n', 'foo/PKG-INFO')).toThrow(InvalidMetadata);
    expect(() => parseCoreMetadata('Metadata-Version: 2.1\nVersion: 1\n', 'foo/PKG-INFO')).toThrow(/foo\/PKG-INFO: no Name/);
    expect(() => parseCoreMetadata('Name: x\n')).toThrow(UsageError);
  });

  it('parseHeaders splits headers and body at the first blank line', () => {
    const { headers, body } = parseHeaders('A: 1\nB: 2\n\nC: 3\n');
    expect(headers.entries).toEqual([
      ['A', '1'],
      ['B', '2'],
    ]);
    expect(body).toBe('C: 3\n');
  });

  it('parseHeaders finds the blank line whatever the line ends (CRLF, CR, mixed) and gives the body \\n ends', () => {
    for (const [text, names, body] of [
      ['A: 1\r\nB: 2\r\n\r\nline 1\r\nline 2\rline 3', ['A', 'B'], 'line 1\nline 2\nline 3'],
      ['A: 1\r\rbody', ['A'], 'body'],
      ['A: 1\r\n\nbody\r\n', ['A'], 'body\n'],
      ['\r\nA: 1', [], 'A: 1'],
      ['A: 1\r\nB: 2\r\n', ['A', 'B'], ''],
      ['\uFEFFA: 1\n folded\n\n', ['A'], ''],
    ] as const) {
      const parsed = parseHeaders(text);
      expect([text, parsed.headers.entries.map(([n]) => n), parsed.body]).toEqual([text, names, body]);
    }
  });
});

describe('parseHeaders against a line-split reading', () => {
  /** The plain reading parseHeaders short-cuts: split every line, join continuation lines with \\n. */
  function referenceEntries(text: string): [string, string][] {
    const clean = text.replace(/^\uFEFF/, '');
    const blank = /^(?:\r\n|\n|\r)|(?:\r\n|\n|\r(?!\n))(?:\r\n|\n|\r)/.exec(clean);
    const head = blank ? clean.slice(0, blank.index) : clean;
    const out: [string, string][] = [];
    let current: { name: string; parts: string[] } | undefined;
    for (const line of head.split(/\r\n|\n|\r/)) {
      if (line === '') break;
      if (/^[ \t]/.test(line)) {
        current?.parts.push(line);
        continue;
      }
      if (current) out.push([current.name, current.parts.join('\n')]);
      current = undefined;
      const colon = line.indexOf(':');
      if (colon > 0) current = { name: line.slice(0, colon).trim(), parts: [line.slice(colon + 1).trim()] };
    }
    if (current) out.push([current.name, current.parts.join('\n')]);
    return out;
  }

  it('gives the same fields on generated texts (line ends, folds, junk lines, blank lines)', () => {
    // A fixed pseudo-random sequence, so a failure names a text that can be replayed.
    let seed = 12345;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pieces = ['Name: demo', 'Version: 1.0', 'License: MIT', '  folded line', '\tfolded tab', '       |  piped', 'junk line', ': no name', 'Key:', 'K:v:w', ' ', 'A :  spaced  ', '\u00a0Odd: x', 'Requires-Dist: a>=1; extra == "x"', ''];
    const ends = ['\n', '\r\n', '\r'];
    for (let n = 0; n < 3000; n++) {
      let text = random(10) === 0 ? '\uFEFF' : '';
      const lines = 1 + random(12);
      for (let i = 0; i < lines; i++) text += pieces[random(pieces.length)] + (i < lines - 1 || random(2) ? ends[random(3)] : '');
      expect([text, parseHeaders(text).headers.entries]).toEqual([text, referenceEntries(text)]);
    }
  });
});

describe('parseWheelInfo', () => {
  it('reads WHEEL', () => {
    const info = parseWheelInfo(
      'Wheel-Version: 1.0\nGenerator: bdist_wheel (0.43.0)\nRoot-Is-Purelib: false\nTag: cp311-cp311-manylinux_2_17_x86_64\nTag: cp311-cp311-manylinux2014_x86_64\nBuild: 1\n\n',
    );
    expect(info).toMatchObject({
      wheelVersion: [1, 0],
      generator: 'bdist_wheel (0.43.0)',
      rootIsPurelib: false,
      tags: ['cp311-cp311-manylinux_2_17_x86_64', 'cp311-cp311-manylinux2014_x86_64'],
      build: '1',
    });
    expect(parseWheelInfo('Wheel-Version: 1.0\nRoot-Is-Purelib: True\nTag: py3-none-any\n').rootIsPurelib).toBe(true);
  });

  it('requires a MAJOR.MINOR Wheel-Version', () => {
    expect(() => parseWheelInfo('Root-Is-Purelib: true\n')).toThrow(/no Wheel-Version/);
    expect(() => parseWheelInfo('Wheel-Version: one\n', 'x.dist-info/WHEEL')).toThrow(/x\.dist-info\/WHEEL: Wheel-Version "one"/);
  });
});

describe('parseEntryPoints', () => {
  const text = [
    '# generated',
    '[console_scripts]',
    'flask = flask.cli:main',
    'tool-x=pkg.sub:Cls.run [cli, fast]',
    '',
    '; another comment',
    '[ gui_scripts ]',
    'app = app',
    '[flask.commands]',
    'routes = flask.cli:routes_command',
    '[console_scripts]',
    'flask = flask.cli:main2',
  ].join('\n');

  it('reads every entry point with its group, module, attr and extras', () => {
    const eps = parseEntryPoints(text);
    expect(eps).toHaveLength(5);
    expect(eps[0]).toEqual({ group: 'console_scripts', name: 'flask', value: 'flask.cli:main', module: 'flask.cli', attr: 'main', extras: [] });
    expect(eps[1]).toEqual({
      group: 'console_scripts',
      name: 'tool-x',
      value: 'pkg.sub:Cls.run [cli, fast]',
      module: 'pkg.sub',
      attr: 'Cls.run',
      extras: ['cli', 'fast'],
    });
    expect(eps[2]).toEqual({ group: 'gui_scripts', name: 'app', value: 'app', module: 'app', extras: [] });
  });

  it('groups with later duplicates winning', () => {
    const scripts = entryPointGroup(parseEntryPoints(text), 'console_scripts');
    expect(scripts.map((e) => [e.name, e.attr])).toEqual([
      ['flask', 'main2'],
      ['tool-x', 'Cls.run'],
    ]);
  });

  it('rejects lines outside a section or without =', () => {
    expect(() => parseEntryPoints('flask = flask.cli:main\n')).toThrow(/line 1: .* outside any \[section\]/);
    expect(() => parseEntryPoints('[console_scripts]\njust-a-name\n')).toThrow(/entry_points\.txt line 2/);
    expect(() => parseEntryPoints('[console_scripts]\nx = a b:c\n')).toThrow(InvalidMetadata);
  });

  it('parseEntryPointValue tolerates spaces around the colon', () => {
    expect(parseEntryPointValue('mod : func')).toEqual({ module: 'mod', attr: 'func', extras: [] });
  });
});

// src/pex/runtime.ts (the writer's interface) and the runtime's pure-Python pieces (tags, specifiers).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { renderMain, renderStub, runtimeFiles } from '../../src/pex/runtime.js';
import { findInterpreters } from '../helpers/pythons.js';
import { tempDir } from './pex-fixture.js';

const base = { pexHash: 'a'.repeat(40), entryPoint: 'app.cli:main', scriptEntry: null, inheritPath: 'false', venv: false, stripPexEnv: true } as const;

/** Runs Python code with the runtime package importable as `pexship_runtime`. */
function withRuntime(code: string, python = 'python3'): string {
  const dir = tempDir();
  for (const f of runtimeFiles()) {
    const p = path.join(dir, f.path);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, f.content);
  }
  const r = spawnSync(python, ['-c', `import sys; sys.path.insert(0, ${JSON.stringify(path.join(dir, '.bootstrap'))})\n${code}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('runtimeFiles', () => {
  it('lists the cold-path package under .bootstrap/pexship_runtime, sorted, without the main template', () => {
    const files = runtimeFiles();
    const paths = files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths.every((p) => p.startsWith('.bootstrap/pexship_runtime/') && p.endsWith('.py'))).toBe(true);
    expect(paths).toContain('.bootstrap/pexship_runtime/__init__.py');
    expect(paths).toContain('.bootstrap/pexship_runtime/boot.py');
    expect(paths.some((p) => p.endsWith('/main.py'))).toBe(false);
    expect(files.reduce((n, f) => n + f.content.length, 0)).toBeLessThan(100_000);
  });
});

describe('renderMain', () => {
  it('fills every constant with a Python literal', () => {
    const out = renderMain({ ...base, scriptEntry: null, inheritPath: 'prefer', venv: true });
    expect(out).toContain(`PEX_HASH = '${'a'.repeat(40)}'`.replace(/'/g, '"'));
    expect(out).toContain('ENTRY_POINT = "app.cli:main"');
    expect(out).toContain('SCRIPT_ENTRY = None');
    expect(out).toContain('INHERIT_PATH = "prefer"');
    expect(out).toContain('VENV = True');
    expect(out).toContain('STRIP_PEX_ENV = True');
    expect(out).not.toMatch(/'@[A-Z_]+@'/);
  });

  it('compiles on every CPython found, and so does the __main__.py stub that runs it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'main.py');
    const stub = path.join(dir, 'stub.py');
    writeFileSync(file, renderMain(base));
    writeFileSync(stub, renderStub(renderMain(base)));
    for (const py of findInterpreters().filter((p) => Number(p.minor.split('.')[1]) >= 6)) {
      for (const f of [file, stub]) {
        const r = spawnSync(py.executable, ['-c', `import sys; compile(open(sys.argv[1]).read(), 'main', 'exec')`, f], { encoding: 'utf8' });
        expect(r.status, `${py.minor}: ${r.stderr}`).toBe(0);
      }
    }
  });

  it('the stub names the bootstrap by its sha1, so a changed bootstrap never runs stale cached bytecode', () => {
    const a = renderStub(renderMain(base));
    const b = renderStub(renderMain({ ...base, entryPoint: 'app.other:main' }));
    expect(a).toMatch(/^BOOT_HASH = "[0-9a-f]{40}"/m);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThan(3000); // compiled on every start: it must stay small
  });

  it('rejects entry points that are not MODULE[:ATTR] and bad hashes', () => {
    expect(() => renderMain({ ...base, entryPoint: 'app; import os' })).toThrow(UsageError);
    expect(() => renderMain({ ...base, entryPoint: 'app:main\nimport os' })).toThrow(/-e\/--entry-point/);
    expect(() => renderMain({ ...base, entryPoint: null, scriptEntry: 'nocolon' })).toThrow(UsageError);
    expect(() => renderMain({ ...base, pexHash: 'xyz' })).toThrow(/pexHash/);
    expect(renderMain({ ...base, entryPoint: 'pkg.mod:Class.method' })).toContain('"pkg.mod:Class.method"');
  });
});

describe('supported tags (Python)', () => {
  it.skipIf(process.platform !== 'linux' || process.arch !== 'x64')('on glibc x86_64: manylinux down to 2_5 with legacy aliases, abi3 for older minors, pure tags', () => {
    const out = JSON.parse(withRuntime(`
import json, sys
from pexship_runtime import tags
t = tags.supported_tags()
me = 'cp%d%d' % sys.version_info[:2]
print(json.dumps({
  'm2014': (me, me, 'manylinux2014_x86_64') in t, 'm1': (me, me, 'manylinux1_x86_64') in t,
  'm2_5': (me, 'abi3', 'manylinux_2_5_x86_64') in t, 'abi3_old': ('cp32', 'abi3', 'linux_x86_64') in t,
  'abi3_new': ('cp%d%d' % (sys.version_info[0], sys.version_info[1] + 1), 'abi3', 'linux_x86_64') in t,
  'other_cp': ('cp27', 'cp27mu', 'manylinux1_x86_64') in t, 'pure': ('py3', 'none', 'any') in t,
  'py2': ('py2', 'none', 'any') in t, 'musl': any(p.startswith('musllinux') for (_, _, p) in t),
  'arm': any(p.endswith('aarch64') for (_, _, p) in t),
  'glibc': tags.glibc_version() is not None,
}))
`));
    expect(out).toEqual({ m2014: true, m1: true, m2_5: true, abi3_old: true, abi3_new: false, other_cp: false, pure: true, py2: false, musl: false, arm: false, glibc: true });
  });

  it('parses wheel file names, expanding compressed tag sets', () => {
    const out = withRuntime(`
from pexship_runtime import tags
n, v, t = tags.parse_wheel_name('MarkupSafe-2.1.5-1build-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl')
print(n, v, sorted(t))
print(sorted(tags.parse_wheel_name('six-1.16.0-py2.py3-none-any.whl')[2]))
print(tags.parse_wheel_name('nope.tar.gz'), tags.parse_wheel_name('a-1-py3-any.whl'))
`);
    expect(out).toBe(
      "MarkupSafe 2.1.5 [('cp311', 'cp311', 'manylinux2014_x86_64'), ('cp311', 'cp311', 'manylinux_2_17_x86_64')]\n" +
        "[('py2', 'none', 'any'), ('py3', 'none', 'any')]\n" +
        'None None\n',
    );
  });
});

describe('version specifiers (Python)', () => {
  it('matches Requires-Python and pex-style interpreter constraints', () => {
    const cases: [string, string, boolean][] = [
      ['3.11.7', '>=3.8', true],
      ['3.11.7', '>=3.8,<3.11', false],
      ['3.11.7', '==3.11.*', true],
      ['3.11.7', '!=3.11.*', false],
      ['3.11.7', '~=3.10', true],
      ['3.11.7', '~=3.10.0', false],
      ['3.9.0', '>=3.9.5', false],
      ['3.11.0', '==3.11', true],
      ['3.6.15', '>=2.7, !=3.0.*, !=3.1.*', true],
      ['3.13.0', '<3.13.0rc1', false],
      ['3.12.1', '>3.12.1', false],
      ['3.12.1', '', true],
    ];
    const out = withRuntime(`
import json
from pexship_runtime import specifiers as s
cases = json.loads(${JSON.stringify(JSON.stringify(cases))})
print(json.dumps([s.matches(v, spec) for v, spec, _ in cases]))
print(json.dumps([s.constraint_matches(c, 'CPython', '3.11.7') for c in ['CPython>=3.9,<3.14', 'cpython==3.11.*', '>=3.12', 'PyPy', 'PyPy>=3.9']]))
`);
    const [matches, constraints] = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(matches).toEqual(cases.map((c) => c[2]));
    expect(constraints).toEqual([true, true, false, false, false]);
  });
});

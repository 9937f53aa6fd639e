// Interpreter fit: constraints, wheel tags, requires_python, several targets, re-exec, every CPython 3.8–3.13.
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWheel } from '../helpers/make-wheel.js';
import { findInterpreter } from '../helpers/pythons.js';
import { buildPex, runPex, tempDir } from './pex-fixture.js';

const py39 = findInterpreter('3.9');
const py312 = findInterpreter('3.12');
const twoPythons = Boolean(py39 && py312);
const REPORT = 'import sys\ndef main():\n    print("%d.%d" % sys.version_info[:2], sys.argv[1:])\n    return 3\n';

let dir: string;
let emptyPath: string;

beforeAll(() => {
  dir = tempDir();
  emptyPath = path.join(dir, 'empty-path'); // PATH for runs that must not find other interpreters
  mkdirSync(emptyPath);
});

describe.skipIf(!twoPythons)('interpreter constraints and re-exec (needs CPython 3.9 and 3.12)', () => {
  let pex: string;
  beforeAll(async () => {
    pex = await buildPex(path.join(dir, 'ic.pex'), { sources: { 'app.py': REPORT }, entryPoint: 'app:main', interpreterConstraints: ['CPython>=3.12,<3.14'] });
  });

  it('fails with a message naming the constraint, the interpreter and what to do', () => {
    const r = runPex(py39!.executable, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-ic'), PATH: emptyPath } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('this PEX needs CPython>=3.12,<3.14');
    expect(r.stderr).toContain(py39!.executable);
    expect(r.stderr).toContain('CPython 3.9.');
    expect(r.stderr).toContain('run it with python3.13 or set PEX_PYTHON');
    expect(r.stderr).not.toContain('Traceback');
  });

  it('PEX_PYTHON re-executes with that interpreter, passing arguments and the exit code through', () => {
    const r = runPex(py39!.executable, pex, ['a', 'b'], { env: { PEX_ROOT: path.join(dir, 'root-ic'), PATH: emptyPath, PEX_PYTHON: py312!.executable } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
    expect(r.stdout).toBe("3.12 ['a', 'b']\n");
  });

  it('finds a fitting interpreter on PEX_PYTHON_PATH by itself', () => {
    const bin = path.join(dir, 'ppp-bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(py312!.executable, path.join(bin, 'python3.12'));
    const r = runPex(py39!.executable, pex, ['c'], { env: { PEX_ROOT: path.join(dir, 'root-ic'), PATH: emptyPath, PEX_PYTHON_PATH: bin } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("3.12 ['c']\n");
  });

  it('PEX_PYTHON naming nothing is a clear error', () => {
    const r = runPex(py39!.executable, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-ic'), PATH: emptyPath, PEX_PYTHON: 'python9.9' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PEX_PYTHON=python9.9 does not name an interpreter here');
  });
});

describe.skipIf(!twoPythons)('wheel tags (needs CPython 3.9 and 3.12)', () => {
  let cp312Wheel: string;
  let pureWheel: string;
  beforeAll(async () => {
    cp312Wheel = await makeWheel(path.join(dir, 'w312'), { name: 'native', version: '1.0', tag: 'cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64', files: { 'native.py': "KIND = 'cp312'\n" } });
    pureWheel = await makeWheel(path.join(dir, 'wpure'), { name: 'native', version: '1.0', tag: 'py3-none-any', files: { 'native.py': "KIND = 'pure'\n" } });
  });

  it.skipIf(process.platform !== 'linux' || process.arch !== 'x64')('a wheel for another CPython: the message names the wheel, the interpreter and the fix', async () => {
    const pex = await buildPex(path.join(dir, 'tag.pex'), { wheels: [cp312Wheel], sources: { 'app.py': REPORT }, entryPoint: 'app:main' });
    const r = runPex(py39!.executable, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-tag'), PATH: emptyPath } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('this PEX needs CPython 3.12 (wheel native-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl does not fit');
    expect(r.stderr).toContain(py39!.executable);
    expect(r.stderr).toContain('run it with python3.12 or set PEX_PYTHON');
    // With a fitting interpreter on PATH, it re-executes by itself, trying python3.12 first.
    const bin = path.join(dir, 'tag-bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(py312!.executable, path.join(bin, 'python3.12'));
    const ok = runPex(py39!.executable, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-tag'), PATH: bin } });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toBe('3.12 []\n');
  });

  it('a wheel for another platform names the platform', async () => {
    const mac = await makeWheel(path.join(dir, 'wmac'), { name: 'macwheel', version: '1.0', tag: 'py3-none-macosx_11_0_arm64', files: { 'macwheel.py': '' } });
    const pex = await buildPex(path.join(dir, 'mac.pex'), { wheels: [mac], sources: { 'app.py': REPORT }, entryPoint: 'app:main' });
    const r = runPex(py312!.executable, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-mac'), PATH: emptyPath } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('this PEX needs a macosx_11_0_arm64 platform (wheel macwheel-1.0-py3-none-macosx_11_0_arm64.whl does not fit');
  });

  it('requires_python is checked', async () => {
    const w = await makeWheel(path.join(dir, 'wrp'), { name: 'modern', version: '1.0', requiresPython: '>=3.10', files: { 'modern.py': '' } });
    const pex = await buildPex(path.join(dir, 'rp.pex'), { wheels: [w], sources: { 'app.py': REPORT }, entryPoint: 'app:main' });
    const r = runPex(py39!.executable, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-rp'), PATH: emptyPath } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('this PEX needs Python >=3.10 (wheel modern-1.0-py3-none-any.whl requires it');
    const ok = runPex(py312!.executable, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-rp'), PATH: emptyPath } });
    expect(ok.status, ok.stderr).toBe(3);
  });

  it.skipIf(process.platform !== 'linux' || process.arch !== 'x64')('several targets: each interpreter gets the first target that fits', async () => {
    const names = [path.basename(cp312Wheel), path.basename(pureWheel)];
    const pex = await buildPex(path.join(dir, 'multi.pex'), {
      wheels: [cp312Wheel, pureWheel],
      targets: [
        { platform: 'manylinux2014_x86_64-cp-312-cp312', wheels: [names[0]] },
        { platform: 'manylinux2014_x86_64-cp-39-cp39', wheels: [names[1]] },
      ],
      sources: { 'app.py': 'import native, sys\ndef main():\n    print(native.KIND)\n' },
      entryPoint: 'app:main',
    });
    for (const [py, kind] of [[py312!, 'cp312'], [py39!, 'pure']] as const) {
      for (let i = 0; i < 2; i++) {
        const r = runPex(py.executable, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-multi'), PATH: emptyPath } });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toBe(`${kind}\n`);
      }
    }
    const none = await buildPex(path.join(dir, 'multi-none.pex'), {
      wheels: [cp312Wheel],
      targets: [
        { platform: 'manylinux2014_x86_64-cp-312-cp312', wheels: [names[0]] },
        { platform: 'macosx_11_0_arm64-cp-312-cp312', wheels: [names[0]] },
      ],
      sources: { 'app.py': REPORT },
      entryPoint: 'app:main',
    });
    const r = runPex(py39!.executable, none, [], { env: { PEX_ROOT: path.join(dir, 'root-multi'), PATH: emptyPath } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('none of its 2 targets (manylinux2014_x86_64-cp-312-cp312, macosx_11_0_arm64-cp-312-cp312) fits');
  });
});

describe('a pure-Python PEX on every CPython 3.8–3.13', () => {
  let pex: string;
  beforeAll(async () => {
    const w = await makeWheel(path.join(dir, 'wany'), { name: 'anywhere', version: '1.0', files: { 'anywhere/__init__.py': 'def where():\n    return "ok"\n' } });
    pex = await buildPex(path.join(dir, 'any.pex'), {
      wheels: [w],
      sources: { 'app.py': 'import sys, anywhere\ndef main():\n    print("%d.%d" % sys.version_info[:2], anywhere.where())\n' },
      entryPoint: 'app:main',
      interpreterConstraints: ['CPython>=3.8,<3.14'],
    });
  });
  for (const minor of ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13']) {
    const py = findInterpreter(minor);
    it.skipIf(!py)(`runs on CPython ${minor}${py ? '' : ' (skipped: no CPython ' + minor + ' on this machine)'}`, () => {
      for (let i = 0; i < 2; i++) {
        const r = runPex(py!.executable, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-any'), PATH: emptyPath } });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toBe(`${minor} ok\n`);
      }
    });
  }
});

// Entry-point kinds, interpreter mode, overrides, exit codes, argv and environment handling.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWheel } from '../helpers/make-wheel.js';
import { defaultPython } from '../helpers/pythons.js';
import { buildPex, runPex, tempDir } from './pex-fixture.js';

const python = defaultPython().executable;

// Reports what user code sees; the first lines run before anything else it imports.
const PROBE = `import sys
BOOT_MODULES = sorted(m for m in ('zipfile', 'json', 'hashlib', 'subprocess', 'pexship_runtime') if m in sys.modules)
import json, os

def report(kind):
    print(json.dumps({'kind': kind, 'argv': sys.argv, 'boot_modules': BOOT_MODULES, 'name': __name__,
                      'pex_env': sorted(k for k in os.environ if k.startswith('PEX_')),
                      'main_file': getattr(sys.modules['__main__'], '__file__', None)}))

def main():
    report('func')
    return int(os.environ.get('EXIT_WITH', '0'))

def boom():
    raise ValueError('boom from user code')

def leave():
    sys.exit(int(os.environ.get('EXIT_WITH', '0')))
`;

let dir: string;
let wheel: string;
const sources = {
  'app/__init__.py': '',
  'app/probe.py': PROBE,
  'app/modmain.py': "from app.probe import report\nif __name__ == '__main__':\n    report('module')\n",
  'app/cli/__init__.py': '',
  'app/cli/__main__.py': "from app.probe import report\nreport('package-main')\n",
  'tool.py': "import sys\nprint('tool', sys.argv[1:])\n",
};

function json(stdout: string): any {
  const line = stdout.trim().split('\n').pop()!;
  return JSON.parse(line);
}

beforeAll(async () => {
  dir = tempDir();
  wheel = await makeWheel(dir, {
    name: 'greet',
    version: '1.0',
    files: {
      'greet/__init__.py': "import sys\ndef hello():\n    print('hello', sys.argv[1:])\n    return 0\n",
      'greet/extra.py': "def shout():\n    print('SHOUT')\n",
      'greet-1.0.data/scripts/greet-data': "#!python\nimport sys\nprint('data script', sys.argv[1:])\n",
    },
    consoleScripts: { greet: 'greet:hello', 'greet-shout': 'greet.extra:shout' },
  });
});

async function pexWith(name: string, spec: Parameters<typeof buildPex>[1]): Promise<string> {
  return buildPex(path.join(dir, name), { wheels: [wheel], sources, ...spec });
}

describe('entry points', () => {
  it('mod:func runs sys.exit(func()) with argv[0] the PEX, cold then warm, without cold-path modules when warm', async () => {
    const pex = await pexWith('func.pex', { entryPoint: 'app.probe:main' });
    const env = { PEX_ROOT: path.join(dir, 'root-func'), EXIT_WITH: '7' };
    const cold = runPex(python, pex, ['a', '--b'], { env });
    expect(cold.stderr).toBe('');
    expect(cold.status).toBe(7);
    const warm = runPex(python, pex, ['a', '--b'], { env });
    expect(warm.status).toBe(7);
    const out = json(warm.stdout);
    expect(out).toMatchObject({ kind: 'func', argv: [pex, 'a', '--b'], name: 'app.probe' });
    // Compared with plain python: a site .pth file may import some of these in every process.
    const { spawnSync } = await import('node:child_process');
    const baselineCode = PROBE.split('\n').slice(0, 2).join('\n') + '\nimport json\nprint(json.dumps(BOOT_MODULES))';
    const baseline = spawnSync(python, ['-c', baselineCode], { encoding: 'utf8' });
    expect(out.boot_modules).toEqual(JSON.parse(baseline.stdout));
    expect(out.boot_modules).not.toContain('pexship_runtime');
    expect(json(cold.stdout).argv).toEqual(out.argv);
  });

  it('-m style module entry runs it as __main__, argv[0] stays the PEX', async () => {
    const pex = await pexWith('mod.pex', { entryPoint: 'app.modmain' });
    const env = { PEX_ROOT: path.join(dir, 'root-mod') };
    for (let i = 0; i < 2; i++) {
      const r = runPex(python, pex, ['x'], { env });
      expect(r.status, r.stderr).toBe(0);
      expect(json(r.stdout)).toMatchObject({ kind: 'module', argv: [pex, 'x'] });
      expect(json(r.stdout).main_file).toMatch(/app[/\\]modmain\.py$/);
    }
  });

  it('a package entry runs its __main__', async () => {
    const pex = await pexWith('pkg.pex', { entryPoint: 'app.cli' });
    const r = runPex(python, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-pkg') } });
    expect(r.status, r.stderr).toBe(0);
    expect(json(r.stdout).kind).toBe('package-main');
  });

  it('a console script entry (script_entry) runs its function', async () => {
    const pex = await pexWith('script.pex', { script: 'greet' });
    for (let i = 0; i < 2; i++) {
      const r = runPex(python, pex, ['world'], { env: { PEX_ROOT: path.join(dir, 'root-script') } });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe("hello ['world']\n");
    }
  });

  it('strips PEX_* variables before user code runs', async () => {
    const pex = await pexWith('env.pex', { entryPoint: 'app.probe:main' });
    const r = runPex(python, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-env'), PEX_VERBOSE: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect(json(r.stdout).pex_env).toEqual([]);
    expect(r.stderr).toContain('pexship[');
  });
});

describe('exit codes', () => {
  it('an exception in user code prints the traceback and exits 1', async () => {
    const pex = await pexWith('boom.pex', { entryPoint: 'app.probe:boom' });
    for (let i = 0; i < 2; i++) {
      const r = runPex(python, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-boom') } });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('Traceback (most recent call last)');
      expect(r.stderr).toContain('ValueError: boom from user code');
    }
  });

  it('SystemExit codes pass through', async () => {
    const pex = await pexWith('exit.pex', { entryPoint: 'app.probe:leave' });
    const r = runPex(python, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-exit'), EXIT_WITH: '42' } });
    expect(r.status).toBe(42);
  });

  it('a missing entry module is a clear error, exit 1', async () => {
    // The build refuses such an entry point (test/pex/entry-check.test.ts); PEX_MODULE can still name one.
    const pex = await pexWith('missing.pex', { entryPoint: 'app.probe:main' });
    const r = runPex(python, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-missing'), PEX_MODULE: 'app.nothere' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("no module named 'app.nothere'");
  });
});

describe('interpreter mode', () => {
  let plain: string;
  beforeAll(async () => {
    plain = await pexWith('plain.pex', {});
  });
  const env = () => ({ PEX_ROOT: path.join(dir, 'root-plain') });

  it('-c CODE sees the dependencies, argv like python -c', () => {
    for (let i = 0; i < 2; i++) {
      const r = runPex(python, plain, ['-c', 'import sys, greet; print(sys.argv)', 'x'], { env: env() });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe("['-c', 'x']\n");
    }
  });

  it('-m MOD runs a module from the PEX', () => {
    const r = runPex(python, plain, ['-m', 'app.modmain', 'y'], { env: env() });
    expect(r.status, r.stderr).toBe(0);
    expect(json(r.stdout).kind).toBe('module');
    expect(json(r.stdout).main_file).toMatch(/app[/\\]modmain\.py$/);
    expect(json(r.stdout).argv.slice(1)).toEqual(['y']);
  });

  it('FILE runs a script with the dependencies importable', () => {
    const script = path.join(dir, 'user-script.py');
    writeFileSync(script, "import sys, greet\nprint('script', sys.argv, __name__)\nsys.exit(5)\n");
    const r = runPex(python, plain, [script, 'z'], { env: env() });
    expect(r.status).toBe(5);
    expect(r.stdout).toBe(`script ['${script}', 'z'] __main__\n`);
  });

  it('stdin is read as a script when no arguments are given', () => {
    const r = runPex(python, plain, [], { env: env(), input: 'import greet\nprint("from stdin")\n' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('from stdin\n');
  });

  it('an exception under -c exits 1 with a traceback', () => {
    const r = runPex(python, plain, ['-c', 'raise KeyError("k")'], { env: env() });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("KeyError: 'k'");
  });

  it('PEX_INTERPRETER=1 overrides the entry point (-c, -m, file)', async () => {
    const pex = await pexWith('forced.pex', { entryPoint: 'app.probe:boom' });
    const e = { PEX_ROOT: path.join(dir, 'root-forced'), PEX_INTERPRETER: '1' };
    const c = runPex(python, pex, ['-c', 'import greet, os; print("ok", sorted(k for k in os.environ if k.startswith("PEX_")))'], { env: e });
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toBe('ok []\n');
    const m = runPex(python, pex, ['-m', 'tool', 'q'], { env: e });
    expect(m.stdout).toBe("tool ['q']\n");
    const script = path.join(dir, 'forced-script.py');
    writeFileSync(script, "import greet\nprint('file ok')\n");
    const f = runPex(python, pex, [script], { env: e });
    expect(f.stdout).toBe('file ok\n');
  });

  it('an unsupported interpreter option is named', () => {
    const r = runPex(python, plain, ['-X', 'dev'], { env: env() });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('interpreter option -X is not supported');
  });
});

describe('overrides', () => {
  it('PEX_MODULE replaces the entry point (module and module:function)', async () => {
    const pex = await pexWith('override.pex', { entryPoint: 'app.probe:boom' });
    const root = path.join(dir, 'root-override');
    const m = runPex(python, pex, ['1'], { env: { PEX_ROOT: root, PEX_MODULE: 'tool' } });
    expect(m.status, m.stderr).toBe(0);
    expect(m.stdout).toBe("tool ['1']\n");
    const f = runPex(python, pex, [], { env: { PEX_ROOT: root, PEX_MODULE: 'greet.extra:shout' } });
    expect(f.stdout).toBe('SHOUT\n');
  });

  it('PEX_SCRIPT runs a console script or a .data/scripts file, and names the choices when unknown', async () => {
    const pex = await pexWith('pexscript.pex', { entryPoint: 'app.probe:boom' });
    const root = path.join(dir, 'root-pexscript');
    const s = runPex(python, pex, ['there'], { env: { PEX_ROOT: root, PEX_SCRIPT: 'greet' } });
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout).toBe("hello ['there']\n");
    const d = runPex(python, pex, ['d'], { env: { PEX_ROOT: root, PEX_SCRIPT: 'greet-data' } });
    expect(d.status, d.stderr).toBe(0);
    expect(d.stdout).toBe("data script ['d']\n");
    const bad = runPex(python, pex, [], { env: { PEX_ROOT: root, PEX_SCRIPT: 'nope' } });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('PEX_SCRIPT=nope: no console script or script of that name in this PEX (it has: greet, greet-data, greet-shout)');
  });

  it('runs when executed directly through its shebang', async () => {
    const pex = await buildPex(path.join(dir, 'shebang.pex'), { sources, entryPoint: 'app.probe:main', shebang: '/usr/bin/env python3' });
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(pex, ['s'], { env: { PATH: process.env.PATH, PEX_ROOT: path.join(dir, 'root-shebang') }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(json(r.stdout).argv).toEqual([pex, 's']);
  });
});

// Runtime compatibility: classes of real applications that run from a virtualenv (and from pex) must run from
// our PEX too. Each class has a real-shaped fixture (compat-fixtures.ts) and a case of compat-app.py, run on
// every CPython 3.8-3.13 this machine has (a missing one is skipped and named).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findInterpreter, findInterpreters } from '../helpers/pythons.js';
import { coverageLike, extensionWheel, lokyLike, namespaceHalves, pluginsAndResources, scriptsWheel, setuptoolsLike, shadowed } from './compat-fixtures.js';
import { buildPex, runPex, tempDir } from './pex-fixture.js';

const APP = readFileSync(new URL('./compat-app.py', import.meta.url), 'utf8');
const WORKERS = `import os


def square(x):
    return x * x


def report(queue):
    import distutils
    import shadowed
    queue.put([shadowed.WHERE, 'setuptools' in distutils.__file__])
`;
const MINORS = ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13'];
// An `-e module` entry (not module:func): multiprocessing's spawn children re-run this file, not the PEX.
const MODULE_ENTRY = 'import sys\n\nimport app\n\nif __name__ == "__main__":\n    sys.exit(app.main())\n';

let dir: string;
let pureWheels: string[];
let toolsWheel: string;

beforeAll(async () => {
  dir = tempDir('pexship-compat-');
  pureWheels = [
    await setuptoolsLike(dir),
    await coverageLike(dir),
    ...(await namespaceHalves(dir)),
    await shadowed(dir),
    ...(await pluginsAndResources(dir)),
    await lokyLike(dir),
  ];
  toolsWheel = await scriptsWheel(dir);
});

function json(r: SpawnSyncReturns<string>): Record<string, unknown> {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

const PTH_EXPECTED = {
  distutils: path.join('_distutils', '__init__.py'),
  distutils_in_pex: true,
  nsorg: ['alpha', 'beta'],
  extra: 'extra',
  covhook_starts: 1,
};

for (const minor of MINORS) {
  const py = findInterpreter(minor);
  describe.skipIf(!py)(`CPython ${minor}${py ? '' : ` (skipped: no CPython ${minor} on this machine)`}`, () => {
    const python = py?.executable ?? '';
    let work: string;
    let pex: string;
    let venvPex: string;
    let modulePex: string;
    let root: string;
    const run = (args: string[], env: Record<string, string> = {}, target = pex) => runPex(python, target, args, { env: { PEX_ROOT: root, ...env } });

    beforeAll(async () => {
      work = path.join(dir, `py${minor}`);
      mkdirSync(work);
      root = path.join(work, 'root');
      const wheels = [...pureWheels, toolsWheel, await extensionWheel(work, python, minor)];
      const sources = { 'app.py': APP, 'workers.py': WORKERS, 'modapp.py': MODULE_ENTRY };
      pex = await buildPex(path.join(work, 'app.pex'), { wheels, sources, entryPoint: 'app:main' });
      modulePex = await buildPex(path.join(work, 'module.pex'), { wheels, sources, entryPoint: 'modapp' });
      venvPex = await buildPex(path.join(work, 'venv.pex'), { wheels, sources, entryPoint: 'app:main', venv: true });
    });

    it('.pth files of the wheels run as site runs them: distutils from setuptools, a coverage-like hook once, -nspkg.pth, path lines (zip cold and warm, --venv)', () => {
      const log = path.join(work, 'covhook.log');
      for (const target of [pex, pex]) expect(json(run(['pth'], { COVHOOK_PROCESS_START: log }, target))).toEqual(PTH_EXPECTED);
      expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(2);
    });

    it('--venv: each .pth file runs exactly once per start (site reads a venv\'s site-packages twice), cold and warm', () => {
      const log = path.join(work, 'covhook-venv.log');
      for (const target of [venvPex, venvPex]) expect(json(run(['pth'], { COVHOOK_PROCESS_START: log }, target))).toEqual(PTH_EXPECTED);
      // One line per start: the .pth's hook appended once in each of the two runs.
      expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(2);
    });

    it("modules the host's .pth and sitecustomize imported do not shadow the PEX's; the standard library stays", () => {
      const venv = path.join(work, 'host-venv');
      const made = spawnSync(python, ['-m', 'venv', '--without-pip', venv], { encoding: 'utf8' });
      expect(made.status, made.stderr).toBe(0);
      const venvPython = path.join(venv, 'bin', 'python');
      const site = spawnSync(venvPython, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).stdout.trim();
      writeFileSync(path.join(site, 'shadowed.py'), "WHERE = 'host'\n");
      mkdirSync(path.join(site, 'alsoshadowed'));
      writeFileSync(path.join(site, 'alsoshadowed', '__init__.py'), "WHERE = 'host'\n");
      writeFileSync(path.join(site, 'host-imports.pth'), 'import shadowed\n');
      writeFileSync(path.join(site, 'sitecustomize.py'), 'import alsoshadowed\n');
      const check = spawnSync(venvPython, ['-c', 'import sys; print(sys.modules["shadowed"].WHERE, sys.modules["alsoshadowed"].WHERE)'], { encoding: 'utf8' });
      expect(check.stdout).toBe('host host\n'); // the host really imports them before any code of ours
      for (let i = 0; i < 2; i++) {
        expect(json(runPex(venvPython, pex, ['isolation'], { env: { PEX_ROOT: root } }))).toEqual({ shadowed: 'pex', alsoshadowed: 'pex', stdlib: 'email.message' });
      }
      // So do multiprocessing spawn children, whose interpreter runs the host's site again, also those of an
      // `-e module` entry (they re-run the module's file, not the PEX), and `sys.executable -m` workers.
      for (const target of [pex, modulePex]) {
        for (const method of ['spawn', 'forkserver']) {
          expect(json(runPex(venvPython, target, ['workers', method], { env: { PEX_ROOT: root } }))).toEqual({ squares: [1, 4, 9], child_exit: 0, child_sees_wheel: ['pex', true] });
        }
      }
      expect(json(runPex(venvPython, pex, ['child_module'], { env: { PEX_ROOT: root } }))).toMatchObject({ result: 49, where: 'pex', exit: 0 });
      // inherit_path: the host's own modules are kept when the PEX asks to see the host's site-packages.
      expect(json(runPex(venvPython, pex, ['isolation'], { env: { PEX_ROOT: root, PEX_INHERIT_PATH: 'prefer' } }))).toEqual({ shadowed: 'host', alsoshadowed: 'host', stdlib: 'email.message' });
    });

    it('PEX_SCRIPT runs .data/scripts: a native binary and a shell script as programs (argv, env, exit code, signal), a Python script in-process', () => {
      for (let i = 0; i < 2; i++) {
        let r = run(['one', '9'], { PEX_SCRIPT: 'nativetool', TOOL_ENV: 'v' });
        expect(r.stdout).toBe('native argc=3 first=one env=v\n');
        expect(r.status).toBe(9);
        r = run(['term'], { PEX_SCRIPT: 'nativetool' });
        expect(r.signal).toBe('SIGTERM');
        r = run(['a', '7'], { PEX_SCRIPT: 'shtool', TOOL_ENV: 'w' });
        expect(r.stdout).toBe('sh args=2 first=a env=w\n');
        expect(r.status).toBe(7);
        r = run(['b', '5'], { PEX_SCRIPT: 'pytool' });
        expect(r.stdout).toBe("py args=['b', '5']\n");
        expect(r.status).toBe(5);
      }
      const r = run([], { PEX_SCRIPT: 'nativetool' }, venvPex);
      expect(r.stdout).toBe('native argc=1 first=- env=-\n');
      expect(r.status).toBe(0);
    });

    it('sys.argv[0] is the absolute PEX path; a Django-like autoreloader re-runs the PEX after chdir (zip and --venv)', () => {
      const elsewhere = path.join(work, 'elsewhere');
      mkdirSync(elsewhere, { recursive: true });
      const rel = runPex(python, 'app.pex', ['argv0'], { env: { PEX_ROOT: root }, cwd: work });
      expect(json(rel)).toEqual({ argv0: pex, isabs: true });
      for (const target of ['app.pex', 'venv.pex']) {
        const r = runPex(python, target, ['autoreload', elsewhere], { env: { PEX_ROOT: root }, cwd: work });
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe(`child ok in ${elsewhere}\n`);
        expect(r.status).toBe(0);
      }
    });

    it('multiprocessing spawn and forkserver workers, and a forking socket server, import from the PEX (zip and --venv)', () => {
      for (const target of [pex, venvPex]) {
        for (const method of ['spawn', 'forkserver']) {
          // The child sees the wheels, and their .pth files ran there too (distutils comes from setuptools).
          expect(json(run(['workers', method], {}, target))).toEqual({ squares: [1, 4, 9], child_exit: 0, child_sees_wheel: ['pex', true] });
        }
      }
      expect(json(run(['forking_server']))).toEqual({ forked: true, where: ['pex', 'pex'] });
    });

    it('sys.executable children import from the PEX in zip mode (a loky-shaped `-m` worker, a plain -c), isolated, .pth files run once; another interpreter sees nothing of it', () => {
      const other = findInterpreters().find((i) => i.minor !== minor && MINORS.includes(i.minor));
      expect(other, 'a second CPython 3.8-3.13 to check that other interpreters do not see the PEX').toBeDefined();
      const version = minor.split('.').map(Number);
      for (const target of [pex, pex, venvPex]) {
        const log = path.join(work, `covhook-child-${path.basename(target)}.log`);
        const env = { COVHOOK_PROCESS_START: log };
        expect(json(run(['child_module'], env, target))).toEqual({ result: 49, where: 'pex', distutils_in_pex: true, covhook_starts: 1, version, exit: 0 });
        expect(json(run(['child_plain', other!.executable], env, target))).toEqual({
          same: ['pex', true, 1, version],
          other_exit: 1,
          other_error: "ModuleNotFoundError: No module named 'shadowed'",
          pythonpath: null,
        });
      }
      // A PEX built with inherit_path (or run with PEX_INHERIT_PATH) gives its children the host's site-packages too.
      expect(json(run(['child_module'], { PEX_INHERIT_PATH: 'fallback' }))).toMatchObject({ result: 49, where: 'pex', exit: 0 });
    });

    it('plugins found by entry points, importlib.metadata and importlib.resources', () => {
      expect(json(run(['plugins']))).toEqual({ plugins: ['core=runner-core', 'x=plugin-x'], version: '0.3' });
      expect(json(run(['resources']))).toEqual({ text: 'hello from package data\n' });
    });

    it('a compiled extension linked to a library vendored in <name>.libs (zip and --venv)', () => {
      for (const target of [pex, venvPex]) expect(json(run(['extension'], {}, target))).toEqual({ answer: 42 });
    });

    it('exit codes and signals pass through', () => {
      let r = run(['exit_with', '3']);
      expect(r.stdout).toBe('exiting 3\n');
      expect(r.status).toBe(3);
      r = run(['sigterm']);
      expect(r.stdout).toBe('terminating\n');
      expect(r.signal).toBe('SIGTERM');
      r = run(['exit_with', '4'], {}, venvPex);
      expect(r.status).toBe(4);
    });

    it('an unzipped PEX folder runs (python DIR and python DIR/__main__.py) with an empty cache, and so does a PEX without its shebang prefix', () => {
      const unzipped = path.join(work, 'unzipped');
      const u = spawnSync('unzip', ['-q', pex, '-d', unzipped], { encoding: 'utf8' });
      expect(existsSync(path.join(unzipped, '__main__.py')), u.stderr).toBe(true); // unzip warns about the shebang prefix
      let n = 0;
      for (const target of [unzipped, path.join(unzipped, '__main__.py'), unzipped]) {
        const fresh = path.join(work, `root-unzipped-${n++}`);
        expect(json(runPex(python, target, ['pth'], { env: { PEX_ROOT: fresh } }))).toEqual({ ...PTH_EXPECTED, covhook_starts: 0 });
        const r = runPex(python, target, ['a', '2'], { env: { PEX_ROOT: fresh, PEX_SCRIPT: 'nativetool' } });
        expect(r.stdout).toBe('native argc=3 first=a env=-\n');
        expect(r.status).toBe(2);
        expect(json(runPex(python, target, ['argv0'], { env: { PEX_ROOT: fresh } }))).toEqual({ argv0: path.resolve(target), isabs: true });
      }
      const data = readFileSync(pex);
      const stripped = path.join(work, 'stripped.pex');
      writeFileSync(stripped, data.subarray(data.indexOf(10) + 1));
      expect(json(runPex(python, stripped, ['resources'], { env: { PEX_ROOT: path.join(work, 'root-stripped') } }))).toEqual({ text: 'hello from package data\n' });
      expect(readdirSync(path.join(work, 'root-stripped'))).toContain('pexes');
    });
  });
}

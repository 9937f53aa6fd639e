// --venv: a virtualenv under PEX_ROOT/venvs/<pex_hash>/<interpreter id>/ made on first run, exec'd after.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWheel } from '../helpers/make-wheel.js';
import { defaultPython } from '../helpers/pythons.js';
import { buildPex, runPex, tempDir } from './pex-fixture.js';

const python = defaultPython().executable;
const APP = `import json, os, sys
def main():
    import greet
    print(json.dumps({'prefix': sys.prefix, 'base': sys.base_prefix, 'argv': sys.argv, 'greet': greet.__file__,
                      'pex_env': sorted(k for k in os.environ if k.startswith('PEX_')),
                      'pp': any('pythonpath' in p for p in sys.path)}))
    return int(os.environ.get('EXIT_WITH', '0'))
`;

let dir: string;
let pex: string;

beforeAll(async () => {
  dir = tempDir();
  const shared1 = await makeWheel(dir, {
    name: 'greet',
    version: '1.0',
    files: { 'greet/__init__.py': "def hello():\n    print('hello from venv')\n", 'nspkg/one.py': 'X = 1\n' },
    consoleScripts: { greet: 'greet:hello' },
  });
  const shared2 = await makeWheel(dir, { name: 'other', version: '1.0', files: { 'nspkg/two.py': 'Y = 2\n' } });
  pex = await buildPex(path.join(dir, 'venv.pex'), { wheels: [shared1, shared2], sources: { 'app.py': APP }, entryPoint: 'app:main', venv: true });
  mkdirSync(path.join(dir, 'pythonpath'));
});

describe('venv mode', () => {
  it('makes the venv on first run and execs it on every run; argv, exit code and env as without venv', () => {
    const root = path.join(dir, 'root');
    const outs = [];
    for (let i = 0; i < 2; i++) {
      const r = runPex(python, pex, ['x'], { env: { PEX_ROOT: root, EXIT_WITH: '4', PYTHONPATH: path.join(dir, 'pythonpath') } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(4);
      outs.push(JSON.parse(r.stdout));
    }
    const [hash] = readdirSync(path.join(root, 'venvs'));
    const [id] = readdirSync(path.join(root, 'venvs', hash));
    const venv = path.join(root, 'venvs', hash, id);
    for (const out of outs) {
      expect(out.prefix).toBe(venv);
      expect(out.prefix).not.toBe(out.base);
      expect(out.argv).toEqual([pex, 'x']);
      expect(out.pex_env).toEqual([]);
      expect(out.pp).toBe(false);
      expect(out.greet.startsWith(venv)).toBe(true);
    }
    expect(readFileSync(path.join(venv, 'pyvenv.cfg'), 'utf8')).toContain('include-system-site-packages = false');
  });

  it('links wheels into site-packages, merging shared folders, and puts console scripts in bin/', () => {
    const root = path.join(dir, 'root');
    const [hash] = readdirSync(path.join(root, 'venvs'));
    const [id] = readdirSync(path.join(root, 'venvs', hash));
    const venv = path.join(root, 'venvs', hash, id);
    const site = spawnSync(path.join(venv, 'bin', 'python'), ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).stdout.trim();
    expect(lstatSync(path.join(site, 'greet')).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(site, 'nspkg')).isDirectory()).toBe(true); // two wheels share it: a real folder
    expect(readdirSync(path.join(site, 'nspkg')).sort()).toEqual(['one.py', 'two.py']);
    const script = spawnSync(path.join(venv, 'bin', 'greet'), [], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(script.status, script.stderr).toBe(0);
    expect(script.stdout).toBe('hello from venv\n');
  });

  it('PEX_INTERPRETER and PEX_SCRIPT work inside the venv', () => {
    const root = path.join(dir, 'root');
    const i = runPex(python, pex, ['-c', 'import sys, nspkg.one, nspkg.two; print(sys.prefix != sys.base_prefix)'], { env: { PEX_ROOT: root, PEX_INTERPRETER: '1' } });
    expect(i.status, i.stderr).toBe(0);
    expect(i.stdout).toBe('True\n');
    const s = runPex(python, pex, [], { env: { PEX_ROOT: root, PEX_SCRIPT: 'greet' } });
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout).toBe('hello from venv\n');
  });

  it('concurrent first runs make one venv and leave no temp folders', async () => {
    const root = path.join(dir, 'root-race');
    const codes = await Promise.all(
      Array.from({ length: 8 }, () => new Promise<number | null>((resolve) => {
        const child = spawn(python, [pex], { env: { PATH: process.env.PATH, PEX_ROOT: root }, stdio: 'ignore' });
        child.on('close', resolve);
      })),
    );
    expect(codes).toEqual(Array(8).fill(0));
    const [hash] = readdirSync(path.join(root, 'venvs'));
    expect(readdirSync(path.join(root, 'venvs', hash)).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    expect(existsSync(path.join(root, 'venvs', hash, readdirSync(path.join(root, 'venvs', hash))[0], 'pexship_main.py'))).toBe(true);
  });

  it('inherit_path fallback sees the inherited PYTHONPATH', async () => {
    writeFileSync(path.join(dir, 'pythonpath', 'ppmod.py'), "WHERE = 'pythonpath'\n");
    const fallback = await buildPex(path.join(dir, 'venv-fallback.pex'), {
      sources: { 'app.py': 'def main():\n    import ppmod\n    print(ppmod.WHERE)\n' },
      entryPoint: 'app:main',
      venv: true,
      inheritPath: 'fallback',
    });
    const r = runPex(python, fallback, [], { env: { PEX_ROOT: path.join(dir, 'root'), PYTHONPATH: path.join(dir, 'pythonpath') } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('pythonpath\n');
  });
});

// sys.path isolation: site-packages, user site and PYTHONPATH stay out unless inherit_path says otherwise.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWheel } from '../helpers/make-wheel.js';
import { defaultPython } from '../helpers/pythons.js';
import { buildPex, runPex, tempDir } from './pex-fixture.js';

// Reports which copy of each module is importable; run as the entry point (warm and cold paths).
const PROBE = `import json, os, sys
def where(name):
    try:
        module = __import__(name)
    except ImportError:
        return None
    return getattr(module, 'WHERE', 'yes')
def main():
    print(json.dumps({m: where(m) for m in ('sitepkg', 'shared', 'pp_mod', 'usermod', 'extra_mod')}))
`;

let dir: string;
let venvPython: string;
let sitePackages: string;
let userBase: string;
let wheel: string;
const pexes: Record<string, string> = {};

function run(pex: string, env: Record<string, string> = {}): Record<string, string | null> {
  const r = runPex(venvPython, pex, [], { env: { PEX_ROOT: path.join(dir, 'root'), ...env } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  dir = tempDir();
  // A venv stands in for an interpreter with packages installed in its site-packages.
  const venv = path.join(dir, 'venv');
  const made = spawnSync(defaultPython().executable, ['-m', 'venv', '--without-pip', venv], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  venvPython = path.join(venv, 'bin', 'python');
  sitePackages = spawnSync(venvPython, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).stdout.trim();
  mkdirSync(path.join(sitePackages, 'sitepkg'), { recursive: true });
  writeFileSync(path.join(sitePackages, 'sitepkg', '__init__.py'), "WHERE = 'site'\n");
  writeFileSync(path.join(sitePackages, 'shared.py'), "WHERE = 'site'\n");
  mkdirSync(path.join(dir, 'pythonpath'));
  writeFileSync(path.join(dir, 'pythonpath', 'pp_mod.py'), "WHERE = 'pythonpath'\n");
  mkdirSync(path.join(dir, 'extra'));
  writeFileSync(path.join(dir, 'extra', 'extra_mod.py'), "WHERE = 'extra'\n");
  userBase = path.join(dir, 'userbase');
  wheel = await makeWheel(dir, { name: 'shared', version: '1.0', files: { 'shared.py': "WHERE = 'pex'\n" } });
  for (const inherit of ['false', 'prefer', 'fallback'] as const) {
    pexes[inherit] = await buildPex(path.join(dir, `${inherit}.pex`), { wheels: [wheel], sources: { 'probe.py': PROBE }, entryPoint: 'probe:main', inheritPath: inherit });
  }
});

describe('inherit_path', () => {
  it('false: site-packages and PYTHONPATH are not importable, cold or warm', () => {
    for (let i = 0; i < 2; i++) {
      expect(run(pexes.false, { PYTHONPATH: path.join(dir, 'pythonpath') })).toEqual({
        sitepkg: null,
        shared: 'pex',
        pp_mod: null,
        usermod: null,
        extra_mod: null,
      });
    }
  });

  it('false: the user site is not importable', () => {
    const py = defaultPython().executable;
    const userSite = spawnSync(py, ['-c', 'import site; print(site.getusersitepackages())'], { env: { ...process.env, PYTHONUSERBASE: userBase }, encoding: 'utf8' }).stdout.trim();
    mkdirSync(userSite, { recursive: true });
    writeFileSync(path.join(userSite, 'usermod.py'), "WHERE = 'user'\n");
    const plain = spawnSync(py, ['-c', 'import usermod; print(usermod.WHERE)'], { env: { ...process.env, PYTHONUSERBASE: userBase }, encoding: 'utf8' });
    expect(plain.stdout).toBe('user\n'); // the interpreter itself sees it
    for (const inherit of ['false', 'fallback'] as const) {
      const r = runPex(py, pexes[inherit], [], { env: { PEX_ROOT: path.join(dir, 'root'), PYTHONUSERBASE: userBase } });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).usermod).toBe(inherit === 'false' ? null : 'user');
    }
  });

  it('fallback: inherited packages are importable, the PEX wins conflicts', () => {
    for (let i = 0; i < 2; i++) {
      expect(run(pexes.fallback, { PYTHONPATH: path.join(dir, 'pythonpath') })).toMatchObject({ sitepkg: 'site', shared: 'pex', pp_mod: 'pythonpath' });
    }
  });

  it('prefer: inherited packages are importable and win conflicts', () => {
    for (let i = 0; i < 2; i++) {
      expect(run(pexes.prefer, { PYTHONPATH: path.join(dir, 'pythonpath') })).toMatchObject({ sitepkg: 'site', shared: 'site', pp_mod: 'pythonpath' });
    }
  });

  it('PEX_INHERIT_PATH overrides PEX-INFO; a bad value is named', () => {
    expect(run(pexes.false, { PEX_INHERIT_PATH: 'prefer' })).toMatchObject({ sitepkg: 'site', shared: 'site' });
    const r = runPex(venvPython, pexes.false, [], { env: { PEX_ROOT: path.join(dir, 'root'), PEX_INHERIT_PATH: 'sometimes' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PEX_INHERIT_PATH=sometimes is not one of false, prefer, fallback');
  });

  it('PEX_EXTRA_SYS_PATH entries are appended', () => {
    expect(run(pexes.false, { PEX_EXTRA_SYS_PATH: path.join(dir, 'extra') })).toMatchObject({ extra_mod: 'extra', sitepkg: null });
  });

  it('the standard library stays importable and no site-packages entry remains', () => {
    const r = runPex(venvPython, pexes.false, ['-c', 'import sys, json, sqlite3, decimal; print(json.dumps(sys.path))'], {
      env: { PEX_ROOT: path.join(dir, 'root'), PEX_INTERPRETER: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    const sysPath: string[] = JSON.parse(r.stdout);
    expect(sysPath.filter((p) => p.includes('site-packages'))).toEqual([]);
    expect(sysPath.some((p) => p.includes(`${path.sep}installed_wheels${path.sep}`))).toBe(true);
    expect(sysPath).not.toContain(pexes.false);
  });

  it('as in a virtualenv running a script: the sources, then the standard library, then the wheels (a wheel cannot shadow the standard library), cold and warm', async () => {
    const shadow = await makeWheel(dir, { name: 'colorsys-shadow', version: '1.0', files: { 'colorsys.py': "WHERE = 'wheel'\n" } });
    const probe = 'import colorsys, json, os, sys\ndef main():\n    print(json.dumps([getattr(colorsys, "WHERE", "stdlib"), [os.path.basename(os.path.dirname(p)) for p in sys.path]]))\n';
    const pex = await buildPex(path.join(dir, 'order.pex'), { wheels: [wheel, shadow], sources: { 'probe.py': probe }, entryPoint: 'probe:main' });
    for (let i = 0; i < 2; i++) {
      const r = runPex(venvPython, pex, [], { env: { PEX_ROOT: path.join(dir, 'root') } });
      expect(r.status, r.stderr).toBe(0);
      const [colorsys, parents] = JSON.parse(r.stdout) as [string, string[]];
      expect(colorsys).toBe('stdlib');
      const firstWheel = parents.findIndex((p) => /^[0-9a-f]{64}$/.test(p));
      expect(parents.slice(0, 1)).toEqual(['code']);
      expect(parents.slice(1, firstWheel).length).toBeGreaterThan(0); // the standard library's entries
      expect(parents.slice(firstWheel).every((p) => /^[0-9a-f]{64}$/.test(p))).toBe(true);
    }
  });
});

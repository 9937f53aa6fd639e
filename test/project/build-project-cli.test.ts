// `pexship build .` end to end, as a user runs it: a src-layout pyproject project with a console script, package
// data, a dependency and an extra, built into a PEX that runs the script, answers importlib.metadata and reads
// its data with importlib.resources; applications with no dependencies; requires-python against targets; lock.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeWheel } from '../helpers/make-wheel.js';
import { defaultPython } from '../helpers/pythons.js';

let work: string;
let wheels: string;
const python = defaultPython();

function writeTree(dir: string, files: Record<string, string>): string {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const APP = `import importlib.metadata, importlib.resources, sys
from greet import hello

def main():
    data = importlib.resources.files("myapp").joinpath("data/config.json").read_text()
    print(hello(), importlib.metadata.version("myapp"), data.strip(), sys.argv[1:])
`;

function project(name: string, extra = ''): string {
  return writeTree(path.join(work, name), {
    'pyproject.toml': `[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "myapp"\nversion = "2.3.1"\nrequires-python = ">=3.8"\ndependencies = ["greet>=1"]\n\n[project.optional-dependencies]\nloud = ["shout"]\n\n[project.scripts]\nmyapp = "myapp.cli:main"\n${extra}`,
    'src/myapp/__init__.py': '',
    'src/myapp/cli.py': APP,
    'src/myapp/data/config.json': '{"port": 8080}\n',
    // A stale egg-info from an old `pip install -e .` must not end up in the PEX.
    'src/myapp.egg-info/PKG-INFO': 'Name: myapp\nVersion: 0.0.1\n',
  });
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'pexship-project-'));
  wheels = path.join(work, 'wheels');
  await makeWheel(wheels, { name: 'greet', version: '1.0', files: { 'greet.py': 'def hello():\n    return "hello"\n' } });
  await makeWheel(wheels, { name: 'shout', version: '1.0', files: { 'shout.py': 'X = 1\n' } });
});

describe('pexship build of a local project', () => {
  it('`pexship build .` runs the console script, with metadata and package data, and no stale egg-info', async () => {
    const dir = project('app');
    const out = path.join(work, 'app.pex');
    const r = await runCli(['build', '.', '--no-index', '-f', wheels, '-c', 'myapp', '-o', out, '--python', python.executable, '--cache-dir', path.join(work, 'cache')], { cwd: dir });
    expect(r.stderr).toMatch(/build the project myapp/);
    expect(r.status, r.stderr).toBe(0);
    const run = execFileSync(python.executable, [out, 'a', 'b'], { encoding: 'utf8', env: { ...process.env, PEX_ROOT: path.join(work, 'root') } });
    expect(run.trim()).toBe(`hello 2.3.1 {"port": 8080} ['a', 'b']`);
    const inspect = JSON.parse((await runCli(['inspect', out, '--json'])).stdout);
    expect(Object.keys(inspect.pex_info.distributions).sort()).toEqual(['greet-1.0-py3-none-any.whl', 'myapp-2.3.1-py3-none-any.whl']);
    expect(readFileSync(out).includes(Buffer.from('myapp.egg-info'))).toBe(false);
  });

  it('--project DIR[extra] brings the extra in, and ./path works as a positional', async () => {
    project('app2');
    const out = path.join(work, 'app2.pex');
    const r = await runCli(['build', '--project', 'app2[loud]', '--no-index', '-f', wheels, '-c', 'myapp', '-o', out, '-q', '--python', python.executable, '--cache-dir', path.join(work, 'cache')], { cwd: work });
    expect(r.status, r.stderr).toBe(0);
    const inspect = JSON.parse((await runCli(['inspect', out, '--json'])).stdout);
    expect(Object.keys(inspect.pex_info.distributions)).toContain('shout-1.0-py3-none-any.whl');
    // The old way's -D src next to the project: built, with a warning that the wheel already holds that code.
    const r2 = await runCli(['build', './app2', '-D', 'app2/src', '--no-index', '-f', wheels, '-c', 'myapp', '-o', path.join(work, 'app2b.pex'), '-q', '--python', python.executable, '--cache-dir', path.join(work, 'cache')], { cwd: work });
    expect(r2.status, r2.stderr).toBe(0);
    expect(r2.stderr).toMatch(/-D app2\/src is inside the project myapp, whose code the PEX already holds as a wheel/);
  });

  it('refuses a target the project does not support, naming both', async () => {
    const dir = project('old');
    writeFileSync(path.join(dir, 'pyproject.toml'), readFileSync(path.join(dir, 'pyproject.toml'), 'utf8').replace('>=3.8', '>=3.12'));
    const r = await runCli(['build', '.', '--no-index', '-f', wheels, '--platform', 'manylinux2014_x86_64-cp-311-cp311', '-o', path.join(work, 'old.pex'), '--cache-dir', path.join(work, 'cache')], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the project myapp requires Python >=3\.12 .*but the target linux-x86_64-cp311 .*is Python 3\.11/);
  });

  it('a project with a backend it does not model is built through PEP 517 and says so with -v', async () => {
    // flit-core from test/fixtures, with an option the native path leaves to flit.
    const dir = writeTree(path.join(work, 'flitapp'), {
      'pyproject.toml': '[build-system]\nrequires = ["flit_core>=3.4"]\nbuild-backend = "flit_core.buildapi"\n\n[project]\nname = "flitapp"\nversion = "0.5"\ndescription = "x"\n\n[project.scripts]\nflitapp = "flitapp:main"\n\n[tool.flit.external-data]\ndirectory = "data"\n',
      'flitapp/__init__.py': 'def main():\n    print("flit says hi")\n',
      'data/share/x.txt': 'x\n',
    });
    const out = path.join(work, 'flitapp.pex');
    const r = await runCli(['build', '.', '--no-index', '-f', path.resolve('test/fixtures/build-backends'), '-c', 'flitapp', '-o', out, '-v', '--python', python.executable, '--cache-dir', path.join(work, 'cache')], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/built by its backend \(flit_core\.buildapi\): \[tool\.flit\] sets external-data/);
    expect(execFileSync(python.executable, [out], { encoding: 'utf8', env: { ...process.env, PEX_ROOT: path.join(work, 'root') } }).trim()).toBe('flit says hi');
  });

  it('lock of a project pins its dependencies, not the built file; build --lock adds the project back', async () => {
    const dir = project('locked');
    const cache = ['--python', python.executable, '--cache-dir', path.join(work, 'cache')];
    const r = await runCli(['lock', '.', '--no-index', '-f', wheels, '-o', 'pylock.toml', ...cache], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const lock = readFileSync(path.join(dir, 'pylock.toml'), 'utf8');
    expect(lock).toMatch(/name = "greet"/);
    expect(lock).not.toMatch(/name = "myapp"/);
    const out = path.join(work, 'locked.pex');
    const b = await runCli(['build', '--lock', 'pylock.toml', '.', '-c', 'myapp', '-o', out, '-q', ...cache], { cwd: dir });
    expect(b.status, b.stderr).toBe(0);
    expect(execFileSync(python.executable, [out], { encoding: 'utf8', env: { ...process.env, PEX_ROOT: path.join(work, 'root') } }).trim()).toMatch(/^hello 2\.3\.1 /);
    // The project now needs something the lock does not pin.
    writeFileSync(path.join(dir, 'pyproject.toml'), readFileSync(path.join(dir, 'pyproject.toml'), 'utf8').replace('dependencies = ["greet>=1"]', 'dependencies = ["greet>=1", "shout"]'));
    const stale = await runCli(['build', '--lock', 'pylock.toml', '.', '-o', out, '-q', ...cache], { cwd: dir });
    expect(stale.status).toBe(2);
    expect(stale.stderr).toMatch(/pylock\.toml does not hold shout, which the project myapp needs for .*; lock again/);
  });
});

describe('applications with no dependencies', () => {
  it('-D src -e app:main alone builds and runs', async () => {
    const dir = writeTree(path.join(work, 'plain'), { 'src/app.py': 'def main():\n    print("plain app")\n', 'empty.txt': '# nothing\n' });
    const out = path.join(work, 'plain.pex');
    const r = await runCli(['build', '-D', 'src', '-e', 'app:main', '-o', out, '-q', '--python', python.executable], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(execFileSync(python.executable, [out], { encoding: 'utf8', env: { ...process.env, PEX_ROOT: path.join(work, 'root') } }).trim()).toBe('plain app');
    const r2 = await runCli(['build', '-r', 'empty.txt', '-D', 'src', '-e', 'app:main', '-o', out, '-q', '--python', python.executable], { cwd: dir });
    expect(r2.status, r2.stderr).toBe(0);
  });

  it('a project with dependencies = [] builds', async () => {
    const dir = writeTree(path.join(work, 'nodeps'), {
      'pyproject.toml': '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "nodeps"\nversion = "1.0"\ndependencies = []\n\n[project.scripts]\nnodeps = "nodeps:main"\n',
      'nodeps/__init__.py': 'def main():\n    print("no deps")\n',
    });
    const out = path.join(work, 'nodeps.pex');
    const r = await runCli(['build', '.', '-c', 'nodeps', '-o', out, '-q', '--no-index', '--python', python.executable, '--cache-dir', path.join(work, 'cache')], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(execFileSync(python.executable, [out], { encoding: 'utf8', env: { ...process.env, PEX_ROOT: path.join(work, 'root') } }).trim()).toBe('no deps');
  });

  it('still refuses a build with nothing at all in it', async () => {
    const r = await runCli(['build', '-o', path.join(work, 'none.pex')], { cwd: work });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nothing to build/);
  });
});

describe('separate caches', () => {
  it('the build cache and the runtime PEX_ROOT default to different folders, neither inside the other’s files', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'pexship-home-'));
    const dir = writeTree(path.join(work, 'cached'), { 'src/app.py': 'def main():\n    print("cached app")\n' });
    const out = path.join(work, 'cached.pex');
    const env = { HOME: home, XDG_CACHE_HOME: '', PEX_ROOT: '' };
    const r = await runCli(['build', path.join(wheels, 'greet-1.0-py3-none-any.whl'), '-D', 'src', '-e', 'app:main', '-o', out, '-q', '--python', python.executable], { cwd: dir, env });
    expect(r.status, r.stderr).toBe(0);
    const { PEX_ROOT: _unset, ...runEnv } = process.env;
    expect(execFileSync(python.executable, [out], { encoding: 'utf8', env: { ...runEnv, HOME: home, XDG_CACHE_HOME: '' } }).trim()).toBe('cached app');
    const { readdirSync } = await import('node:fs');
    const root = path.join(home, '.cache', 'pexship');
    // The runtime's folders at PEX_ROOT, the build's under build/ only.
    expect(readdirSync(root).sort()).toEqual(expect.arrayContaining(['build', 'code', 'installed_wheels', 'pexes']));
    const build = readdirSync(path.join(root, 'build'));
    expect(build).toContain('installed'); // the build's manifests of checked wheel installs
    for (const runtimeDir of ['code', 'installed_wheels', 'pexes']) expect(build).not.toContain(runtimeDir);
    for (const buildDir of ['installed', 'wheels', 'metadata', 'http']) expect(readdirSync(root)).not.toContain(buildDir);
  });
});

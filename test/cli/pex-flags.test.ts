// The pex flags users reach for (issue 9 point 4), through the real CLI, each PEX run by real interpreters:
// --layout, --compile, --inject-args/--inject-env, --pex-path, --venv prepend|append, --sh-boot, and the
// resolver's --exclude/--override/--no-transitive against a local index.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildWheels, IndexServer } from '../helpers/index-server.js';
import { makeWheel } from '../helpers/make-wheel.js';
import { defaultPython, findInterpreter, findInterpreters } from '../helpers/pythons.js';
import { runPex, tempDir } from '../runtime/pex-fixture.js';

const python = defaultPython();
let work: string;
let wheels: string;
let src: string;

const APP = `import json, os, sys
def main():
    import greet
    print(json.dumps({'argv': sys.argv[1:], 'greeting': os.environ.get('GREETING'), 'port': os.environ.get('PORT'),
                      'hello': greet.hello(), 'path0': os.environ.get('PATH', '').split(os.pathsep)[0],
                      'pathN': os.environ.get('PATH', '').split(os.pathsep)[-1], 'prefix': sys.prefix}))
`;

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Every file under dir, relative path → sha256. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else out[r] = sha256(path.join(dir, r));
    }
  };
  walk('');
  return out;
}

async function build(args: string[]): Promise<void> {
  const r = await runCli(['build', '--no-index', '-f', wheels, '-q', '--cache-dir', path.join(work, 'cache'), ...args]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

function run(pex: string, args: string[] = [], env: Record<string, string> = {}): { status: number | null; out: any; stderr: string } {
  const r = runPex(python.executable, pex, args, { env: { PEX_ROOT: path.join(work, 'root'), ...env } });
  let out;
  try {
    out = JSON.parse(r.stdout);
  } catch {
    out = r.stdout;
  }
  return { status: r.status, out, stderr: r.stderr };
}

beforeAll(async () => {
  work = tempDir('pexship-flags-');
  wheels = path.join(work, 'wheels');
  await makeWheel(wheels, { name: 'greet', version: '1.0', files: { 'greet/__init__.py': 'from shout import up\ndef hello():\n    return up("hi")\n' }, requiresDist: ['shout'], consoleScripts: { greet: 'greet:hello' } });
  await makeWheel(wheels, { name: 'shout', version: '1.0', files: { 'shout.py': 'def up(s):\n    return s.upper()\n' } });
  await makeWheel(wheels, { name: 'extra', version: '2.0', files: { 'extra.py': 'NAME = "extra"\n' } });
  src = path.join(work, 'src');
  mkdirSync(src, { recursive: true });
  writeFileSync(path.join(src, 'app.py'), APP);
});

describe('--layout', () => {
  it('packed and loose are directories that run with python DIR and DIR/__main__.py, like the zipapp', async () => {
    const outs: Record<string, any> = {};
    for (const layout of ['zipapp', 'packed', 'loose']) {
      const out = path.join(work, `layout-${layout}`);
      await build(['greet', '-D', src, '-e', 'app:main', '--layout', layout, '-o', out]);
      outs[layout] = run(out, ['a']);
      expect(outs[layout].stderr).toBe('');
      expect(outs[layout].out).toMatchObject({ argv: ['a'], hello: 'HI' });
    }
    const packed = path.join(work, 'layout-packed');
    const loose = path.join(work, 'layout-loose');
    expect(statSync(path.join(work, 'layout-zipapp')).isFile()).toBe(true);
    // packed: one zip file per distribution; loose: the installed files as they are.
    expect(statSync(path.join(packed, '.deps', 'shout-1.0-py3-none-any.whl')).isFile()).toBe(true);
    expect(readFileSync(path.join(packed, '.deps', 'shout-1.0-py3-none-any.whl')).subarray(0, 4).toString('hex')).toBe('504b0304');
    expect(readFileSync(path.join(loose, '.deps', 'shout-1.0-py3-none-any.whl', 'shout.py'), 'utf8')).toContain('def up');
    // loose runs its wheels where they are (nothing copied into PEX_ROOT); packed extracts them like a zipapp.
    const looseRoot = path.join(work, 'root-loose');
    expect(run(loose, [], { PEX_ROOT: looseRoot }).out.hello).toBe('HI');
    expect(run(loose, ['warm'], { PEX_ROOT: looseRoot }).out).toMatchObject({ argv: ['warm'], hello: 'HI' });
    const [warmFile] = readdirSync(path.join(looseRoot, 'pexes')).map((h) => path.join(looseRoot, 'pexes', h));
    expect(readFileSync(path.join(warmFile, readdirSync(warmFile)[0]), 'utf8')).toContain(`${loose}/.deps/shout-1.0-py3-none-any.whl\n`);
    expect(existsSync(path.join(looseRoot, 'installed_wheels'))).toBe(false);
    const packedRoot = path.join(work, 'root-packed');
    expect(run(packed, [], { PEX_ROOT: packedRoot }).out.hello).toBe('HI');
    expect(readdirSync(path.join(packedRoot, 'installed_wheels'))).toHaveLength(2);
    for (const dir of [packed, loose]) {
      expect(readFileSync(path.join(dir, 'app.py'), 'utf8')).toBe(APP);
      // Executable by its own shebang line, from another working directory.
      const direct = spawnSync(path.join(dir, '__main__.py'), ['b'], { encoding: 'utf8', cwd: work, env: { PATH: process.env.PATH, HOME: process.env.HOME, PEX_ROOT: path.join(work, 'root-direct') } });
      expect(direct.stderr).toBe('');
      expect(JSON.parse(direct.stdout)).toMatchObject({ argv: ['b'], hello: 'HI' });
    }
  });

  it('packed: unchanged distributions are byte-identical zips between builds, so Docker layers stay cached', async () => {
    const first = path.join(work, 'docker-1');
    const second = path.join(work, 'docker-2');
    const same = path.join(work, 'docker-1-again');
    const src2 = path.join(work, 'src2');
    mkdirSync(src2, { recursive: true });
    writeFileSync(path.join(src2, 'app.py'), APP.replace('hello', 'hello2').replace("'hello': greet.hello()", "'hello': greet.hello()"));
    await build(['greet', '-D', src, '-e', 'app:main', '--layout', 'packed', '-o', first]);
    await build(['greet', 'extra', '-D', src2, '-e', 'app:main', '--layout', 'packed', '-o', second, '--cache-dir', path.join(work, 'other-cache')]);
    await build(['greet', '-D', src, '-e', 'app:main', '--layout', 'packed', '-o', same]);
    const a = tree(first);
    const b = tree(second);
    for (const dist of ['greet-1.0-py3-none-any.whl', 'shout-1.0-py3-none-any.whl']) {
      expect(b[`.deps/${dist}`]).toBe(a[`.deps/${dist}`]);
    }
    // The runtime package is the same; .bootstrap/main.py is rendered per PEX, like __main__.py and PEX-INFO.
    const runtime = Object.keys(a).filter((f) => f.startsWith('.bootstrap/pexship_runtime/'));
    expect(runtime.length).toBeGreaterThan(5);
    expect(runtime.every((f) => a[f] === b[f])).toBe(true);
    expect(b['.deps/extra-2.0-py3-none-any.whl']).toBeDefined();
    expect(b['app.py']).not.toBe(a['app.py']);
    expect(tree(same)).toEqual(a);
  });

  it('replaces a directory PEX it built, refuses any other folder and leaves it as it was', async () => {
    const out = path.join(work, 'replace-me');
    await build(['greet', '-D', src, '-e', 'app:main', '--layout', 'loose', '-o', out]);
    await build(['greet', 'extra', '-D', src, '-e', 'app:main', '--layout', 'loose', '-o', out]);
    expect(existsSync(path.join(out, '.deps', 'extra-2.0-py3-none-any.whl'))).toBe(true);
    expect(readdirSync(work).filter((n) => n.includes('.tmp-'))).toEqual([]);
    const precious = path.join(work, 'precious');
    mkdirSync(precious);
    writeFileSync(path.join(precious, 'notes.txt'), 'keep me');
    const r = await runCli(['build', '--no-index', '-f', wheels, 'greet', '--layout', 'packed', '-o', precious, '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/-o .*precious is a folder that is not a directory PEX/);
    expect(readdirSync(precious)).toEqual(['notes.txt']);
  });

  it('inspect reads directory PEXes: the same distributions, and the sha256 the build reported', async () => {
    for (const layout of ['packed', 'loose']) {
      const out = path.join(work, `inspect-${layout}`);
      const built = await runCli(['build', '--no-index', '-f', wheels, 'greet', '-D', src, '-e', 'app:main', '--layout', layout, '-o', out, '--json', '-q']);
      expect(built.status).toBe(0);
      const summary = JSON.parse(built.stdout).pexes[0];
      const info = JSON.parse((await runCli(['inspect', out, '--json'])).stdout);
      expect(info.sha256).toBe(summary.sha256);
      expect(info.distributions.map((d: { filename: string; files: number }) => [d.filename, d.files > 3])).toEqual([
        ['greet-1.0-py3-none-any.whl', true],
        ['shout-1.0-py3-none-any.whl', true],
      ]);
      expect(info.code.files).toBe(1);
      expect(info.shebang).toMatch(/^\/usr\/bin\/env python3/);
    }
  });

  it('names bad values clearly', async () => {
    const r = await runCli(['build', 'greet', '--layout', 'folder']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--layout takes zipapp, packed, loose, got 'folder'/);
    const s = await runCli(['build', 'greet', '--layout', 'loose', '--sh-boot']);
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/--sh-boot .* --layout loose directory runs with 'python DIR'/);
  });
});

describe('--compile', () => {
  it('adds unchecked-hash pycs that the interpreter uses, byte-identical between builds with separate caches', async () => {
    const tag = `cpython-${python.minor.replace('.', '')}`;
    const one = path.join(work, 'compiled-1.pex');
    const two = path.join(work, 'compiled-2.pex');
    await build(['greet', '-D', src, '-e', 'app:main', '--compile', '-o', one]);
    await build(['greet', '-D', src, '-e', 'app:main', '--compile', '-o', two, '--cache-dir', path.join(work, 'compile-cache-2')]);
    expect(sha256(two)).toBe(sha256(one));
    const listing = (await runCli(['inspect', one, '--json'])).stdout;
    expect(JSON.parse(listing).code.files).toBe(2); // app.py and its pyc
    const loose = path.join(work, 'compiled-loose');
    await build(['greet', '-D', src, '-e', 'app:main', '--compile', '--layout', 'loose', '-o', loose]);
    const pyc = readFileSync(path.join(loose, '__pycache__', `app.${tag}.pyc`));
    expect(pyc.readUInt32LE(4)).toBe(0b01); // PEP 552 flags: hash-based, not checked against the source
    expect(existsSync(path.join(loose, '.deps', 'shout-1.0-py3-none-any.whl', '__pycache__', `shout.${tag}.pyc`))).toBe(true);
    expect(existsSync(path.join(loose, '.deps', 'greet-1.0-py3-none-any.whl', 'greet', '__pycache__', `__init__.${tag}.pyc`))).toBe(true);

    // The pyc is what runs: change the extracted source after the first run and the old code still runs.
    const root = path.join(work, 'root-compiled');
    expect(run(one, [], { PEX_ROOT: root }).out.hello).toBe('HI');
    const [codeHash] = readdirSync(path.join(root, 'code'));
    const extracted = path.join(root, 'code', codeHash, 'app.py');
    writeFileSync(extracted, APP.replace('greet.hello()', '"edited"'));
    expect(run(one, [], { PEX_ROOT: root }).out.hello).toBe('HI');
    // Without --compile the interpreter checks the source and runs the edit.
    const plain = path.join(work, 'plain.pex');
    await build(['greet', '-D', src, '-e', 'app:main', '-o', plain]);
    const root2 = path.join(work, 'root-plain');
    run(plain, [], { PEX_ROOT: root2 });
    writeFileSync(path.join(root2, 'code', readdirSync(path.join(root2, 'code'))[0], 'app.py'), APP.replace('greet.hello()', '"edited"'));
    expect(run(plain, [], { PEX_ROOT: root2 }).out.hello).toBe('edited');
  });

  it('compiles for a foreign platform with a local interpreter of its Python version, and says when there is none', async () => {
    const other = findInterpreters().find((i) => i.minor !== python.minor && Number(i.minor.split('.')[1]) >= 8);
    if (!other) {
      console.warn('skipping the foreign-target --compile case: no second CPython 3.8+ on this machine');
    } else {
      const v = other.minor.replace('.', '');
      const out = path.join(work, 'foreign-compiled');
      await build(['greet', '-D', src, '-e', 'app:main', '--compile', '--layout', 'loose', '--platform', `macosx_11_0_arm64-cp-${v}-cp${v}`, '-o', out]);
      expect(readdirSync(path.join(out, '__pycache__'))).toEqual([`app.cpython-${v}.pyc`]);
    }
    expect(findInterpreter('3.19')).toBeUndefined();
    const r = await runCli(['build', '--no-index', '-f', wheels, 'greet', '--compile', '--platform', 'manylinux2014_x86_64-cp-319-cp319', '-o', path.join(work, 'never.pex'), '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--compile needs a local CPython 3\.19 .*Install python3\.19, or drop --compile/);
    expect(existsSync(path.join(work, 'never.pex'))).toBe(false);
  });
});

describe('--inject-args and --inject-env', () => {
  it('puts the frozen arguments before the user\'s and sets variables unless already set, with and without --venv', async () => {
    for (const venv of [[], ['--venv']]) {
      const out = path.join(work, `inject${venv.length ? '-venv' : ''}.pex`);
      await build(['greet', '-D', src, '-e', 'app:main', '-o', out, `--inject-args=--port 8888 "two words"`, '--inject-args', 'last', '--inject-env', 'GREETING=hello=world', '--inject-env', 'PORT=1', ...venv]);
      for (let i = 0; i < 2; i++) {
        const r = run(out, ['--port', '0']);
        expect(r.stderr).toBe('');
        expect(r.out).toMatchObject({ argv: ['--port', '8888', 'two words', 'last', '--port', '0'], greeting: 'hello=world', port: '1' });
      }
      expect(run(out, [], { PORT: '2' }).out.port).toBe('2');
      const info = JSON.parse((await runCli(['inspect', out, '--json'])).stdout).pex_info;
      expect(info.inject_args).toEqual(['--port', '8888', 'two words', 'last']);
      expect(info.inject_env).toEqual({ GREETING: 'hello=world', PORT: '1' });
    }
  });

  it('names bad values before any network work', async () => {
    const a = await runCli(['build', 'greet', '-i', 'http://127.0.0.1:9/simple/', '--inject-env', 'NOVALUE']);
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/--inject-env 'NOVALUE' is not NAME=VALUE/);
    const b = await runCli(['build', 'greet', '-i', 'http://127.0.0.1:9/simple/', '--inject-args', `x --name 'unclosed`]);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/--inject-args .* has an unclosed ' quote/);
  });
});

describe('--pex-path', () => {
  it("merges another PEX's distributions at run time (PEX-INFO pex_path, relative to the PEX, and PEX_PATH)", async () => {
    const lib = path.join(work, 'pp', 'lib.pex');
    await build(['extra', '-o', lib]);
    mkdirSync(path.join(work, 'src-pp'), { recursive: true });
    writeFileSync(path.join(work, 'src-pp', 'useextra.py'), 'import sys\ndef main():\n    import extra, greet\n    print(extra.NAME, greet.hello())\n');
    const app = path.join(work, 'pp', 'app.pex');
    await build(['greet', '-D', path.join(work, 'src-pp'), '-e', 'useextra:main', '--pex-path', 'lib.pex', '-o', app]);
    for (let i = 0; i < 2; i++) {
      const r = run(app, [], {});
      expect(r.stderr).toBe('');
      expect(r.out).toBe('extra HI\n');
    }
    const alone = path.join(work, 'pp', 'alone.pex');
    await build(['greet', '-D', path.join(work, 'src-pp'), '-e', 'useextra:main', '-o', alone]);
    expect(run(alone).stderr).toMatch(/No module named 'extra'/);
    expect(run(alone, [], { PEX_PATH: lib }).out).toBe('extra HI\n');
    const missing = run(alone, [], { PEX_PATH: path.join(work, 'pp', 'gone.pex') });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/pex_path entry .*gone\.pex does not exist/);
  });
});

describe('--venv prepend|append', () => {
  it("puts the venv's bin/ first or last on PATH, so its console scripts are found", async () => {
    for (const where of ['prepend', 'append']) {
      const out = path.join(work, `venv-${where}.pex`);
      await build(['greet', '-D', src, '-e', 'app:main', '-o', out, '--venv', where]);
      const r = run(out, ['x']);
      expect(r.stderr).toBe('');
      const bin = path.join(r.out.prefix, 'bin');
      expect(existsSync(path.join(bin, 'greet'))).toBe(true);
      if (where === 'prepend') expect(r.out.path0).toBe(bin);
      else expect(r.out.pathN).toBe(bin);
      expect(r.out.argv).toEqual(['x']);
      expect(JSON.parse((await runCli(['inspect', out, '--json'])).stdout).pex_info).toMatchObject({ venv: true, venv_bin_path: where });
    }
    const plain = path.join(work, 'venv-plain.pex');
    await build(['greet', '-D', src, '-e', 'app:main', '-o', plain, '--venv']);
    expect(run(plain).out.path0).not.toMatch(/venvs/);
    const bad = await runCli(['build', 'greet', '--venv=sideways']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--venv takes no value or one of prepend, append, got 'sideways'/);
  });
});

describe('--sh-boot', () => {
  it('starts through /bin/sh, finds the interpreter on PATH or PEX_PYTHON, and says when there is none', async () => {
    const out = path.join(work, 'shboot.pex');
    await build(['greet', '-D', src, '-e', 'app:main', '-o', out, '--sh-boot']);
    expect(readFileSync(out).subarray(0, 10).toString()).toBe('#!/bin/sh\n');
    // A PATH holding only python3.X (the target's version): found by name, no Python started to look.
    const bin = path.join(work, 'shboot-bin');
    mkdirSync(bin, { recursive: true });
    const exe = spawnSync(python.executable, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim();
    symlinkSync(exe, path.join(bin, `python${python.minor}`));
    const env = { PATH: bin, HOME: process.env.HOME ?? '/root', PEX_ROOT: path.join(work, 'root') };
    const r = spawnSync(out, ['q'], { encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ argv: ['q'], hello: 'HI' });
    const viaEnv = spawnSync(out, [], { encoding: 'utf8', env: { ...env, PATH: '/nonexistent', PEX_PYTHON: exe } });
    expect(JSON.parse(viaEnv.stdout).hello).toBe('HI');
    const none = spawnSync('/bin/sh', [out], { encoding: 'utf8', env: { ...env, PATH: '/nonexistent' } });
    expect(none.status).toBe(127);
    expect(none.stderr).toMatch(/pexship: no Python interpreter \(python3\.\d+, python3, python\) found on PATH; install one or set PEX_PYTHON/);
    // Still a zip any interpreter runs.
    expect(run(out, ['z']).out.argv).toEqual(['z']);
  });
});

describe('--exclude, --override, --no-transitive (against a local index)', () => {
  let server: IndexServer;
  let index: string;
  beforeAll(async () => {
    const files = await buildWheels(path.join(work, 'served'), [
      { name: 'top', version: '1.0', requiresDist: ['mid>=1', 'shared'], files: { 'top.py': 'import shared\nprint("top ok")\n' } },
      { name: 'mid', version: '1.0', requiresDist: ['leaf'], files: { 'mid.py': 'V = 1\n' } },
      { name: 'mid', version: '2.0', requiresDist: ['leaf'], files: { 'mid.py': 'V = 2\n' } },
      { name: 'mymid', version: '3.0', files: { 'mymid.py': 'V = 3\n' } },
      { name: 'leaf', version: '1.0', files: { 'leaf.py': '' } },
      { name: 'shared', version: '1.0', files: { 'shared.py': '' } },
    ]);
    server = await IndexServer.start(files);
    index = server.url;
  });
  afterAll(async () => server?.close());

  async function dists(args: string[]): Promise<{ names: string[]; info: any; pex: string }> {
    const pex = path.join(work, `res-${createHash('sha1').update(args.join(' ')).digest('hex').slice(0, 8)}.pex`);
    const r = await runCli(['build', 'top', '-i', index, '-m', 'top', '-o', pex, '-q', '--cache-dir', path.join(work, 'res-cache'), ...args]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const info = JSON.parse((await runCli(['inspect', pex, '--json'])).stdout);
    return { names: info.distributions.map((d: { filename: string }) => d.filename.split('-').slice(0, 2).join('-')), info: info.pex_info, pex };
  }

  it('resolves everything by default', async () => {
    expect((await dists([])).names).toEqual(['leaf-1.0', 'mid-2.0', 'shared-1.0', 'top-1.0']);
  });

  it('--exclude drops the project and what only it needs, never asks the index for them, and the PEX runs without them', async () => {
    const before = server.requests.length;
    const { names, info, pex } = await dists(['--exclude', 'mid']);
    expect(names).toEqual(['shared-1.0', 'top-1.0']);
    expect(info.excluded).toEqual(['mid']);
    const asked = server.requests.slice(before).map((r) => r.path);
    expect(asked.some((p) => /\/(mid|leaf)\b/.test(p))).toBe(false);
    expect(run(pex).out).toBe('top ok\n');
    // A versioned exclude drops only a version it admits.
    expect((await dists(['--exclude', 'mid>=2'])).names).toEqual(['shared-1.0', 'top-1.0']);
    expect((await dists(['--exclude', 'mid<2'])).names).toEqual(['leaf-1.0', 'mid-2.0', 'shared-1.0', 'top-1.0']);
  });

  it('--override replaces every dependency on a project, or swaps in another project with NAME=REQ', async () => {
    const pinned = await dists(['--override', 'mid==1.0']);
    expect(pinned.names).toEqual(['leaf-1.0', 'mid-1.0', 'shared-1.0', 'top-1.0']);
    expect(pinned.info.overridden).toEqual(['mid==1.0']);
    expect((await dists(['--override', 'mid=mymid>=3'])).names).toEqual(['mymid-3.0', 'shared-1.0', 'top-1.0']);
    // An override whose marker does not match the target leaves the dependency alone.
    expect((await dists(['--override', 'mid==1.0; sys_platform == "nonesuch"'])).names).toContain('mid-2.0');
  });

  it('--no-transitive installs only what was asked for', async () => {
    expect((await dists(['--no-transitive'])).names).toEqual(['top-1.0']);
  });

  it('names bad values, and refuses them with --lock', async () => {
    const cases: [string[], RegExp][] = [
      [['--override', 'mid @ https://example.com/mid-1.0-py3-none-any.whl'], /--override 'mid @ .*' names a URL/],
      [['--exclude', '!!bad'], /--exclude '!!bad' is not a requirement/],
      [['--override', 'mid==1.0', '--override', 'mid==2.0'], /more than one --override applies to mid/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['build', 'top', '-i', index, '-o', path.join(work, 'bad.pex'), '-q', ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const lock = await runCli(['build', '--lock', path.join(work, 'pylock.toml'), '--exclude', 'mid']);
    expect(lock.status).toBe(2);
    expect(lock.stderr).toMatch(/--exclude, --override and --no-transitive change a resolve; --lock builds exactly what the lock holds/);
  });
});

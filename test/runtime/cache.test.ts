// The runtime cache under PEX_ROOT: concurrent first runs, crash leftovers, damaged entries, unwritable roots.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWheel } from '../helpers/make-wheel.js';
import { defaultPython, findInterpreters } from '../helpers/pythons.js';
import { buildPex, runPex, tempDir } from './pex-fixture.js';

const python = defaultPython().executable;
let dir: string;
let pex: string;
let wheelName: string;

function walk(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const p = path.join(root, name);
    out.push(p);
    if (statSync(p).isDirectory()) out.push(...walk(p));
  }
  return out;
}

function temps(root: string): string[] {
  return walk(root).filter((p) => path.basename(p).startsWith('.tmp-'));
}

beforeAll(async () => {
  dir = tempDir();
  // Many files widen the window in which racing extractions overlap.
  const files: Record<string, string> = { 'bulk/__init__.py': 'COUNT = 60\n', 'bulk/tool.sh': '#!/bin/sh\necho tool\n' };
  for (let i = 0; i < 60; i++) files[`bulk/m${i}.py`] = `VALUE = ${i}\n` + '#'.repeat(2000) + '\n';
  const wheel = await makeWheel(dir, { name: 'bulk', version: '1.0', files, executable: ['bulk/tool.sh'] });
  wheelName = path.basename(wheel);
  pex = await buildPex(path.join(dir, 'app.pex'), {
    wheels: [wheel],
    sources: { 'app.py': 'import bulk, bulk.m59\ndef main():\n    print("ok", bulk.COUNT, bulk.m59.VALUE)\n', 'run.sh': '#!/bin/sh\n' },
    executableSources: ['run.sh'],
    entryPoint: 'app:main',
  });
});

describe('runtime cache', () => {
  it('24 concurrent first runs on an empty PEX_ROOT all succeed and leave a sound cache', async () => {
    const root = path.join(dir, 'root-race');
    const runs = Array.from({ length: 24 }, () =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(python, [pex], { env: { PATH: process.env.PATH, PEX_ROOT: root } });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('close', (code) => resolve({ code, out, err }));
      }),
    );
    const results = await Promise.all(runs);
    for (const r of results) {
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toBe('ok 60 59\n');
    }
    expect(temps(root)).toEqual([]);
    const shas = readdirSync(path.join(root, 'installed_wheels'));
    expect(shas).toHaveLength(1);
    const installed = path.join(root, 'installed_wheels', shas[0], wheelName);
    expect(readdirSync(path.join(installed, 'bulk')).filter((n) => n.endsWith('.py'))).toHaveLength(61);
    const pexes = path.join(root, 'pexes');
    const [hash] = readdirSync(pexes);
    const [id] = readdirSync(path.join(pexes, hash));
    expect(id).toMatch(/^cpython-3\d+-[0-9a-f]{16}$/);
    const lines = readFileSync(path.join(pexes, hash, id), 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^code\/[0-9a-f]{40}$/);
    expect(lines[1]).toBe(`installed_wheels/${shas[0]}/${wheelName}`);
  });

  it('keeps executable bits of wheel files and sources', () => {
    const root = path.join(dir, 'root-modes');
    expect(runPex(python, pex, [], { env: { PEX_ROOT: root } }).status).toBe(0);
    const [sha] = readdirSync(path.join(root, 'installed_wheels'));
    const wheelDir = path.join(root, 'installed_wheels', sha, wheelName);
    expect(statSync(path.join(wheelDir, 'bulk', 'tool.sh')).mode & 0o111).toBe(0o111);
    expect(statSync(path.join(wheelDir, 'bulk', 'm1.py')).mode & 0o111).toBe(0);
    const [code] = readdirSync(path.join(root, 'code'));
    expect(statSync(path.join(root, 'code', code, 'run.sh')).mode & 0o111).toBe(0o111);
  });

  it('sweeps temp folders left by a crash and rebuilds entries someone deleted', () => {
    const root = path.join(dir, 'root-crash');
    expect(runPex(python, pex, [], { env: { PEX_ROOT: root } }).status).toBe(0);
    const [sha] = readdirSync(path.join(root, 'installed_wheels'));
    const parent = path.join(root, 'installed_wheels', sha);
    rmSync(path.join(parent, wheelName), { recursive: true }); // the warm file now names a missing folder
    // A run on this host whose process is gone, and an old one from elsewhere.
    const host = spawnSync(python, ['-c', "import platform; print(''.join(c if c.isalnum() else '_' for c in (platform.node() or 'host'))[:40])"], { encoding: 'utf8' }).stdout.trim();
    const dead = spawnSync('true').pid!;
    const crashed = path.join(parent, `.tmp-${dead}-${host}-0000beef`);
    const old = path.join(parent, '.tmp-1-otherhost-0000cafe');
    for (const t of [crashed, old]) {
      mkdirSync(path.join(t, 'bulk'), { recursive: true });
      writeFileSync(path.join(t, 'bulk', '__init__.py'), 'half a fi');
    }
    const twoDaysAgo = Date.now() / 1000 - 2 * 86400;
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    const r = runPex(python, pex, [], { env: { PEX_ROOT: root } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('ok 60 59\n');
    expect(temps(root)).toEqual([]);
  });

  it('ignores a damaged warm-path file', () => {
    const root = path.join(dir, 'root-garbage');
    expect(runPex(python, pex, [], { env: { PEX_ROOT: root } }).status).toBe(0);
    const [hash] = readdirSync(path.join(root, 'pexes'));
    const [id] = readdirSync(path.join(root, 'pexes', hash));
    writeFileSync(path.join(root, 'pexes', hash, id), 'no/such/dir\n\u0000\u0001garbage');
    const r = runPex(python, pex, [], { env: { PEX_ROOT: root } });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'pexes', hash, id), 'utf8')).toMatch(/^code\//);
  });

  it('the bootstrap runs from bytecode cached per Python version under bootstrap/; a damaged or foreign file is ignored and replaced', () => {
    const root = path.join(dir, 'root-bytecode');
    const pythons = findInterpreters().filter((p) => Number(p.minor.split('.')[1]) >= 8);
    const magic = (py: string) => spawnSync(py, ['-c', 'import importlib.util; print(importlib.util.MAGIC_NUMBER.hex())'], { encoding: 'utf8' }).stdout.trim();
    for (const py of pythons) expect(runPex(py.executable, pex, [], { env: { PEX_ROOT: root } }).stdout).toBe('ok 60 59\n');
    const files = readdirSync(path.join(root, 'bootstrap'));
    expect(files.map((f) => f.replace(/^[0-9a-f]{40}\./, ''))).toEqual(pythons.map((p) => `cpython-${p.minor.replace('.', '')}`).sort());
    const [first, ...others] = pythons;
    for (const py of others) {
      const file = path.join(root, 'bootstrap', files.find((f) => f.endsWith(`-${py.minor.replace('.', '')}`))!);
      for (const bad of [Buffer.from('garbage'), readFileSync(path.join(root, 'bootstrap', files.find((f) => f.endsWith(`-${first.minor.replace('.', '')}`))!))]) {
        writeFileSync(file, bad);
        const r = runPex(py.executable, pex, [], { env: { PEX_ROOT: root } });
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe('ok 60 59\n');
        expect(readFileSync(file).subarray(0, 4).toString('hex')).toBe(magic(py.executable));
      }
    }
    expect(readdirSync(path.join(root, 'bootstrap'))).toEqual(files); // no temporary file left
  });

  // One warning line naming the root and the temporary cache, which is gone once the run ends.
  function expectTemporaryFallback(r: { status: number | null; stdout: string; stderr: string }, root: string, tmp: string, left: string[] = []): void {
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^pexship: warning: cannot write to the PEX cache ${root} \\(PEX_ROOT\\).*; using the temporary cache ${tmp}/pexship-root-\\d+-\\w+-\\w+ for this run`));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('ok 60 59\n');
    expect(readdirSync(tmp)).toEqual(left);
  }

  it('an unwritable PEX_ROOT: runs from a temporary cache with one warning line, removed at exit', () => {
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, '');
    const root = path.join(blocker, 'cache');
    const tmp = path.join(dir, 'tmp-unwritable');
    mkdirSync(tmp);
    for (let i = 0; i < 2; i++) expectTemporaryFallback(runPex(python, pex, [], { env: { PEX_ROOT: root, TMPDIR: tmp } }), root, tmp);
  });

  it('a temporary cache left by os._exit or SIGKILL is removed by the next run that falls back; a live run\'s is kept', async () => {
    const blocker = path.join(dir, 'another-file');
    writeFileSync(blocker, '');
    const root = path.join(blocker, 'cache');
    const tmp = path.join(dir, 'tmp-leftovers');
    mkdirSync(tmp);
    const roots = () => readdirSync(tmp).filter((n) => n.startsWith('pexship-root-'));
    const env = { PEX_ROOT: root, TMPDIR: tmp, PEX_INTERPRETER: '1' };
    // Neither way of dying runs atexit, so each leaves its cache; the next fallback removes the dead one's.
    let r = runPex(python, pex, ['-c', 'import os; os._exit(3)'], { env });
    expect(r.status).toBe(3);
    const [exited] = roots();
    expect(exited).toMatch(/^pexship-root-\d+-/);
    r = runPex(python, pex, ['-c', 'import os, signal; os.kill(os.getpid(), signal.SIGKILL)'], { env });
    expect(r.signal).toBe('SIGKILL');
    const [killed, ...others] = roots();
    expect(others).toEqual([]);
    expect(killed).not.toBe(exited);
    // A live run's temporary cache is never taken from it.
    const live = spawn(python, [pex, '-c', 'import sys; print("up", flush=True); sys.stdin.read()'], { env: { ...env, PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    await new Promise<void>((resolve) => {
      live.stdout.once('data', () => resolve());
      live.once('exit', () => resolve());
    });
    const [liveRoot] = roots();
    expect(liveRoot).not.toBe(killed);
    expectTemporaryFallback(runPex(python, pex, [], { env: { PEX_ROOT: root, TMPDIR: tmp } }), root, tmp, [liveRoot]);
    live.stdin.end();
    await new Promise((resolve) => live.once('exit', resolve));
    expect(roots()).toEqual([]);
  });

  // Root writes anywhere, so as root the PEX runs as nobody (setpriv) with Debian's python3.
  const asRoot = process.getuid?.() === 0;
  const canDrop = existsSync('/usr/bin/setpriv') && existsSync('/usr/bin/python3');
  function asNobody(root: string, tmp: string): { status: number | null; stdout: string; stderr: string } {
    return asRoot
      ? spawnSync('/usr/bin/setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '/usr/bin/python3', pex], {
          env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent', PEX_ROOT: root, TMPDIR: tmp },
          encoding: 'utf8',
        })
      : runPex('/usr/bin/python3', pex, [], { env: { PEX_ROOT: root, TMPDIR: tmp } });
  }
  it.skipIf(asRoot && !canDrop)('a read-only PEX_ROOT falls back to a temporary cache; a read-only pre-filled one runs as it is (as root: needs setpriv and /usr/bin/python3 to run as nobody)', () => {
    chmodSync(dir, 0o755);
    chmodSync(pex, 0o755);
    const tmp = path.join(dir, 'tmp-readonly');
    mkdirSync(tmp, { mode: 0o777 });
    chmodSync(tmp, 0o777);
    const root = path.join(dir, 'root-readonly');
    mkdirSync(root, { mode: 0o555 });
    expectTemporaryFallback(asNobody(root, tmp), root, tmp);

    // Filled by /usr/bin/python3 (its warm-path file included), then made read-only: no warning, no writes.
    const filled = path.join(dir, 'root-filled');
    expect(runPex('/usr/bin/python3', pex, [], { env: { PEX_ROOT: filled } }).status).toBe(0);
    spawnSync('chmod', ['-R', 'a-w', filled]);
    const before = walk(filled).length;
    const r = asNobody(filled, tmp);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok 60 59\n');
    expect(walk(filled)).toHaveLength(before);
    spawnSync('chmod', ['-R', 'u+w', filled]);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPex } from '../../src/pex/build.js';
import { inspectPex } from '../../src/pex/inspect.js';
import { makeWheel } from '../helpers/make-wheel.js';
import { defaultPython } from '../helpers/pythons.js';

let work: string;
let wheels: string[];
let src: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'pexship-build-'));
  const wheelDir = path.join(work, 'wheels');
  wheels = [
    await makeWheel(wheelDir, {
      name: 'greet',
      version: '1.0',
      files: { 'greet/__init__.py': 'def hello(name):\n    return "hello " + name\n', 'greet/cli.py': 'import sys\nfrom greet import hello\n\ndef main():\n    print(hello(sys.argv[1] if len(sys.argv) > 1 else "cli"))\n    return 3\n' },
      consoleScripts: { greet: 'greet.cli:main' },
    }),
    await makeWheel(wheelDir, { name: 'shout', version: '2.0', files: { 'shout.py': 'def shout(s):\n    return s.upper()\n' } }),
  ];
  src = path.join(work, 'src');
  mkdirSync(path.join(src, 'app'), { recursive: true });
  writeFileSync(path.join(src, 'app', '__init__.py'), '');
  writeFileSync(path.join(src, 'app', 'main.py'), 'import sys\nfrom greet import hello\nfrom shout import shout\n\ndef run():\n    print(shout(hello(" ".join(sys.argv[1:]))))\n');
});

describe('buildPex', () => {
  it('writes a PEX that runs its entry point, by interpreter and by shebang', async () => {
    const out = path.join(work, 'out', 'app.pex');
    const result = await buildPex({ wheels, sourcesDirs: [src], entryPoint: 'app.main:run', output: out, shebang: `/usr/bin/env ${defaultPython().executable}` });
    expect(result.distributions.map((d) => d.filename)).toEqual(['greet-1.0-py3-none-any.whl', 'shout-2.0-py3-none-any.whl']);
    const env = { ...process.env, PEX_ROOT: path.join(work, 'root1') };
    expect(execFileSync(defaultPython().executable, [out, 'a', 'b'], { env, encoding: 'utf8' })).toBe('HELLO A B\n');
    expect(execFileSync(out, ['by', 'shebang'], { env, encoding: 'utf8' })).toBe('HELLO BY SHEBANG\n');
  });

  it('resolves a console script and passes its exit code through', async () => {
    const out = path.join(work, 'script.pex');
    await buildPex({ wheels, script: 'greet', output: out });
    const r = spawnSync(defaultPython().executable, [out, 'there'], { env: { ...process.env, PEX_ROOT: path.join(work, 'root2') }, encoding: 'utf8' });
    expect(r.stdout).toBe('hello there\n');
    expect(r.status).toBe(3);
  });

  it('names the console scripts it knows when asked for an unknown one', async () => {
    await expect(buildPex({ wheels, script: 'nope', output: path.join(work, 'x.pex') })).rejects.toThrow(/no distribution in this PEX has a console script or script named 'nope'; available: greet\./);
  });

  it('is byte-identical across builds whatever the cwd, paths and mtimes', async () => {
    const a = path.join(work, 'a.pex');
    await buildPex({ wheels, sourcesDirs: [src], entryPoint: 'app.main:run', output: a });
    // Same inputs copied elsewhere with other mtimes, built from another working directory.
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'pexship-build-copy-'));
    cpSync(work + '/wheels', path.join(elsewhere, 'w'), { recursive: true });
    cpSync(src, path.join(elsewhere, 's'), { recursive: true });
    for (const f of readdirSync(path.join(elsewhere, 's', 'app'))) utimesSync(path.join(elsewhere, 's', 'app', f), new Date(2001, 1, 1), new Date(2001, 1, 1));
    const cwd = process.cwd();
    process.chdir(elsewhere);
    try {
      await buildPex({ wheels: readdirSync('w').map((f) => path.join('w', f)).reverse(), sourcesDirs: ['s'], entryPoint: 'app.main:run', output: 'b.pex' });
    } finally {
      process.chdir(cwd);
    }
    expect(readFileSync(path.join(elsewhere, 'b.pex')).equals(readFileSync(a))).toBe(true);
  });

  it('reuses checked installs from the cache and writes the same bytes; a damaged manifest is ignored', async () => {
    const cacheDir = path.join(work, 'install-cache');
    const first = path.join(work, 'cached-1.pex');
    const second = path.join(work, 'cached-2.pex');
    await buildPex({ wheels, sourcesDirs: [src], entryPoint: 'app.main:run', output: first, cacheDir });
    const manifests = readdirSync(path.join(cacheDir, 'installed', 'v2'), { recursive: true }).filter((f) => String(f).endsWith('.json'));
    expect(manifests).toHaveLength(2);
    await buildPex({ wheels, sourcesDirs: [src], entryPoint: 'app.main:run', output: second, cacheDir });
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
    for (const m of manifests) writeFileSync(path.join(cacheDir, 'installed', 'v2', String(m)), '{not json');
    await buildPex({ wheels, sourcesDirs: [src], entryPoint: 'app.main:run', output: second, cacheDir });
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
    const out = execFileSync(defaultPython().executable, [second, 'x'], { env: { ...process.env, PEX_ROOT: path.join(work, 'root-cached') }, encoding: 'utf8' });
    expect(out).toBe('HELLO X\n');
  });

  it('leaves no output and no temporary file when a wheel is corrupt', async () => {
    const bad = await makeWheel(path.join(work, 'bad'), { name: 'broken', version: '1.0', files: { 'broken.py': 'x' }, corruptRecord: { wrongHash: ['broken.py'] } });
    const outDir = path.join(work, 'failed');
    mkdirSync(outDir);
    await expect(buildPex({ wheels: [...wheels, bad], output: path.join(outDir, 'app.pex') })).rejects.toThrow(/broken-1\.0-py3-none-any\.whl: member broken\.py does not match/);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('keeps an existing output intact when a later build fails', async () => {
    const out = path.join(work, 'keep.pex');
    await buildPex({ wheels, output: out });
    const before = readFileSync(out);
    await expect(buildPex({ wheels, output: out, entryPoint: 'not a module' })).rejects.toThrow(/entry point 'not a module' is not MODULE/);
    expect(readFileSync(out).equals(before)).toBe(true);
  });

  it('records PEX-INFO with pex keys and is read back by inspect', async () => {
    const out = path.join(work, 'info.pex');
    const result = await buildPex({ wheels, sourcesDirs: [src], entryPoint: 'app.main:run', output: out, interpreterConstraints: ['CPython>=3.8'], inheritPath: 'fallback' });
    const info = await inspectPex(out);
    expect(info.pexInfo.entry_point).toBe('app.main:run');
    expect(info.pexInfo.inherit_path).toBe('fallback');
    expect(info.pexInfo.interpreter_constraints).toEqual(['CPython>=3.8']);
    expect(info.pexInfo.pex_hash).toBe(result.pexHash);
    expect(info.pexInfo.code_hash).toMatch(/^[0-9a-f]{40}$/);
    expect(Object.keys(info.pexInfo.distributions)).toEqual(['greet-1.0-py3-none-any.whl', 'shout-2.0-py3-none-any.whl']);
    expect(info.pexInfo.pexship.wheels['greet-1.0-py3-none-any.whl'].console_scripts).toEqual({ greet: 'greet.cli:main' });
    expect(info.distributions.map((d) => d.filename)).toEqual(['greet-1.0-py3-none-any.whl', 'shout-2.0-py3-none-any.whl']);
    expect(info.code.files).toBe(2);
    expect(info.shebang).toBe('/usr/bin/env python3');
    // Keys sorted: PEX-INFO is JSON with sorted keys.
    const keys = Object.keys(info.pexInfo);
    expect(keys).toEqual([...keys].sort());
    expect(existsSync(out)).toBe(true);
  });
});

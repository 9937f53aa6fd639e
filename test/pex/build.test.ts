import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
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
    const manifests = readdirSync(path.join(cacheDir, 'installed', 'v3'), { recursive: true }).filter((f) => String(f).endsWith('.json'));
    expect(manifests).toHaveLength(2);
    await buildPex({ wheels, sourcesDirs: [src], entryPoint: 'app.main:run', output: second, cacheDir });
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
    for (const m of manifests) writeFileSync(path.join(cacheDir, 'installed', 'v3', String(m)), '{not json');
    await buildPex({ wheels, sourcesDirs: [src], entryPoint: 'app.main:run', output: second, cacheDir });
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
    const out = execFileSync(defaultPython().executable, [second, 'x'], { env: { ...process.env, PEX_ROOT: path.join(work, 'root-cached') }, encoding: 'utf8' });
    expect(out).toBe('HELLO X\n');
  });

  describe('from wheels in the download cache', () => {
    // Wheels filed as the index client files them: cache/wheels/sha256/<aa>/<sha256>/<file name>.
    let cacheDir: string;
    let cached: string[];
    let reference: Buffer;
    const build = (output: string, more: Partial<Parameters<typeof buildPex>[0]> = {}) =>
      buildPex({ wheels: cached, sourcesDirs: [src], entryPoint: 'app.main:run', output, cacheDir, ...more });

    beforeAll(async () => {
      // A wheel bigger than the writer's 2 MB buffer, with an incompressible member bigger than it too (stored
      // as the wheel stored it) and one deflated, so spans cross the buffer's edge.
      const big = await makeWheel(path.join(work, 'big-wheels'), {
        name: 'bulky',
        version: '1.0',
        files: {
          'bulky/__init__.py': 'SIZE = 1\n',
          'bulky/noise.bin': randomBytes(3 << 20),
          ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`bulky/m${i}.py`, `X = ${i}\n`.repeat(50)])),
        },
      });
      cacheDir = path.join(work, 'download-cache');
      cached = [...wheels, big].map((w) => {
        const data = readFileSync(w);
        const digest = createHash('sha256').update(data).digest('hex');
        const file = path.join(cacheDir, 'wheels', 'sha256', digest.slice(0, 2), digest, path.basename(w));
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, data);
        return file;
      });
      // A stamp is kept only for a file whose change time is 2 s old (span-reader.ts): let them age.
      await new Promise((r) => setTimeout(r, 2100));
      // The same wheels from outside the cache, installed afresh with every check.
      const plain = path.join(work, 'uncached.pex');
      await buildPex({ wheels: [...wheels, big], sourcesDirs: [src], entryPoint: 'app.main:run', output: plain });
      reference = readFileSync(plain);
    });

    it('copies members straight from the cached files: the same bytes as a fresh install, and it runs', async () => {
      const first = path.join(work, 'dl-1.pex');
      const second = path.join(work, 'dl-2.pex');
      await build(first); // installs and keeps the manifests
      await build(second); // members copied as spans of the cached wheels
      expect(readFileSync(first).equals(reference)).toBe(true);
      expect(readFileSync(second).equals(reference)).toBe(true);
      const out = execFileSync(defaultPython().executable, [second, 'y'], { env: { ...process.env, PEX_ROOT: path.join(work, 'root-dl') }, encoding: 'utf8' });
      expect(out).toBe('HELLO Y\n');
      const noise = execFileSync(defaultPython().executable, ['-c', 'import zipfile, sys; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip())', second], { encoding: 'utf8' });
      expect(noise).toBe('None\n'); // every member's CRC-32 checks out
    });

    it('uncompressed, in directory layouts and with bytes-in-memory paths, matches a fresh install too', async () => {
      for (const more of [{ compress: false }, { layout: 'packed' as const }]) {
        const warm = path.join(work, `dl-${more.layout ?? 'stored'}`);
        const fresh = path.join(work, `fresh-${more.layout ?? 'stored'}`);
        await build(warm, more);
        await buildPex({ wheels: cached, sourcesDirs: [src], entryPoint: 'app.main:run', output: fresh, ...more });
        const tree = (p: string) => readdirSync(p, { recursive: true }).map(String).sort().map((f) => [f, statSync(path.join(p, f)).isFile() ? readFileSync(path.join(p, f)).toString('hex') : '']);
        if (more.layout) expect(tree(warm)).toEqual(tree(fresh));
        else expect(readFileSync(warm).equals(readFileSync(fresh))).toBe(true);
      }
    });

    it('hashes a cached wheel again only when its stamp changed: a stamp of the file as it is now skips the hash', async () => {
      const out = path.join(work, 'stamped.pex');
      await build(out);
      const target = cached[2];
      const digest = path.basename(path.dirname(target));
      const stampFile = path.join(cacheDir, 'installed', 'v3', digest.slice(0, 2), `${digest}.checked`);
      const stampNow = () => {
        const st = statSync(target, { bigint: true });
        return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
      };
      expect(readFileSync(stampFile, 'utf8')).toBe(stampNow()); // kept by the full check
      const keep = readFileSync(target);
      try {
        const d = Buffer.from(keep);
        d[d.length >> 1] ^= 1;
        writeFileSync(target, d);
        // What only someone able to write the cache could do: a stamp naming the altered file. It is trusted.
        writeFileSync(stampFile, stampNow());
        await expect(build(out)).resolves.toBeDefined();
        // Written to again (its ctime moves on): hashed, refused.
        writeFileSync(target, d);
        await expect(build(out)).rejects.toThrow(/bulky-1\.0-py3-none-any\.whl no longer has the sha256/);
      } finally {
        writeFileSync(target, keep);
      }
    });

    it('names a cached wheel gone since its install was kept, and leaves no temporary file', async () => {
      const out = path.join(work, 'gone', 'app.pex');
      await build(out);
      const keep = readFileSync(cached[1]);
      rmSync(cached[1]);
      try {
        await expect(build(out)).rejects.toThrow(/cannot read wheel .*shout-2\.0-py3-none-any\.whl: ENOENT; build again to download it afresh/);
        expect(readdirSync(path.dirname(out))).toEqual(['app.pex']);
      } finally {
        writeFileSync(cached[1], keep);
      }
    });

    for (const [what, damage] of [
      ['a byte changed in place', (f: string) => {
        const d = readFileSync(f);
        d[d.length >> 1] ^= 1;
        writeFileSync(f, d);
      }],
      ['cut short (a torn copy)', (f: string) => writeFileSync(f, readFileSync(f).subarray(0, -100))],
    ] as const) {
      for (const layout of ['zipapp', 'loose'] as const) {
        it(`refuses a cached wheel with ${what} (${layout}), removes it from the cache and keeps the earlier output`, async () => {
          const out = path.join(work, `damaged-${layout}-${what.length}`);
          await build(out, { layout });
          const before = readdirSync(path.dirname(out)).sort();
          const target = cached[2]; // the big one: its members are copied from the file
          const keep = readFileSync(target);
          damage(target);
          try {
            await expect(build(out, { layout })).rejects.toThrow(/the cached wheel bulky-1\.0-py3-none-any\.whl no longer has the sha256 it was downloaded with .*It was removed from the cache/);
            expect(existsSync(target)).toBe(false);
            expect(readdirSync(path.dirname(out)).sort()).toEqual(before); // no temporary file left
          } finally {
            writeFileSync(target, keep);
          }
          await build(out, { layout }); // put back, it builds again
        });
      }
    }
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

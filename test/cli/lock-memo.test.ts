// The resolution memo (core/resolution-memo.ts) as the CLI uses it: a warm `lock` with the same inputs and
// unchanged, fresh index pages reuses the last resolution, and gets exactly what resolving again gets; any
// input that can change the answer, a page gone stale or replaced, --refresh, or a local source means resolving;
// the local project (`lock .`) counts by what the resolver reads of its built wheel.
import { mkdir, mkdtemp, readFile, rm, symlink, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipArchive } from '../../src/pex/zip.js';
import { bundleCli, runCli } from '../helpers/cli.js';
import { buildWheels, IndexServer, servedWheel, type ServedFile } from '../helpers/index-server.js';
import { defaultPython, findInterpreters } from '../helpers/pythons.js';

let tmp: string;
let served: ServedFile[];
let beta2: ServedFile[];
const PLATFORM = 'manylinux2014_x86_64-cp-311-cp311';

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pexship-lock-memo-'));
  served = await buildWheels(path.join(tmp, 'wheels'), [
    { name: 'alpha', version: '1.0', requiresDist: ['beta', 'gamma'] },
    { name: 'beta', version: '1.0' },
    { name: 'gamma', version: '1.0' },
    { name: 'gamma', version: '2.0b1' },
  ]);
  beta2 = await buildWheels(path.join(tmp, 'wheels-later'), [{ name: 'beta', version: '2.0' }]);
}, 60_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

let runs = 0;

/** One `pexship lock`: its exit status, whether it reused a resolution, and the lock it wrote. */
async function lock(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<{ reused: boolean; text: string; stdout: string }> {
  const timings = path.join(tmp, `timings-${++runs}.json`);
  const out = path.join(tmp, `pylock-${runs}.toml`);
  const r = await runCli(['lock', ...args, '-o', out], { env: { PEXSHIP_TIMINGS: timings, ...env }, cwd });
  expect(r.status, r.stderr).toBe(0);
  const phases = JSON.parse(await readFile(timings, 'utf8'));
  return { reused: phases['resolution reused'] === 1, text: await readFile(out, 'utf8'), stdout: r.stdout };
}

describe('pexship lock: reusing the last resolution', () => {
  it('reuses it while inputs and pages stand, with the same lock as resolving afresh; each input that can change the answer resolves again', async () => {
    const server = await IndexServer.start(served, { pageCacheControl: 'max-age=600, public' });
    const other = await IndexServer.start(served, { pageCacheControl: 'max-age=600, public' });
    try {
      const cache = path.join(tmp, 'cache-inputs');
      const base = ['-i', server.url, '--platform', PLATFORM, '--cache-dir', cache];
      const first = await lock([...base, 'alpha']);
      expect(first.reused).toBe(false);
      const asked = server.requests.length;
      const warm = await lock([...base, 'alpha']);
      expect(warm.reused).toBe(true);
      expect(server.requests.length).toBe(asked);
      expect(warm.text).toBe(first.text);
      // What resolving afresh (an empty cache) gets.
      expect((await lock(['-i', server.url, '--platform', PLATFORM, '--cache-dir', path.join(tmp, 'cache-fresh'), 'alpha'])).text).toBe(warm.text);

      const constraints = path.join(tmp, 'constraints.txt');
      await writeFile(constraints, 'gamma<2\n');
      const hashed = path.join(tmp, 'hashed.txt');
      await writeFile(hashed, served.filter((f) => f.filename !== served[3].filename).map((f) => `${f.project}==1.0 --hash=sha256:${f.sha256}\n`).join(''));
      const variants: [string, string[]][] = [
        ['another requirement', [...base, 'alpha<2']],
        ['a constraint', [...base, '--constraints', constraints, 'alpha']],
        ['--pre', [...base, '--pre', 'alpha']],
        ['another target', ['-i', server.url, '--platform', 'manylinux_2_28_x86_64-cp-312-cp312', '--cache-dir', cache, 'alpha']],
        ['another index', [...base, '--extra-index-url', other.url, 'alpha']],
        ['--only-binary', [...base, '--only-binary', ':all:', 'alpha']],
        ['--prefer-binary', [...base, '--prefer-binary', 'alpha']],
        ['--exclude', [...base, '--exclude', 'gamma', 'alpha']],
        ['--override', [...base, '--override', 'gamma==2.0b1', 'alpha']],
        ['--no-transitive', [...base, '--no-transitive', 'alpha']],
        ['required hashes', [...base, '-r', hashed]],
      ];
      const locks = new Map<string, string>();
      for (const [what, args] of variants) {
        const changed = await lock(args);
        expect(changed.reused, what).toBe(false);
        locks.set(what, changed.text);
        expect((await lock(args)).reused, `${what}, again`).toBe(true);
      }
      // The answers really differ where they should, so reusing across those inputs would have been wrong.
      expect(locks.get('--pre')).toContain('2.0b1');
      expect(locks.get('--override')).toContain('2.0b1');
      expect(locks.get('--exclude')).not.toContain('name = "gamma"');
      expect(locks.get('--no-transitive')).not.toContain('name = "beta"');
      expect(locks.get('another target')).toContain('cp312');

      expect((await lock([...base, '--refresh', 'alpha'])).reused).toBe(false);
      expect((await lock([...base, 'alpha'])).reused).toBe(true);
      // A rebundle or release of pexship itself (its main file rewritten) resolves again.
      const now = new Date();
      await utimes(await bundleCli(), now, new Date(now.getTime() + 5_000));
      expect((await lock([...base, 'alpha'])).reused).toBe(false);
    } finally {
      await server.close();
      await other.close();
    }
  }, 180_000);

  it('resolves again once a page it rests on is stale', async () => {
    const server = await IndexServer.start(served, { pageCacheControl: 'max-age=8' });
    try {
      const base = ['-i', server.url, '--platform', PLATFORM, '--cache-dir', path.join(tmp, 'cache-stale'), 'alpha'];
      expect((await lock(base)).reused).toBe(false);
      const fetched = Date.now(); // every page was fetched before this: all are stale 8 s later
      expect((await lock(base)).reused).toBe(true);
      await new Promise((r) => setTimeout(r, fetched + 8_200 - Date.now()));
      const asked = server.requests.length;
      expect((await lock(base)).reused).toBe(false); // stale: revalidated (304s), then resolved
      expect(server.requests.length).toBeGreaterThan(asked);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('resolves again once a page it rests on is replaced by a newer answer, though still fresh', async () => {
    const files = [...served];
    const server = await IndexServer.start(files, { pageCacheControl: 'max-age=600, public' });
    try {
      const base = ['-i', server.url, '--platform', PLATFORM, '--cache-dir', path.join(tmp, 'cache-replaced')];
      expect((await lock([...base, 'alpha'])).reused).toBe(false);
      const again = await lock([...base, 'alpha']);
      expect(again.reused).toBe(true);
      expect(again.text).toContain('name = "beta"\nversion = "1.0"');
      // beta 2.0 is published; another run (other inputs, --refresh) stores beta's new page. The next run with
      // the first inputs must see it, as resolving again would, although every page it read is still fresh.
      files.push(...beta2);
      expect((await lock([...base, '--refresh', 'beta'])).text).toContain('version = "2.0"');
      const after = await lock([...base, 'alpha']);
      expect(after.reused).toBe(false);
      expect(after.text).toContain('name = "beta"\nversion = "2.0"');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('keys the `current` target by what the interpreter probe says: the same path to another Python resolves again', async (ctx) => {
    const [a, b] = findInterpreters();
    if (!a || !b) {
      ctx.skip(); // needs two CPython versions (pyenv or python3.X on PATH)
      return;
    }
    const server = await IndexServer.start(served, { pageCacheControl: 'max-age=600, public' });
    try {
      const cache = path.join(tmp, 'cache-current');
      const python = path.join(tmp, 'bin', 'python');
      await mkdir(path.dirname(python), { recursive: true });
      await symlink(a.executable, python);
      const base = ['-i', server.url, '--python', python, '--cache-dir', cache, 'alpha'];
      expect((await lock(base)).reused).toBe(false);
      const warm = await lock(base);
      expect(warm.reused).toBe(true);
      expect(warm.stdout).toContain(`for linux-x86_64-cp${a.minor.replace('.', '')}`);
      await unlink(python);
      await symlink(b.executable, python);
      const other = await lock(base);
      expect(other.reused).toBe(false);
      expect(other.stdout).toContain(`for linux-x86_64-cp${b.minor.replace('.', '')}`);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('reuses it for `lock .` while what the resolver reads of the project stands: a source edit keeps it, a dependency, version or requires-python edit does not', async () => {
    const server = await IndexServer.start(served, { pageCacheControl: 'max-age=600, public' });
    try {
      const dir = path.join(tmp, 'project');
      const pyproject = (deps: string, version = '1.0', requiresPython = '>=3.8') =>
        writeFile(
          path.join(dir, 'pyproject.toml'),
          `[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "myapp"\nversion = "${version}"\nrequires-python = "${requiresPython}"\ndependencies = [${deps}]\n\n[project.optional-dependencies]\nbeta = ["beta>=1"]\n`,
        );
      await mkdir(path.join(dir, 'src', 'myapp'), { recursive: true });
      await writeFile(path.join(dir, 'src', 'myapp', '__init__.py'), 'X = 1\n');
      await pyproject('"alpha"');
      const base = ['-i', server.url, '--platform', PLATFORM, '--cache-dir', path.join(tmp, 'cache-project')];
      const first = await lock([...base, '.'], {}, dir);
      expect(first.reused).toBe(false);
      const warm = await lock([...base, '.'], {}, dir);
      expect(warm.reused).toBe(true);
      expect(warm.text).toBe(first.text);

      // Only a source file changes: a new wheel (path and sha256), the same metadata: reused, and the lock is
      // the one an empty cache makes.
      await writeFile(path.join(dir, 'src', 'myapp', '__init__.py'), 'X = 2\n');
      const edited = await lock([...base, '.'], {}, dir);
      expect(edited.reused).toBe(true);
      const fresh = await lock(['-i', server.url, '--platform', PLATFORM, '--cache-dir', path.join(tmp, 'cache-project-fresh'), '.'], {}, dir);
      expect(fresh.reused).toBe(false);
      expect(edited.text).toBe(fresh.text);
      // `build .` reuses it too, and installs the wheel built this time, not the one the resolution was kept with.
      const pex = path.join(tmp, 'project.pex');
      const timings = path.join(tmp, 'timings-build.json');
      const built = await runCli(['build', ...base, '.', '-o', pex], { cwd: dir, env: { PEXSHIP_TIMINGS: timings } });
      expect(built.status, built.stderr).toBe(0);
      expect(JSON.parse(await readFile(timings, 'utf8'))['resolution reused']).toBe(1);
      const zip = new ZipArchive(await readFile(pex));
      const member = zip.entries.find((e) => e.name.endsWith('/myapp/__init__.py'));
      expect(member && zip.read(member).toString()).toBe('X = 2\n');

      // Each edit of what the resolver reads resolves again (and the next run reuses that).
      const edits: [string, () => Promise<void>, string[]][] = [
        ['a dependency', () => pyproject('"beta"'), ['.']],
        ['an extra asked for', async () => {}, ['.[beta]']],
        ['the version', () => pyproject('"beta"', '1.1'), ['.']],
        ['requires-python', () => pyproject('"beta"', '1.1', '>=3.9'), ['.']],
      ];
      const locks = new Map<string, string>();
      for (const [what, edit, args] of edits) {
        await edit();
        const changed = await lock([...base, ...args], {}, dir);
        expect(changed.reused, what).toBe(false);
        locks.set(what, changed.text);
        expect((await lock([...base, ...args], {}, dir)).reused, `${what}, again`).toBe(true);
      }
      expect(first.text).toContain('name = "gamma"');
      expect(locks.get('a dependency')).not.toContain('name = "gamma"');
    } finally {
      await server.close();
    }
  }, 120_000);

  it('keys a project whose dependencies only its setup.py knows (dynamic) by the metadata of the wheel it built', async () => {
    const setuptools = await servedWheel(path.resolve('test/fixtures/build-backends/setuptools-84.0.0-py3-none-any.whl'));
    const server = await IndexServer.start([...served, setuptools], { pageCacheControl: 'max-age=600, public' });
    try {
      const dir = path.join(tmp, 'setup-project');
      await mkdir(path.join(dir, 'dynapp'), { recursive: true });
      await writeFile(path.join(dir, 'pyproject.toml'), '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "dynapp"\nversion = "1.0"\ndynamic = ["dependencies"]\n');
      // Its dependencies are read from a file when setup.py runs: no static metadata says them.
      await writeFile(path.join(dir, 'setup.py'), 'from setuptools import setup\nsetup(install_requires=open("deps.txt").read().split())\n');
      await writeFile(path.join(dir, 'deps.txt'), 'alpha\n');
      await writeFile(path.join(dir, 'dynapp', '__init__.py'), 'X = 1\n');
      const base = ['-i', server.url, '--platform', PLATFORM, '--python', defaultPython().executable, '--cache-dir', path.join(tmp, 'cache-setup')];
      const first = await lock([...base, '.'], {}, dir);
      expect(first.reused).toBe(false);
      expect(first.text).toContain('name = "gamma"');
      expect((await lock([...base, '.'], {}, dir)).reused).toBe(true);
      await writeFile(path.join(dir, 'dynapp', '__init__.py'), 'X = 2\n');
      const edited = await lock([...base, '.'], {}, dir);
      expect(edited.reused).toBe(true);
      expect(edited.text).toBe(first.text);
      await writeFile(path.join(dir, 'deps.txt'), 'beta\n');
      const changed = await lock([...base, '.'], {}, dir);
      expect(changed.reused).toBe(false);
      expect(changed.text).not.toContain('name = "gamma"');
    } finally {
      await server.close();
    }
  }, 180_000);

  it('keys a wheel required by path by its sha256: the same file is reused, another one under the same name resolves again', async () => {
    const server = await IndexServer.start(served, { pageCacheControl: 'max-age=600, public' });
    try {
      const dist = path.join(tmp, 'dist');
      const [own] = await buildWheels(dist, [{ name: 'own', version: '1.0', requiresDist: ['alpha'] }]);
      const wheel = path.join(dist, own.filename);
      const base = ['-i', server.url, '--platform', PLATFORM, '--cache-dir', path.join(tmp, 'cache-wheel-path')];
      // A lock pins it by the hash in its URL.
      const pinned = [...base, `own @ ${pathToFileURL(wheel).href}#sha256=${own.sha256}`];
      const first = await lock(pinned);
      expect(first.reused).toBe(false);
      expect(first.text).toContain('name = "gamma"');
      const warm = await lock(pinned);
      expect(warm.reused).toBe(true);
      expect(warm.text).toBe(first.text);

      // `build` takes it by path alone, and sees it rebuilt in place: same path and name, other dependencies.
      const build = async () => {
        const timings = path.join(tmp, `timings-${++runs}.json`);
        const r = await runCli(['build', ...base, wheel, '-o', path.join(tmp, 'own.pex')], { env: { PEXSHIP_TIMINGS: timings } });
        expect(r.status, r.stderr).toBe(0);
        return JSON.parse(await readFile(timings, 'utf8'))['resolution reused'] === 1;
      };
      expect(await build()).toBe(false);
      expect(await build()).toBe(true);
      await rm(wheel);
      await buildWheels(dist, [{ name: 'own', version: '1.0', requiresDist: ['beta'] }]);
      expect(await build()).toBe(false);
      expect(await build()).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('never reuses a resolution that read a local folder: a wheel added there is seen', async () => {
    const server = await IndexServer.start(served, { pageCacheControl: 'max-age=600, public' });
    try {
      const cache = path.join(tmp, 'cache-local');
      const links = path.join(tmp, 'links');
      await mkdir(links, { recursive: true });
      const base = ['-i', server.url, '-f', links, '--platform', PLATFORM, '--cache-dir', cache, 'alpha'];
      expect((await lock(base)).reused).toBe(false);
      await writeFile(path.join(links, beta2[0].filename), beta2[0].data);
      const second = await lock(base);
      expect(second.reused).toBe(false);
      expect(second.text).toContain('name = "beta"\nversion = "2.0"');
    } finally {
      await server.close();
    }
  }, 60_000);
});

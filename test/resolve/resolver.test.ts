// Unit tests of the resolver over an in-memory package source.
import { describe, expect, it } from 'vitest';
import { JobError, UsageError } from '../../src/errors.js';
import { parseRequirement } from '../../src/python/pep508.js';
import { parsePlatform } from '../../src/python/platform.js';
import { resolve, type ResolveRequest } from '../../src/resolve/resolver.js';
import { FakeSource, type FakeIndex } from './fake-source.js';

const linux = parsePlatform('manylinux2014_x86_64-cp-312-cp312');
const windows = parsePlatform('win_amd64-cp-312-cp312');
const linux39 = parsePlatform('manylinux2014_x86_64-cp-39-cp39');

async function run(index: FakeIndex, reqs: string[], extra: Partial<ResolveRequest> = {}): Promise<Record<string, string>> {
  const source = new FakeSource(index);
  const result = await resolve({ requirements: reqs.map(parseRequirement), targets: [linux], source, ...extra });
  return Object.fromEntries(result.targets[0].distributions.map((d) => [d.name, d.version]));
}

async function failure(index: FakeIndex, reqs: string[], extra: Partial<ResolveRequest> = {}): Promise<JobError> {
  try {
    await run(index, reqs, extra);
  } catch (err) {
    expect(err).toBeInstanceOf(JobError);
    return err as JobError;
  }
  throw new Error('expected the resolution to fail');
}

describe('resolve', () => {
  it('picks the newest versions and follows dependencies', async () => {
    const index: FakeIndex = {
      app: { '1.0': { deps: ['lib>=1'] }, '2.0': { deps: ['lib>=2', 'util'] } },
      lib: { '1.0': {}, '2.5': {}, '3.0': {} },
      util: { '0.1': {} },
    };
    expect(await run(index, ['app'])).toEqual({ app: '2.0', lib: '3.0', util: '0.1' });
    expect(await run(index, ['app<2'])).toEqual({ app: '1.0', lib: '3.0' });
  });

  it('backtracks like pip: pins the earlier choice again when a later requirement excludes it', async () => {
    // pip pins a 2.0 first, then b 2.0 narrows a to <2, so a moves to 1.0 while b stays at 2.0.
    const index: FakeIndex = {
      a: { '1.0': {}, '2.0': {} },
      b: { '1.0': {}, '2.0': { deps: ['a<2'] } },
    };
    expect(await run(index, ['a', 'b'])).toEqual({ a: '1.0', b: '2.0' });
  });

  it('backjumps past a version whose dependencies cannot be met', async () => {
    const index: FakeIndex = {
      a: { '1.0': {}, '2.0': { deps: ['missing-thing'] }, '3.0': { deps: ['c==9'] } },
      c: { '1.0': {} },
    };
    expect(await run(index, ['a'])).toEqual({ a: '1.0' });
  });

  it('finds the solution that backjumping skips (pip 24 reports none here)', async () => {
    // p2 2.0 needs a p1 that does not exist, so p2 1.0; then p1 2.0 brings p0 2.0, which wants p2 2.0. The
    // fix is p1 1.0, but the backjump jumps over the p1 pin because p1 2.0's dependency (p0) is not among
    // the conflict's causes {p1, p2}: resolvelib 1.0 (pip 23.2 and 24.2 alike) gives up.
    const index: FakeIndex = {
      p0: { '2.0': { deps: ['p2==2.0'] } },
      p1: { '1.0': {}, '2.0': { deps: ['p0==2.0'] } },
      p2: { '1.0': { deps: ['p1>=1,<=2'] }, '2.0': { deps: ['p1==3.0'] } },
    };
    expect(await run(index, ['p2'])).toEqual({ p2: '1.0', p1: '1.0' });
  });

  it('never returns a set that leaves out the dependency of a pin whose requirements were dropped on the way', async () => {
    // Found by the random-graph oracle. Along the way b 5.0's dependency information is dropped while b is
    // unsettled; b then counts as satisfied again without it, and the answer used to be b 5.0, c 1.0, f 4.0:
    // a (which b 5.0 requires) left out.
    const index: FakeIndex = {
      a: { '5.0': { deps: ['d'] } },
      b: { '1.0': {}, '2.0': { deps: ['e>5.0'] }, '5.0': { deps: ['a>=4.0'] } },
      c: { '1.0': { extras: ['x'] }, '2.0': { extras: ['x'], deps: ['b<=2.0'] } },
      d: { '1.0': { deps: ['c>=1.0,!=2.0'] } },
      e: { '6.0': { deps: ['c[x]>=2.0,<=2.0'] } },
      f: { '4.0': { deps: ['c!=3.0'] } },
    };
    const got = await run(index, ['f', 'b']);
    // Either solution will do; each must hold everything its versions require.
    expect([
      { b: '1.0', c: '1.0', f: '4.0' },
      { b: '5.0', a: '5.0', d: '1.0', c: '1.0', f: '4.0' },
    ]).toContainEqual(got);
  });

  it('leaves a ring of pins that unsettle each other instead of going round until the round limit', async () => {
    // d 6 needs a>=6, a 6 needs d!=6, d 3 needs a<6, a 4 needs d!=3 (so d 6 again): no pin ever fails, and
    // resolvelib (pip too) re-pins d and a in turn until it gives up. Back at a state it was in, the search
    // now takes the pin that led round as failed and moves on.
    const index: FakeIndex = {
      d: { '1.0': {}, '3.0': { deps: ['a<6'] }, '6.0': { deps: ['a>=6'] } },
      a: { '3.0': {}, '4.0': { deps: ['d>=3,!=3'] }, '6.0': { deps: ['d!=6'] } },
    };
    expect([{ d: '3.0', a: '3.0' }, { d: '1.0' }]).toContainEqual(await run(index, ['d']));
  });

  it('solves a diamond that needs several rounds of backtracking', async () => {
    const index: FakeIndex = {
      top: { '1.0': { deps: ['left', 'right'] } },
      left: { '1.0': { deps: ['base<2'] }, '2.0': { deps: ['base>=3'] } },
      right: { '1.0': { deps: ['base<3'] }, '2.0': { deps: ['base>=3'] }, '3.0': { deps: ['base==1.0'] } },
      base: { '1.0': {}, '2.0': {}, '3.0': {} },
    };
    const got = await run(index, ['top']);
    expect(got.top).toBe('1.0');
    // Whatever the path, the answer must be consistent.
    const base = Number(got.base);
    expect(got.left === '1.0' ? base < 2 : base >= 3).toBe(true);
    expect(got.right === '3.0' ? base === 1 : got.right === '1.0' ? base < 3 : base >= 3).toBe(true);
  });

  it('adds the dependencies of requested extras only, and the base at the same version', async () => {
    const index: FakeIndex = {
      web: { '1.0': { extras: ['socks', 'fast'], deps: ['core', 'pysocks; extra == "socks"', 'speedups; extra == "fast"'] } },
      core: { '1.0': {} },
      pysocks: { '1.7': {} },
      speedups: { '0.3': {} },
    };
    const source = new FakeSource(index);
    const result = await resolve({ requirements: [parseRequirement('web[socks]')], targets: [linux], source });
    const dists = result.targets[0].distributions;
    expect(dists.map((d) => `${d.name}==${d.version}`)).toEqual(['core==1.0', 'pysocks==1.7', 'web==1.0']);
    const web = dists.find((d) => d.name === 'web')!;
    expect(web.extras).toEqual(['socks']);
    expect(web.requested).toBe(true);
    expect(web.dependencies).toEqual(['core', 'pysocks']);
    expect(dists.find((d) => d.name === 'pysocks')!.requiredBy).toEqual(['web']);
  });

  it('ignores an extra the distribution does not provide', async () => {
    const index: FakeIndex = { lib: { '1.0': { deps: ['other; extra == "nope"'] } }, other: { '1.0': {} } };
    expect(await run(index, ['lib[nope]'])).toEqual({ lib: '1.0' });
  });

  it('evaluates markers per target and picks each target its own wheel, sharing metadata', async () => {
    const index: FakeIndex = {
      app: {
        '1.0': {
          wheels: ['cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64', 'cp312-cp312-win_amd64'],
          deps: ['colorama; sys_platform == "win32"', 'uvloop; sys_platform == "linux"', 'old; python_version < "3.10"'],
        },
      },
      colorama: { '0.4': {} },
      uvloop: { '0.19': { wheels: ['cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64'] } },
      old: { '1.0': {} },
    };
    const source = new FakeSource(index);
    const result = await resolve({ requirements: [parseRequirement('app')], targets: [linux, windows], source });
    const [onLinux, onWindows] = result.targets;
    expect(onLinux.target.label).toBe('linux-x86_64-cp312');
    expect(onLinux.distributions.map((d) => d.name)).toEqual(['app', 'uvloop']);
    expect(onWindows.distributions.map((d) => d.name)).toEqual(['app', 'colorama']);
    expect(onLinux.distributions[0].file.filename).toContain('manylinux');
    expect(onWindows.distributions[0].file.filename).toContain('win_amd64');
    // One listing per project and one metadata read per (project, version), across both targets.
    expect(source.listed.filter((n) => n === 'app')).toHaveLength(1);
    expect(source.fetched.filter((f) => f.startsWith('app-')), source.fetched.join()).toHaveLength(1);
  });

  it('applies constraints without adding packages', async () => {
    const index: FakeIndex = { a: { '1.0': {}, '2.0': {} }, unrelated: { '1.0': {} } };
    const constraints = ['a<2', 'unrelated==1.0', 'a>=0.5; sys_platform == "win32"'].map(parseRequirement);
    expect(await run(index, ['a'], { constraints })).toEqual({ a: '1.0' });
    const err = await failure(index, ['a'], { constraints: [parseRequirement('a>5')] });
    expect(err.message).toContain('with the constraint a>5');
  });

  it('skips yanked versions unless pinned with ==', async () => {
    const index: FakeIndex = { a: { '1.0': {}, '2.0': { yanked: 'broken build' } }, b: { '3.0': { yanked: 'oops' } } };
    expect(await run(index, ['a'])).toEqual({ a: '1.0' });
    expect(await run(index, ['a==2.0'])).toEqual({ a: '2.0' });
    expect(await run(index, ['b==3.0'])).toEqual({ b: '3.0' });
    const err = await failure(index, ['b>=1']);
    expect(err.message).toContain('3.0: yanked (oops)');
  });

  it('takes pre-releases with --pre, when asked for explicitly, or when nothing else fits', async () => {
    const index: FakeIndex = { a: { '1.0': {}, '2.0b1': {} }, onlypre: { '0.1a1': {} } };
    expect(await run(index, ['a'])).toEqual({ a: '1.0' });
    expect(await run(index, ['a'], { pre: true })).toEqual({ a: '2.0b1' });
    expect(await run(index, ['a>=2.0b1'])).toEqual({ a: '2.0b1' });
    expect(await run(index, ['onlypre'])).toEqual({ onlypre: '0.1a1' });
    const err = await failure(index, ['a>1.0']);
    expect(err.message).toMatch(/2\.0b1: a pre-release/);
  });

  it('honours Requires-Python from the index page and from the metadata', async () => {
    const index: FakeIndex = {
      a: { '1.0': {}, '2.0': { requiresPython: '>=3.10' } },
      b: { '1.0': {}, '2.0': { metadataRequiresPython: '>=3.10' } },
    };
    expect(await run(index, ['a', 'b'])).toEqual({ a: '2.0', b: '2.0' });
    const source = new FakeSource(index);
    const result = await resolve({ requirements: ['a', 'b'].map((r) => parseRequirement(r)), targets: [linux39], source });
    expect(result.targets[0].distributions.map((d) => `${d.name}==${d.version}`)).toEqual(['a==1.0', 'b==1.0']);
    // b 2.0's metadata was read (the index page did not say), a 2.0's never was.
    expect(source.fetched).toContain('b-2.0-py3-none-any.whl');
    expect(source.fetched).not.toContain('a-2.0-py3-none-any.whl');
    const err = await failure(index, ['a==2.0'], { targets: [linux39] });
    expect(err.message).toContain('requires Python >=3.10 (target has 3.9)');
  });

  it('explains a conflict with who asked for what and the available versions', async () => {
    const index: FakeIndex = {
      app: { '1.0': { deps: ['b'] } },
      a: { '1.0': {}, '2.0': {}, '3.0': {} },
      b: { '1.0': { deps: ['a<2'] } },
    };
    const err = await failure(index, ['app', 'a>=2']);
    expect(err.exitCode).toBe(1);
    expect(err.message).toContain('Cannot resolve for linux-x86_64-cp312');
    expect(err.message).toContain('you asked for a>=2');
    expect(err.message).toContain('b 1.0 ← app 1.0 requires a<2');
    expect(err.message).toMatch(/no version of a satisfies all of these \(available: 3\.0, 2\.0, 1\.0\)/);
    expect(err.message).toContain('Loosen one of these requirements');
  });

  it('says why no distribution matches, per version', async () => {
    const index: FakeIndex = {
      native: {
        '1.0': { wheels: ['cp312-cp312-macosx_11_0_arm64'] },
        '0.9': { wheels: [], sdist: true },
        '0.8': { requiresPython: '>=3.13' },
      },
    };
    const err = await failure(index, ['native'], { allowSdists: false });
    expect(err.message).toContain('no matching distribution for native, which you asked for');
    expect(err.message).toContain('1.0: wheel tags cp312-cp312-macosx_11_0_arm64 do not fit linux-x86_64-cp312');
    expect(err.message).toContain('0.9: source distribution (only wheels are used)');
    expect(err.message).toContain('0.8: requires Python >=3.13');
  });

  it('says so when no index has the package', async () => {
    const err = await failure({ app: { '1.0': { deps: ['no-such-thing>=1'] } } }, ['app']);
    expect(err.message).toContain('no package named no-such-thing');
    expect(err.message).toContain('app 1.0 requires no-such-thing>=1');
  });

  it('falls back to an sdist only when no wheel of the version fits, and marks it for building', async () => {
    const index: FakeIndex = {
      pure: { '1.0': { sdist: true }, '2.0': { wheels: [], sdist: true } },
    };
    const source = new FakeSource(index);
    const result = await resolve({ requirements: [parseRequirement('pure')], targets: [linux], source });
    const [d] = result.targets[0].distributions;
    expect([d.version, d.file.filename, d.needsBuild]).toEqual(['2.0', 'pure-2.0.tar.gz', true]);
    const result1 = await resolve({ requirements: [parseRequirement('pure<2')], targets: [linux], source });
    expect(result1.targets[0].distributions[0].file.filename).toBe('pure-1.0-py3-none-any.whl');
    expect(await run(index, ['pure'], { allowSdists: false })).toEqual({ pure: '1.0' });
  });

  it('accepts only files with the required hashes', async () => {
    const index: FakeIndex = { a: { '1.0': {}, '2.0': {} } };
    const hashes = new Map([['a', new Set(['sha-a-1.0-py3-none-any.whl'])]]);
    expect(await run(index, ['a'], { hashes })).toEqual({ a: '1.0' });
  });

  it('prefers a direct reference over the index', async () => {
    const index: FakeIndex = { a: { '1.0': {}, '9.0': {} }, dep: { '1.0': {} } };
    const source = new FakeSource(index);
    source.direct.set('a-5.0-py3-none-any.whl', ['dep']);
    const result = await resolve({
      requirements: ['a @ https://example.test/wheels/a-5.0-py3-none-any.whl#sha256=abc', 'a>=1'].map((r) => parseRequirement(r)),
      targets: [linux],
      source,
    });
    const a = result.targets[0].distributions.find((d) => d.name === 'a')!;
    expect([a.version, a.url, a.file.hashes.sha256]).toEqual(['5.0', 'https://example.test/wheels/a-5.0-py3-none-any.whl', 'abc']);
    expect(result.targets[0].distributions.map((d) => d.name)).toEqual(['a', 'dep']);
    await expect(resolve({ requirements: [parseRequirement('a @ https://example.test/b-1.0-py3-none-any.whl')], targets: [linux], source })).rejects.toThrow(UsageError);
  });

  it('skips a file whose metadata contradicts its name and uses the next version', async () => {
    const index: FakeIndex = { a: { '1.0': {}, '2.0': { lyingVersion: '2.1' } } };
    expect(await run(index, ['a'])).toEqual({ a: '1.0' });
  });

  it('skips requirements whose markers exclude the target', async () => {
    const index: FakeIndex = { a: { '1.0': {} } };
    expect(await run(index, ['a', 'winonly; sys_platform == "win32"'])).toEqual({ a: '1.0' });
  });

  it('names the target that cannot be resolved when another target can', async () => {
    const index: FakeIndex = { native: { '1.0': { wheels: ['cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64'] } } };
    const source = new FakeSource(index);
    const request = { requirements: [parseRequirement('native')], source };
    const ok = await resolve({ ...request, targets: [linux] });
    expect(ok.targets[0].distributions[0].version).toBe('1.0');
    await expect(resolve({ ...request, targets: [linux, windows] })).rejects.toThrow(/Cannot resolve for windows-amd64-cp312: no matching distribution for native/);
  });

  it('reports progress per target', async () => {
    const events: string[] = [];
    await run({ a: { '1.0': { deps: ['b'] } }, b: { '1.0': {} } }, ['a'], { onProgress: (e) => events.push(`${e.kind}:${e.name ?? ''}`) });
    expect(events).toEqual(['start:', 'pinned:a', 'pinned:b', 'done:']);
  });
});

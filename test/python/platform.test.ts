import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  completePlatformTarget,
  currentTarget,
  loadCompletePlatform,
  parsePlatform,
  resolveTarget,
  targetFromFacts,
  type InterpreterFacts,
} from '../../src/python/platform.js';
import { supportedTags } from '../../src/python/tags.js';
import { wheelSupported } from '../../src/python/wheel.js';
import { defaultPython, findInterpreters } from '../helpers/pythons.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tags');

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('parsePlatform (pex --platform strings)', () => {
  it('manylinux2014_x86_64-cp-311-cp311', () => {
    const t = parsePlatform('manylinux2014_x86_64-cp-311-cp311');
    expect(t).toMatchObject({
      platform: 'manylinux2014_x86_64-cp-311-cp311',
      implementation: 'cp',
      pythonVersion: [3, 11],
      abi: 'cp311',
      platformTag: 'manylinux2014_x86_64',
      label: 'linux-x86_64-cp311',
      source: 'platform',
    });
    expect(t.pythonFullVersion).toBeUndefined();
    expect(t.tags).toEqual(supportedTags({ pythonVersion: [3, 11], platform: 'manylinux2014_x86_64' }));
    expect(t.tags[0]).toBe('cp311-cp311-manylinux_2_17_x86_64');
    expect(t.markerEnvironment).toEqual({
      implementation_name: 'cpython',
      implementation_version: '3.11',
      os_name: 'posix',
      platform_machine: 'x86_64',
      platform_python_implementation: 'CPython',
      platform_release: '',
      platform_system: 'Linux',
      platform_version: '',
      python_full_version: '3.11',
      python_version: '3.11',
      sys_platform: 'linux',
    });
  });

  it('macosx_11_0_arm64-cp-312-cp312', () => {
    const t = parsePlatform('macosx_11_0_arm64-cp-312-cp312');
    expect(t).toMatchObject({ pythonVersion: [3, 12], abi: 'cp312', label: 'macos-arm64-cp312' });
    expect(t.markerEnvironment).toMatchObject({ sys_platform: 'darwin', platform_system: 'Darwin', platform_machine: 'arm64', os_name: 'posix' });
    expect(t.tags.slice(0, 3)).toEqual(['cp312-cp312-macosx_11_0_arm64', 'cp312-cp312-macosx_11_0_universal2', 'cp312-cp312-macosx_10_16_universal2']);
  });

  it('musllinux_1_2_x86_64-cp-313-cp313', () => {
    const t = parsePlatform('musllinux_1_2_x86_64-cp-313-cp313');
    expect(t).toMatchObject({ pythonVersion: [3, 13], label: 'musllinux-x86_64-cp313' });
    expect(t.markerEnvironment).toMatchObject({ sys_platform: 'linux', platform_machine: 'x86_64' });
    expect(wheelSupported('foo-1-cp313-cp313-musllinux_1_1_x86_64.whl', t)).toBe(true);
    expect(wheelSupported('foo-1-cp313-cp313-manylinux_2_17_x86_64.whl', t)).toBe(false);
  });

  it('win_amd64-cp-312-cp312 and other Windows machines', () => {
    const t = parsePlatform('win_amd64-cp-312-cp312');
    expect(t).toMatchObject({ label: 'windows-amd64-cp312', tags: expect.arrayContaining(['cp312-cp312-win_amd64']) });
    expect(t.markerEnvironment).toMatchObject({ sys_platform: 'win32', platform_system: 'Windows', os_name: 'nt', platform_machine: 'AMD64' });
    expect(parsePlatform('win32-cp-311-cp311').markerEnvironment.platform_machine).toBe('x86');
    expect(parsePlatform('win_arm64-cp-311-cp311').markerEnvironment.platform_machine).toBe('ARM64');
  });

  it('full-version form fills python_full_version', () => {
    const t = parsePlatform('linux_x86_64-cp-3.11.7-cp311');
    expect(t).toMatchObject({ pythonVersion: [3, 11], pythonFullVersion: '3.11.7', abi: 'cp311', platformTag: 'linux_x86_64' });
    expect(t.markerEnvironment.python_full_version).toBe('3.11.7');
    expect(t.markerEnvironment.implementation_version).toBe('3.11.7');
    // A bare linux_<arch> is treated like pex's default --manylinux manylinux2014.
    expect(t.tags).toContain('cp311-cp311-manylinux2014_x86_64');
    expect(t.tags).toContain('cp311-cp311-linux_x86_64');
  });

  it('accepts the forms pex accepts: dotted versions, dashes and dots in the platform, abbreviated ABIs, any case', () => {
    expect(parsePlatform('manylinux2014_x86_64-cp-3.11-cp311').pythonVersion).toEqual([3, 11]);
    expect(parsePlatform('linux-x86_64-cp-37-m')).toMatchObject({ abi: 'cp37m', platformTag: 'linux_x86_64', pythonVersion: [3, 7] });
    expect(parsePlatform('macosx-10.13-x86_64-cp-36-cp36m')).toMatchObject({ platformTag: 'macosx_10_13_x86_64', abi: 'cp36m' });
    expect(parsePlatform('MANYLINUX2014_X86_64-CP-311-CP311').tags[0]).toBe('cp311-cp311-manylinux_2_17_x86_64');
    expect(parsePlatform('linux_x86_64-cp-313-cp313t').tags).not.toContain('cp313-abi3-linux_x86_64');
  });

  it.each([
    ['', /it is empty/],
    ['manylinux2014_x86_64', /four dash-separated fields/],
    ['manylinux2014_x86_64-cp-311', /four dash-separated fields/],
    ['manylinux2014_x86_64-pp-310-pypy310_pp73', /only CPython/],
    ['manylinux2014_x86_64-cp-27-cp27mu', /only Python 3/],
    ['manylinux2014_x86_64-cp-three-cp311', /"three" is not a Python version/],
    ['manylinux2014_x86_64-cp-311-abi3', /not a CPython 3\.11 ABI/],
    ['manylinux2014_x86_64-cp-311-cp312', /not a CPython 3\.11 ABI/],
    ['manylinux2014_x86_64-cp-311-311', /not a CPython 3\.11 ABI/],
    ['solaris_sparc-cp-311-cp311', /not a platform tag we know/],
    ['current', /resolved by running python3/],
  ])('rejects %j naming it and showing examples', (spec, reason) => {
    const err = usageError(() => parsePlatform(spec));
    expect(err.message).toContain(`invalid --platform ${JSON.stringify(spec)}`);
    expect(err.message).toMatch(reason);
    expect(err.message).toContain('manylinux2014_x86_64-cp-311-cp311');
    expect(err.message).toContain('win_amd64-cp-312-cp312');
    expect(err.exitCode).toBe(2);
  });
});

describe('--complete-platform', () => {
  const file = path.join(fixtures, 'complete-platform-linux-aarch64-cp311.json');

  it('loads pex JSON keeping the given tag order and markers', async () => {
    const t = await loadCompletePlatform(file);
    expect(t).toMatchObject({
      platform: file,
      source: 'complete-platform',
      pythonVersion: [3, 11],
      pythonFullVersion: '3.11.9',
      abi: 'cp311',
      platformTag: 'manylinux_2_28_aarch64',
      label: 'linux-aarch64-cp311',
      interpreter: '/usr/bin/python3.11',
    });
    expect(t.tags).toEqual(parsePlatform('manylinux_2_28_aarch64-cp-311-cp311').tags);
    expect(t.markerEnvironment.platform_release).toBe('6.1.0-18-arm64');
    expect(t.markerEnvironment.platform_machine).toBe('aarch64');
  });

  it('expands compressed tags and fills missing markers from the tags', () => {
    const t = completePlatformTarget(
      { marker_environment: { python_version: '3.12' }, compatible_tags: ['cp312-cp312-win_amd64', 'py3-none-win_amd64.any'] },
      'win.json',
    );
    expect(t.tags).toEqual(['cp312-cp312-win_amd64', 'py3-none-win_amd64', 'py3-none-any']);
    expect(t.markerEnvironment).toMatchObject({ sys_platform: 'win32', platform_machine: 'AMD64', python_full_version: '3.12' });
    expect(t.pythonFullVersion).toBeUndefined();
    expect(t.label).toBe('windows-amd64-cp312');
  });

  it.each([
    [[], /not a JSON object/],
    [{ compatible_tags: ['py3-none-any'] }, /"marker_environment" is missing/],
    [{ marker_environment: {}, compatible_tags: [] }, /"compatible_tags" is missing or empty/],
    [{ marker_environment: { python_version: 3.11 }, compatible_tags: ['py3-none-any'] }, /python_version is not a string/],
    [{ marker_environment: {}, compatible_tags: ['py3-none'] }, /invalid tag/],
    [{ marker_environment: {}, compatible_tags: ['py3-none-any'] }, /no python_version/],
    [{ marker_environment: { python_version: '3.10', implementation_name: 'pypy' }, compatible_tags: ['py3-none-any'] }, /only CPython/],
  ])('rejects %j', (json, reason) => {
    const err = usageError(() => completePlatformTarget(json, 'bad.json'));
    expect(err.message).toContain('--complete-platform bad.json');
    expect(err.message).toMatch(reason);
  });

  it('reports unreadable and non-JSON files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pexship-cp-'));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{nope');
    await expect(loadCompletePlatform(bad)).rejects.toThrow(/invalid --complete-platform .*bad\.json: not JSON/);
    await expect(loadCompletePlatform(path.join(dir, 'missing.json'))).rejects.toThrow(/cannot read --complete-platform .*missing\.json: ENOENT/);
  });
});

describe('facts → target', () => {
  const facts = (over: Partial<InterpreterFacts>): InterpreterFacts => ({
    marker_environment: {
      implementation_name: 'cpython',
      implementation_version: '3.13.0',
      os_name: 'posix',
      platform_machine: 'arm64',
      platform_python_implementation: 'CPython',
      platform_release: '23.4.0',
      platform_system: 'Darwin',
      platform_version: 'Darwin Kernel',
      python_full_version: '3.13.0',
      python_version: '3.13',
      sys_platform: 'darwin',
    },
    executable: '/opt/py/bin/python3',
    sysconfig_platform: 'macosx-11.0-arm64',
    glibc: null,
    musl: null,
    mac_ver: '14.4.1',
    py_debug: false,
    gil_disabled: false,
    is_64bit: true,
    ...over,
  });

  it('a macOS 14 interpreter gets the 14_0 list', () => {
    const t = targetFromFacts(facts({}));
    expect(t.platformTag).toBe('macosx_14_0_arm64');
    expect(t.tags).toEqual(parsePlatform('macosx_14_0_arm64-cp-313-cp313').tags);
    expect(t.label).toBe('macos-arm64-cp313');
  });

  it('a musl interpreter gets musllinux tags; a debug free-threaded one gets cp313td then cp313t', () => {
    const linuxEnv = { ...facts({}).marker_environment, sys_platform: 'linux', platform_system: 'Linux', platform_machine: 'x86_64' };
    const t = targetFromFacts(facts({ marker_environment: linuxEnv, sysconfig_platform: 'linux-x86_64', musl: [1, 2], py_debug: true, gil_disabled: true }));
    expect(t.abi).toBe('cp313td');
    expect(t.tags.slice(0, 2)).toEqual(['cp313-cp313td-musllinux_1_2_x86_64', 'cp313-cp313td-musllinux_1_1_x86_64']);
    expect(t.tags).toContain('cp313-cp313t-linux_x86_64');
    expect(t.tags.some((x) => x.includes('abi3'))).toBe(false);
    expect(t.label).toBe('musllinux-x86_64-cp313td');
  });

  it('refuses non-CPython interpreters', () => {
    const env = { ...facts({}).marker_environment, implementation_name: 'pypy', platform_python_implementation: 'PyPy' };
    expect(() => targetFromFacts(facts({ marker_environment: env }))).toThrow(/PyPy, not CPython/);
  });
});

/** What packaging (installed, or pip's vendored copy) says about an interpreter, or undefined without either. */
function packagingView(executable: string): { env: Record<string, string>; tags: string[] } | undefined {
  const script = [
    'import json',
    'try:',
    '    from packaging import tags, markers',
    'except ImportError:',
    '    from pip._vendor.packaging import tags, markers',
    'print(json.dumps({"env": markers.default_environment(), "tags": [str(t) for t in tags.sys_tags()]}))',
  ].join('\n');
  try {
    return JSON.parse(execFileSync(executable, ['-c', script], { encoding: 'utf8', timeout: 60_000 }));
  } catch {
    return undefined;
  }
}

describe('current (a real interpreter)', () => {
  const python = defaultPython();

  it("matches the machine's python3: markers exactly, tags as packaging orders them", async () => {
    const t = await currentTarget(python.executable);
    expect(t.source).toBe('current');
    expect(`${t.pythonVersion[0]}.${t.pythonVersion[1]}`).toBe(python.minor);
    const reported = JSON.parse(
      execFileSync(python.executable, ['-c', 'import json, platform, sys, os; print(json.dumps([platform.python_version(), platform.machine(), sys.platform, os.name, platform.system(), platform.release()]))'], {
        encoding: 'utf8',
      }),
    );
    expect([
      t.markerEnvironment.python_full_version,
      t.markerEnvironment.platform_machine,
      t.markerEnvironment.sys_platform,
      t.markerEnvironment.os_name,
      t.markerEnvironment.platform_system,
      t.markerEnvironment.platform_release,
    ]).toEqual(reported);
    const view = packagingView(python.executable);
    if (view) {
      expect(t.markerEnvironment).toEqual(view.env);
      expect(t.tags).toEqual(view.tags);
    }
    if (t.markerEnvironment.sys_platform === 'linux' && t.markerEnvironment.platform_machine === 'x86_64' && t.abi === 'cp311') {
      // glibc ≥ 2.17 on this machine: everything the golden manylinux2014 target accepts, the machine accepts too.
      const golden = parsePlatform('manylinux2014_x86_64-cp-311-cp311').tags;
      expect(golden.filter((tag) => !t.tags.includes(tag))).toEqual([]);
    }
  });

  it('every other CPython found here agrees with its own packaging', async () => {
    const others = findInterpreters().filter((i) => Number(i.minor.split('.')[1]) >= 8);
    for (const interp of others) {
      const view = packagingView(interp.executable);
      if (!view) continue;
      const t = await currentTarget(interp.executable);
      // Old packaging (as vendored by an old pip) lacks the `cpXY-none-any` tag; otherwise the lists are equal.
      expect(t.tags.filter((tag) => view.tags.includes(tag)), interp.executable).toEqual(view.tags);
      const extra = t.tags.filter((tag) => !view.tags.includes(tag));
      expect(extra.filter((tag) => tag !== `cp${t.pythonVersion.join('')}-none-any`), interp.executable).toEqual([]);
    }
  }, 120_000);

  it('resolveTarget dispatches current and platform strings', async () => {
    expect((await resolveTarget('win_amd64-cp-312-cp312')).label).toBe('windows-amd64-cp312');
    expect((await resolveTarget('current', { python: python.executable })).source).toBe('current');
  });

  it('a missing interpreter is a UsageError naming it and suggesting --platform', async () => {
    const err = await currentTarget('/nonexistent/python3.99').catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toContain('"/nonexistent/python3.99"');
    expect(err.message).toContain('not found');
    expect(err.message).toContain('--platform manylinux2014_x86_64-cp-311-cp311');
  });

  it('a failing interpreter is a UsageError too', async () => {
    await expect(currentTarget('false')).rejects.toThrow(UsageError);
  });
});

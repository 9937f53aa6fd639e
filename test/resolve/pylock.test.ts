import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { JobError, UsageError } from '../../src/errors.js';
import { parsePlatform } from '../../src/python/platform.js';
import { parsePylock, readPylock, selectForTarget, targetMarker, writePylock, type LockPackageInput } from '../../src/resolve/pylock.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/inputs/pylock');
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function pkg(filename: string, extra: Partial<LockPackageInput> = {}): LockPackageInput {
  const [name, version] = filename.split('-');
  return {
    name: name.replace(/_/g, '-'),
    version,
    file: { filename, url: `https://files.example/${filename}`, hashes: { sha256: sha(filename) }, size: filename.length * 100, requiresPython: '>=3.8' },
    index: 'https://pypi.org/simple',
    ...extra,
  };
}

const linux = parsePlatform('manylinux2014_x86_64-cp-311-cp311');
const windows = parsePlatform('win_amd64-cp-311-cp311');
const musl = parsePlatform('musllinux_1_2_x86_64-cp-311-cp311');
const linux312 = parsePlatform('manylinux2014_x86_64-cp-312-cp312');

const linuxSet = [
  pkg('six-1.17.0-py2.py3-none-any.whl'),
  pkg('numpy-2.2.3-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl'),
  pkg('uvloop-0.21.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl'),
];
const windowsSet = [
  pkg('colorama-0.4.6-py2.py3-none-any.whl'),
  pkg('numpy-2.2.3-cp311-cp311-win_amd64.whl'),
  pkg('six-1.17.0-py2.py3-none-any.whl'),
];

function expectUsage(fn: () => unknown, pattern: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(UsageError);
  expect((caught as Error).message).toMatch(pattern);
}

describe('writePylock', () => {
  const text = writePylock([linuxSet, windowsSet], { targets: [linux, windows], requirements: ['numpy', 'six', 'uvloop; sys_platform != "win32"'] });

  it('writes a valid PEP 751 document', () => {
    const doc = parseToml(text) as Record<string, any>;
    expect(doc['lock-version']).toBe('1.0');
    expect(doc['created-by']).toBe('pexship');
    expect(doc['requires-python']).toBe('==3.11.*');
    expect(doc.environments).toEqual([
      "implementation_name == 'cpython' and python_version == '3.11' and sys_platform == 'linux' and platform_machine == 'x86_64'",
      "implementation_name == 'cpython' and python_version == '3.11' and sys_platform == 'win32' and platform_machine == 'AMD64'",
    ]);
    expect(doc.packages.map((p: any) => `${p.name} ${p.version}`)).toEqual(['colorama 0.4.6', 'numpy 2.2.3', 'six 1.17.0', 'uvloop 0.21.0']);
    const [colorama, numpy, six, uvloop] = doc.packages;
    expect(colorama.marker).toBe("sys_platform == 'win32'");
    expect(uvloop.marker).toBe("sys_platform == 'linux'");
    expect(numpy.marker).toBeUndefined();
    expect(six.marker).toBeUndefined();
    expect(six.wheels).toHaveLength(1);
    expect(numpy.wheels.map((w: any) => w.name)).toEqual([
      'numpy-2.2.3-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
      'numpy-2.2.3-cp311-cp311-win_amd64.whl',
    ]);
    expect(numpy.wheels[1]).toEqual({
      name: 'numpy-2.2.3-cp311-cp311-win_amd64.whl',
      url: 'https://files.example/numpy-2.2.3-cp311-cp311-win_amd64.whl',
      size: 3700,
      hashes: { sha256: sha('numpy-2.2.3-cp311-cp311-win_amd64.whl') },
    });
    expect(numpy['requires-python']).toBe('>=3.8');
    expect(numpy.index).toBe('https://pypi.org/simple');
    expect(doc.tool.pexship).toEqual({ requirements: ['numpy', 'six', 'uvloop; sys_platform != "win32"'], targets: [linux.platform, windows.platform] });
  });

  it('is deterministic: same bytes twice, and whatever the order of the resolver output', () => {
    const again = writePylock([linuxSet, windowsSet], { targets: [linux, windows], requirements: ['numpy', 'six', 'uvloop; sys_platform != "win32"'] });
    expect(again).toBe(text);
    const shuffled = writePylock([[...linuxSet].reverse(), [...windowsSet].reverse()], { targets: [linux, windows], requirements: ['numpy', 'six', 'uvloop; sys_platform != "win32"'] });
    expect(shuffled).toBe(text);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('round-trips: each target gets exactly its own files back', () => {
    const lock = parsePylock(text, '/locks/pylock.toml');
    const forLinux = selectForTarget(lock, linux);
    expect(forLinux.map((s) => s.file.filename)).toEqual(linuxSet.map((p) => p.file.filename).sort());
    expect(forLinux.every((s) => !s.needsBuild)).toBe(true);
    const numpy = forLinux.find((s) => s.name === 'numpy')!;
    expect(numpy.file.sha256).toBe(sha('numpy-2.2.3-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl'));
    expect(numpy.file.url).toBe('https://files.example/numpy-2.2.3-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl');
    expect(numpy.version).toBe('2.2.3');
    const forWindows = selectForTarget(lock, windows);
    expect(forWindows.map((s) => s.file.filename)).toEqual(['colorama-0.4.6-py2.py3-none-any.whl', 'numpy-2.2.3-cp311-cp311-win_amd64.whl', 'six-1.17.0-py2.py3-none-any.whl']);
    expect(lock.pexship?.targets).toEqual([linux.platform, windows.platform]);
  });

  it('refuses a target the lock was not made for', () => {
    const lock = parsePylock(text, '/locks/pylock.toml');
    const mac = parsePlatform('macosx_11_0_arm64-cp-311-cp311');
    expectUsage(() => selectForTarget(lock, mac), /pylock\.toml: it was not made for target macos-arm64-cp311; its environments are: .*sys_platform == 'linux'.*Re-create the lock/);
    expectUsage(() => selectForTarget(lock, linux312), /not made for target linux-x86_64-cp312/);
  });

  it('separates versions per Python version with markers, and derives requires-python', () => {
    const out = writePylock(
      [[pkg('numpy-2.2.3-cp311-cp311-manylinux_2_17_x86_64.whl')], [pkg('numpy-2.3.0-cp312-cp312-manylinux_2_17_x86_64.whl')]],
      { targets: [linux, linux312] },
    );
    const doc = parseToml(out) as Record<string, any>;
    expect(doc['requires-python']).toBe('>=3.11,<3.13');
    expect(doc.packages.map((p: any) => [p.version, p.marker])).toEqual([
      ['2.2.3', "python_version == '3.11'"],
      ['2.3.0', "python_version == '3.12'"],
    ]);
    const lock = parsePylock(out, '/x/pylock.toml');
    expect(selectForTarget(lock, linux312).map((s) => s.version)).toEqual(['2.3.0']);
  });

  it('writes one environment for targets markers cannot tell apart, and picks wheels by tag', () => {
    const out = writePylock(
      [[pkg('numpy-2.2.3-cp311-cp311-manylinux_2_17_x86_64.whl')], [pkg('numpy-2.2.3-cp311-cp311-musllinux_1_2_x86_64.whl')]],
      { targets: [linux, musl] },
    );
    const lock = parsePylock(out, '/x/pylock.toml');
    expect(lock.environments).toHaveLength(1);
    expect(selectForTarget(lock, musl)[0].file.filename).toBe('numpy-2.2.3-cp311-cp311-musllinux_1_2_x86_64.whl');
    expect(selectForTarget(lock, linux)[0].file.filename).toBe('numpy-2.2.3-cp311-cp311-manylinux_2_17_x86_64.whl');
  });

  it('refuses what PEP 751 cannot express: a package only some indistinguishable targets need', () => {
    expect(() => writePylock([[pkg('six-1.17.0-py3-none-any.whl')], []], { targets: [linux, musl] })).toThrow(JobError);
    expect(() => writePylock([[pkg('six-1.17.0-py3-none-any.whl')], []], { targets: [linux, musl] })).toThrow(
      /six 1\.17\.0: targets linux-x86_64-cp311 need it but musllinux-x86_64-cp311 do not/,
    );
  });

  it('refuses a file without sha256, and writes sdists of packages that need building', () => {
    const bad = pkg('six-1.17.0-py3-none-any.whl');
    bad.file.hashes = { md5: '0'.repeat(32) };
    expect(() => writePylock([[bad]], { targets: [linux] })).toThrow(/six 1\.17\.0: six-1\.17\.0-py3-none-any\.whl has no sha256/);
    const sdist = pkg('legacy-1.0.tar.gz', { needsBuild: true });
    const out = writePylock([[sdist]], { targets: [linux] });
    expect((parseToml(out) as any).packages[0].sdist).toEqual({ name: 'legacy-1.0.tar.gz', url: 'https://files.example/legacy-1.0.tar.gz', size: 1700, hashes: { sha256: sha('legacy-1.0.tar.gz') } });
    const selected = selectForTarget(parsePylock(out, '/x/pylock.toml'), linux);
    expect(selected).toEqual([expect.objectContaining({ name: 'legacy', needsBuild: true, file: expect.objectContaining({ filename: 'legacy-1.0.tar.gz' }) })]);
  });

  it('escapes strings so any URL survives', () => {
    const odd = pkg('six-1.17.0-py3-none-any.whl');
    odd.file.url = 'https://h/a"b\\c\u0001/six-1.17.0-py3-none-any.whl';
    const out = writePylock([[odd]], { targets: [linux], createdBy: 'pexship 0.1.0' });
    expect((parseToml(out) as any).packages[0].wheels[0].url).toBe(odd.file.url);
  });

  it('targetMarker uses the values that tell platforms apart', () => {
    expect(targetMarker(windows.markerEnvironment)).toBe("implementation_name == 'cpython' and python_version == '3.11' and sys_platform == 'win32' and platform_machine == 'AMD64'");
  });
});

describe('reading a PEP 751 file written by another tool', () => {
  const linux312 = parsePlatform('manylinux_2_28_x86_64-cp-312-cp312');
  const windows312 = parsePlatform('win_amd64-cp-312-cp312');

  it('reads the fields and ignores dependencies, upload times and other tools', async () => {
    const lock = await readPylock(path.join(FIXTURES, 'pep751-example.toml'));
    expect(lock.lockVersion).toBe('1.0');
    expect(lock.createdBy).toBe('mousebender');
    expect(lock.requiresPython).toBe('==3.12.*');
    expect(lock.packages.map((p) => p.name)).toEqual(['attrs', 'cattrs', 'colorama', 'numpy', 'local-tool']);
    expect(lock.packages[1].index).toBe('https://pypi.org/simple');
    expect(lock.packages[2].wheels[0].filename).toBe('colorama-0.4.6-py2.py3-none-any.whl');
    expect(lock.pexship).toBeUndefined();
    expect(lock.warnings).toEqual([]);
  });

  it('selects per target: markers, tags, and wheels given by a relative path', async () => {
    const lock = await readPylock(path.join(FIXTURES, 'pep751-example.toml'));
    const forLinux = selectForTarget(lock, linux312);
    expect(forLinux.map((s) => s.file.filename)).toEqual([
      'attrs-25.1.0-py3-none-any.whl',
      'cattrs-24.1.2-py3-none-any.whl',
      'local_tool-1.0-py3-none-any.whl',
      'numpy-2.2.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
    ]);
    const local = forLinux.find((s) => s.name === 'local-tool')!;
    const localPath = path.join(FIXTURES, 'wheels/local_tool-1.0-py3-none-any.whl');
    expect(local.file).toEqual({ filename: 'local_tool-1.0-py3-none-any.whl', url: pathToFileURL(localPath).toString(), path: localPath, hashes: { sha256: sha('local-tool'), md5: '0123456789abcdef0123456789abcdef' }, sha256: sha('local-tool') });
    const numpy = forLinux.find((s) => s.name === 'numpy')!;
    expect(numpy.file.sha256).toBe(sha('numpy-linux'));
    expect(numpy.file.size).toBe(16116679);
    const forWindows = selectForTarget(lock, windows312);
    expect(forWindows.map((s) => `${s.name}==${s.version}`)).toEqual(['attrs==25.1.0', 'cattrs==24.1.2', 'colorama==0.4.6', 'numpy==2.2.3']);
    expect(forWindows.find((s) => s.name === 'numpy')!.file.url).toBe('https://files.example.org/packages/numpy-2.2.3-cp312-cp312-win_amd64.whl');
  });

  it('refuses a target outside requires-python', async () => {
    const lock = await readPylock(path.join(FIXTURES, 'pep751-example.toml'));
    expectUsage(() => selectForTarget(lock, linux), /requires Python ==3\.12\.\*, but target linux-x86_64-cp311 is Python 3\.11/);
  });
});

describe('lock validation', () => {
  const WHEEL = `{ name = "six-1.17.0-py2.py3-none-any.whl", url = "https://h/six-1.17.0-py2.py3-none-any.whl", hashes = { sha256 = "${sha('six')}" } }`;
  const lockText = (body: string, header = 'lock-version = "1.0"\ncreated-by = "hand"') => `${header}\n${body}`;

  it('refuses an unsupported lock-version major, warns on a newer minor', () => {
    expectUsage(() => parsePylock(lockText('packages = []', 'lock-version = "2.0"\ncreated-by = "x"'), '/a/pylock.toml'), /\/a\/pylock\.toml: lock-version 2\.0 is not supported \(pexship reads lock-version 1\.x\)/);
    expectUsage(() => parsePylock('created-by = "x"\npackages = []\n', '/a/pylock.toml'), /lock-version is missing/);
    const newer = parsePylock(lockText('packages = []', 'lock-version = "1.3"\ncreated-by = "x"'), '/a/pylock.toml');
    expect(newer.warnings).toEqual([expect.stringMatching(/lock-version 1\.3 is newer than 1\.0/)]);
  });

  it('refuses a wheel without sha256, naming the package', () => {
    const noSha = `[[packages]]\nname = "Six"\nversion = "1.17.0"\nwheels = [{ url = "https://h/six-1.17.0-py2.py3-none-any.whl", hashes = { md5 = "${'0'.repeat(32)}" } }]\n`;
    expectUsage(() => parsePylock(lockText(noSha), '/a/pylock.toml'), /package six 1\.17\.0: wheels\[0\] \(six-1\.17\.0-py2\.py3-none-any\.whl\) has no sha256 hash; pexship build --lock requires a sha256/);
    const noHashes = `[[packages]]\nname = "six"\nwheels = [{ url = "https://h/six-1.17.0-py2.py3-none-any.whl" }]\n`;
    expectUsage(() => parsePylock(lockText(noHashes), '/a/pylock.toml'), /package six: wheels\[0\] .*has no hashes/);
  });

  it('names package, target and offered wheels when nothing fits', () => {
    const body = `[[packages]]\nname = "numpy"\nversion = "2.2.3"\nwheels = [{ url = "https://h/numpy-2.2.3-cp312-cp312-win_amd64.whl", hashes = { sha256 = "${sha('n')}" } }]\n`;
    const lock = parsePylock(lockText(body), '/a/pylock.toml');
    expectUsage(() => selectForTarget(lock, linux), /package numpy 2\.2\.3 has no wheel for target linux-x86_64-cp311 \(best tags: cp311-cp311-manylinux_2_17_x86_64.*\); its wheels: numpy-2\.2\.3-cp312-cp312-win_amd64\.whl/);
  });

  it('refuses VCS and directory packages when selected, and ambiguous duplicates', () => {
    const vcs = `[[packages]]\nname = "tool"\n[packages.vcs]\ntype = "git"\nurl = "https://github.com/x/tool"\ncommit-id = "abc"\n`;
    expectUsage(() => selectForTarget(parsePylock(lockText(vcs), '/a/pylock.toml'), linux), /package tool comes from a version-control checkout, which pexship cannot put in a PEX/);
    const twice = `[[packages]]\nname = "six"\nversion = "1.16.0"\nwheels = [${WHEEL}]\n[[packages]]\nname = "six"\nversion = "1.17.0"\nwheels = [${WHEEL}]\n`;
    expectUsage(() => selectForTarget(parsePylock(lockText(twice), '/a/pylock.toml'), linux), /package six is listed more than once for target linux-x86_64-cp311 \(versions 1\.16\.0, 1\.17\.0\)/);
  });

  it('uses PEP 751 extras/dependency_groups marker variables and reads files', async () => {
    const body = `default-groups = ["dev"]\n[[packages]]\nname = "six"\nmarker = "'dev' in dependency_groups"\nwheels = [${WHEEL}]\n[[packages]]\nname = "pytest"\nmarker = "'test' in extras"\nwheels = [${WHEEL.replaceAll('six-1.17.0-py2.py3', 'pytest-8.0.0-py3')}]\n`;
    const dir = mkdtempSync(path.join(tmpdir(), 'pexship-lock-'));
    writeFileSync(path.join(dir, 'pylock.toml'), lockText(body));
    const lock = await readPylock(path.join(dir, 'pylock.toml'));
    expect(selectForTarget(lock, linux).map((s) => s.name)).toEqual(['six']);
    await expect(readPylock(path.join(dir, 'missing.toml'))).rejects.toThrow(/cannot read the lock file .*missing\.toml: no such file/);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compatibleTags,
  cpythonTags,
  macBinaryFormats,
  macPlatforms,
  manylinuxPlatforms,
  musllinuxPlatforms,
  orderByTags,
  parsePlatformTag,
  parseTag,
  platformTags,
  supportedTags,
  tagPriority,
} from '../../src/python/tags.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tags');
const load = (name: string) => JSON.parse(readFileSync(path.join(fixtures, name), 'utf8'));

interface GoldenTarget {
  python_version: string;
  abis: string[];
  platforms: string[];
  tags: string[];
}
const golden: Record<string, GoldenTarget> = load('tags-golden.json').targets;
const tagTests: Record<string, { cases: { id: string; params: Record<string, any> }[] }> = load('test_tags.json').tests;
const cases = (name: string) => tagTests[name].cases.map((c) => c.params);
const pipDebug: Record<string, string[]> = load('pip-debug-tags.json').cases;

describe('golden supported-tag lists (packaging sys_tags order) for all 32 targets', () => {
  const entries = Object.entries(golden);
  it('has 32 targets', () => expect(entries).toHaveLength(32));

  it.each(entries)('%s', (name, target) => {
    const platform = name.slice(name.indexOf('-') + 1);
    const [major, minor] = target.python_version.split('.').map(Number);
    expect(platformTags(platform)).toEqual(target.platforms);
    expect(supportedTags({ pythonVersion: [major, minor], abi: target.abis[0], platform })).toEqual(target.tags);
  });
});

describe('platform families', () => {
  it('parses platform tags', () => {
    expect(parsePlatformTag('manylinux2014_x86_64')).toMatchObject({ family: 'manylinux', arch: 'x86_64', glibc: [2, 17] });
    expect(parsePlatformTag('manylinux_2_28_aarch64')).toMatchObject({ family: 'manylinux', arch: 'aarch64', glibc: [2, 28] });
    expect(parsePlatformTag('musllinux_1_2_x86_64')).toMatchObject({ family: 'musllinux', musl: [1, 2] });
    expect(parsePlatformTag('macosx-10.13-x86_64')).toMatchObject({ tag: 'macosx_10_13_x86_64', family: 'macos', macos: [10, 13] });
    expect(parsePlatformTag('win_amd64')).toMatchObject({ family: 'windows', arch: 'amd64' });
    expect(parsePlatformTag('win32')).toMatchObject({ family: 'windows', arch: 'win32' });
    expect(parsePlatformTag('linux_armv7l')).toMatchObject({ family: 'linux', arch: 'armv7l', glibc: [2, 17] });
  });

  it('manylinux: legacy aliases follow their 2_N tag; non-x86 arches stop at 2_17', () => {
    expect(manylinuxPlatforms([2, 12], 'i686')).toEqual([
      'manylinux_2_12_i686',
      'manylinux2010_i686',
      'manylinux_2_11_i686',
      'manylinux_2_10_i686',
      'manylinux_2_9_i686',
      'manylinux_2_8_i686',
      'manylinux_2_7_i686',
      'manylinux_2_6_i686',
      'manylinux_2_5_i686',
      'manylinux1_i686',
      'linux_i686',
    ]);
    expect(manylinuxPlatforms([2, 18], 'armv7l')).toEqual(['manylinux_2_18_armv7l', 'manylinux_2_17_armv7l', 'manylinux2014_armv7l', 'linux_armv7l']);
    // No legacy alias ever existed for riscv64.
    expect(manylinuxPlatforms([2, 17], 'riscv64')).toEqual(['manylinux_2_17_riscv64', 'linux_riscv64']);
    expect(manylinuxPlatforms([2, 16], 's390x')).toEqual(['linux_s390x']);
  });

  it('a bare linux_<arch> target means manylinux2014 + linux, as pex assumes by default', () => {
    expect(platformTags('linux_x86_64')).toEqual(platformTags('manylinux2014_x86_64'));
  });

  it('musllinux goes down to 1_0', () => {
    expect(musllinuxPlatforms([1, 1], 'aarch64')).toEqual(['musllinux_1_1_aarch64', 'musllinux_1_0_aarch64', 'linux_aarch64']);
  });

  it('Windows platforms stand alone', () => {
    for (const p of ['win_amd64', 'win32', 'win_arm64']) expect(platformTags(p)).toEqual([p]);
  });
});

describe('macOS (test_tags.json TestMacOSPlatforms)', () => {
  it.each(cases('TestMacOSPlatforms.test_binary_formats'))('binary formats %j', ({ version, arch, expected }) => {
    expect(macBinaryFormats(version, arch)).toEqual(expected);
  });

  it.each(cases('TestMacOSPlatforms.test_macos_11'))('macOS %j: only X_0 for 11+, then 10.16 down', ({ major, minor }) => {
    const platforms = macPlatforms([major, minor], 'x86_64');
    expect(platforms[0]).toBe(`macosx_${major}_0_x86_64`);
    expect(platforms).toContain('macosx_11_0_x86_64');
    expect(platforms).toContain('macosx_10_16_x86_64');
    expect(platforms).toContain('macosx_10_4_x86_64');
    expect(platforms).not.toContain('macosx_10_3_x86_64');
    expect(platforms.some((p) => p.startsWith(`macosx_${major}_${minor}_`) && minor !== 0)).toBe(false);
    if (major === 12) expect(platforms.indexOf('macosx_12_0_universal2')).toBeLessThan(platforms.indexOf('macosx_11_0_x86_64'));
  });

  it('arm64 keeps only universal2 below 11', () => {
    const platforms = macPlatforms([12, 3], 'arm64');
    expect(platforms.slice(0, 4)).toEqual(['macosx_12_0_arm64', 'macosx_12_0_universal2', 'macosx_11_0_arm64', 'macosx_11_0_universal2']);
    expect(platforms.slice(4).every((p) => p.startsWith('macosx_10_') && p.endsWith('_universal2'))).toBe(true);
  });
});

describe('interpreter tags', () => {
  it.each(cases('TestCPythonTags.test_skip_redundant_abis'))('abi3/none in the ABI list are not repeated (%j)', ({ abis }) => {
    expect(cpythonTags([3, 11], abis, ['any'])).toEqual([
      'cp311-abi3-any',
      'cp311-none-any',
      ...[10, 9, 8, 7, 6, 5, 4, 3, 2].map((m) => `cp3${m}-abi3-any`),
    ]);
  });

  it('free-threaded CPython gets no abi3 tags', () => {
    expect(cpythonTags([3, 13], ['cp313t'], ['linux_x86_64'])).toEqual(['cp313-cp313t-linux_x86_64', 'cp313-none-linux_x86_64']);
  });

  it('compatible tags run py3X, py3, then older minors', () => {
    expect(compatibleTags([3, 1], 'cp31', ['plat'])).toEqual([
      'py31-none-plat',
      'py3-none-plat',
      'py30-none-plat',
      'cp31-none-any',
      'py31-none-any',
      'py3-none-any',
      'py30-none-any',
    ]);
  });
});

describe('parseTag (test_tags.json TestParseTag)', () => {
  it.each(cases('TestParseTag.test_empty_component_raises'))('empty component %j', ({ tag }) => {
    expect(() => parseTag(tag)).toThrow(/invalid tag/);
  });
  it.each(cases('TestParseTag.test_invalid_interpreter_raises'))('bad interpreter %j', ({ tag }) => {
    expect(() => parseTag(tag)).toThrow(/invalid tag/);
  });
  it.each(cases('TestParseTag.test_identifier_interpreter_is_valid'))('identifier interpreter %j', ({ interpreter }) => {
    expect(parseTag(`${interpreter}-none-any`)).toEqual([`${interpreter.toLowerCase()}-none-any`]);
  });
  it.each(cases('TestParseTag.test_invalid_component_count_raises'))('component count %j', ({ tag }) => {
    expect(() => parseTag(tag)).toThrow(/PYTHON-ABI-PLATFORM/);
  });
  it('expands compressed sets and lower-cases', () => {
    expect(parseTag('Py2.py3-none-ANY')).toEqual(['py2-none-any', 'py3-none-any']);
  });
});

describe('ranking', () => {
  it.each(cases('test_create_compatible_tags_selector'))('orderByTags %j', ({ supported, things, expected }) => {
    expect(orderByTags(things as string[], (t) => [t], supported)).toEqual(expected);
  });

  it('tagPriority maps tags to their first index and is cached per list', () => {
    const tags = ['a-b-c', 'd-e-f', 'a-b-c'];
    const p = tagPriority(tags);
    expect([...p]).toEqual([
      ['a-b-c', 0],
      ['d-e-f', 1],
    ]);
    expect(tagPriority(tags)).toBe(p);
  });
});

describe("pip's narrower --platform lists (pip-debug-tags.json)", () => {
  // pip expands only the legacy manylinux aliases and macOS versions for --platform; it never expands
  // manylinux_2_N ranges. pexship follows pex/packaging: a --platform target gets the same full list an
  // interpreter on that platform would report, so e.g. a manylinux_2_17-only wheel fits a manylinux2014
  // target. These tests pin down exactly how the two differ.
  it('pip: manylinux2014 without the 2_N range; we: its superset in the same relative order', () => {
    const pip = pipDebug['cp312 --platform manylinux2014_x86_64'];
    const ours = supportedTags({ pythonVersion: [3, 12], platform: 'manylinux2014_x86_64' });
    expect(ours.filter((t) => pip.includes(t))).toEqual(pip);
    expect(pip).not.toContain('cp312-cp312-manylinux_2_17_x86_64');
    expect(ours[0]).toBe('cp312-cp312-manylinux_2_17_x86_64');
    expect(ours).toContain('cp312-cp312-linux_x86_64');
  });

  it('pip: manylinux_2_28 alone; we: every older manylinux too', () => {
    const pip = pipDebug['cp312 --platform manylinux_2_28_x86_64'];
    const ours = supportedTags({ pythonVersion: [3, 12], platform: 'manylinux_2_28_x86_64' });
    expect(ours.filter((t) => pip.includes(t))).toEqual(pip);
    expect(pip.some((t) => t.endsWith('manylinux2014_x86_64'))).toBe(false);
    expect(ours).toContain('cp312-cp312-manylinux2014_x86_64');
  });

  it('macOS and Windows lists are the same as pip', () => {
    expect(supportedTags({ pythonVersion: [3, 12], platform: 'macosx_11_0_arm64' })).toEqual(pipDebug['cp312 --platform macosx_11_0_arm64']);
    expect(supportedTags({ pythonVersion: [3, 11], platform: 'win_amd64' })).toEqual(pipDebug['cp311 --platform win_amd64']);
  });
});

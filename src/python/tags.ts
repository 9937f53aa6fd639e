/**
 * PEP 425 compatibility tags for CPython targets, in preference order (best first), written from PEP 425,
 * PEP 513/599/600 (manylinux), PEP 656 (musllinux) and the macOS binary-format conventions, so that the order
 * equals what pip/pex/packaging compute for an interpreter of that version on that platform.
 *
 * Public API (all pure):
 * - `supportedTags({pythonVersion, abi?, platform}): string[]` — the full ordered list for CPython X.Y on one
 *   platform tag (`manylinux2014_x86_64`, `macosx_11_0_arm64`, `win_amd64`, …): `cpythonTags` then
 *   `compatibleTags` over `platformTags(platform)`.
 * - `platformTags(platform): string[]` — one platform tag expanded into every platform it can run wheels for,
 *   best first (manylinux/musllinux ranges with legacy aliases and `linux_<arch>` last, macOS versions and
 *   binary formats, Windows as is).
 * - `cpythonTags(version, abis, platforms)`, `compatibleTags(version, interpreter, platforms)` — the two halves.
 * - `manylinuxPlatforms(glibc, arch)`, `musllinuxPlatforms(musl, arch)`, `macPlatforms(version, arch)`,
 *   `macBinaryFormats(version, arch)` — the platform families.
 * - `parsePlatformTag(platform): PlatformInfo` — family, arch and version numbers of one platform tag.
 * - `parseTag(tag): string[]` — validates a (possibly compressed) `python-abi-platform` tag and expands it.
 * - `tagPriority(tags): Map<string, number>` — tag → index (0 = best), cached per list.
 * - `orderByTags(items, tagsOf, supported)` — keeps the items that carry a supported tag, best first.
 *
 * Versions are plain number tuples (`[3, 11]`, glibc `[2, 17]`, macOS `[11, 0]`).
 */

export type VersionPair = readonly [number, number];

/** Tags only ever compare lower-cased (PEP 425 says tags are lower case). */
const priorityCache = new WeakMap<readonly string[], Map<string, number>>();

export function tagPriority(tags: readonly string[]): Map<string, number> {
  let map = priorityCache.get(tags);
  if (!map) {
    const built = new Map<string, number>();
    // First occurrence wins: a tag listed twice keeps its better rank.
    tags.forEach((tag, index) => {
      const key = tag.toLowerCase();
      if (!built.has(key)) built.set(key, index);
    });
    priorityCache.set(tags, built);
    map = built;
  }
  return map;
}

/**
 * Keeps the items with at least one supported tag, ordered by their best tag (ties keep input order).
 * `tagsOf` may return compressed tag sets (`py2.py3-none-any`); they are expanded.
 */
export function orderByTags<T>(items: readonly T[], tagsOf: (item: T) => readonly string[], supported: readonly string[]): T[] {
  const priority = tagPriority(supported);
  const ranked: { item: T; rank: number; index: number }[] = [];
  items.forEach((item, index) => {
    let rank = Number.POSITIVE_INFINITY;
    for (const written of tagsOf(item)) {
      for (const tag of expandTagSet(written)) {
        const r = priority.get(tag.toLowerCase());
        if (r !== undefined && r < rank) rank = r;
      }
    }
    if (rank !== Number.POSITIVE_INFINITY) ranked.push({ item, rank, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.map((r) => r.item);
}

/** Splits each `.`-separated component and takes the product; a string without dashes is taken as one tag. */
function expandTagSet(tag: string): string[] {
  const parts = tag.split('-');
  if (parts.length !== 3) return tag.split('.');
  const [pys, abis, plats] = parts.map((p) => p.split('.'));
  const out: string[] = [];
  for (const py of pys) for (const abi of abis) for (const plat of plats) out.push(`${py}-${abi}-${plat}`);
  return out;
}

/** Validates a tag (compressed sets allowed) and returns its expanded, lower-cased triples. */
export function parseTag(tag: string): string[] {
  const parts = tag.split('-');
  if (parts.length !== 3) throw new Error(`invalid tag ${JSON.stringify(tag)}: expected PYTHON-ABI-PLATFORM`);
  const [pys, abis, plats] = parts.map((p) => p.toLowerCase().split('.'));
  for (const component of [...pys, ...abis, ...plats]) {
    if (component === '') throw new Error(`invalid tag ${JSON.stringify(tag)}: empty component`);
  }
  for (const py of pys) {
    // The interpreter part is an identifier: `py3`, `cp311`, `graalpy311`, `_custom`; never `2` or `py+3`.
    if (!/^[a-z_][a-z0-9_]*$/.test(py)) throw new Error(`invalid tag ${JSON.stringify(tag)}: bad interpreter ${JSON.stringify(py)}`);
  }
  for (const part of [...abis, ...plats]) {
    if (!/^[a-z0-9_]+$/.test(part)) throw new Error(`invalid tag ${JSON.stringify(tag)}: bad component ${JSON.stringify(part)}`);
  }
  return expandTagSet(parts.map((_, i) => [pys, abis, plats][i].join('.')).join('-'));
}

// ---------------------------------------------------------------------------------------------------------
// Platform families

export type PlatformFamily = 'manylinux' | 'musllinux' | 'linux' | 'macos' | 'windows' | 'other';

export interface PlatformInfo {
  /** The platform tag, lower case with `-`/`.` turned into `_`. */
  tag: string;
  family: PlatformFamily;
  /** CPU architecture as it appears in tags: `x86_64`, `aarch64`, `arm64`, `amd64`, `win32` … */
  arch: string;
  /** glibc for manylinux and linux (linux_<arch> counts as manylinux2014, as pex assumes by default). */
  glibc?: VersionPair;
  musl?: VersionPair;
  macos?: VersionPair;
}

/** Legacy manylinux names and the glibc each stands for (PEP 513, 571, 599). */
const LEGACY_MANYLINUX: Record<string, VersionPair> = {
  manylinux1: [2, 5],
  manylinux2010: [2, 12],
  manylinux2014: [2, 17],
};

/** Which architectures had a legacy alias at each glibc, in the order the aliases were defined. */
const LEGACY_ALIAS_ARCHES: { glibc: VersionPair; name: string; arches: ReadonlySet<string> }[] = [
  { glibc: [2, 17], name: 'manylinux2014', arches: new Set(['x86_64', 'i686', 'aarch64', 'armv7l', 'ppc64', 'ppc64le', 's390x']) },
  { glibc: [2, 12], name: 'manylinux2010', arches: new Set(['x86_64', 'i686']) },
  { glibc: [2, 5], name: 'manylinux1', arches: new Set(['x86_64', 'i686']) },
];

/** The glibc pex targets for a bare `linux_<arch>` platform (its default `--manylinux manylinux2014`). */
export const DEFAULT_LINUX_GLIBC: VersionPair = [2, 17];

export function parsePlatformTag(platform: string): PlatformInfo {
  const tag = platform.trim().toLowerCase().replace(/[-.]/g, '_');
  let m: RegExpExecArray | null;
  if ((m = /^manylinux_(\d+)_(\d+)_(.+)$/.exec(tag))) {
    return { tag, family: 'manylinux', arch: m[3], glibc: [Number(m[1]), Number(m[2])] };
  }
  if ((m = /^(manylinux1|manylinux2010|manylinux2014)_(.+)$/.exec(tag))) {
    return { tag, family: 'manylinux', arch: m[2], glibc: LEGACY_MANYLINUX[m[1]] };
  }
  if ((m = /^musllinux_(\d+)_(\d+)_(.+)$/.exec(tag))) {
    return { tag, family: 'musllinux', arch: m[3], musl: [Number(m[1]), Number(m[2])] };
  }
  if ((m = /^linux_(.+)$/.exec(tag))) return { tag, family: 'linux', arch: m[1], glibc: DEFAULT_LINUX_GLIBC };
  if ((m = /^macosx_(\d+)_(\d+)_(.+)$/.exec(tag))) {
    return { tag, family: 'macos', arch: m[3], macos: [Number(m[1]), Number(m[2])] };
  }
  if (tag === 'win32') return { tag, family: 'windows', arch: 'win32' };
  if ((m = /^win_(.+)$/.exec(tag))) return { tag, family: 'windows', arch: m[1] };
  return { tag, family: 'other', arch: tag };
}

/**
 * `manylinux_2_N_<arch>` from the target's glibc down to the oldest manylinux for the arch (2.5 on x86, 2.17
 * elsewhere), each legacy alias right after the `2_N` tag it equals, then `linux_<arch>`.
 */
export function manylinuxPlatforms(glibc: VersionPair, arch: string): string[] {
  const [major, minor] = glibc;
  const oldest = arch === 'x86_64' || arch === 'i686' ? 5 : 17;
  const out: string[] = [];
  if (major === 2) {
    for (let m = minor; m >= oldest; m--) {
      out.push(`manylinux_2_${m}_${arch}`);
      const alias = LEGACY_ALIAS_ARCHES.find((a) => a.glibc[1] === m && a.arches.has(arch));
      if (alias) out.push(`${alias.name}_${arch}`);
    }
  }
  out.push(`linux_${arch}`);
  return out;
}

/** `musllinux_1_N_<arch>` from the target's musl down to 1.0, then `linux_<arch>`. */
export function musllinuxPlatforms(musl: VersionPair, arch: string): string[] {
  const out: string[] = [];
  for (let m = musl[1]; m >= 0; m--) out.push(`musllinux_${musl[0]}_${m}_${arch}`);
  out.push(`linux_${arch}`);
  return out;
}

/** Multi-architecture names a wheel built for `arch` may carry on macOS `version`, best first. */
export function macBinaryFormats(version: VersionPair, arch: string): string[] {
  const atLeast = (major: number, minor: number) => version[0] > major || (version[0] === major && version[1] >= minor);
  switch (arch) {
    case 'x86_64':
      return atLeast(10, 4) ? ['x86_64', 'intel', 'fat64', 'fat3', 'universal2', 'universal'] : [];
    case 'i386':
      return atLeast(10, 4) ? ['i386', 'intel', 'fat3', 'fat', 'universal'] : [];
    case 'ppc64':
      // 64-bit PowerPC only ever ran 10.4 and 10.5.
      return atLeast(10, 4) && !atLeast(10, 6) ? ['ppc64', 'fat64', 'universal'] : [];
    case 'ppc':
      return !atLeast(10, 7) ? ['ppc', 'fat3', 'fat', 'universal'] : [];
    case 'intel':
      return ['intel', 'universal'];
    case 'arm64':
      return ['arm64', 'universal2'];
    default:
      return [arch];
  }
}

/**
 * macOS platforms from the target version down to 10.0. From macOS 11 on only `X_0` counts (the major is the
 * compatibility boundary); below 11, every 10.minor. An arm64 Mac also takes universal2 wheels tagged for
 * 10.x: they carry arm64 code, while a plain `macosx_10_x_arm64` tag cannot exist.
 */
export function macPlatforms(version: VersionPair, arch: string): string[] {
  const out: string[] = [];
  const add = (major: number, minor: number, formats: string[]) => {
    for (const f of formats) out.push(`macosx_${major}_${minor}_${f}`);
  };
  let tenMinor = version[1];
  if (version[0] >= 11) {
    for (let major = version[0]; major >= 11; major--) add(major, 0, macBinaryFormats([major, 0], arch));
    // Big Sur also reported itself as 10.16 to old tools; wheels tagged that way fit every 11+ Mac.
    tenMinor = 16;
  } else if (version[0] !== 10) {
    return out;
  }
  for (let minor = tenMinor; minor >= 0; minor--) {
    const formats = arch === 'arm64' ? macBinaryFormats([10, minor], 'x86_64').filter((f) => f === 'universal2') : macBinaryFormats([10, minor], arch);
    add(10, minor, formats);
  }
  return out;
}

/** Every platform tag a target with this platform tag accepts, best first. */
export function platformTags(platform: string): string[] {
  const info = parsePlatformTag(platform);
  switch (info.family) {
    case 'manylinux':
    case 'linux':
      return manylinuxPlatforms(info.glibc!, info.arch);
    case 'musllinux':
      return musllinuxPlatforms(info.musl!, info.arch);
    case 'macos':
      return macPlatforms(info.macos!, info.arch);
    default:
      return [info.tag];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Interpreter tags

const pyVersion = (major: number, minor?: number) => (minor === undefined ? `${major}` : `${major}${minor}`);

/** Whether the stable ABI (abi3) applies: CPython 3.2+ and not a free-threaded build (`cp313t`). */
function abi3Applies(version: VersionPair, abis: readonly string[]): boolean {
  const freeThreaded = abis.some((a) => /^cp\d+t$/.test(a));
  return version[0] === 3 && version[1] >= 2 && !freeThreaded;
}

/**
 * CPython-specific tags: the interpreter's own ABIs, then abi3, then `none`, each over every platform; then
 * abi3 wheels built for older 3.x minors, newest first.
 */
export function cpythonTags(version: VersionPair, abis: readonly string[], platforms: readonly string[]): string[] {
  const interpreter = `cp${pyVersion(version[0], version[1])}`;
  const ownAbis = abis.map((a) => a.toLowerCase()).filter((a) => a !== 'abi3' && a !== 'none');
  const withAbi3 = abi3Applies(version, ownAbis);
  const out: string[] = [];
  for (const abi of ownAbis) for (const p of platforms) out.push(`${interpreter}-${abi}-${p}`);
  if (withAbi3) for (const p of platforms) out.push(`${interpreter}-abi3-${p}`);
  for (const p of platforms) out.push(`${interpreter}-none-${p}`);
  if (withAbi3) {
    for (let minor = version[1] - 1; minor >= 2; minor--) {
      for (const p of platforms) out.push(`cp${pyVersion(version[0], minor)}-abi3-${p}`);
    }
  }
  return out;
}

/** `py3X`, `py3`, then `py3(X-1)` … `py30`: the generic Python tags a 3.X interpreter accepts. */
function pyInterpreterRange(version: VersionPair): string[] {
  const out = [`py${pyVersion(version[0], version[1])}`, `py${version[0]}`];
  for (let minor = version[1] - 1; minor >= 0; minor--) out.push(`py${pyVersion(version[0], minor)}`);
  return out;
}

/**
 * Tags any interpreter of this version accepts: pure-Python-with-platform (`py3X-none-<plat>` …), then
 * `<interpreter>-none-any`, then `py3X-none-any` ….
 */
export function compatibleTags(version: VersionPair, interpreter: string | undefined, platforms: readonly string[]): string[] {
  const range = pyInterpreterRange(version);
  const out: string[] = [];
  for (const py of range) for (const p of platforms) out.push(`${py}-none-${p}`);
  if (interpreter) out.push(`${interpreter}-none-any`);
  for (const py of range) out.push(`${py}-none-any`);
  return out;
}

export interface TagTarget {
  /** CPython version, e.g. [3, 11]. */
  pythonVersion: VersionPair;
  /** The interpreter ABI, e.g. `cp311` (default `cp3X`). */
  abi?: string;
  /** Several ABIs, best first, when the interpreter has more than one (a debug build: `cp311d`, `cp311`). */
  abis?: readonly string[];
  /** One platform tag (expanded with `platformTags`) or an already expanded, ordered list. */
  platform: string | readonly string[];
}

/** The ordered supported tags of CPython X.Y on a platform: exactly packaging's `sys_tags` order. */
export function supportedTags(target: TagTarget): string[] {
  const [major, minor] = target.pythonVersion;
  const platforms = typeof target.platform === 'string' ? platformTags(target.platform) : [...target.platform];
  const abis = target.abis ?? [target.abi ?? `cp${major}${minor}`];
  const interpreter = `cp${major}${minor}`;
  const tags = [...cpythonTags(target.pythonVersion, abis, platforms), ...compatibleTags(target.pythonVersion, interpreter, platforms)];
  // A tag can only repeat when a caller passes odd inputs (e.g. abi 'none'); keep the first, best, one.
  return [...new Set(tags)];
}

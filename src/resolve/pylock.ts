/**
 * PEP 751 lock files (`pylock.toml`): written by `pexship lock`, read by `pexship build --lock`.
 *
 * Public API:
 * - `writePylock(resolutions, {targets, requirements?, createdBy?, requiresPython?, index?}) → string` —
 *   `resolutions[i]` is the pinned set the resolver chose for `targets[i]`. One `environments` marker per
 *   distinct target, one `[[packages]]` entry per (name, version) with every wheel any target chose, a `marker`
 *   when only some targets need the package, `sdist` for packages that must be built. Same input → same bytes.
 * - `parsePylock(text, file) → LockedSet`, `readPylock(path) → Promise<LockedSet>` — reads any PEP 751 file
 *   (ours, uv's, hand-written); checks lock-version 1.x and that every wheel and sdist has a sha256.
 * - `selectForTarget(lock, target) → LockedSelection[]` — for a target (ordered tags + marker environment):
 *   exactly which file of which package to fetch, with URL and sha256, sorted by name. Errors name the package,
 *   the target and what the lock offers.
 * - `targetMarker(env) → string` — the marker written into `environments` for a target.
 *
 * PEP 751 locks are flat: `dependencies` is informational and ignored; a package is installed when its `marker`
 * (if any) holds for the target.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseToml } from 'smol-toml';
import { JobError, UsageError } from '../errors.js';
import { compareVersions, SpecifierSet, tryParseVersion } from '../python/pep440.js';
import { evaluateMarker, parseMarker, type Marker } from '../python/pep508.js';
import type { Target } from '../python/platform.js';
import { canonicalizeName, compareWheelsForTarget, parseWheelFilename, wheelSupported } from '../python/wheel.js';

// ---------------------------------------------------------------------------------------------------------------
// Shared shapes

/** What a target must offer to be written into or selected from a lock (a `Target` fits). */
export type LockTarget = Pick<Target, 'tags' | 'markerEnvironment'> & Partial<Pick<Target, 'label' | 'platform'>>;

/** One file the resolver chose (an `IndexFile`-like record). */
export interface LockFileInput {
  filename: string;
  url: string;
  /** Algorithm → hex digest; `sha256` is required. */
  hashes: Record<string, string>;
  size?: number;
  requiresPython?: string;
}

/** One pinned package of a target's resolution. */
export interface LockPackageInput {
  name: string;
  version: string;
  file: LockFileInput;
  /** The file is an sdist that must be built. */
  needsBuild?: boolean;
  /** The PEP 503 index the file came from (omit for find-links and direct URLs). */
  index?: string;
  extras?: readonly string[];
}

export interface WritePylockOptions {
  /** Parallel to `resolutions`. */
  targets: readonly LockTarget[];
  /** The top-level requirements as given (recorded under `[tool.pexship]`). */
  requirements?: readonly string[];
  /** Default `pexship`. */
  createdBy?: string;
  /** Default: derived from the targets' Python versions. */
  requiresPython?: string;
  /** Index recorded for packages whose input names none. */
  index?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** The marker keys that tell targets apart, in the order they are written. */
const TARGET_MARKER_KEYS = ['implementation_name', 'python_version', 'sys_platform', 'platform_machine'] as const;

function envOf(target: LockTarget): Record<string, string> {
  return { ...(target.markerEnvironment as unknown as Record<string, string>) };
}

function markerAtom(key: string, value: string): string {
  return `${key} == ${value.includes("'") ? JSON.stringify(value) : `'${value}'`}`;
}

/** `implementation_name == 'cpython' and python_version == '3.11' and sys_platform == 'linux' and …`. */
export function targetMarker(env: Readonly<Record<string, string>> | Target['markerEnvironment']): string {
  const values = env as unknown as Record<string, string | undefined>;
  const atoms = TARGET_MARKER_KEYS.filter((k) => typeof values[k] === 'string' && values[k] !== '').map((k) => markerAtom(k, values[k]!));
  if (atoms.length === 0) throw new UsageError('a target without marker values (python_version, sys_platform, …) cannot be locked');
  return atoms.join(' and ');
}

interface EntryBuild {
  name: string;
  version: string;
  /** Indexes of marker groups that need this (name, version). */
  groups: Set<number>;
  /** Targets (indexes) that need it, to check groups are whole. */
  targets: Set<number>;
  wheels: Map<string, LockFileInput>;
  sdist?: LockFileInput;
  /** Candidates from every file and target; the output takes the smallest, so input order cannot matter. */
  requiresPython: Set<string>;
  index: Set<string>;
}

export function writePylock(resolutions: readonly (readonly LockPackageInput[])[], options: WritePylockOptions): string {
  const { targets } = options;
  if (resolutions.length !== targets.length) throw new Error(`writePylock: ${resolutions.length} resolutions for ${targets.length} targets`);
  if (targets.length === 0) throw new UsageError('nothing to lock: give at least one target');

  // Targets with the same marker environment cannot be told apart by markers: they share one `environments` entry.
  const targetGroup: number[] = [];
  const groupMarkers: string[] = [];
  const groupEnvs: Record<string, string>[] = [];
  const groupTargets: number[][] = [];
  targets.forEach((t, i) => {
    const marker = targetMarker(envOf(t));
    let g = groupMarkers.indexOf(marker);
    if (g < 0) {
      g = groupMarkers.push(marker) - 1;
      groupEnvs.push(envOf(t));
      groupTargets.push([]);
    }
    targetGroup.push(g);
    groupTargets[g].push(i);
  });

  const entries = new Map<string, EntryBuild>();
  resolutions.forEach((packages, t) => {
    for (const pkg of packages) {
      const name = canonicalizeName(pkg.name);
      const version = normaliseVersion(pkg.version);
      const sha256 = pkg.file.hashes.sha256;
      if (!sha256 || !/^[0-9a-fA-F]{64}$/.test(sha256)) {
        throw new JobError(`cannot lock ${name} ${version}: ${pkg.file.filename} has no sha256 hash (from ${pkg.file.url}); use an index that publishes sha256 hashes`);
      }
      const key = `${name}\0${version}`;
      let entry = entries.get(key);
      if (!entry) {
        entry = { name, version, groups: new Set(), targets: new Set(), wheels: new Map(), requiresPython: new Set(), index: new Set() };
        entries.set(key, entry);
      }
      entry.groups.add(targetGroup[t]);
      entry.targets.add(t);
      if (pkg.needsBuild || !pkg.file.filename.toLowerCase().endsWith('.whl')) {
        if (entry.sdist && entry.sdist.filename !== pkg.file.filename) {
          throw new JobError(`cannot lock ${name} ${version}: two different source distributions were chosen (${entry.sdist.filename}, ${pkg.file.filename})`);
        }
        entry.sdist = pkg.file;
      } else {
        entry.wheels.set(pkg.file.filename, pkg.file);
      }
      if (pkg.file.requiresPython) entry.requiresPython.add(pkg.file.requiresPython);
      const index = pkg.index ?? options.index;
      if (index) entry.index.add(index);
    }
  });

  for (const entry of entries.values()) {
    for (const g of entry.groups) {
      const missing = groupTargets[g].filter((t) => !entry.targets.has(t));
      if (missing.length > 0) {
        const name = (i: number) => targets[i].label ?? targets[i].platform ?? `target ${i + 1}`;
        const having = groupTargets[g].filter((t) => entry.targets.has(t));
        throw new JobError(
          `cannot lock ${entry.name} ${entry.version}: targets ${having.map(name).join(', ')} need it but ${missing.map(name).join(', ')} do not, ` +
            `and PEP 751 markers cannot tell these targets apart (same ${TARGET_MARKER_KEYS.join(', ')}); lock them into separate files`,
        );
      }
    }
  }

  const sorted = [...entries.values()].sort((a, b) => (a.name !== b.name ? (a.name < b.name ? -1 : 1) : compareVersionText(a.version, b.version)));
  const lines: string[] = [];
  lines.push(`lock-version = ${str('1.0')}`);
  lines.push(`environments = ${strArray([...groupMarkers].sort())}`);
  lines.push(`requires-python = ${str(options.requiresPython ?? derivedRequiresPython(groupEnvs))}`);
  lines.push('extras = []');
  lines.push('dependency-groups = []');
  lines.push('default-groups = []');
  lines.push(`created-by = ${str(options.createdBy ?? 'pexship')}`);
  for (const entry of sorted) {
    lines.push('', '[[packages]]');
    lines.push(`name = ${str(entry.name)}`);
    lines.push(`version = ${str(entry.version)}`);
    if (entry.groups.size < groupMarkers.length) lines.push(`marker = ${str(subsetMarker(entry.groups, groupEnvs, groupMarkers))}`);
    const requiresPython = smallest(entry.requiresPython);
    if (requiresPython) lines.push(`requires-python = ${str(requiresPython)}`);
    const index = smallest(entry.index);
    if (index) lines.push(`index = ${str(index)}`);
    if (entry.sdist) lines.push(`sdist = ${fileTable(entry.sdist)}`);
    if (entry.wheels.size > 0) {
      lines.push('wheels = [');
      for (const name of [...entry.wheels.keys()].sort()) lines.push(`    ${fileTable(entry.wheels.get(name)!)},`);
      lines.push(']');
    }
  }
  lines.push('', '[tool.pexship]');
  lines.push(`requirements = ${strArray(options.requirements ?? [])}`);
  lines.push(`targets = ${strArray(targets.map((t) => t.platform ?? t.label ?? ''))}`);
  return `${lines.join('\n')}\n`;
}

function smallest(values: Set<string>): string | undefined {
  return [...values].sort()[0];
}

/** A marker true for exactly the groups in `present` among all groups: one key when it suffices, else an `or`. */
function subsetMarker(present: Set<number>, envs: Record<string, string>[], markers: string[]): string {
  for (const key of TARGET_MARKER_KEYS) {
    const inside = new Set([...present].map((g) => envs[g][key]));
    const outside = new Set(envs.filter((_, g) => !present.has(g)).map((env) => env[key]));
    if ([...inside].every((v) => v !== undefined && v !== '' && !outside.has(v))) {
      const atoms = [...inside].sort().map((v) => markerAtom(key, v));
      return atoms.join(' or ');
    }
  }
  return [...present]
    .map((g) => markers[g])
    .sort()
    .map((m) => `(${m})`)
    .join(' or ');
}

/** `==3.11.*` for one Python version, `>=3.9,<3.13` for several. */
function derivedRequiresPython(envs: Record<string, string>[]): string {
  const versions = [...new Set(envs.map((e) => e.python_version).filter((v) => /^\d+\.\d+$/.test(v ?? '')))].sort(compareVersions);
  if (versions.length === 0) return '>=3';
  if (versions.length === 1) return `==${versions[0]}.*`;
  const [major, minor] = versions[versions.length - 1].split('.').map(Number);
  return `>=${versions[0]},<${major}.${minor + 1}`;
}

function normaliseVersion(version: string): string {
  return tryParseVersion(version)?.toString() ?? version;
}

function compareVersionText(a: string, b: string): number {
  if (tryParseVersion(a) && tryParseVersion(b)) return compareVersions(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function fileTable(file: LockFileInput): string {
  const parts = [`name = ${str(file.filename)}`, `url = ${str(file.url)}`];
  if (file.size !== undefined) parts.push(`size = ${file.size}`);
  const hashes = Object.keys(file.hashes)
    .sort()
    .map((alg) => `${alg} = ${str(file.hashes[alg].toLowerCase())}`);
  parts.push(`hashes = { ${hashes.join(', ')} }`);
  return `{ ${parts.join(', ')} }`;
}

/** A TOML basic string. */
function str(value: string): string {
  // Nearly every string (names, URLs, hashes) needs no escape: skip the walk through its characters.
  if (!/["\\\x00-\x1f\x7f]/.test(value)) return `"${value}"`;
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function strArray(values: readonly string[]): string {
  if (values.length === 0) return '[]';
  return `[\n${values.map((v) => `    ${str(v)},`).join('\n')}\n]`;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

export interface LockedFile {
  filename: string;
  /** `http(s)://` or `file://` (a `path` in the lock becomes an absolute `file://` URL). */
  url: string;
  /** For files given by `path` (absolute). */
  path?: string;
  size?: number;
  /** Algorithm → lower-case hex digest; always has `sha256`. */
  hashes: Record<string, string>;
  sha256: string;
}

export interface LockedPackage {
  /** PEP 503 normal form. */
  name: string;
  version?: string;
  marker?: Marker;
  requiresPython?: string;
  index?: string;
  wheels: LockedFile[];
  sdist?: LockedFile;
  /** Set when the package comes from a source tree or VCS, which pexship cannot install. */
  unsupportedSource?: 'vcs' | 'directory' | 'archive';
}

export interface LockedSet {
  file: string;
  lockVersion: string;
  createdBy: string;
  requiresPython?: string;
  /** The `environments` markers (empty: the lock claims every environment). */
  environments: string[];
  defaultGroups: string[];
  packages: LockedPackage[];
  /** `[tool.pexship]` when present (requirements and targets the lock was made for). */
  pexship?: { requirements: string[]; targets: string[] };
  /** E.g. a newer minor lock-version than we know. */
  warnings: string[];
}

export interface LockedSelection {
  name: string;
  version?: string;
  /** The chosen file; `needsBuild` when it is an sdist. */
  file: LockedFile;
  needsBuild: boolean;
  requiresPython?: string;
  index?: string;
}

export async function readPylock(file: string): Promise<LockedSet> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read the lock file ${file}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}; check --lock, or create one with pexship lock`);
  }
  return parsePylock(text, path.resolve(file));
}

export function parsePylock(text: string, file: string): LockedSet {
  const fail = (what: string): never => {
    throw new UsageError(`lock file ${file}: ${what}`);
  };
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (err) {
    return fail(`not valid TOML: ${(err as Error).message.split('\n')[0]}; fix it or re-create it with pexship lock`);
  }
  const warnings: string[] = [];
  const lockVersion = doc['lock-version'];
  if (typeof lockVersion !== 'string') return fail('lock-version is missing; this is not a PEP 751 lock file (pylock.toml)');
  const versionMatch = /^(\d+)\.(\d+)$/.exec(lockVersion);
  if (!versionMatch) return fail(`lock-version ${JSON.stringify(lockVersion)} is not MAJOR.MINOR`);
  if (versionMatch[1] !== '1') {
    return fail(`lock-version ${lockVersion} is not supported (pexship reads lock-version 1.x); re-create the lock with a tool that writes PEP 751 1.x, e.g. pexship lock`);
  }
  if (versionMatch[2] !== '0') warnings.push(`lock file ${file}: lock-version ${lockVersion} is newer than 1.0; fields pexship does not know are ignored`);

  const stringList = (value: unknown, where: string): string[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return fail(`${where} must be an array of strings`);
    return value as string[];
  };
  const environments = stringList(doc.environments, 'environments');
  environments.forEach((m, i) => {
    try {
      parseMarker(m);
    } catch (err) {
      fail(`environments[${i}] is not a valid marker: ${(err as Error).message}`);
    }
  });
  const requiresPython = optionalString(doc['requires-python'], 'requires-python', fail);
  if (requiresPython !== undefined) checkSpecifier(requiresPython, 'requires-python', fail);

  const packagesRaw = doc.packages;
  if (packagesRaw === undefined) return fail('[[packages]] is missing');
  if (!Array.isArray(packagesRaw)) return fail('packages must be an array of tables ([[packages]])');
  const dir = path.dirname(file);
  const packages = packagesRaw.map((raw, i) => readPackage(raw, i, dir, fail));

  const tool = isTable(doc.tool) ? doc.tool : undefined;
  const ours = tool && isTable(tool.pexship) ? tool.pexship : undefined;
  return {
    file,
    lockVersion,
    createdBy: typeof doc['created-by'] === 'string' ? doc['created-by'] : '',
    ...(requiresPython !== undefined ? { requiresPython } : {}),
    environments,
    defaultGroups: stringList(doc['default-groups'], 'default-groups'),
    packages,
    ...(ours ? { pexship: { requirements: stringList(ours.requirements, 'tool.pexship.requirements'), targets: stringList(ours.targets, 'tool.pexship.targets') } } : {}),
    warnings,
  };
}

function readPackage(raw: unknown, position: number, dir: string, fail: (what: string) => never): LockedPackage {
  if (!isTable(raw)) return fail(`packages[${position}] is not a table`);
  if (typeof raw.name !== 'string' || raw.name === '') return fail(`packages[${position}] has no name`);
  const name = canonicalizeName(raw.name);
  const version = optionalString(raw.version, `package ${name}: version`, fail);
  const label = version ? `${name} ${version}` : name;
  const where = `package ${label}`;
  let marker: Marker | undefined;
  const markerText = optionalString(raw.marker, `${where}: marker`, fail);
  if (markerText !== undefined) {
    try {
      marker = parseMarker(markerText);
    } catch (err) {
      fail(`${where}: marker is not valid: ${(err as Error).message}`);
    }
  }
  const requiresPython = optionalString(raw['requires-python'], `${where}: requires-python`, fail);
  if (requiresPython !== undefined) checkSpecifier(requiresPython, `${where}: requires-python`, fail);
  const index = optionalString(raw.index, `${where}: index`, fail);

  const wheels: LockedFile[] = [];
  if (raw.wheels !== undefined) {
    if (!Array.isArray(raw.wheels)) fail(`${where}: wheels must be an array of tables`);
    (raw.wheels as unknown[]).forEach((w, i) => wheels.push(readFileEntry(w, `${where}: wheels[${i}]`, dir, fail)));
  }
  let sdist: LockedFile | undefined;
  if (raw.sdist !== undefined) sdist = readFileEntry(raw.sdist, `${where}: sdist`, dir, fail);
  let unsupportedSource: LockedPackage['unsupportedSource'];
  if (raw.archive !== undefined) {
    const archive = readFileEntry(raw.archive, `${where}: archive`, dir, fail);
    // An archive that is a wheel installs like one; anything else would need building from an unknown layout.
    if (archive.filename.toLowerCase().endsWith('.whl')) wheels.push(archive);
    else unsupportedSource = 'archive';
  }
  if (raw.vcs !== undefined) unsupportedSource = 'vcs';
  if (raw.directory !== undefined) unsupportedSource = 'directory';
  for (const w of wheels) {
    try {
      parseWheelFilename(w.filename);
    } catch (err) {
      fail(`${where}: ${(err as Error).message}`);
    }
  }
  return {
    name,
    ...(version !== undefined ? { version } : {}),
    ...(marker ? { marker } : {}),
    ...(requiresPython !== undefined ? { requiresPython } : {}),
    ...(index !== undefined ? { index } : {}),
    wheels,
    ...(sdist ? { sdist } : {}),
    ...(unsupportedSource && wheels.length === 0 && !sdist ? { unsupportedSource } : {}),
  };
}

function readFileEntry(raw: unknown, where: string, dir: string, fail: (what: string) => never): LockedFile {
  if (!isTable(raw)) return fail(`${where} is not a table`);
  const url = optionalString(raw.url, `${where}.url`, fail);
  const filePath = optionalString(raw.path, `${where}.path`, fail);
  if (url === undefined && filePath === undefined) return fail(`${where} has neither url nor path; pexship needs one to fetch the file`);
  let absolute: string | undefined;
  let location: string;
  if (url !== undefined) {
    location = url;
    if (url.startsWith('file:')) absolute = decodeURIComponent(new URL(url).pathname);
  } else {
    absolute = path.resolve(dir, filePath!);
    location = pathToFileURL(absolute).toString();
  }
  let filename = optionalString(raw.name, `${where}.name`, fail);
  if (filename === undefined) {
    const fromLocation = url !== undefined ? decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') : path.basename(filePath!);
    if (!fromLocation) return fail(`${where} has no name and its url does not end in a file name`);
    filename = fromLocation;
  }
  const size = raw.size;
  if (size !== undefined && (typeof size !== 'number' || !Number.isInteger(size) || size < 0)) fail(`${where}.size must be a whole number of bytes`);
  if (!isTable(raw.hashes)) return fail(`${where} (${filename}) has no hashes; pexship build --lock requires a sha256 for every file: re-create the lock with hashes (pexship lock)`);
  const hashes: Record<string, string> = {};
  for (const [alg, digest] of Object.entries(raw.hashes)) {
    if (typeof digest !== 'string') fail(`${where}.hashes.${alg} must be a string`);
    hashes[alg.toLowerCase()] = (digest as string).toLowerCase();
  }
  const sha256 = hashes.sha256;
  if (!sha256) return fail(`${where} (${filename}) has no sha256 hash; pexship build --lock requires a sha256 for every file: re-create the lock with sha256 hashes (pexship lock)`);
  if (!/^[0-9a-f]{64}$/.test(sha256)) return fail(`${where} (${filename}): hashes.sha256 is not 64 hex digits`);
  return {
    filename,
    url: location,
    ...(absolute !== undefined ? { path: absolute } : {}),
    ...(size !== undefined ? { size: size as number } : {}),
    hashes,
    sha256,
  };
}

/** What to fetch for `target`: one file per package whose marker holds, sorted by name. */
export function selectForTarget(lock: LockedSet, target: LockTarget): LockedSelection[] {
  const env: Record<string, string | string[]> = { ...envOf(target), extras: [], dependency_groups: [...lock.defaultGroups] };
  const label = target.label ?? target.platform ?? targetMarker(envOf(target));
  const fail = (what: string): never => {
    throw new UsageError(`lock file ${lock.file}: ${what}`);
  };
  const fullVersion = String(env.python_full_version ?? env.python_version ?? '');

  if (lock.environments.length > 0 && !lock.environments.some((m) => evaluate(m, env, 'environments', fail))) {
    fail(`it was not made for target ${label}; its environments are: ${lock.environments.join(' | ')}. Re-create the lock including this target (pexship lock --platform …)`);
  }
  if (lock.requiresPython && !new SpecifierSet(lock.requiresPython).contains(fullVersion, { prereleases: true })) {
    fail(`it requires Python ${lock.requiresPython}, but target ${label} is Python ${fullVersion}; re-create the lock for this target`);
  }

  const chosen = new Map<string, { pkg: LockedPackage; selection?: LockedSelection }[]>();
  for (const pkg of lock.packages) {
    if (pkg.marker && !evaluate(pkg.marker, env, `package ${pkg.name}: marker`, fail)) continue;
    const selection = pick(pkg);
    const list = chosen.get(pkg.name) ?? [];
    list.push(selection ? { pkg, selection } : { pkg });
    chosen.set(pkg.name, list);
  }

  const out: LockedSelection[] = [];
  for (const [name, candidates] of [...chosen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const fitting = candidates.filter((c) => c.selection);
    if (fitting.length === 1) {
      out.push(fitting[0].selection!);
      continue;
    }
    if (fitting.length > 1) {
      const versions = fitting.map((c) => c.pkg.version ?? '(no version)').join(', ');
      fail(`package ${name} is listed more than once for target ${label} (versions ${versions}); give the entries markers that exclude each other`);
    }
    // Nothing fits: explain with the first candidate (almost always the only one).
    const pkg = candidates[0].pkg;
    const what = `${pkg.name}${pkg.version ? ` ${pkg.version}` : ''}`;
    if (pkg.unsupportedSource) {
      fail(`package ${what} comes from a ${pkg.unsupportedSource === 'vcs' ? 'version-control checkout' : pkg.unsupportedSource === 'directory' ? 'local directory' : 'source archive'}, which pexship cannot put in a PEX; lock a wheel of it instead`);
    }
    const offered = candidates.flatMap((c) => c.pkg.wheels.map((w) => w.filename));
    fail(
      `package ${what} has no wheel for target ${label} (best tags: ${target.tags.slice(0, 3).join(', ')}${target.tags.length > 3 ? ', …' : ''}); ` +
        `its wheels: ${offered.length ? offered.join(', ') : 'none'}. Re-create the lock including this target (pexship lock --platform …)`,
    );
  }
  for (const s of out) {
    if (s.requiresPython && !new SpecifierSet(s.requiresPython).contains(fullVersion, { prereleases: true })) {
      fail(`package ${s.name} ${s.version ?? ''} requires Python ${s.requiresPython}, but target ${label} is Python ${fullVersion}; re-create the lock for this target`);
    }
  }
  return out;

  function pick(pkg: LockedPackage): LockedSelection | undefined {
    const base = {
      name: pkg.name,
      ...(pkg.version !== undefined ? { version: pkg.version } : {}),
      ...(pkg.requiresPython !== undefined ? { requiresPython: pkg.requiresPython } : {}),
      ...(pkg.index !== undefined ? { index: pkg.index } : {}),
    };
    const fits = pkg.wheels.filter((w) => wheelSupported(w.filename, target));
    if (fits.length > 0) {
      const best = fits.sort((a, b) => compareWheelsForTarget(a.filename, b.filename, target))[0];
      return { ...base, file: best, needsBuild: false };
    }
    if (pkg.sdist) return { ...base, file: pkg.sdist, needsBuild: true };
    return undefined;
  }
}

function evaluate(marker: Marker | string, env: Record<string, string | string[]>, where: string, fail: (what: string) => never): boolean {
  try {
    return evaluateMarker(marker, env);
  } catch (err) {
    return fail(`${where}: ${(err as Error).message}`);
  }
}

function checkSpecifier(text: string, where: string, fail: (what: string) => never): void {
  try {
    new SpecifierSet(text);
  } catch (err) {
    fail(`${where} ${JSON.stringify(text)} is not a version specifier: ${(err as Error).message}`);
  }
}

function optionalString(value: unknown, where: string, fail: (what: string) => never): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return fail(`${where} must be a string`);
  return value;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * Targets: everything the resolver and the PEX writer need to pick wheels and evaluate markers for a platform
 * without running its Python.
 *
 * Public API:
 * - `interface Target` — `{platform, implementation, pythonVersion, pythonFullVersion?, abi, platformTag?, tags,
 *   markerEnvironment, label, source, interpreter?}`.
 * - `parsePlatform(spec): Target` — pex's `--platform` strings (`manylinux2014_x86_64-cp-311-cp311`,
 *   `macosx-10.13-x86_64-cp-36-m`, `linux_x86_64-cp-3.11.7-cp311`, …). Throws `UsageError` naming the string
 *   with valid examples; `current` is refused here (it needs a process: use `resolveTarget`/`currentTarget`).
 * - `completePlatformTarget(json, source): Target`, `loadCompletePlatform(file): Promise<Target>` — pex's
 *   `--complete-platform` JSON (`marker_environment`, ordered `compatible_tags`, optional `path`).
 * - `currentTarget(interpreter = 'python3', {cacheDir?}): Promise<Target>` — runs the interpreter once with a
 *   stdlib-only probe (remembered in cacheDir while the interpreter file is unchanged, see probe-cache.ts);
 *   tags are then computed here with tags.ts, so they follow the same rules as `--platform` targets.
 * - `resolveTarget(spec, {python?, cacheDir?}): Promise<Target>` — `current` or a `--platform` string.
 * - `markerEnvironmentFor(...)`, `targetLabel(...)`, `PLATFORM_EXAMPLES`.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { timePhase } from '../timings.js';
import { cachedProbe } from './probe-cache.js';
import { parsePlatformTag, parseTag, platformTags, supportedTags, type PlatformInfo, type VersionPair } from './tags.js';

/** PEP 508 marker variables, as the `marker_environment` of pex's complete platforms names them. */
export interface MarkerEnvironment {
  implementation_name: string;
  implementation_version: string;
  os_name: string;
  platform_machine: string;
  platform_python_implementation: string;
  platform_release: string;
  platform_system: string;
  platform_version: string;
  python_full_version: string;
  python_version: string;
  sys_platform: string;
}

export interface Target {
  /** What the user gave: the `--platform` string, `current`, or the complete-platform file path. */
  platform: string;
  implementation: 'cp';
  pythonVersion: [number, number];
  /** `3.11.7` when known (full-version `--platform`, complete platform, current); else undefined. */
  pythonFullVersion?: string;
  /** The interpreter ABI, e.g. `cp311` (`cp313t` free-threaded). */
  abi: string;
  /** The primary platform tag, e.g. `manylinux2014_x86_64`; the first tag's platform for complete platforms. */
  platformTag?: string;
  /** Supported tags, best first: the order picks between wheels (see `tagPriority`). */
  tags: string[];
  /**
   * Marker values. Without a known full version, `python_full_version` and `implementation_version` are the
   * `X.Y` version (compares as X.Y.0); `platform_release`/`platform_version` are '' unless an interpreter said.
   */
  markerEnvironment: MarkerEnvironment;
  /** Short, file-name-safe name, e.g. `linux-x86_64-cp311`, `macos-arm64-cp312`, `windows-amd64-cp312`. */
  label: string;
  source: 'platform' | 'complete-platform' | 'current';
  /** For `current` (and complete platforms that record one): the interpreter's path. */
  interpreter?: string;
}

export const PLATFORM_EXAMPLES = [
  'manylinux2014_x86_64-cp-311-cp311',
  'manylinux_2_28_aarch64-cp-312-cp312',
  'macosx_11_0_arm64-cp-312-cp312',
  'musllinux_1_2_x86_64-cp-313-cp313',
  'win_amd64-cp-312-cp312',
  'linux_x86_64-cp-3.11.7-cp311',
];

function platformError(spec: string, reason: string): UsageError {
  return new UsageError(
    `invalid --platform ${JSON.stringify(spec)}: ${reason}. ` +
      `Use PLATFORM-IMPL-PYVER-ABI, e.g. ${PLATFORM_EXAMPLES.join(', ')}; or "current" for the local python3, ` +
      `or --complete-platform FILE.`,
  );
}

/** `311` → [3, 11], `3.11` → [3, 11], `3.11.7` → [3, 11] with the full version. */
function parsePythonVersion(text: string): { version: [number, number]; full?: string } | undefined {
  let m = /^(\d)(\d+)$/.exec(text);
  if (m) return { version: [Number(m[1]), Number(m[2])] };
  m = /^(\d+)\.(\d+)$/.exec(text);
  if (m) return { version: [Number(m[1]), Number(m[2])] };
  m = /^(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (m) return { version: [Number(m[1]), Number(m[2])], full: `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}` };
  return undefined;
}

/** `platform_machine` and friends for a platform tag, as CPython on that platform reports them. */
export function markerEnvironmentFor(info: PlatformInfo, version: VersionPair, fullVersion?: string): MarkerEnvironment {
  const full = fullVersion ?? `${version[0]}.${version[1]}`;
  const common = {
    implementation_name: 'cpython',
    implementation_version: full,
    platform_python_implementation: 'CPython',
    platform_release: '',
    platform_version: '',
    python_full_version: full,
    python_version: `${version[0]}.${version[1]}`,
  };
  switch (info.family) {
    case 'macos': {
      // A universal build reports the machine it runs on; universal2 targets are most often Apple silicon.
      const machine = info.arch === 'x86_64' || info.arch === 'intel' || info.arch === 'i386' ? 'x86_64' : info.arch === 'universal2' ? 'arm64' : info.arch;
      return { ...common, os_name: 'posix', platform_machine: machine, platform_system: 'Darwin', sys_platform: 'darwin' };
    }
    case 'windows': {
      const machine = info.arch === 'win32' ? 'x86' : info.arch.toUpperCase();
      return { ...common, os_name: 'nt', platform_machine: machine, platform_system: 'Windows', sys_platform: 'win32' };
    }
    default:
      return { ...common, os_name: 'posix', platform_machine: info.arch, platform_system: 'Linux', sys_platform: 'linux' };
  }
}

/** `linux-x86_64-cp311`, `musllinux-x86_64-cp311`, `macos-arm64-cp312`, `windows-amd64-cp312`. */
export function targetLabel(env: Pick<MarkerEnvironment, 'sys_platform' | 'platform_machine'>, abi: string, platformTag?: string): string {
  const machine = env.platform_machine.toLowerCase() || 'unknown';
  let os: string;
  if (env.sys_platform === 'darwin') os = 'macos';
  else if (env.sys_platform === 'win32') os = 'windows';
  else if (env.sys_platform.startsWith('linux')) os = platformTag?.startsWith('musllinux') ? 'musllinux' : 'linux';
  else os = env.sys_platform || 'unknown';
  return `${os}-${machine}-${abi}`.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** Parses a pex `--platform` string. `current` needs a process, see `resolveTarget`. */
export function parsePlatform(spec: string): Target {
  const given = spec;
  const text = spec.trim().toLowerCase();
  if (text === '') throw platformError(given, 'it is empty');
  if (text === 'current') throw platformError(given, '"current" is resolved by running python3 (resolveTarget), not parsed');
  const parts = text.split('-');
  if (parts.length < 4) throw platformError(given, 'it needs four dash-separated fields: platform, implementation, Python version and ABI');
  const abiText = parts.pop()!;
  const versionText = parts.pop()!;
  const impl = parts.pop()!;
  const platformText = parts.join('-');
  if (!platformText || !impl || !versionText || !abiText) throw platformError(given, 'no field may be empty');
  if (impl !== 'cp') throw platformError(given, `implementation ${JSON.stringify(impl)} is not supported, only CPython ("cp")`);
  const parsed = parsePythonVersion(versionText);
  if (!parsed) throw platformError(given, `${JSON.stringify(versionText)} is not a Python version (write 311, 3.11 or 3.11.7)`);
  const { version, full } = parsed;
  if (version[0] !== 3) throw platformError(given, `Python ${version.join('.')} is not supported, only Python 3`);
  // pex lets the ABI be abbreviated to its suffix (`cp-37-m` means cp37m).
  const interpreter = `cp${version[0]}${version[1]}`;
  const abi = abiText.startsWith(interpreter) ? abiText : interpreter + abiText;
  // After the interpreter only build flags may follow: d(ebug), m (pymalloc, ≤3.7), u (wide unicode, 2.x), t (free-threaded).
  if (!/^[dmut]*$/.test(abi.slice(interpreter.length))) {
    throw platformError(given, `ABI ${JSON.stringify(abiText)} is not a CPython ${version.join('.')} ABI (expected ${interpreter} or a suffix like "m")`);
  }
  const info = parsePlatformTag(platformText);
  if (info.family === 'other') {
    throw platformError(given, `${JSON.stringify(info.tag)} is not a platform tag we know (manylinux*, musllinux_*, linux_*, macosx_*, win*)`);
  }
  if (info.family === 'macos' && info.macos![0] < 10) throw platformError(given, `macOS ${info.macos!.join('.')} is too old`);
  const tags = supportedTags({ pythonVersion: version, abi, platform: info.tag });
  const markerEnvironment = markerEnvironmentFor(info, version, full);
  return {
    platform: given,
    implementation: 'cp',
    pythonVersion: [version[0], version[1]],
    ...(full ? { pythonFullVersion: full } : {}),
    abi,
    platformTag: info.tag,
    tags,
    markerEnvironment,
    label: targetLabel(markerEnvironment, abi, info.tag),
    source: 'platform',
  };
}

const MARKER_KEYS: (keyof MarkerEnvironment)[] = [
  'implementation_name',
  'implementation_version',
  'os_name',
  'platform_machine',
  'platform_python_implementation',
  'platform_release',
  'platform_system',
  'platform_version',
  'python_full_version',
  'python_version',
  'sys_platform',
];

/** Builds a Target from pex's complete-platform JSON; `source` names the file in errors. */
export function completePlatformTarget(json: unknown, source: string): Target {
  const fail = (reason: string) =>
    new UsageError(
      `invalid --complete-platform ${source}: ${reason}. Expected pex's JSON: {"marker_environment": {...}, "compatible_tags": ["cp311-cp311-manylinux_2_17_x86_64", ...]} ` +
        `(make one with "pex3 interpreter inspect --markers --tags" on the target machine).`,
    );
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw fail('it is not a JSON object');
  const obj = json as Record<string, unknown>;
  const envRaw = obj.marker_environment;
  if (typeof envRaw !== 'object' || envRaw === null || Array.isArray(envRaw)) throw fail('"marker_environment" is missing or not an object');
  const env = envRaw as Record<string, unknown>;
  for (const [key, value] of Object.entries(env)) {
    if (typeof value !== 'string') throw fail(`marker_environment.${key} is not a string`);
  }
  const tagsRaw = obj.compatible_tags;
  if (!Array.isArray(tagsRaw) || tagsRaw.length === 0) throw fail('"compatible_tags" is missing or empty');
  const tags: string[] = [];
  for (const t of tagsRaw) {
    if (typeof t !== 'string') throw fail(`compatible_tags holds a non-string ${JSON.stringify(t)}`);
    try {
      tags.push(...parseTag(t));
    } catch (e) {
      throw fail((e as Error).message);
    }
  }
  // Version: from the markers, falling back to the first cpXY tag.
  let version: [number, number] | undefined;
  const pv = typeof env.python_version === 'string' ? /^(\d+)\.(\d+)$/.exec(env.python_version) : null;
  if (pv) version = [Number(pv[1]), Number(pv[2])];
  const firstCp = tags.map((t) => t.split('-')).find(([py]) => /^cp\d\d+$/.test(py));
  if (!version && firstCp) version = [Number(firstCp[0][2]), Number(firstCp[0].slice(3))];
  if (!version) throw fail('no python_version in marker_environment and no cpXY tag to read it from');
  const impl = env.platform_python_implementation ?? env.implementation_name;
  if (impl !== undefined && !/^(cpython)$/i.test(String(impl))) throw fail(`implementation ${JSON.stringify(impl)} is not supported, only CPython`);
  const interpreter = `cp${version[0]}${version[1]}`;
  const abiTag = tags.map((t) => t.split('-')).find(([py, abi]) => py === interpreter && abi !== 'abi3' && abi !== 'none');
  const abi = abiTag ? abiTag[1] : interpreter;
  const platformTag = tags.map((t) => t.split('-')[2]).find((p) => p !== 'any');
  const fullRaw = typeof env.python_full_version === 'string' ? env.python_full_version : undefined;
  const fullVersion = fullRaw && /^\d+\.\d+\.\d+/.test(fullRaw) ? fullRaw : undefined;
  // Fill what the file left out from what its tags say about the platform.
  const defaults = markerEnvironmentFor(parsePlatformTag(platformTag ?? 'linux_x86_64'), version, fullVersion);
  const markerEnvironment = { ...defaults } as MarkerEnvironment;
  for (const key of MARKER_KEYS) if (typeof env[key] === 'string') markerEnvironment[key] = env[key] as string;
  const target: Target = {
    platform: source,
    implementation: 'cp',
    pythonVersion: version,
    ...(fullVersion ? { pythonFullVersion: fullVersion } : {}),
    abi,
    ...(platformTag ? { platformTag } : {}),
    tags: [...new Set(tags)],
    markerEnvironment,
    label: targetLabel(markerEnvironment, abi, platformTag),
    source: 'complete-platform',
  };
  if (typeof obj.path === 'string') target.interpreter = obj.path;
  return target;
}

export async function loadCompletePlatform(file: string): Promise<Target> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --complete-platform ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`invalid --complete-platform ${file}: not JSON (${(e as Error).message})`);
  }
  return completePlatformTarget(json, file);
}

// ---------------------------------------------------------------------------------------------------------
// current: ask a real interpreter

/**
 * Runs on the interpreter (Python 3.6+, stdlib only) and prints one JSON object: its marker environment and
 * the facts the tag rules need. Tags are computed in TypeScript from these facts. On Linux CPython it imports
 * nothing beyond os and sys (writing its JSON itself): platform, sysconfig and json, with the re, enum and
 * collections they load, took longer than the interpreter's own start-up. Elsewhere it asks those modules;
 * test/python/probe.test.ts checks both ways give the same facts.
 */
export const PROBE_SCRIPT = String.raw`
import os, sys

def fmt(info):
    v = "%d.%d.%d" % (info.major, info.minor, info.micro)
    if info.releaselevel != "final":
        v += info.releaselevel[0] + str(info.serial)
    return v

def jstr(s):
    if s is None:
        return "null"
    out = []
    for ch in s:
        o = ord(ch)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif 0x20 <= o < 0x7f:
            out.append(ch)
        elif o > 0xffff:
            o -= 0x10000
            out.append("\\u%04x\\u%04x" % (0xd800 | (o >> 10), 0xdc00 | (o & 0x3ff)))
        else:
            out.append("\\u%04x" % o)
    return '"' + "".join(out) + '"'

def jval(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dict):
        return "{" + ", ".join(jstr(k) + ": " + jval(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(jval(x) for x in v) + "]"
    if isinstance(v, int):
        return str(v)
    return jstr(v)

# Linux CPython (the common case) answers from os.uname() and sys alone: importing platform, sysconfig and
# json (and the re, enum and collections they pull in) would double the interpreter's start-up.
fast = sys.platform.startswith("linux") and sys.implementation.name == "cpython" and hasattr(os, "uname")
if fast:
    u = os.uname()
    version = sys.version.split()[0]
    n = 0
    while n < len(version) and (version[n].isalnum() or version[n] in "._+"):
        n += 1
    version = version[:n]
    machine, release, system, kernel = u.machine, u.release, u.sysname, u.version
    implementation = "CPython"
    host = os.environ.get("_PYTHON_HOST_PLATFORM") or "%s-%s" % (u.sysname.lower().replace("/", ""), u.machine.replace(" ", "_").replace("/", "-"))
    debug = "d" in sys.abiflags
    gil_disabled = "t" in sys.abiflags
    mac = ""
else:
    import platform, sysconfig
    version = platform.python_version()
    machine, release, system, kernel = platform.machine(), platform.release(), platform.system(), platform.version()
    implementation = platform.python_implementation()
    host = sysconfig.get_platform()
    debug = bool(sysconfig.get_config_var("Py_DEBUG"))
    gil_disabled = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    mac = platform.mac_ver()[0]

env = {
    "implementation_name": sys.implementation.name,
    "implementation_version": fmt(sys.implementation.version),
    "os_name": os.name,
    "platform_machine": machine,
    "platform_python_implementation": implementation,
    "platform_release": release,
    "platform_system": system,
    "platform_version": kernel,
    "python_full_version": version,
    "python_version": ".".join(version.split(".")[:2]),
    "sys_platform": sys.platform,
}
glibc = None
musl = None
if sys.platform.startswith("linux"):
    try:
        glibc = os.confstr("CS_GNU_LIBC_VERSION")
    except (AttributeError, OSError, ValueError):
        glibc = None
    if not glibc:
        import re, subprocess
        try:
            p = subprocess.Popen(["ldd", "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            out = p.communicate()[0].decode("utf-8", "replace")
            m = re.search(r"musl libc.*?Version (\d+)\.(\d+)", out, re.S)
            if m:
                musl = [int(m.group(1)), int(m.group(2))]
        except OSError:
            pass
print(jval({
    "marker_environment": env,
    "executable": sys.executable,
    "sysconfig_platform": host,
    "glibc": glibc,
    "musl": musl,
    "mac_ver": mac,
    "py_debug": debug,
    "gil_disabled": gil_disabled,
    "is_64bit": sys.maxsize > 2 ** 32,
}))
`;

export interface InterpreterFacts {
  marker_environment: MarkerEnvironment;
  executable: string;
  sysconfig_platform: string;
  glibc: string | null;
  musl: [number, number] | null;
  mac_ver: string;
  py_debug: boolean;
  gil_disabled: boolean;
  is_64bit: boolean;
}

/** The interpreter's platform tags and primary tag, from the probe's facts (as packaging's sys_tags would). */
export function platformFromFacts(facts: InterpreterFacts): { platformTag: string; platforms: string[] } {
  const sysPlatform = facts.marker_environment.sys_platform;
  const raw = facts.sysconfig_platform.toLowerCase().replace(/[-.]/g, '_');
  if (sysPlatform === 'darwin') {
    const [maj, min] = facts.mac_ver.split('.').map((n) => Number(n) || 0);
    let arch = facts.marker_environment.platform_machine;
    if (arch === 'x86_64' && !facts.is_64bit) arch = 'i386';
    const version: VersionPair = maj >= 11 ? [maj, 0] : [maj || 10, min];
    const platformTag = `macosx_${version[0]}_${version[1]}_${arch}`;
    return { platformTag, platforms: platformTags(platformTag) };
  }
  if (sysPlatform.startsWith('linux')) {
    let arch = raw.replace(/^linux_/, '');
    if (!facts.is_64bit) arch = arch === 'x86_64' ? 'i686' : arch === 'aarch64' ? 'armv8l' : arch;
    const g = facts.glibc ? /(\d+)\.(\d+)/.exec(facts.glibc) : null;
    if (g) {
      const platformTag = `manylinux_${Number(g[1])}_${Number(g[2])}_${arch}`;
      return { platformTag, platforms: platformTags(platformTag) };
    }
    if (facts.musl) {
      const platformTag = `musllinux_${facts.musl[0]}_${facts.musl[1]}_${arch}`;
      return { platformTag, platforms: platformTags(platformTag) };
    }
    return { platformTag: `linux_${arch}`, platforms: [`linux_${arch}`] };
  }
  return { platformTag: raw, platforms: [raw] };
}

/** A Target from the probe's output (exported for tests and for remote probes). */
export function targetFromFacts(facts: InterpreterFacts, given = 'current'): Target {
  const env = facts.marker_environment;
  if (env.implementation_name !== 'cpython') {
    throw new UsageError(`${facts.executable} is ${env.platform_python_implementation}, not CPython; pexship targets CPython only: pass --platform instead`);
  }
  const [major, minor] = env.python_version.split('.').map(Number);
  const version: [number, number] = [major, minor];
  const base = `cp${major}${minor}`;
  // Free-threading comes before debug in the ABI name (cp313td); a debug build also loads release-ABI wheels.
  const threaded = base + (facts.gil_disabled ? 't' : '');
  const abi = threaded + (facts.py_debug ? 'd' : '');
  const abis = abi === threaded ? [abi] : [abi, threaded];
  const { platformTag, platforms } = platformFromFacts(facts);
  const tags = supportedTags({ pythonVersion: version, abis, platform: platforms });
  return {
    platform: given,
    implementation: 'cp',
    pythonVersion: version,
    pythonFullVersion: env.python_full_version,
    abi,
    platformTag,
    tags,
    markerEnvironment: { ...env },
    label: targetLabel(env, abi, platformTag),
    source: 'current',
    interpreter: facts.executable,
  };
}

/** Runs the interpreter once to describe it. A missing or broken interpreter is a UsageError. */
async function probeInterpreter(interpreter: string): Promise<InterpreterFacts> {
  // Loaded here: a warm run (explicit targets, or the probe cached) starts no process.
  const { execFile } = await import('node:child_process');
  const stdout = await new Promise<string>((resolve, reject) => {
    // -S: no site-packages .pth hooks (they can import half a library at start-up); the probe needs only stdlib.
    execFile(interpreter, ['-I', '-S', '-c', PROBE_SCRIPT], { encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 20 }, (error, out, err) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'it was not found' : code === 'EACCES' ? 'it is not executable' : `it failed: ${(err || error.message).trim().split('\n').pop()}`;
        reject(
          new UsageError(
            `cannot use interpreter ${JSON.stringify(interpreter)} for --platform current: ${why}. ` +
              `Install Python 3 or name a target instead, e.g. --platform ${PLATFORM_EXAMPLES[0]}.`,
          ),
        );
      } else resolve(out);
    });
  });
  try {
    return JSON.parse(stdout.trim().split('\n').pop() ?? '');
  } catch {
    throw new UsageError(`interpreter ${JSON.stringify(interpreter)} printed something unexpected; pass --platform instead (e.g. ${PLATFORM_EXAMPLES[0]})`);
  }
}

/**
 * The target of an interpreter, from a probe run (or, given `cacheDir`, from the facts recorded there for the
 * same unchanged interpreter file).
 */
export async function currentTarget(interpreter = 'python3', options: { cacheDir?: string } = {}): Promise<Target> {
  const probe = () => probeInterpreter(interpreter);
  const facts = await timePhase('probe', () => (options.cacheDir ? cachedProbe(interpreter, PROBE_SCRIPT, options.cacheDir, probe) : probe()));
  return targetFromFacts(facts);
}

/** `current` (optionally with a given interpreter) or a `--platform` string. */
export async function resolveTarget(spec: string, options: { python?: string; cacheDir?: string } = {}): Promise<Target> {
  if (spec.trim().toLowerCase() === 'current') return currentTarget(options.python ?? 'python3', { cacheDir: options.cacheDir });
  return parsePlatform(spec);
}

import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  timePhase
} from "./chunk-V56NK2RW.js";
import {
  SpecifierSet,
  canonicalExtra,
  canonicalName,
  evaluateMarker,
  parseRequirement,
  parseSpecifierSet,
  tryParseVersion
} from "./chunk-W3RZJTLV.js";
import {
  canonicalizeName,
  parsePlatformTag,
  parseSdistFilename,
  parseTag,
  parseWheelFilename,
  platformTags,
  supportedTags,
  tagPriority
} from "./chunk-KJMAXHXM.js";
import {
  JobError,
  UsageError,
  redactUrl
} from "./chunk-A2YORBZ4.js";

// src/index/cache.ts
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
var CACHE_FORMAT = 1;
function defaultCacheDir(env = process.env) {
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, "pexship", "build");
  return path.join(env.HOME || os.homedir(), ".cache", "pexship", "build");
}
function sha256Hex(data) {
  return createHash("sha256").update(data).digest("hex");
}
var SHA256_RE = /^[0-9a-f]{64}$/;
function safeFilename(name) {
  return name.length > 0 && name.length <= 255 && !/[/\\\0]/.test(name) && !name.startsWith(".");
}
function tempPathFor(target) {
  return `${target}.tmp-${process.pid}-${randomBytes(6).toString("hex")}`;
}
async function writeFileAtomic(target, data) {
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = tempPathFor(target);
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
function readIfExists(file) {
  try {
    return readFileSync(file);
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw err;
  }
}
function freshUntil(headers, now = Date.now()) {
  const cacheControl = (headers["cache-control"] ?? "").toLowerCase();
  if (/\b(no-cache|no-store)\b/.test(cacheControl)) return void 0;
  const m = /(?:^|[,\s])max-age\s*=\s*"?(\d+)/.exec(cacheControl);
  if (m) return Number(m[1]) > 0 ? now + Number(m[1]) * 1e3 : void 0;
  if (headers.expires === void 0) return void 0;
  const expires = Date.parse(headers.expires);
  const date = headers.date ? Date.parse(headers.date) : Number.NaN;
  const lifetime = expires - (Number.isNaN(date) ? now : date);
  return Number.isNaN(expires) || lifetime <= 0 ? void 0 : now + lifetime;
}
var MISSING_FRESH_MS = 5 * 6e4;
function missingFreshUntil(headers, now = Date.now()) {
  const explicit = /\b(no-cache|no-store|max-age)\b/i.test(headers["cache-control"] ?? "") || headers.expires !== void 0;
  return explicit ? freshUntil(headers, now) : now + MISSING_FRESH_MS;
}
var HTTP_CACHE_VERSION = 2;
var Cache = class {
  constructor(root) {
    this.root = root;
  }
  root;
  wheelPath(sha256, filename) {
    if (!SHA256_RE.test(sha256)) throw new Error(`not a sha256 digest: ${sha256}`);
    if (!safeFilename(filename)) throw new Error(`unsafe file name: ${JSON.stringify(filename)}`);
    return path.join(this.root, "wheels", "sha256", sha256.slice(0, 2), sha256, filename);
  }
  /** The cached file's path when it is there. */
  async findWheel(sha256, filename) {
    const file = this.wheelPath(sha256, filename);
    try {
      return (await stat(file)).isFile() ? file : void 0;
    } catch {
      return void 0;
    }
  }
  metadataPath(sha256) {
    if (!SHA256_RE.test(sha256)) throw new Error(`not a sha256 digest: ${sha256}`);
    return path.join(this.root, "metadata", "sha256", sha256.slice(0, 2), `${sha256}.METADATA`);
  }
  async readMetadata(fileSha256) {
    return readIfExists(this.metadataPath(fileSha256))?.toString("utf8");
  }
  async writeMetadata(fileSha256, text) {
    await writeFileAtomic(this.metadataPath(fileSha256), text);
  }
  httpPath(kind, url) {
    const key = sha256Hex(`v${HTTP_CACHE_VERSION}\0${kind}\0${url}`);
    return path.join(this.root, "http", key.slice(0, 2), `${key}.json`);
  }
  /** A cached response for `url` (credential-free) of the given kind; a damaged record counts as absent. */
  async readResponse(kind, url) {
    const raw = readIfExists(this.httpPath(kind, url));
    if (!raw) return void 0;
    try {
      const record = JSON.parse(raw.toString("utf8"));
      return record.url === url ? record : void 0;
    } catch {
      return void 0;
    }
  }
  async writeResponse(kind, record) {
    await writeFileAtomic(this.httpPath(kind, record.url), JSON.stringify(record));
  }
};

// src/python/platform.ts
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";

// src/python/probe-cache.ts
import { createHash as createHash2 } from "node:crypto";
import { accessSync, closeSync, constants, openSync, readFileSync as readFileSync2, readSync, realpathSync, statSync } from "node:fs";
import path2 from "node:path";
function locate(name, env) {
  if (name.includes("/")) return path2.resolve(name);
  for (const dir of (env.PATH ?? "").split(path2.delimiter)) {
    if (!dir) continue;
    const candidate = path2.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return path2.resolve(candidate);
    } catch {
    }
  }
  return void 0;
}
var NATIVE_MAGIC = ["7f454c46", "cffaedfe", "cefaedfe", "feedfacf", "feedface", "cafebabe"];
function isNativeExecutable(file) {
  const fd = openSync(file, "r");
  try {
    const magic = Buffer.alloc(4);
    return readSync(fd, magic, 0, 4, 0) === 4 && NATIVE_MAGIC.includes(magic.toString("hex"));
  } finally {
    closeSync(fd);
  }
}
async function cachedProbe(interpreter, probeScript, cacheDir, probe, env = process.env) {
  let key;
  try {
    const file = locate(interpreter, env);
    if (!file || !isNativeExecutable(file)) return probe();
    const st = statSync(file);
    key = { path: file, realpath: realpathSync(file), size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, probe: createHash2("sha256").update(probeScript).digest("hex") };
  } catch {
    return probe();
  }
  const recordFile = path2.join(cacheDir, "interpreters", `${createHash2("sha256").update(key.path).digest("hex")}.json`);
  try {
    const record = JSON.parse(readFileSync2(recordFile, "utf8"));
    if (Object.entries(key).every(([k, v]) => record[k] === v)) return record.facts;
  } catch {
  }
  const facts = await probe();
  await writeFileAtomic(recordFile, JSON.stringify({ ...key, facts })).catch(() => {
  });
  return facts;
}

// src/python/platform.ts
var PLATFORM_EXAMPLES = [
  "manylinux2014_x86_64-cp-311-cp311",
  "manylinux_2_28_aarch64-cp-312-cp312",
  "macosx_11_0_arm64-cp-312-cp312",
  "musllinux_1_2_x86_64-cp-313-cp313",
  "win_amd64-cp-312-cp312",
  "linux_x86_64-cp-3.11.7-cp311"
];
function platformError(spec, reason) {
  return new UsageError(
    `invalid --platform ${JSON.stringify(spec)}: ${reason}. Use PLATFORM-IMPL-PYVER-ABI, e.g. ${PLATFORM_EXAMPLES.join(", ")}; or "current" for the local python3, or --complete-platform FILE.`
  );
}
function parsePythonVersion(text) {
  let m = /^(\d)(\d+)$/.exec(text);
  if (m) return { version: [Number(m[1]), Number(m[2])] };
  m = /^(\d+)\.(\d+)$/.exec(text);
  if (m) return { version: [Number(m[1]), Number(m[2])] };
  m = /^(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (m) return { version: [Number(m[1]), Number(m[2])], full: `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}` };
  return void 0;
}
function markerEnvironmentFor(info, version, fullVersion) {
  const full = fullVersion ?? `${version[0]}.${version[1]}`;
  const common = {
    implementation_name: "cpython",
    implementation_version: full,
    platform_python_implementation: "CPython",
    platform_release: "",
    platform_version: "",
    python_full_version: full,
    python_version: `${version[0]}.${version[1]}`
  };
  switch (info.family) {
    case "macos": {
      const machine = info.arch === "x86_64" || info.arch === "intel" || info.arch === "i386" ? "x86_64" : info.arch === "universal2" ? "arm64" : info.arch;
      return { ...common, os_name: "posix", platform_machine: machine, platform_system: "Darwin", sys_platform: "darwin" };
    }
    case "windows": {
      const machine = info.arch === "win32" ? "x86" : info.arch.toUpperCase();
      return { ...common, os_name: "nt", platform_machine: machine, platform_system: "Windows", sys_platform: "win32" };
    }
    default:
      return { ...common, os_name: "posix", platform_machine: info.arch, platform_system: "Linux", sys_platform: "linux" };
  }
}
function targetLabel(env, abi, platformTag) {
  const machine = env.platform_machine.toLowerCase() || "unknown";
  let os2;
  if (env.sys_platform === "darwin") os2 = "macos";
  else if (env.sys_platform === "win32") os2 = "windows";
  else if (env.sys_platform.startsWith("linux")) os2 = platformTag?.startsWith("musllinux") ? "musllinux" : "linux";
  else os2 = env.sys_platform || "unknown";
  return `${os2}-${machine}-${abi}`.replace(/[^A-Za-z0-9_.-]/g, "_");
}
function parsePlatform(spec) {
  const given = spec;
  const text = spec.trim().toLowerCase();
  if (text === "") throw platformError(given, "it is empty");
  if (text === "current") throw platformError(given, '"current" is resolved by running python3 (resolveTarget), not parsed');
  const parts = text.split("-");
  if (parts.length < 4) throw platformError(given, "it needs four dash-separated fields: platform, implementation, Python version and ABI");
  const abiText = parts.pop();
  const versionText = parts.pop();
  const impl = parts.pop();
  const platformText = parts.join("-");
  if (!platformText || !impl || !versionText || !abiText) throw platformError(given, "no field may be empty");
  if (impl !== "cp") throw platformError(given, `implementation ${JSON.stringify(impl)} is not supported, only CPython ("cp")`);
  const parsed = parsePythonVersion(versionText);
  if (!parsed) throw platformError(given, `${JSON.stringify(versionText)} is not a Python version (write 311, 3.11 or 3.11.7)`);
  const { version, full } = parsed;
  if (version[0] !== 3) throw platformError(given, `Python ${version.join(".")} is not supported, only Python 3`);
  const interpreter = `cp${version[0]}${version[1]}`;
  const abi = abiText.startsWith(interpreter) ? abiText : interpreter + abiText;
  if (!/^[dmut]*$/.test(abi.slice(interpreter.length))) {
    throw platformError(given, `ABI ${JSON.stringify(abiText)} is not a CPython ${version.join(".")} ABI (expected ${interpreter} or a suffix like "m")`);
  }
  const info = parsePlatformTag(platformText);
  if (info.family === "other") {
    throw platformError(given, `${JSON.stringify(info.tag)} is not a platform tag we know (manylinux*, musllinux_*, linux_*, macosx_*, win*)`);
  }
  if (info.family === "macos" && info.macos[0] < 10) throw platformError(given, `macOS ${info.macos.join(".")} is too old`);
  const tags = supportedTags({ pythonVersion: version, abi, platform: info.tag });
  const markerEnvironment = markerEnvironmentFor(info, version, full);
  return {
    platform: given,
    implementation: "cp",
    pythonVersion: [version[0], version[1]],
    ...full ? { pythonFullVersion: full } : {},
    abi,
    platformTag: info.tag,
    tags,
    markerEnvironment,
    label: targetLabel(markerEnvironment, abi, info.tag),
    source: "platform"
  };
}
var MARKER_KEYS = [
  "implementation_name",
  "implementation_version",
  "os_name",
  "platform_machine",
  "platform_python_implementation",
  "platform_release",
  "platform_system",
  "platform_version",
  "python_full_version",
  "python_version",
  "sys_platform"
];
function completePlatformTarget(json, source) {
  const fail = (reason) => new UsageError(
    `invalid --complete-platform ${source}: ${reason}. Expected pex's JSON: {"marker_environment": {...}, "compatible_tags": ["cp311-cp311-manylinux_2_17_x86_64", ...]} (make one with "pex3 interpreter inspect --markers --tags" on the target machine).`
  );
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw fail("it is not a JSON object");
  const obj = json;
  const envRaw = obj.marker_environment;
  if (typeof envRaw !== "object" || envRaw === null || Array.isArray(envRaw)) throw fail('"marker_environment" is missing or not an object');
  const env = envRaw;
  for (const [key, value] of Object.entries(env)) {
    if (typeof value !== "string") throw fail(`marker_environment.${key} is not a string`);
  }
  const tagsRaw = obj.compatible_tags;
  if (!Array.isArray(tagsRaw) || tagsRaw.length === 0) throw fail('"compatible_tags" is missing or empty');
  const tags = [];
  for (const t of tagsRaw) {
    if (typeof t !== "string") throw fail(`compatible_tags holds a non-string ${JSON.stringify(t)}`);
    try {
      tags.push(...parseTag(t));
    } catch (e) {
      throw fail(e.message);
    }
  }
  let version;
  const pv = typeof env.python_version === "string" ? /^(\d+)\.(\d+)$/.exec(env.python_version) : null;
  if (pv) version = [Number(pv[1]), Number(pv[2])];
  const firstCp = tags.map((t) => t.split("-")).find(([py]) => /^cp\d\d+$/.test(py));
  if (!version && firstCp) version = [Number(firstCp[0][2]), Number(firstCp[0].slice(3))];
  if (!version) throw fail("no python_version in marker_environment and no cpXY tag to read it from");
  const impl = env.platform_python_implementation ?? env.implementation_name;
  if (impl !== void 0 && !/^(cpython)$/i.test(String(impl))) throw fail(`implementation ${JSON.stringify(impl)} is not supported, only CPython`);
  const interpreter = `cp${version[0]}${version[1]}`;
  const abiTag = tags.map((t) => t.split("-")).find(([py, abi2]) => py === interpreter && abi2 !== "abi3" && abi2 !== "none");
  const abi = abiTag ? abiTag[1] : interpreter;
  const platformTag = tags.map((t) => t.split("-")[2]).find((p) => p !== "any");
  const fullRaw = typeof env.python_full_version === "string" ? env.python_full_version : void 0;
  const fullVersion = fullRaw && /^\d+\.\d+\.\d+/.test(fullRaw) ? fullRaw : void 0;
  const defaults = markerEnvironmentFor(parsePlatformTag(platformTag ?? "linux_x86_64"), version, fullVersion);
  const markerEnvironment = { ...defaults };
  for (const key of MARKER_KEYS) if (typeof env[key] === "string") markerEnvironment[key] = env[key];
  const target = {
    platform: source,
    implementation: "cp",
    pythonVersion: version,
    ...fullVersion ? { pythonFullVersion: fullVersion } : {},
    abi,
    ...platformTag ? { platformTag } : {},
    tags: [...new Set(tags)],
    markerEnvironment,
    label: targetLabel(markerEnvironment, abi, platformTag),
    source: "complete-platform"
  };
  if (typeof obj.path === "string") target.interpreter = obj.path;
  return target;
}
async function loadCompletePlatform(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read --complete-platform ${file}: ${e.code ?? e.message}`);
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`invalid --complete-platform ${file}: not JSON (${e.message})`);
  }
  return completePlatformTarget(json, file);
}
var PROBE_SCRIPT = String.raw`
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
function platformFromFacts(facts) {
  const sysPlatform = facts.marker_environment.sys_platform;
  const raw = facts.sysconfig_platform.toLowerCase().replace(/[-.]/g, "_");
  if (sysPlatform === "darwin") {
    const [maj, min] = facts.mac_ver.split(".").map((n) => Number(n) || 0);
    let arch = facts.marker_environment.platform_machine;
    if (arch === "x86_64" && !facts.is_64bit) arch = "i386";
    const version = maj >= 11 ? [maj, 0] : [maj || 10, min];
    const platformTag = `macosx_${version[0]}_${version[1]}_${arch}`;
    return { platformTag, platforms: platformTags(platformTag) };
  }
  if (sysPlatform.startsWith("linux")) {
    let arch = raw.replace(/^linux_/, "");
    if (!facts.is_64bit) arch = arch === "x86_64" ? "i686" : arch === "aarch64" ? "armv8l" : arch;
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
function targetFromFacts(facts, given = "current") {
  const env = facts.marker_environment;
  if (env.implementation_name !== "cpython") {
    throw new UsageError(`${facts.executable} is ${env.platform_python_implementation}, not CPython; pexship targets CPython only: pass --platform instead`);
  }
  const [major, minor] = env.python_version.split(".").map(Number);
  const version = [major, minor];
  const base = `cp${major}${minor}`;
  const threaded = base + (facts.gil_disabled ? "t" : "");
  const abi = threaded + (facts.py_debug ? "d" : "");
  const abis = abi === threaded ? [abi] : [abi, threaded];
  const { platformTag, platforms } = platformFromFacts(facts);
  const tags = supportedTags({ pythonVersion: version, abis, platform: platforms });
  return {
    platform: given,
    implementation: "cp",
    pythonVersion: version,
    pythonFullVersion: env.python_full_version,
    abi,
    platformTag,
    tags,
    markerEnvironment: { ...env },
    label: targetLabel(env, abi, platformTag),
    source: "current",
    interpreter: facts.executable
  };
}
async function probeInterpreter(interpreter) {
  const stdout = await new Promise((resolve2, reject) => {
    execFile(interpreter, ["-I", "-S", "-c", PROBE_SCRIPT], { encoding: "utf8", timeout: 6e4, maxBuffer: 1 << 20 }, (error, out, err) => {
      if (error) {
        const code = error.code;
        const why = code === "ENOENT" ? "it was not found" : code === "EACCES" ? "it is not executable" : `it failed: ${(err || error.message).trim().split("\n").pop()}`;
        reject(
          new UsageError(
            `cannot use interpreter ${JSON.stringify(interpreter)} for --platform current: ${why}. Install Python 3 or name a target instead, e.g. --platform ${PLATFORM_EXAMPLES[0]}.`
          )
        );
      } else resolve2(out);
    });
  });
  try {
    return JSON.parse(stdout.trim().split("\n").pop() ?? "");
  } catch {
    throw new UsageError(`interpreter ${JSON.stringify(interpreter)} printed something unexpected; pass --platform instead (e.g. ${PLATFORM_EXAMPLES[0]})`);
  }
}
async function currentTarget(interpreter = "python3", options = {}) {
  const probe = () => probeInterpreter(interpreter);
  const facts = await timePhase("probe", () => options.cacheDir ? cachedProbe(interpreter, PROBE_SCRIPT, options.cacheDir, probe) : probe());
  return targetFromFacts(facts);
}
async function resolveTarget(spec, options = {}) {
  if (spec.trim().toLowerCase() === "current") return currentTarget(options.python ?? "python3", { cacheDir: options.cacheDir });
  return parsePlatform(spec);
}

// src/resolve/provider.ts
import { pathToFileURL } from "node:url";

// src/python/metadata.ts
var InvalidMetadata = class extends UsageError {
  constructor(source, reason) {
    super(`invalid metadata in ${source}: ${reason}`);
    this.name = "InvalidMetadata";
  }
};
var HeaderList = class {
  entries = [];
  add(name, value) {
    this.entries.push([name, value]);
  }
  /** Every value of a field, in order. */
  getAll(name) {
    const key = name.toLowerCase();
    return this.entries.filter(([n]) => n.toLowerCase() === key).map(([, v]) => v);
  }
  /** The first value of a field. */
  get(name) {
    const key = name.toLowerCase();
    return this.entries.find(([n]) => n.toLowerCase() === key)?.[1];
  }
  has(name) {
    return this.get(name) !== void 0;
  }
};
function parseHeaders(text) {
  const headers = new HeaderList();
  const clean = text.replace(/^\uFEFF/, "");
  const blank = /^(?:\r\n|\n|\r)|(?:\r\n|\n|\r(?!\n))(?:\r\n|\n|\r)/.exec(clean);
  const head = blank ? clean.slice(0, blank.index) : clean;
  const body = blank ? clean.slice(blank.index + blank[0].length).replace(/\r\n?/g, "\n") : "";
  const lines = head.split(/\r\n|\n|\r/);
  let current;
  const flush = () => {
    if (current) headers.add(current.name, current.parts.join("\n"));
    current = void 0;
  };
  for (const line of lines) {
    if (line === "") break;
    if (/^[ \t]/.test(line)) {
      current?.parts.push(line);
      continue;
    }
    const colon = line.indexOf(":");
    flush();
    if (colon <= 0) continue;
    current = { name: line.slice(0, colon).trim(), parts: [line.slice(colon + 1).trim()] };
  }
  flush();
  return { headers, body };
}
function unfold(value) {
  return value.split("\n").map((l) => l.trim()).filter((l) => l !== "").join(" ");
}
function unfoldDescription(value) {
  const [first, ...rest] = value.split("\n");
  return [first, ...rest.map((l) => /^ {7}\|/.test(l) ? l.slice(8) : l.replace(/^(?: {1,8}|\t)/, ""))].join("\n");
}
function parseCoreMetadata(text, source = "METADATA") {
  const { headers, body } = parseHeaders(text);
  const one = (field) => {
    const v = headers.get(field);
    return v === void 0 ? void 0 : unfold(v);
  };
  const all = (field) => headers.getAll(field).map(unfold).filter((v) => v !== "");
  const name = one("Name");
  const version = one("Version");
  if (!name) throw new InvalidMetadata(source, "no Name field");
  if (!version) throw new InvalidMetadata(source, "no Version field");
  const header = headers.get("Description");
  const description = body.trim() !== "" ? body : header !== void 0 ? unfoldDescription(header) : void 0;
  const meta = {
    name,
    version,
    requiresDist: all("Requires-Dist"),
    providesExtra: all("Provides-Extra"),
    dynamic: all("Dynamic"),
    classifiers: all("Classifier"),
    projectUrls: all("Project-URL"),
    headers
  };
  const optional = [
    ["metadataVersion", "Metadata-Version"],
    ["summary", "Summary"],
    ["requiresPython", "Requires-Python"],
    ["descriptionContentType", "Description-Content-Type"]
  ];
  for (const [key, field] of optional) {
    const v = one(field);
    if (v !== void 0) meta[key] = v;
  }
  const license = headers.get("License");
  if (license !== void 0) meta.license = unfoldDescription(license);
  if (description !== void 0) meta.description = description;
  return meta;
}
function parseWheelInfo(text, source = "WHEEL") {
  const { headers } = parseHeaders(text);
  const raw = headers.get("Wheel-Version");
  if (raw === void 0) throw new InvalidMetadata(source, "no Wheel-Version field");
  const m = /^\s*(\d+)\.(\d+)\s*$/.exec(raw);
  if (!m) throw new InvalidMetadata(source, `Wheel-Version ${JSON.stringify(raw)} is not MAJOR.MINOR`);
  const purelib = (headers.get("Root-Is-Purelib") ?? "false").trim().toLowerCase();
  const info = {
    wheelVersion: [Number(m[1]), Number(m[2])],
    rootIsPurelib: purelib === "true",
    tags: headers.getAll("Tag").map((t) => t.trim().toLowerCase()).filter((t) => t !== ""),
    headers
  };
  const generator = headers.get("Generator");
  if (generator !== void 0) info.generator = unfold(generator);
  const build = headers.get("Build");
  if (build !== void 0) info.build = build.trim();
  return info;
}
function parseEntryPointValue(value) {
  const m = /^\s*([^\s:[\]]+)\s*(?::\s*([^\s[\]]+))?\s*(?:\[([^\]]*)\])?\s*$/.exec(value);
  if (!m) throw new InvalidMetadata("entry_points.txt", `entry point ${JSON.stringify(value)} is not MODULE[:ATTR] [EXTRAS]`);
  const extras = (m[3] ?? "").split(",").map((e) => e.trim()).filter((e) => e !== "");
  return { module: m[1], ...m[2] !== void 0 ? { attr: m[2] } : {}, extras };
}
function parseEntryPoints(text, source = "entry_points.txt") {
  const out = [];
  let group;
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) return;
    const section = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (section) {
      group = section[1];
      return;
    }
    const where = `${source} line ${index + 1}`;
    if (group === void 0) throw new InvalidMetadata(where, `${JSON.stringify(line)} is outside any [section]`);
    const eq = line.indexOf("=");
    if (eq <= 0) throw new InvalidMetadata(where, `${JSON.stringify(line)} is not NAME = MODULE[:ATTR]`);
    const name = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    let parsed;
    try {
      parsed = parseEntryPointValue(value);
    } catch {
      throw new InvalidMetadata(where, `entry point ${JSON.stringify(value)} is not MODULE[:ATTR] [EXTRAS]`);
    }
    out.push({ group, name, value, ...parsed });
  });
  return out;
}
function entryPointGroup(entryPoints, group) {
  const byName = /* @__PURE__ */ new Map();
  for (const ep of entryPoints) if (ep.group === group) byName.set(ep.name, ep);
  return [...byName.values()];
}

// src/resolve/dependency-config.ts
var PROJECT = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*=\s*([A-Za-z0-9].*)$/;
function parse(flag, text) {
  try {
    return parseRequirement(text.trim());
  } catch (e) {
    throw new UsageError(`${flag} '${text}' is not a requirement: ${e.message.split("\n")[0]}. Write it as PEP 508, e.g. ${flag} 'cowsay==5.0'.`);
  }
}
function parseOverride(text) {
  const m = PROJECT.exec(text);
  const requirement = parse("--override", m ? m[2] : text);
  if (requirement.url !== null) {
    throw new UsageError(`--override '${text}' names a URL; an override is a project name with a version specifier, extras or a marker.`);
  }
  return { project: canonicalName(m ? m[1] : requirement.name), requirement, text: text.trim() };
}
function parseExclude(text) {
  const requirement = parse("--exclude", text);
  if (requirement.url !== null) throw new UsageError(`--exclude '${text}' names a URL; give the project name (and a version specifier if needed).`);
  return requirement;
}
function parseDependencyConfig(excludes, overrides, transitive) {
  return { excludes: excludes.map(parseExclude), overrides: overrides.map(parseOverride), transitive };
}
function overrideFor(config, project, env) {
  if (!config?.overrides.length) return void 0;
  const applicable = config.overrides.filter((o) => o.project === project && (!o.requirement.marker || evaluateMarker(o.requirement.marker, env)));
  if (applicable.length > 1) {
    throw new UsageError(`more than one --override applies to ${project} on this target (${applicable.map((o) => `'${o.text}'`).join(", ")}); give each project one override per target (use markers to tell them apart).`);
  }
  return applicable[0]?.requirement;
}
function excludedByName(config, project, env) {
  return !!config?.excludes.some((e) => e.canonicalName === project && e.specifier.size === 0 && (!e.marker || evaluateMarker(e.marker, env)));
}

// src/resolve/provider.ts
var PYTHON_IDENTIFIER = "<python>";
function identifierOf(name, extras) {
  return extras.length ? `${name}[${extras.join(",")}]` : name;
}
function canonicalExtras(extras) {
  return [...new Set([...extras].map(canonicalExtra))].sort();
}
var MetadataStore = class {
  constructor(source) {
    this.source = source;
  }
  source;
  byKey = /* @__PURE__ */ new Map();
  listings = /* @__PURE__ */ new Map();
  /** The project's files with their names parsed (once for all targets). */
  parsedFiles(name) {
    let pending = this.listings.get(name);
    if (!pending) {
      pending = this.source.listFiles(name).then((files) => files.map((f) => parseFile(f, name)));
      this.listings.set(name, pending);
    }
    return pending;
  }
  /** Wheels of one (name, version) share metadata; sdists and direct URLs are keyed by URL. */
  load(file, name, version, isWheel) {
    const key = isWheel ? `${name}==${version.toString()}` : `url:${file.url}`;
    let pending = this.byKey.get(key);
    if (!pending) {
      pending = this.source.fetchMetadata(file).then((text) => parseDist(text, file.filename));
      this.byKey.set(key, pending);
      pending.catch(() => this.byKey.delete(key));
    }
    return pending;
  }
};
function parseDist(text, where) {
  const meta = parseCoreMetadata(text, `the metadata of ${where}`);
  const version = tryParseVersion(meta.version);
  if (!version) throw new MetadataProblem(`its metadata has the invalid version ${JSON.stringify(meta.version)}`);
  let requiresPython = null;
  if (meta.requiresPython && meta.requiresPython.trim() !== "") {
    try {
      requiresPython = parseSpecifierSet(meta.requiresPython.trim());
    } catch {
      requiresPython = null;
    }
  }
  const requiresDist = [];
  for (const line of meta.requiresDist) {
    try {
      requiresDist.push(parseRequirement(line));
    } catch (err) {
      throw new MetadataProblem(`its metadata has an invalid Requires-Dist ${JSON.stringify(line)} (${err.message})`);
    }
  }
  return {
    name: canonicalizeName(meta.name),
    version,
    requiresPython,
    ...requiresPython ? { requiresPythonText: meta.requiresPython.trim() } : {},
    requiresDist,
    providesExtra: new Set(meta.providesExtra.map(canonicalExtra))
  };
}
function parseFile(file, name) {
  const out = { file, isWheel: false, versionText: "", tags: [], tagText: "", build: -1, buildSuffix: "" };
  if (file.filename.toLowerCase().endsWith(".whl")) {
    out.isWheel = true;
    let wheel;
    try {
      wheel = parseWheelFilename(file.filename);
    } catch {
      out.problem = "invalid wheel file name";
      return out;
    }
    out.versionText = wheel.version;
    out.tags = wheel.tags.map((t) => t.toLowerCase());
    out.tagText = [wheel.pythonTags.join("."), wheel.abiTags.join("."), wheel.platformTags.join(".")].join("-");
    out.build = wheel.build?.number ?? -1;
    out.buildSuffix = wheel.build?.suffix ?? "";
    if (wheel.name !== name) out.problem = `belongs to ${wheel.name}`;
  } else if (isSdistName(file.filename)) {
    let sdist;
    try {
      sdist = parseSdistFilename(file.filename, name);
    } catch {
      out.problem = "unrecognised source distribution file name";
      return out;
    }
    out.versionText = sdist.version;
    if (sdist.name !== name) out.problem = `belongs to ${sdist.name}`;
  } else {
    out.problem = "not a wheel or source distribution";
    return out;
  }
  const version = tryParseVersion(out.versionText);
  if (version) out.version = version;
  else out.problem ??= `invalid version ${JSON.stringify(out.versionText)}`;
  return out;
}
var MetadataProblem = class extends Error {
};
var SDIST_SUFFIXES = [".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tbz", ".txz", ".tar", ".zip"];
function isSdistName(filename) {
  const lower = filename.toLowerCase();
  return SDIST_SUFFIXES.some((s) => lower.endsWith(s));
}
function isPinned(spec) {
  return spec.specifiers.some((s) => s.operator === "===" || s.operator === "==" && !s.version.endsWith(".*"));
}
function cmpStr(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var Provider = class {
  constructor(options) {
    this.options = options;
    this.target = options.target;
    const full = options.target.pythonFullVersion ?? options.target.markerEnvironment.python_full_version;
    const version = tryParseVersion(full) ?? tryParseVersion(options.target.pythonVersion.join("."));
    if (!version) throw new UsageError(`The target ${options.target.label} has no usable Python version (${JSON.stringify(full)}).`);
    this.pythonVersion = version;
    this.pythonCandidate = {
      id: PYTHON_IDENTIFIER,
      identifier: PYTHON_IDENTIFIER,
      name: PYTHON_IDENTIFIER,
      extras: [],
      version,
      kind: "python",
      files: [],
      deps: []
    };
    this.priority = tagPriority(options.target.tags);
  }
  options;
  target;
  pythonVersion;
  pythonCandidate;
  views = /* @__PURE__ */ new Map();
  requiresPythonCache = /* @__PURE__ */ new Map();
  candidates = /* @__PURE__ */ new Map();
  /** Projects whose dependencies a prefetch has already followed. */
  followed = /* @__PURE__ */ new Set();
  priority;
  get label() {
    return this.target.label;
  }
  // ---- files ----
  /**
   * Starts listing a project and loading the metadata of the newest version `spec` admits, so that the
   * engine, which visits requirements one at a time, finds them ready. Failures surface later, when awaited.
   */
  prefetch(name, spec) {
    void this.view(name).then(async (view) => {
      const constraint = this.options.constraints.get(name);
      const merged = constraint ? new SpecifierSet([...spec.specifiers, ...constraint.specifiers]) : spec;
      const best = this.indexCandidates(name, view, merged)[0];
      if (!best || !await this.load(best)) return;
      for (const dep of best.deps ?? []) {
        if (dep.kind !== "spec" || this.followed.has(dep.name)) continue;
        this.followed.add(dep.name);
        this.prefetch(dep.name, dep.specifier);
      }
    }).catch(() => void 0);
  }
  /** Every file of the project with its verdict for this target, best first (newest version, best tag). */
  async files(name) {
    return (await this.view(name)).verdicts;
  }
  /** The project as this target sees it: judged files and the usable files grouped by version. */
  view(name) {
    let pending = this.views.get(name);
    if (!pending) {
      pending = this.options.metadata.parsedFiles(name).then((parsed) => {
        const verdicts = parsed.map((f) => this.judge(f, name)).sort((a, b) => this.compareFiles(a, b));
        this.preferHashedFiles(name, verdicts);
        const versions = [];
        for (const v of verdicts) {
          if (v.rejected !== void 0) continue;
          const key = v.version.toString();
          const last = versions[versions.length - 1];
          if (last && last.key === key) last.files.push(v);
          else versions.push({ key, version: v.version, files: [v] });
        }
        if (this.options.preferBinary) {
          const withWheel = versions.filter((g) => g.files.some((f) => f.isWheel));
          versions.splice(0, versions.length, ...withWheel, ...versions.filter((g) => !withWheel.includes(g)));
        }
        return { verdicts, versions };
      });
      this.views.set(name, pending);
    }
    return pending;
  }
  /**
   * pip's hash-checking mode: when some usable file of a version has one of the required hashes, the others of
   * that version are set aside (and `indexCandidates` prefers such versions); when none has, all stay, so the
   * chosen file is reported as a hash mismatch (expected, got) after resolution, not as a missing version.
   */
  preferHashedFiles(name, verdicts) {
    const allowed = this.options.hashes?.get(name);
    if (!allowed) return;
    const matches = (v) => allowed.has(v.file.hashes.sha256?.toLowerCase() ?? "");
    const versionsWithMatch = new Set(verdicts.filter((v) => v.rejected === void 0 && matches(v)).map((v) => v.version.toString()));
    for (const v of verdicts) {
      if (v.rejected === void 0 && versionsWithMatch.has(v.version.toString()) && !matches(v)) v.rejected = "its sha256 is not among the required hashes";
    }
  }
  requiresPythonFits(text) {
    let fits = this.requiresPythonCache.get(text);
    if (fits === void 0) {
      let spec;
      try {
        spec = parseSpecifierSet(text);
      } catch {
        spec = void 0;
      }
      fits = !spec || spec.contains(this.pythonVersion, { prereleases: true });
      this.requiresPythonCache.set(text, fits);
    }
    return fits;
  }
  judge(f, name) {
    const verdict = {
      file: f.file,
      versionText: f.versionText,
      isWheel: f.isWheel,
      rank: Number.POSITIVE_INFINITY,
      build: f.build,
      buildSuffix: f.buildSuffix
    };
    if (f.version) verdict.version = f.version;
    if (f.problem !== void 0) {
      verdict.rejected = f.problem;
      return verdict;
    }
    const formats = this.options.formatControl?.allowed(name);
    if (formats && !formats[f.isWheel ? "wheel" : "sdist"]) {
      verdict.rejected = f.isWheel ? "a wheel, and --no-binary asks for a build from source" : "a source distribution, and --only-binary allows wheels only";
      return verdict;
    }
    if (f.isWheel) {
      let rank;
      for (const tag of f.tags) {
        const r = this.priority.get(tag);
        if (r !== void 0 && (rank === void 0 || r < rank)) rank = r;
      }
      if (rank === void 0) {
        verdict.rejected = `wheel tags ${f.tagText} do not fit ${this.label}`;
        return verdict;
      }
      verdict.rank = rank;
    } else if (!this.options.allowSdists) {
      verdict.rejected = "source distribution (only wheels are used)";
      return verdict;
    }
    const rp = f.file.requiresPython;
    if (rp && !this.requiresPythonFits(rp)) {
      verdict.rejected = `requires Python ${rp} (target has ${this.pythonVersion})`;
      return verdict;
    }
    return verdict;
  }
  /** Newest version first; within a version the best wheel tag, higher build, then sdists. */
  compareFiles(a, b) {
    if (a.version && b.version) {
      const c = b.version.compare(a.version);
      if (c) return c;
    } else if (a.version || b.version) return a.version ? -1 : 1;
    if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
    if (a.build !== b.build) return b.build - a.build;
    if (a.buildSuffix !== b.buildSuffix) return -cmpStr(a.buildSuffix, b.buildSuffix);
    return cmpStr(a.file.filename, b.file.filename);
  }
  // ---- candidates ----
  indexCandidate(name, version, verdicts, yanked) {
    const id = `${name}==${version.toString()}${yanked && verdicts.some((v) => v.file.yanked !== false) ? " (yanked)" : ""}`;
    let c = this.candidates.get(id);
    if (!c) {
      c = { id, identifier: name, name, extras: [], version, kind: "index", files: verdicts.map((v) => v.file) };
      this.candidates.set(id, c);
    }
    return c;
  }
  extrasCandidate(base, extras) {
    const identifier = identifierOf(base.name, extras);
    const id = `${identifier}==${base.id}`;
    let c = this.candidates.get(id);
    if (!c) {
      c = { id, identifier, name: base.name, extras, version: base.version, kind: "extras", files: base.files, base };
      this.candidates.set(id, c);
    }
    return c;
  }
  /** The candidate of a `name @ url` requirement (a wheel or sdist file, local path or URL). */
  urlCandidate(req) {
    const name = canonicalizeName(req.name);
    const file = fileForUrl(req.url, name);
    const id = `${name}@${file.url}`;
    let c = this.candidates.get(id);
    if (!c) {
      c = { id, identifier: name, name, extras: [], version: file.version, kind: "url", files: [file.file] };
      this.candidates.set(id, c);
    }
    return c;
  }
  /** Loads the metadata of a candidate (once); false when it is unusable (see `problem`). */
  load(c) {
    if (c.deps) return Promise.resolve(true);
    if (c.problem !== void 0) return Promise.resolve(false);
    if (!c.loading) c.loading = this.doLoad(c);
    return c.loading;
  }
  async doLoad(c) {
    if (c.kind === "extras") {
      const base = c.base;
      if (!await this.load(base)) {
        c.problem = base.problem;
        return false;
      }
      c.file = base.file;
      c.dist = base.dist;
      c.deps = this.computeDeps(c);
      return true;
    }
    const problems = [];
    for (const file of c.files) {
      const isWheel = file.filename.toLowerCase().endsWith(".whl");
      let dist;
      try {
        dist = await this.options.metadata.load(file, c.name, c.version, isWheel && c.kind === "index");
      } catch (err) {
        if (err instanceof MetadataProblem || err instanceof InvalidMetadata || !isWheel) {
          problems.push(`${file.filename}: ${err.message}`);
          continue;
        }
        throw err;
      }
      if (dist.name !== c.name || !dist.version.equals(c.version)) {
        problems.push(`${file.filename}: its metadata says ${dist.name} ${dist.version}`);
        continue;
      }
      c.file = file;
      c.dist = dist;
      c.deps = this.computeDeps(c);
      return true;
    }
    c.problem = problems.join("; ") || "no usable file";
    return false;
  }
  /** pip's iter_dependencies: Requires-Python first… then Requires-Dist filtered by markers and extras. */
  computeDeps(c) {
    const dist = c.dist;
    const deps = [];
    const env = this.target.markerEnvironment;
    let contexts = [];
    if (c.kind === "extras") {
      deps.push({ kind: "explicit", identifier: c.base.identifier, name: c.name, candidate: c.base });
      contexts = c.extras.filter((e) => dist.providesExtra.has(e));
    }
    const config = this.options.dependencies;
    for (const declared of config?.transitive === false ? [] : dist.requiresDist) {
      const override = overrideFor(config, canonicalizeName(declared.name), env);
      const r = override ?? declared;
      if (!override && r.marker && !evaluateMarker(r.marker, env, contexts.length ? contexts : void 0)) continue;
      if (excludedByName(config, canonicalizeName(r.name), env)) continue;
      deps.push(...this.requirementsFrom(r));
    }
    if (dist.requiresPython && dist.requiresPython.size > 0) {
      deps.push({ kind: "python", identifier: PYTHON_IDENTIFIER, name: PYTHON_IDENTIFIER, specifier: dist.requiresPython, text: dist.requiresPythonText ?? dist.requiresPython.toString() });
    }
    return deps;
  }
  /**
   * The engine requirements of a PEP 508 requirement (markers already checked). Like pip ≥ 23.3, `b[x]>=1`
   * also constrains `b` itself, so the base project sees the specifier directly.
   */
  requirementsFrom(r) {
    const name = canonicalizeName(r.name);
    const extras = canonicalExtras(r.extras);
    const identifier = identifierOf(name, extras);
    if (r.url !== null) {
      const base = this.urlCandidate(r);
      const candidate = extras.length ? this.extrasCandidate(base, extras) : base;
      return [{ kind: "explicit", identifier, name, candidate, source: r }];
    }
    const out = [];
    if (extras.length && r.specifier.size > 0) out.push({ kind: "spec", identifier: name, name, extras: [], specifier: r.specifier, source: r });
    out.push({ kind: "spec", identifier, name, extras, specifier: r.specifier, source: r });
    return out;
  }
  identifyCandidate(c) {
    return c.identifier;
  }
  isSatisfiedBy(req, c) {
    switch (req.kind) {
      case "spec":
        return req.specifier.contains(c.version, { prereleases: true });
      case "explicit":
        return req.candidate.id === c.id;
      case "python":
        return req.specifier.contains(c.version, { prereleases: true });
    }
  }
  /**
   * pip's find_matches: explicit candidates (URLs, the base of an extras candidate) when any requirement
   * names one; otherwise index versions admitted by every specifier and the constraint, newest first.
   * Candidates come unloaded: the engine loads them in order and skips unusable ones.
   */
  async findMatches(identifier, requirements, incompatible) {
    const reqs = requirements(identifier);
    const incompat = new Set(incompatible(identifier).map((c) => c.id));
    if (identifier === PYTHON_IDENTIFIER) {
      const ok = reqs.every((r) => this.isSatisfiedBy(r, this.pythonCandidate));
      return ok && !incompat.has(this.pythonCandidate.id) ? [this.pythonCandidate] : [];
    }
    const bracket = identifier.indexOf("[");
    const name = bracket === -1 ? identifier : identifier.slice(0, bracket);
    const extras = bracket === -1 ? [] : identifier.slice(bracket + 1, -1).split(",");
    const explicit = /* @__PURE__ */ new Map();
    const specs = [];
    let hasSpecReq = false;
    for (const r of reqs) {
      if (r.kind === "explicit") explicit.set(r.candidate.id, r.candidate);
      else if (r.kind === "spec") {
        hasSpecReq = true;
        specs.push(r.specifier);
      }
    }
    if (extras.length) {
      for (const r of requirements(name)) {
        if (r.kind === "explicit") {
          const c = this.extrasCandidate(r.candidate, extras);
          explicit.set(c.id, c);
        } else if (r.kind === "spec") {
          hasSpecReq = true;
          specs.push(r.specifier);
        }
      }
    }
    const constraint = this.options.constraints.get(name);
    if (explicit.size > 0) {
      return [...explicit.values()].filter(
        (c) => !incompat.has(c.id) && (!constraint || constraint.contains(c.version, { prereleases: true })) && reqs.every((r) => this.isSatisfiedBy(r, c))
      );
    }
    if (!hasSpecReq) return [];
    if (constraint) specs.push(constraint);
    const merged = specs.length === 1 ? specs[0] : new SpecifierSet(specs.flatMap((s) => [...s.specifiers]));
    const found = this.indexCandidates(name, await this.view(name), merged);
    const out = [];
    for (const base of found) {
      const c = extras.length ? this.extrasCandidate(base, extras) : base;
      if (!incompat.has(c.id)) out.push(c);
    }
    return out;
  }
  /** Versions of the project that `spec` admits, one candidate per version, with yanked files per PEP 592. */
  indexCandidates(name, view, spec) {
    let admitted = spec.filter(view.versions, { prereleases: this.options.pre ? true : null, key: (g) => g.version });
    const allowed = this.options.hashes?.get(name);
    const hashed = (g) => g.files.some((f) => allowed.has(f.file.hashes.sha256?.toLowerCase() ?? ""));
    if (allowed && admitted.some(hashed)) admitted = admitted.filter(hashed);
    const allYanked = admitted.every((g) => g.files.every((f) => f.file.yanked !== false));
    const useYanked = allYanked && isPinned(spec);
    const out = [];
    for (const g of admitted) {
      if (useYanked) {
        g.withYanked ??= this.indexCandidate(name, g.version, g.files, true);
        out.push(g.withYanked);
      } else if (g.candidate !== null) {
        if (g.candidate === void 0) {
          const files = g.files.filter((f) => f.file.yanked === false);
          g.candidate = files.length ? this.indexCandidate(name, g.version, files, false) : null;
        }
        if (g.candidate) out.push(g.candidate);
      }
    }
    return out;
  }
  /** Why no version of `name` satisfies `spec` (for error messages): one line per version, newest first. */
  async explainVersions(name, spec, excluded = /* @__PURE__ */ new Set()) {
    const verdicts = await this.files(name);
    const byVersion = /* @__PURE__ */ new Map();
    for (const v of verdicts) {
      const key = v.version ? v.version.toString() : v.versionText || v.file.filename;
      let list = byVersion.get(key);
      if (!list) byVersion.set(key, list = []);
      list.push(v);
    }
    const admitted = spec ? new Set(spec.filter([...byVersion.keys()].filter((k) => tryParseVersion(k)), { prereleases: this.options.pre ? true : null })) : null;
    const lines = [];
    for (const [version, files] of byVersion) {
      const usable = files.filter((f) => f.rejected === void 0);
      let why;
      if (usable.length === 0) {
        why = [...new Set(files.map((f) => f.rejected))].join("; ");
      } else if (usable.every((f) => f.file.yanked !== false)) {
        const reason = usable[0].file.yanked;
        why = `yanked${reason && reason !== "no reason given" ? ` (${reason})` : ""}; only an == pin selects it`;
      } else if (admitted && !admitted.has(version)) {
        const v = tryParseVersion(version);
        why = v?.isPrerelease && spec.contains(v, { prereleases: true }) ? "a pre-release (use --pre or ask for it explicitly)" : `excluded by ${spec.toString() || "the requirement"}`;
      } else if (excluded.has(version)) {
        why = "conflicts with other requirements";
      } else {
        const c = this.candidates.get(`${name}==${version}`);
        why = c?.problem ?? "usable";
      }
      lines.push(`${version}: ${why}`);
    }
    return { lines, versions: [...byVersion.keys()] };
  }
};
function fileForUrl(url, name) {
  const shown = redactUrl(url);
  let href = url.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(href) || /^[a-z]:[\\/]/i.test(href)) href = pathToFileURL(href).toString();
  let parsed;
  try {
    parsed = new URL(href);
  } catch {
    throw new UsageError(`The requirement ${name} @ ${shown} has an invalid URL.`);
  }
  if (!["http:", "https:", "file:"].includes(parsed.protocol)) {
    throw new UsageError(`The requirement ${name} @ ${shown}: only http(s) and file URLs of wheels or sdists are supported (not ${parsed.protocol} VCS or other schemes).`);
  }
  const hashes = {};
  const fragment = parsed.hash.replace(/^#/, "");
  for (const part of fragment.split("&")) {
    const m = /^(sha256|sha384|sha512|md5|sha1|sha224)=([0-9a-f]+)$/i.exec(part);
    if (m) hashes[m[1].toLowerCase()] = m[2].toLowerCase();
  }
  parsed.hash = "";
  const filename = decodeURIComponent(parsed.pathname.split("/").pop() ?? "");
  let versionText;
  let fileName;
  if (filename.toLowerCase().endsWith(".whl")) {
    const wheel = parseWheelFilename(filename);
    versionText = wheel.version;
    fileName = wheel.name;
  } else if (isSdistName(filename)) {
    const sdist = parseSdistFilename(filename, name);
    versionText = sdist.version;
    fileName = sdist.name;
  } else {
    throw new UsageError(`The requirement ${name} @ ${shown} does not point at a wheel (.whl) or source archive; pexship cannot use project directories or VCS URLs.`);
  }
  if (fileName !== name) throw new UsageError(`The requirement ${name} @ ${shown} names ${name}, but the file is a distribution of ${fileName}.`);
  const version = tryParseVersion(versionText);
  if (!version) throw new JobError(`The file ${filename} (from ${name} @ ${shown}) has the invalid version ${JSON.stringify(versionText)}.`);
  const file = { filename, url: parsed.toString(), hashes, yanked: false, coreMetadata: false, index: "direct reference" };
  return { file, version, url: file.url };
}

// src/resolve/conflict.ts
var MAX_VERSION_LINES = 15;
function describeReq(req) {
  switch (req.kind) {
    case "spec":
      return req.source.toString().split(";")[0].trim();
    case "explicit":
      return req.source ? req.source.toString().split(";")[0].trim() : `${req.candidate.name}==${req.candidate.version}`;
    case "python":
      return `Python ${req.text}`;
  }
}
function describeCandidate(c) {
  const extras = c.extras.length ? `[${c.extras.join(",")}]` : "";
  return `${c.name}${extras} ${c.version}`;
}
function chainOf(parent, ctx) {
  if (!parent) return "you asked for";
  const hops = [describeCandidate(parent)];
  const seen = /* @__PURE__ */ new Set([parent.identifier]);
  let current = parent;
  while (current && hops.length < 6) {
    const info = ctx.requirersOf(current.identifier);
    const next = info.find((i) => i.parent === null) ?? info[0];
    if (!next || next.parent === null || seen.has(next.parent.identifier)) break;
    current = next.parent;
    seen.add(current.identifier);
    hops.push(describeCandidate(current));
  }
  return `${hops.join(" \u2190 ")} requires`;
}
function versionLines(lines) {
  const shown = lines.slice(0, MAX_VERSION_LINES).map((l) => `    ${l}`);
  if (lines.length > MAX_VERSION_LINES) shown.push(`    \u2026 and ${lines.length - MAX_VERSION_LINES} older versions`);
  return shown.join("\n");
}
async function conflictError(ctx) {
  const { provider, causes } = ctx;
  const label = provider.label;
  const causeList = dedupe(causes);
  const pythonCauses = causeList.filter((c) => c.req.kind === "python");
  if (pythonCauses.length && pythonCauses.length === causeList.length) {
    const lines2 = pythonCauses.map((c) => `  - ${chainOf(c.parent, ctx)} ${describeReq(c.req)}`);
    return new JobError(
      `Cannot resolve for ${label}: the target's Python ${provider.pythonVersion} does not satisfy
${lines2.join("\n")}
Pick a target with a newer or older Python, or pin a version of these packages that supports it.`
    );
  }
  const names = [...new Set(causeList.filter((c) => c.req.kind !== "python").map((c) => c.req.name))];
  for (const name of names) {
    const files = await provider.files(name);
    if (files.length === 0) {
      const who = causeList.filter((c) => c.req.name === name).map((c) => `${chainOf(c.parent, ctx)} ${describeReq(c.req)}`);
      return new JobError(
        `Cannot resolve for ${label}: no package named ${name} exists on the configured indexes or find-links sources (${who.join("; ")}). Check the spelling, or add the index that hosts it (--index-url/--extra-index-url/-f).`
      );
    }
  }
  for (const c of causeList) {
    if (c.req.kind !== "spec") continue;
    const constraint = ctx.constraints.get(c.req.name);
    const spec = constraint ? new SpecifierSet([...c.req.specifier.specifiers, ...constraint.specifiers]) : c.req.specifier;
    const alone = await provider.findMatches(c.req.identifier, (id) => id === c.req.identifier ? [c.req] : [], () => []);
    let usable = false;
    for (const cand of alone) {
      if (await provider.load(cand)) {
        usable = true;
        break;
      }
    }
    if (usable) continue;
    const { lines: lines2 } = await provider.explainVersions(c.req.name, spec);
    const constrained = constraint ? ` (with the constraint ${c.req.name}${constraint.toString()})` : "";
    return new JobError(
      `Cannot resolve for ${label}: no matching distribution for ${describeReq(c.req)}${constrained}, which ${chainOf(c.parent, ctx)}.
  Versions of ${c.req.name}:
${versionLines(lines2)}
` + hintFor(lines2)
    );
  }
  const lines = [];
  for (const name of names) {
    const onName = causeList.filter((c) => c.req.name === name);
    for (const c of onName) lines.push(`  - ${chainOf(c.parent, ctx)} ${describeReq(c.req)}`);
    const specs = onName.flatMap((c) => c.req.kind === "spec" ? [...c.req.specifier.specifiers] : []);
    const { versions } = await provider.explainVersions(name, specs.length ? new SpecifierSet(specs) : null);
    const shown = versions.slice(0, MAX_VERSION_LINES).join(", ") + (versions.length > MAX_VERSION_LINES ? ", \u2026" : "");
    lines.push(`    no version of ${name} satisfies all of these (available: ${shown || "none"})`);
  }
  return new JobError(
    `Cannot resolve for ${label}: the requirements conflict.
${lines.join("\n")}
Loosen one of these requirements, or pin the packages that bring them in to versions that agree.`
  );
}
function dedupe(causes) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const c of causes) {
    const key = `${c.parent?.id ?? ""}|${describeReq(c.req)}|${c.req.identifier}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}
function hintFor(lines) {
  const text = lines.join("\n");
  if (lines.length === 0) return "The project lists no files.";
  if (/do not fit/.test(text)) return "No wheel fits the target: pick another --platform, or a version that publishes wheels for it.";
  if (/requires Python/.test(text)) return "Pick a target Python that these versions support, or a version that supports the target.";
  if (/pre-release/.test(text)) return "Only pre-releases match: pass --pre, or name a pre-release in the requirement.";
  if (/yanked/.test(text)) return "Only yanked versions match: pin one with == if you really want it.";
  return "Loosen the requirement, or check which versions the index offers.";
}

// src/resolve/engine.ts
var RequirementsConflicted = class extends Error {
  constructor(criterion) {
    super("requirements conflicted");
    this.criterion = criterion;
  }
  criterion;
};
var RoundsExhausted = class extends Error {
};
var ResolutionImpossible = class extends Error {
  constructor(causes) {
    super("resolution impossible");
    this.causes = causes;
  }
  causes;
};
var MAX_ROUNDS = 2e5;
var Engine = class {
  constructor(provider, hooks = {}) {
    this.provider = provider;
    this.hooks = hooks;
  }
  provider;
  hooks;
  states = [];
  knownDepths = /* @__PURE__ */ new Map();
  /**
   * The last pin each criterion was checked against, and the answer. A criterion is never changed, only
   * replaced, and every round checks them all (twice): most answers are the same as in the round before.
   */
  pinChecks = /* @__PURE__ */ new WeakMap();
  userRequested = /* @__PURE__ */ new Map();
  conflictCriteria;
  /** The criteria when the last conflict was met (for explaining who asked for what). */
  lastCriteria() {
    return this.conflictCriteria ?? (this.states.length ? this.state.criteria : /* @__PURE__ */ new Map());
  }
  get state() {
    return this.states[this.states.length - 1];
  }
  /**
   * resolvelib 1.0's backjumping can skip the one pin whose change would solve the conflict, and then report
   * no solution where one exists (resolvelib issues 134 and 206; the random-graph oracle finds such sets).
   * When a search that skipped pins fails, search again backtracking one pin at a time: answers pip finds
   * are unchanged, and sets pip wrongly gives up on are resolved. The second search gets a few times the
   * rounds of the first; a real conflict in a large set then still ends soon, with the first explanation.
   */
  async resolve(roots) {
    try {
      return await this.search(roots, MAX_ROUNDS);
    } catch (err) {
      if (!(err instanceof ResolutionImpossible) || !this.backjumpSkipped) throw err;
      const firstConflict = this.conflictCriteria;
      this.backjumping = false;
      this.knownDepths.clear();
      try {
        return await this.search(roots, Math.min(MAX_ROUNDS, Math.max(1e3, 4 * this.rounds)));
      } catch (again) {
        if (!(again instanceof ResolutionImpossible) && !(again instanceof RoundsExhausted)) throw again;
        this.conflictCriteria = firstConflict;
        throw err;
      }
    }
  }
  backjumping = true;
  /** Whether a backjump went past a pin that backtracking one step at a time would have tried to change. */
  backjumpSkipped = false;
  /** Rounds the last search took. */
  rounds = 0;
  async search(roots, maxRounds) {
    this.states = [{ mapping: /* @__PURE__ */ new Map(), criteria: /* @__PURE__ */ new Map(), backtrackCauses: [] }];
    roots.forEach((reqs, index) => {
      const first = reqs[0];
      if (first && !this.userRequested.has(first.identifier)) this.userRequested.set(first.identifier, index);
    });
    const flat = roots.flat();
    this.prefetch(flat);
    for (const r of flat) {
      try {
        await this.addToCriteria(this.state.criteria, r, null);
      } catch (err) {
        if (err instanceof RequirementsConflicted) throw new ResolutionImpossible(err.criterion.information);
        throw err;
      }
    }
    this.pushNewState();
    for (this.rounds = 0; this.rounds < maxRounds; this.rounds++) {
      const unsatisfied = [...this.state.criteria.entries()].filter(([id, c]) => !this.isCurrentPinSatisfying(id, c)).map(([id]) => id);
      if (unsatisfied.length === 0) {
        const stale = this.pinsWithUnmetDependencies();
        if (stale.length === 0) return { mapping: this.state.mapping, criteria: this.state.criteria };
        for (const id of stale) this.state.mapping.delete(id);
        continue;
      }
      const satisfied = new Set([...this.state.criteria.keys()].filter((k) => !unsatisfied.includes(k)));
      let best = unsatisfied[0];
      let bestKey = this.preference(best);
      for (const id of unsatisfied.slice(1)) {
        const key = this.preference(id);
        if (compareKeys(key, bestKey) < 0) {
          best = id;
          bestKey = key;
        }
      }
      const failures = await this.attemptToPin(best);
      if (failures.length) {
        const causes = failures.flatMap((c) => c.information);
        this.conflictCriteria = this.state.criteria;
        this.hooks.backtracked?.();
        const success = await this.backjump(causes);
        this.state.backtrackCauses = [...causes];
        if (!success) throw new ResolutionImpossible(this.state.backtrackCauses);
      } else {
        const newlyUnsatisfied = /* @__PURE__ */ new Set();
        for (const [id, c] of this.state.criteria) if (satisfied.has(id) && !this.isCurrentPinSatisfying(id, c)) newlyUnsatisfied.add(id);
        this.removeInformationFrom(this.state.criteria, newlyUnsatisfied);
        this.pushNewState();
      }
    }
    if (maxRounds < MAX_ROUNDS) throw new RoundsExhausted();
    throw new JobError(`Resolution for ${this.provider.label} gave up after ${MAX_ROUNDS} rounds of backtracking; pin some versions to narrow the search.`);
  }
  pushNewState() {
    const s = this.state;
    this.states.push({ mapping: new Map(s.mapping), criteria: new Map(s.criteria), backtrackCauses: [...s.backtrackCauses] });
  }
  /** Starts listing projects and loading their best candidates so later awaits find them ready. */
  prefetch(reqs) {
    for (const r of reqs) if (r.kind === "spec") this.provider.prefetch(r.name, r.specifier);
  }
  requirementsOf(criteria, extra) {
    return (id) => {
      const list = (criteria.get(id)?.information ?? []).map((i) => i.req);
      if (extra && extra.id === id) list.push(extra.req);
      return list;
    };
  }
  /** The first usable candidate, dropping unusable ones from the front of the list. */
  async firstUsable(candidates) {
    while (candidates.length) {
      if (await this.provider.load(candidates[0])) return candidates[0];
      candidates.shift();
    }
    return void 0;
  }
  async addToCriteria(criteria, req, parent) {
    const id = req.identifier;
    const existing = criteria.get(id);
    const incompatibilities = existing ? [...existing.incompatibilities] : [];
    const candidates = await this.provider.findMatches(id, this.requirementsOf(criteria, { id, req }), (k) => k === id ? incompatibilities : criteria.get(k)?.incompatibilities ?? []);
    const information = existing ? [...existing.information, { req, parent }] : [{ req, parent }];
    const criterion = { candidates, information, incompatibilities };
    if (!await this.firstUsable(candidates)) throw new RequirementsConflicted(criterion);
    criteria.set(id, criterion);
  }
  isCurrentPinSatisfying(id, criterion) {
    const pin = this.state.mapping.get(id);
    if (!pin) return false;
    const known = this.pinChecks.get(criterion);
    if (known?.pin === pin) return known.satisfied;
    const satisfied = criterion.information.every((i) => this.provider.isSatisfiedBy(i.req, pin));
    this.pinChecks.set(criterion, { pin, satisfied });
    return satisfied;
  }
  /** pip's PipProvider.get_preference, as a tuple compared element by element. */
  preference(id) {
    const info = this.state.criteria.get(id)?.information ?? [];
    const hasInformation = info.length > 0;
    const operators = [];
    for (const i of info) if (i.req.kind === "spec") for (const s of i.req.specifier.specifiers) operators.push(s.operator);
    const direct = hasInformation;
    const pinned = operators.some((op) => op.startsWith("=="));
    const unfree = operators.length > 0;
    let inferredDepth;
    const requested = this.userRequested.get(id);
    if (requested !== void 0) inferredDepth = 1;
    else if (hasInformation) {
      let min = Number.POSITIVE_INFINITY;
      for (const i of info) {
        const d = i.parent ? this.knownDepths.get(i.parent.identifier) ?? Number.POSITIVE_INFINITY : 0;
        if (d < min) min = d;
      }
      inferredDepth = min + 1;
    } else inferredDepth = Number.POSITIVE_INFINITY;
    this.knownDepths.set(id, inferredDepth);
    const backtrackCause = this.state.backtrackCauses.some((c) => c.req.identifier === id || c.parent !== null && c.parent.identifier === id);
    return [
      id === PYTHON_IDENTIFIER ? 0 : 1,
      direct ? 0 : 1,
      pinned ? 0 : 1,
      backtrackCause ? 0 : 1,
      inferredDepth,
      requested ?? Number.POSITIVE_INFINITY,
      unfree ? 0 : 1,
      id
    ];
  }
  async attemptToPin(id) {
    const criterion = this.state.criteria.get(id);
    const causes = [];
    for (let i = 0; i < criterion.candidates.length; i++) {
      const candidate = criterion.candidates[i];
      if (!await this.provider.load(candidate)) continue;
      let criteria;
      try {
        criteria = await this.updatedCriteria(candidate);
      } catch (err) {
        if (err instanceof RequirementsConflicted) {
          causes.push(err.criterion);
          continue;
        }
        throw err;
      }
      const satisfied = criterion.information.every((inf) => this.provider.isSatisfiedBy(inf.req, candidate));
      if (!satisfied) throw new Error(`internal: candidate ${candidate.id} does not satisfy the requirements on ${id}`);
      for (const [k, v] of criteria) this.state.criteria.set(k, v);
      this.state.mapping.delete(id);
      this.state.mapping.set(id, candidate);
      this.hooks.pinned?.(candidate, this.state.mapping.size);
      return [];
    }
    return causes;
  }
  async updatedCriteria(candidate) {
    const criteria = new Map(this.state.criteria);
    const deps = candidate.deps;
    this.prefetch(deps);
    for (const req of deps) await this.addToCriteria(criteria, req, candidate);
    return criteria;
  }
  async backjump(causes) {
    const incompatibleDeps = /* @__PURE__ */ new Set();
    for (const c of causes) if (c.parent) incompatibleDeps.add(c.parent.identifier);
    for (const c of causes) incompatibleDeps.add(c.req.identifier);
    while (this.states.length >= 3) {
      this.states.pop();
      let brokenState;
      let name = "";
      let candidate;
      let incompatibleState = false;
      while (!incompatibleState) {
        if (brokenState) this.backjumpSkipped = true;
        brokenState = this.states.pop();
        const last = brokenState ? [...brokenState.mapping.entries()].pop() : void 0;
        if (!brokenState || !last) throw new ResolutionImpossible(causes);
        [name, candidate] = last;
        brokenState.mapping.delete(name);
        const current = new Set((candidate.deps ?? []).map((d) => d.identifier));
        incompatibleState = !this.backjumping || [...current].some((d) => incompatibleDeps.has(d));
      }
      const fromBroken = [...brokenState.criteria.entries()].map(([k, v]) => [k, [...v.incompatibilities]]);
      fromBroken.push([name, [candidate]]);
      this.pushNewState();
      if (await this.patchCriteria(fromBroken)) return true;
    }
    return false;
  }
  async patchCriteria(fromBroken) {
    for (const [k, incompatibilities] of fromBroken) {
      if (incompatibilities.length === 0) continue;
      const criterion = this.state.criteria.get(k);
      if (!criterion) continue;
      const criteria = this.state.criteria;
      const candidates = await this.provider.findMatches(
        k,
        this.requirementsOf(criteria),
        (id) => id === k ? [...criterion.incompatibilities, ...incompatibilities] : criteria.get(id)?.incompatibilities ?? []
      );
      if (!await this.firstUsable(candidates)) return false;
      incompatibilities.push(...criterion.incompatibilities);
      criteria.set(k, { candidates, information: [...criterion.information], incompatibilities });
    }
    return true;
  }
  /**
   * Pins, reachable from the user's requirements, with a dependency the final pins do not meet or that is
   * not reachable (so the result would leave it out). resolvelib (pip 24 too) can end so: a pin whose
   * criterion became unsatisfied loses its dependencies' information, and when the requirement that
   * unsettled it goes away the old pin counts as satisfied again without its dependencies being added back
   * (the random-graph oracle finds such sets). Unpinning it makes the search pin it again, dependencies and
   * all; answers whose dependencies are all met and present are left as they are.
   */
  pinsWithUnmetDependencies() {
    const { mapping, criteria } = this.state;
    const reachable = /* @__PURE__ */ new Set();
    for (let grew = true; grew; ) {
      grew = false;
      for (const [id, c] of criteria) {
        if (reachable.has(id)) continue;
        if (c.information.some((i) => i.parent === null || reachable.has(i.parent.identifier) && mapping.get(i.parent.identifier) === i.parent)) {
          reachable.add(id);
          grew = true;
        }
      }
    }
    return [...reachable].filter((id) => {
      const deps = mapping.get(id)?.deps ?? [];
      return deps.some((d) => {
        const pin = mapping.get(d.identifier);
        return !pin || !reachable.has(d.identifier) || !this.provider.isSatisfiedBy(d, pin);
      });
    });
  }
  removeInformationFrom(criteria, parents) {
    if (parents.size === 0) return;
    for (const [k, c] of criteria) {
      criteria.set(k, {
        candidates: c.candidates,
        information: c.information.filter((i) => i.parent === null || !parents.has(i.parent.identifier)),
        incompatibilities: c.incompatibilities
      });
    }
  }
};
function compareKeys(a, b) {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    return x < y ? -1 : 1;
  }
  return 0;
}

// src/resolve/resolver.ts
async function resolve(request) {
  if (request.targets.length === 0) throw new UsageError("Nothing to resolve for: no target platform was given.");
  const metadata = new MetadataStore(request.source);
  const out = [];
  for (const target of request.targets) {
    out.push(await resolveTarget2(request, target, metadata));
  }
  return { targets: out };
}
function constraintsFor(constraints, env) {
  const byName = /* @__PURE__ */ new Map();
  for (const c of constraints) {
    if (c.marker && !evaluateMarker(c.marker, env)) continue;
    if (c.url !== null) throw new UsageError(`The constraint ${c.toString()} names a URL; constraints can only limit versions (name and specifier).`);
    const name = canonicalName(c.name);
    const prior = byName.get(name);
    byName.set(name, prior ? new SpecifierSet([...prior.specifiers, ...c.specifier.specifiers]) : c.specifier);
  }
  return byName;
}
async function resolveTarget2(request, target, metadata) {
  const env = target.markerEnvironment;
  const constraints = constraintsFor(request.constraints ?? [], env);
  const provider = new Provider({
    target,
    metadata,
    pre: request.pre ?? false,
    allowSdists: request.allowSdists ?? true,
    ...request.hashes ? { hashes: request.hashes } : {},
    ...request.formatControl ? { formatControl: request.formatControl } : {},
    preferBinary: request.preferBinary ?? false,
    constraints,
    ...request.dependencies ? { dependencies: request.dependencies } : {}
  });
  const label = target.label;
  const progress = request.onProgress;
  progress?.({ kind: "start", target: label, pinned: 0 });
  const roots = request.requirements.filter((r) => (!r.marker || evaluateMarker(r.marker, env)) && !excludedByName(request.dependencies, r.canonicalName, env)).map((r) => provider.requirementsFrom(r));
  const engine = new Engine(provider, {
    pinned: (c, count) => {
      if (c.kind !== "python" && c.kind !== "extras") progress?.({ kind: "pinned", target: label, name: c.name, version: c.version.toString(), pinned: count });
    },
    backtracked: () => progress?.({ kind: "backtrack", target: label, pinned: 0 })
  });
  let result;
  try {
    result = await engine.resolve(roots);
  } catch (err) {
    if (!(err instanceof ResolutionImpossible)) throw err;
    const finalCriteria = engine.lastCriteria();
    throw await conflictError({
      provider,
      causes: err.causes,
      requirersOf: (id) => finalCriteria.get(id)?.information ?? [],
      constraints
    });
  }
  const distributions = withoutExcluded(buildDistributions(result), request.dependencies, env);
  progress?.({ kind: "done", target: label, pinned: distributions.length });
  return { target, distributions };
}
function buildDistributions(result) {
  const { mapping, criteria } = result;
  const pinnedIds = /* @__PURE__ */ new Map();
  for (const [id, c] of mapping) pinnedIds.set(c.id, id);
  const connected = /* @__PURE__ */ new Set();
  const visiting = /* @__PURE__ */ new Set();
  const hasRoute = (key) => {
    if (connected.has(key)) return true;
    const criterion = criteria.get(key);
    if (!criterion || visiting.has(key)) return false;
    visiting.add(key);
    try {
      for (const info of criterion.information) {
        if (info.parent === null) {
          connected.add(key);
          return true;
        }
        const pkey = pinnedIds.get(info.parent.id);
        if (pkey === void 0) continue;
        if (hasRoute(pkey)) {
          connected.add(key);
          return true;
        }
      }
      return false;
    } finally {
      visiting.delete(key);
    }
  };
  const byName = /* @__PURE__ */ new Map();
  const entry = (name) => {
    let e = byName.get(name);
    if (!e) byName.set(name, e = { extras: /* @__PURE__ */ new Set(), requested: false, requiredBy: /* @__PURE__ */ new Set(), dependencies: /* @__PURE__ */ new Set() });
    return e;
  };
  for (const [id, c] of mapping) {
    if (id === PYTHON_IDENTIFIER || !hasRoute(id)) continue;
    const e = entry(c.name);
    if (c.kind === "extras") c.extras.forEach((x) => e.extras.add(x));
    else e.base = c;
    for (const info of criteria.get(id)?.information ?? []) {
      if (info.parent === null) e.requested = true;
      else if (pinnedIds.has(info.parent.id) && info.parent.name !== c.name) {
        e.requiredBy.add(info.parent.name);
        entry(info.parent.name).dependencies.add(c.name);
      }
    }
  }
  const out = [];
  for (const [name, e] of byName) {
    const c = e.base;
    if (!c || !c.file) continue;
    const needsBuild = !c.file.filename.toLowerCase().endsWith(".whl");
    out.push({
      name,
      version: c.version.toString(),
      file: c.file,
      needsBuild,
      extras: [...e.extras].sort(),
      requested: e.requested,
      requiredBy: [...e.requiredBy].sort(),
      dependencies: [...e.dependencies].filter((d) => byName.get(d)?.base).sort(),
      ...c.kind === "url" ? { url: c.file.url } : {},
      ...c.dist?.requiresPythonText ? { requiresPython: c.dist.requiresPythonText } : {}
    });
  }
  return out.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function withoutExcluded(dists, config, env) {
  const versioned = config?.excludes.filter((e) => e.specifier.size > 0 && (!e.marker || evaluateMarker(e.marker, env))) ?? [];
  if (!versioned.length) return dists;
  const byName = new Map(dists.map((d) => [d.name, d]));
  const excluded = new Set(dists.filter((d) => versioned.some((e) => e.canonicalName === d.name && e.specifier.contains(d.version, { prereleases: true }))).map((d) => d.name));
  const kept = /* @__PURE__ */ new Set();
  const visit = (name) => {
    if (kept.has(name) || excluded.has(name) || !byName.has(name)) return;
    kept.add(name);
    byName.get(name).dependencies.forEach(visit);
  };
  dists.filter((d) => d.requested).forEach((d) => visit(d.name));
  return dists.filter((d) => kept.has(d.name)).map((d) => ({ ...d, requiredBy: d.requiredBy.filter((n) => kept.has(n)), dependencies: d.dependencies.filter((n) => kept.has(n)) }));
}

export {
  CACHE_FORMAT,
  defaultCacheDir,
  sha256Hex,
  safeFilename,
  tempPathFor,
  freshUntil,
  missingFreshUntil,
  Cache,
  parseCoreMetadata,
  parseWheelInfo,
  parseEntryPoints,
  entryPointGroup,
  loadCompletePlatform,
  currentTarget,
  resolveTarget,
  parseDependencyConfig,
  resolve
};

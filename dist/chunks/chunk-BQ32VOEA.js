import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  timePhase
} from "./chunk-7BMIS5AO.js";
import {
  parsePlatformTag,
  parseTag,
  platformTags,
  supportedTags
} from "./chunk-6J3BLQ7R.js";
import {
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/index/cache.ts
import { createHash as createHash2, randomBytes as randomBytes2 } from "node:crypto";
import { statSync as statSync2 } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path2 from "node:path";

// src/index/records.ts
import { createHash, randomBytes } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
var MAGIC = "PXR1\n";
var MAX_PACKS = 16;
var STALE_TEMP_MS = 60 * 6e4;
function digest(key, body) {
  return createHash("sha256").update(key).update("\0").update(body).digest("hex");
}
function readAt(fd, position, length) {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buf : buf.subarray(0, done);
}
function readIndex(fd) {
  const size = fstatSync(fd).size;
  const head = readAt(fd, 0, Math.min(size, 64 * 1024));
  if (head.subarray(0, MAGIC.length).toString("latin1") !== MAGIC) return void 0;
  const eol = head.indexOf(10, MAGIC.length);
  const indexLength = Number(head.subarray(MAGIC.length, eol).toString("latin1"));
  if (eol < 0 || !Number.isSafeInteger(indexLength) || indexLength < 2) return void 0;
  const indexStart = eol + 1;
  const bodiesStart = indexStart + indexLength;
  if (bodiesStart > size) return void 0;
  const raw = bodiesStart <= head.length ? head.subarray(indexStart, bodiesStart) : readAt(fd, indexStart, indexLength);
  let list;
  try {
    list = JSON.parse(raw.toString("utf8"));
  } catch {
    return void 0;
  }
  if (!Array.isArray(list)) return void 0;
  const entries = /* @__PURE__ */ new Map();
  for (const item of list) {
    if (!Array.isArray(item) || item.length !== 4) return void 0;
    const [key, offset, length, sha256] = item;
    if (typeof key !== "string" || typeof sha256 !== "string" || !Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) return void 0;
    const position = bodiesStart + offset;
    if (offset < 0 || length < 0 || position + length > size) return void 0;
    entries.set(key, { fd, position, length, sha256 });
  }
  return entries;
}
function packBytes(records) {
  const index = [];
  const bodies = [];
  let offset = 0;
  for (const [key, body] of records) {
    index.push([key, offset, body.length, digest(key, body)]);
    bodies.push(body);
    offset += body.length;
  }
  const indexJson = Buffer.from(JSON.stringify(index));
  return Buffer.concat([Buffer.from(`${MAGIC}${indexJson.length}
`), indexJson, ...bodies]);
}
var STAMP_LENGTH = 9;
function packName() {
  return `${Date.now().toString(36).padStart(STAMP_LENGTH, "0")}-${process.pid}-${randomBytes(4).toString("hex")}.pack`;
}
var RecordStore = class {
  dir;
  /** `names`: every pack file opened, whole or not (a merge replaces them all). */
  packs;
  pending = /* @__PURE__ */ new Map();
  constructor(cacheRoot) {
    this.dir = path.join(cacheRoot, "records");
  }
  /** Opens every pack once, on the first read. A pack another run merged away meanwhile is looked for again. */
  open() {
    if (this.packs) return this.packs;
    for (let attempt = 0; ; attempt++) {
      const packs = { names: [], fds: [], entries: /* @__PURE__ */ new Map() };
      let names;
      try {
        names = readdirSync(this.dir).filter((n) => n.endsWith(".pack")).sort();
      } catch (err) {
        if (err.code !== "ENOENT") throw err;
        names = [];
      }
      let vanished = false;
      for (const name of names) {
        let fd;
        try {
          fd = openSync(path.join(this.dir, name), "r");
        } catch (err) {
          if (err.code !== "ENOENT") throw err;
          vanished = true;
          continue;
        }
        packs.fds.push(fd);
        packs.names.push(name);
        const entries = readIndex(fd);
        if (!entries) continue;
        for (const [key, entry] of entries) packs.entries.set(key, entry);
      }
      if (vanished && attempt === 0) {
        for (const fd of packs.fds) closeSync(fd);
        continue;
      }
      this.packs = packs;
      return packs;
    }
  }
  /** The record's body, or undefined when there is none or it fails its check. */
  get(key) {
    const mine = this.pending.get(key);
    if (mine) return mine;
    const entry = this.open().entries.get(key);
    if (!entry) return void 0;
    const body = readAt(entry.fd, entry.position, entry.length);
    return body.length === entry.length && digest(key, body) === entry.sha256 ? body : void 0;
  }
  /**
   * Names the version of the record `get` returns now: the sha256 of its key and body (the same once flushed),
   * or undefined when `get` finds none.
   */
  stampOf(key) {
    const mine = this.pending.get(key);
    if (mine) return digest(key, mine);
    const entry = this.open().entries.get(key);
    return entry && this.get(key) ? entry.sha256 : void 0;
  }
  /** Kept in memory (and seen by `get`) until `flush`. */
  put(key, body) {
    this.pending.set(key, body);
  }
  /**
   * Writes this run's records as one pack, merges the packs when there are too many, and closes them. The
   * store can still be used afterwards (it reopens on the next read).
   */
  flush() {
    const seen = this.packs;
    this.close();
    if (this.pending.size === 0) return;
    mkdirSync(this.dir, { recursive: true });
    this.writePack(this.pending, packName());
    this.pending.clear();
    if ((seen?.names.length ?? MAX_PACKS) + 1 > MAX_PACKS) {
      try {
        this.mergeIfMany();
      } catch {
      } finally {
        this.close();
      }
    }
  }
  /** Closes the packs (they are opened again on the next read). */
  close() {
    for (const fd of this.packs?.fds ?? []) closeSync(fd);
    this.packs = void 0;
  }
  writePack(records, name) {
    const tmp = path.join(this.dir, `.tmp-${process.pid}-${randomBytes(6).toString("hex")}`);
    try {
      writeFileSync(tmp, packBytes(records));
      renameSync(tmp, path.join(this.dir, name));
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
  }
  /**
   * One pack in place of all (the newest record of each key that passes its check). It is named after the
   * newest pack it merges, so a pack another run writes meanwhile still sorts after it and wins.
   */
  mergeIfMany() {
    const packs = this.open();
    const names = packs.names;
    const merged = /* @__PURE__ */ new Map();
    for (const key of packs.entries.keys()) {
      const body = this.get(key);
      if (body) merged.set(key, body);
    }
    this.close();
    if (names.length <= MAX_PACKS) return;
    this.writePack(merged, `${names[names.length - 1].slice(0, STAMP_LENGTH)}~${process.pid}-${randomBytes(4).toString("hex")}.pack`);
    for (const name of names) {
      try {
        rmSync(path.join(this.dir, name), { force: true });
      } catch {
      }
    }
    for (const name of readdirSync(this.dir)) {
      if (!name.startsWith(".tmp-")) continue;
      const file = path.join(this.dir, name);
      try {
        if (Date.now() - statSync(file).mtimeMs > STALE_TEMP_MS) rmSync(file, { force: true });
      } catch {
      }
    }
  }
};

// src/index/cache.ts
var CACHE_FORMAT = 2;
function defaultCacheDir(env = process.env) {
  if (env.XDG_CACHE_HOME && path2.isAbsolute(env.XDG_CACHE_HOME)) return path2.join(env.XDG_CACHE_HOME, "pexship", "build");
  return path2.join(env.HOME || os.homedir(), ".cache", "pexship", "build");
}
function sha256Hex(data) {
  return createHash2("sha256").update(data).digest("hex");
}
var SHA256_RE = /^[0-9a-f]{64}$/;
function safeFilename(name) {
  return name.length > 0 && name.length <= 255 && !/[/\\\0]/.test(name) && !name.startsWith(".");
}
function tempPathFor(target) {
  return `${target}.tmp-${process.pid}-${randomBytes2(6).toString("hex")}`;
}
async function writeFileAtomic(target, data) {
  await mkdir(path2.dirname(target), { recursive: true });
  const tmp = tempPathFor(target);
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
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
    this.records = new RecordStore(root);
  }
  root;
  records;
  wheelPath(sha256, filename) {
    if (!SHA256_RE.test(sha256)) throw new Error(`not a sha256 digest: ${sha256}`);
    if (!safeFilename(filename)) throw new Error(`unsafe file name: ${JSON.stringify(filename)}`);
    return path2.join(this.root, "wheels", "sha256", sha256.slice(0, 2), sha256, filename);
  }
  /** The cached file's path when it is there (one stat in this thread: a cold lock asks for every wheel it reads). */
  async findWheel(sha256, filename) {
    const file = this.wheelPath(sha256, filename);
    try {
      return statSync2(file, { throwIfNoEntry: false })?.isFile() ? file : void 0;
    } catch {
      return void 0;
    }
  }
  metadataKey(sha256) {
    if (!SHA256_RE.test(sha256)) throw new Error(`not a sha256 digest: ${sha256}`);
    return `metadata\0${sha256}`;
  }
  async readMetadata(fileSha256) {
    return this.records.get(this.metadataKey(fileSha256))?.toString("utf8");
  }
  /** Kept in memory until `flush`, like every record. */
  async writeMetadata(fileSha256, text) {
    this.records.put(this.metadataKey(fileSha256), Buffer.from(text));
  }
  httpKey(kind, url) {
    return `http\0v${HTTP_CACHE_VERSION}\0${kind}\0${url}`;
  }
  /** A cached response for `url` (credential-free) of the given kind; a damaged record counts as absent. */
  async readResponse(kind, url) {
    const raw = this.records.get(this.httpKey(kind, url));
    if (!raw) return void 0;
    try {
      const record = JSON.parse(raw.toString("utf8"));
      return record.url === url ? record : void 0;
    } catch {
      return void 0;
    }
  }
  /** Names the version of the record of `url` a read gets now (see `RecordStore.stampOf`). */
  responseStamp(kind, url) {
    return this.records.stampOf(this.httpKey(kind, url));
  }
  async writeResponse(kind, record) {
    this.records.put(this.httpKey(kind, record.url), Buffer.from(JSON.stringify(record)));
  }
  /** Writes the records of this run to disk (one file), at the end of a run: see records.ts. */
  flush() {
    this.records.flush();
  }
};

// src/python/platform.ts
import { readFile } from "node:fs/promises";

// src/python/probe-cache.ts
import { createHash as createHash3 } from "node:crypto";
import { accessSync, closeSync as closeSync2, constants, openSync as openSync2, readFileSync, readSync as readSync2, realpathSync, statSync as statSync3 } from "node:fs";
import path3 from "node:path";
function locate(name, env) {
  if (name.includes("/")) return path3.resolve(name);
  for (const dir of (env.PATH ?? "").split(path3.delimiter)) {
    if (!dir) continue;
    const candidate = path3.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return path3.resolve(candidate);
    } catch {
    }
  }
  return void 0;
}
var NATIVE_MAGIC = ["7f454c46", "cffaedfe", "cefaedfe", "feedfacf", "feedface", "cafebabe"];
function isNativeExecutable(file) {
  const fd = openSync2(file, "r");
  try {
    const magic = Buffer.alloc(4);
    return readSync2(fd, magic, 0, 4, 0) === 4 && NATIVE_MAGIC.includes(magic.toString("hex"));
  } finally {
    closeSync2(fd);
  }
}
async function cachedProbe(interpreter, probeScript, cacheDir, probe, env = process.env) {
  let key;
  try {
    const file = locate(interpreter, env);
    if (!file || !isNativeExecutable(file)) return probe();
    const st = statSync3(file);
    key = { path: file, realpath: realpathSync(file), size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, probe: createHash3("sha256").update(probeScript).digest("hex") };
  } catch {
    return probe();
  }
  const recordFile = path3.join(cacheDir, "interpreters", `${createHash3("sha256").update(key.path).digest("hex")}.json`);
  try {
    const record = JSON.parse(readFileSync(recordFile, "utf8"));
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
  const { execFile } = await import("node:child_process");
  const stdout = await new Promise((resolve, reject) => {
    execFile(interpreter, ["-I", "-S", "-c", PROBE_SCRIPT], { encoding: "utf8", timeout: 6e4, maxBuffer: 1 << 20 }, (error, out, err) => {
      if (error) {
        const code = error.code;
        const why = code === "ENOENT" ? "it was not found" : code === "EACCES" ? "it is not executable" : `it failed: ${(err || error.message).trim().split("\n").pop()}`;
        reject(
          new UsageError(
            `cannot use interpreter ${JSON.stringify(interpreter)} for --platform current: ${why}. Install Python 3 or name a target instead, e.g. --platform ${PLATFORM_EXAMPLES[0]}.`
          )
        );
      } else resolve(out);
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

export {
  CACHE_FORMAT,
  defaultCacheDir,
  sha256Hex,
  safeFilename,
  tempPathFor,
  writeFileAtomic,
  freshUntil,
  missingFreshUntil,
  Cache,
  loadCompletePlatform,
  currentTarget,
  resolveTarget
};

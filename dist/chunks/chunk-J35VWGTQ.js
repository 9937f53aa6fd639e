import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  PEXSHIP_VERSION,
  busyStart,
  countUp,
  timePhase
} from "./chunk-V56NK2RW.js";
import {
  SpecifierSet,
  canonicalExtra,
  canonicalName,
  canonicalizeName,
  checkHashMode,
  compareVersions,
  compareWheelsForTarget,
  evaluateMarker,
  isDirectReference,
  parseMarker,
  parsePlatformTag,
  parseRequirement,
  parseSdistFilename,
  parseSpecifierSet,
  parseTag,
  parseVersion,
  parseWheelFilename,
  platformTags,
  readRequirementsFile,
  shellWords,
  supportedTags,
  tagPriority,
  tryParseVersion,
  wheelSupported
} from "./chunk-MFSRE2QT.js";
import {
  LAYOUTS,
  dirFiles,
  writeDirPex
} from "./chunk-4L2USVG7.js";
import {
  METHOD_DEFLATED,
  ZipArchive,
  storedBytes,
  writeZip
} from "./chunk-6AH2WM7T.js";
import {
  JobError,
  PexshipError,
  UsageError,
  redactCredentials,
  redactSecrets,
  redactUrl
} from "./chunk-A2YORBZ4.js";

// src/index/netrc.ts
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
function tokenize(text) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === '"') {
      let tok = "";
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === "\\" && i + 1 < text.length) i++;
        tok += text[i++];
      }
      i++;
      tokens.push(tok);
    } else {
      let tok = "";
      while (i < text.length && !/\s/.test(text[i])) {
        if (text[i] === "\\" && i + 1 < text.length) i++;
        tok += text[i++];
      }
      tokens.push(tok);
    }
  }
  return tokens;
}
function parseNetrc(text) {
  const withoutMacros = text.replace(/(^|\s)macdef\s+\S+[^\n]*\n[\s\S]*?(\n\s*\n|$)/g, "$1");
  const tokens = tokenize(withoutMacros);
  const netrc = { machines: /* @__PURE__ */ new Map() };
  let current;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === "machine") {
      current = { login: "", password: "" };
      const host = (tokens[++i] ?? "").toLowerCase();
      if (!netrc.machines.has(host)) netrc.machines.set(host, current);
    } else if (t === "default") {
      current = { login: "", password: "" };
      netrc.default ??= current;
    } else if ((t === "login" || t === "user") && current) {
      current.login = tokens[++i] ?? "";
    } else if (t === "password" && current) {
      current.password = tokens[++i] ?? "";
    } else if (t === "account") {
      i++;
    }
  }
  return netrc;
}
function netrcPath(env) {
  if (env.NETRC) return env.NETRC;
  return path.join(env.HOME || os.homedir(), ".netrc");
}
function loadNetrc(file) {
  try {
    return parseNetrc(readFileSync(file, "utf8"));
  } catch {
    return { machines: /* @__PURE__ */ new Map() };
  }
}
function netrcLookup(netrc, host) {
  return netrc.machines.get(host.toLowerCase()) ?? netrc.default;
}

// src/index/auth.ts
function envNameForHost(host) {
  return "PEXSHIP_INDEX_" + host.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}
function credentialsInUrl(url) {
  if (!url.username && !url.password) return void 0;
  return { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
}
function stripCredentials(url) {
  const u = new URL(url.toString());
  u.username = "";
  u.password = "";
  return u.toString();
}
var Auth = class {
  constructor(urls, env, netrcFile = netrcPath(env)) {
    this.env = env;
    this.netrcFile = netrcFile;
    for (const raw of urls) {
      let u;
      try {
        u = new URL(raw);
      } catch {
        continue;
      }
      const creds = credentialsInUrl(u);
      if (creds && !this.byOrigin.has(u.origin)) this.byOrigin.set(u.origin, creds);
    }
  }
  env;
  netrcFile;
  byOrigin = /* @__PURE__ */ new Map();
  netrc;
  credentialsFor(url) {
    if (url.protocol !== "http:" && url.protocol !== "https:") return void 0;
    const fromUrl = this.byOrigin.get(url.origin);
    if (fromUrl) return fromUrl;
    const fromEnv = envCredentials(this.env, url);
    if (fromEnv) return fromEnv;
    this.netrc ??= loadNetrc(this.netrcFile);
    const entry = netrcLookup(this.netrc, url.hostname);
    if (entry && (entry.login || entry.password)) return { username: entry.login, password: entry.password };
    return void 0;
  }
  /** The `Authorization` header value for a request to `url`, if we hold credentials for it. */
  headerFor(url) {
    const c = this.credentialsFor(url);
    if (!c) return void 0;
    return "Basic " + Buffer.from(`${c.username}:${c.password}`).toString("base64");
  }
  /** Where credentials for `url` would come from, for error messages (never the credentials themselves). */
  describeSources(url) {
    const names = envNames(url);
    return `credentials in the URL, ${names.map((n) => `${n}_USERNAME/_PASSWORD`).join(" or ")}, or a '${url.hostname}' entry in ${this.netrcFile}`;
  }
};
function envNames(url) {
  const names = [envNameForHost(url.hostname)];
  if (url.port) names.unshift(envNameForHost(`${url.hostname}:${url.port}`));
  return names;
}
function envCredentials(env, url) {
  for (const name of envNames(url)) {
    const username = env[`${name}_USERNAME`];
    const password = env[`${name}_PASSWORD`];
    if (username !== void 0 || password !== void 0) return { username: username ?? "", password: password ?? "" };
  }
  return void 0;
}
function secretsOf(urls, env = process.env, netrcFile = netrcPath(env)) {
  const secrets = /* @__PURE__ */ new Set();
  const add = (c) => {
    if (!c) return;
    if (c.password) secrets.add(c.password);
    else if (c.username) secrets.add(c.username);
  };
  const netrc = loadNetrc(netrcFile);
  for (const raw of urls) {
    let u;
    try {
      u = new URL(raw);
    } catch {
      continue;
    }
    add(credentialsInUrl(u));
    add(envCredentials(env, u));
    const entry = netrcLookup(netrc, u.hostname);
    if (entry) add({ username: entry.login, password: entry.password });
  }
  for (const [key, value] of Object.entries(env)) {
    if (value && /^PEXSHIP_INDEX_.+_PASSWORD$/.test(key)) secrets.add(value);
  }
  return [...secrets];
}

// src/core/progress.ts
function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
function bar(fraction, width = 24) {
  const full = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `[${"#".repeat(full)}${".".repeat(width - full)}]`;
}
function createReporter(sink, options) {
  const started = Date.now();
  const interval = options.intervalMs ?? 1e3;
  const stamp = () => `[${((Date.now() - started) / 1e3).toFixed(2)}s]`;
  let step;
  let task;
  let lastOutput = Date.now();
  let closed = false;
  const statusText = () => {
    if (!step) return void 0;
    const parts = [];
    if (task?.unit === "bytes") parts.push(`${formatBytes(task.count)}${task.total !== void 0 ? ` of ${formatBytes(task.total)}` : ""}`);
    else if (task) parts.push(`${task.count}${task.total !== void 0 ? `/${task.total}` : ""} ${task.unit}`);
    if (step.requests) parts.push(`${step.requests} request${step.requests === 1 ? "" : "s"}`);
    if (step.bytes) parts.push(formatBytes(step.bytes));
    const seconds = Math.floor((Date.now() - step.since) / 1e3);
    if (seconds > 0) parts.push(`${seconds} s`);
    const fraction = task?.total ? task.count / task.total : void 0;
    const head = sink.status && fraction !== void 0 ? `${bar(fraction)} ` : "";
    return `${head}${task?.label ?? step.label}${parts.length ? `: ${parts.join(", ")}` : ""}`;
  };
  const print = (text) => {
    if (sink.status) sink.status(void 0);
    sink.line(redactCredentials(text));
    lastOutput = Date.now();
    if (sink.status && step) sink.status(statusText());
  };
  const tick = () => {
    if (closed || options.verbosity < 0 || !step) return;
    if (sink.status) sink.status(statusText());
    else if (Date.now() - lastOutput >= interval) {
      sink.line(redactCredentials(`${stamp()} \u2026 ${statusText()}`));
      lastOutput = Date.now();
    }
  };
  const timer = setInterval(tick, Math.min(interval / 4, 200));
  timer.unref();
  return {
    step(message) {
      step = { label: message, since: Date.now(), bytes: 0, requests: 0 };
      task = void 0;
      if (options.verbosity >= 0) print(`${stamp()} ${message}`);
    },
    detail(message) {
      if (options.verbosity < 1) return;
      if (sink.detail) sink.detail(redactCredentials(message));
      else print(`          ${message}`);
    },
    warn(message) {
      if (sink.status) sink.status(void 0);
      sink.warn(redactCredentials(message));
      lastOutput = Date.now();
      if (sink.status && step) sink.status(statusText());
    },
    task(label, unit, total) {
      const mine = { label, unit, total, count: 0 };
      task = mine;
      return {
        advance(count = 1) {
          mine.count += count;
        },
        done() {
          if (task === mine) task = void 0;
        }
      };
    },
    bytes(n) {
      if (step) step.bytes += n;
    },
    request() {
      if (step) step.requests += 1;
    },
    close() {
      closed = true;
      clearInterval(timer);
      if (sink.status) sink.status(void 0);
    }
  };
}
function stderrProgress(verbosity, stream = process.stderr, intervalMs) {
  let shown;
  const sink = {
    line: (text) => stream.write(`${text}
`),
    warn: (text) => stream.write(`warning: ${text}
`)
  };
  if (stream.isTTY) {
    sink.status = (text) => {
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      if (text === void 0) {
        if (shown !== void 0) stream.write("\r\x1B[K");
      } else if (text !== shown) {
        stream.write(`\r\x1B[K${text.length > width ? `${text.slice(0, width - 1)}\u2026` : text}`);
      }
      shown = text;
    };
  }
  return createReporter(sink, { verbosity, intervalMs });
}

// src/core/build.ts
import path19 from "node:path";

// src/index/client.ts
import { createHash as createHash3, getHashes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir as mkdir2, readdir as readdir2, readFile as readFile2, rename as rename2, rm as rm2, stat as stat3 } from "node:fs/promises";
import path4 from "node:path";
import { fileURLToPath, pathToFileURL as pathToFileURL2 } from "node:url";

// src/index/cache.ts
import { createHash, randomBytes } from "node:crypto";
import { readFileSync as readFileSync2 } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import os2 from "node:os";
import path2 from "node:path";
var CACHE_FORMAT = 1;
function defaultCacheDir(env = process.env) {
  if (env.XDG_CACHE_HOME && path2.isAbsolute(env.XDG_CACHE_HOME)) return path2.join(env.XDG_CACHE_HOME, "pexship", "build");
  return path2.join(env.HOME || os2.homedir(), ".cache", "pexship", "build");
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
function readIfExists(file) {
  try {
    return readFileSync2(file);
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw err;
  }
}
function freshUntil(cacheControl, now = Date.now()) {
  const value = (Array.isArray(cacheControl) ? cacheControl.join(",") : cacheControl ?? "").toLowerCase();
  if (/\b(no-cache|no-store)\b/.test(value)) return void 0;
  const m = /\bmax-age\s*=\s*(\d+)/.exec(value);
  return m ? now + Number(m[1]) * 1e3 : void 0;
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
    return path2.join(this.root, "wheels", "sha256", sha256.slice(0, 2), sha256, filename);
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
    return path2.join(this.root, "metadata", "sha256", sha256.slice(0, 2), `${sha256}.METADATA`);
  }
  async readMetadata(fileSha256) {
    return readIfExists(this.metadataPath(fileSha256))?.toString("utf8");
  }
  async writeMetadata(fileSha256, text) {
    await writeFileAtomic(this.metadataPath(fileSha256), text);
  }
  httpPath(kind, url) {
    const key = sha256Hex(`v${HTTP_CACHE_VERSION}\0${kind}\0${url}`);
    return path2.join(this.root, "http", key.slice(0, 2), `${key}.json`);
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

// src/index/find-links.ts
import { createHash as createHash2 } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat as stat2 } from "node:fs/promises";
import path3 from "node:path";
import { pathToFileURL } from "node:url";

// src/index/names.ts
function normalizeProjectName(name) {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}
var SDIST_SUFFIXES = [".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tbz", ".txz", ".tar", ".zip"];
function isDistributionFile(filename) {
  const lower = filename.toLowerCase();
  return lower.endsWith(".whl") || SDIST_SUFFIXES.some((s) => lower.endsWith(s));
}
function fileBelongsTo(filename, project) {
  const lower = filename.toLowerCase();
  if (lower.endsWith(".whl")) return normalizeProjectName(filename.split("-")[0]) === project;
  const suffix = SDIST_SUFFIXES.find((s) => lower.endsWith(s));
  if (!suffix) return false;
  const stem = filename.slice(0, -suffix.length);
  for (let i = stem.indexOf("-"); i > 0; i = stem.indexOf("-", i + 1)) {
    if (normalizeProjectName(stem.slice(0, i)) === project && /^[0-9v]/i.test(stem.slice(i + 1))) return true;
  }
  return false;
}

// src/index/find-links.ts
async function hashLocalFile(file, algorithms = ["sha256"]) {
  const hashers = algorithms.map((a) => [a, createHash2(a)]);
  for await (const chunk of createReadStream(file)) for (const [, h] of hashers) h.update(chunk);
  return Object.fromEntries(hashers.map(([a, h]) => [a, h.digest("hex")]));
}
async function listDirectory(dir, project, index) {
  let names;
  try {
    names = await readdir(dir);
  } catch (err) {
    if (err.code === "ENOENT") return [];
    throw err;
  }
  const matching = names.filter((n) => isDistributionFile(n) && fileBelongsTo(n, project)).sort();
  return Promise.all(
    matching.map(async (filename) => {
      const file = path3.join(dir, filename);
      const [info, hashes] = await Promise.all([stat2(file), hashLocalFile(file)]);
      return { filename, url: pathToFileURL(file).toString(), hashes, yanked: false, coreMetadata: false, size: info.size, index };
    })
  );
}

// src/index/http.ts
import { promisify } from "node:util";
import zlib from "node:zlib";

// src/index/limiter.ts
var STALL_MS = 900;
var Limiter = class {
  constructor(current) {
    this.current = current;
    if (!(current >= 1)) throw new RangeError("limit must be at least 1");
  }
  current;
  active = 0;
  waiting = [];
  get limit() {
    return this.current;
  }
  /** Takes effect as tasks finish: running ones are not interrupted. */
  set limit(value) {
    this.current = Math.max(1, value);
  }
  async run(task) {
    if (this.active >= this.current) await new Promise((resolve2) => this.waiting.push(resolve2));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.active <= this.current ? this.waiting.shift() : void 0;
      if (next) next();
      else this.active--;
    }
  }
};
function hostKey(protocol, hostname, port) {
  const scheme = protocol.replace(/:$/, "");
  return `${scheme}://${hostname.replace(/^\[|\]$/g, "")}:${port || (scheme === "https" ? 443 : 80)}`;
}
var HostLimits = class {
  constructor(max) {
    this.max = max;
    if (!(max >= 1)) throw new RangeError("max must be at least 1");
  }
  max;
  hosts = /* @__PURE__ */ new Map();
  host(key) {
    let h = this.hosts.get(key);
    if (!h) this.hosts.set(key, h = { limiter: new Limiter(this.max), lastBackoff: -Infinity });
    return h;
  }
  run(key, task) {
    return this.host(key).limiter.run(task);
  }
  /** Requests allowed at once to a host now. */
  limitOf(key) {
    return this.host(key).limiter.limit;
  }
  /** A connect to `key` took `ms`, or failed: a stall or failure backs off. */
  connected(key, ms, failed) {
    if (failed || ms >= STALL_MS) this.backOff(key);
  }
  /**
   * Halves the host's limit. Stalls seen within one stall period of the last back-off are the same burst
   * (several SYNs dropped together) and count once.
   */
  backOff(key, now = performance.now()) {
    const h = this.host(key);
    if (now - h.lastBackoff < STALL_MS) return;
    h.lastBackoff = now;
    h.limiter.limit = Math.floor(h.limiter.limit / 2);
  }
};

// src/index/http.ts
function proxyFromEnv(env) {
  const http = env.http_proxy ?? env.HTTP_PROXY;
  const https = env.https_proxy ?? env.HTTPS_PROXY;
  if (!http && !https) return void 0;
  return { http, https, noProxy: env.no_proxy ?? env.NO_PROXY };
}
var NetworkError = class extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
    this.name = "NetworkError";
  }
  code;
};
var RETRY_STATUSES = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
var RETRY_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CLOSED"
]);
var STALL_CODES = /* @__PURE__ */ new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
var MAX_REDIRECTS = 10;
async function timedImport() {
  const done = busyStart("load undici");
  try {
    const mod = await import("./undici-NNDTBT6E.js");
    return mod.default ?? mod;
  } finally {
    done();
  }
}
var gunzip = promisify(zlib.gunzip);
var inflate = promisify(zlib.inflate);
var brotli = promisify(zlib.brotliDecompress);
function errorCode(err) {
  let e = err;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === "string") return e.code;
    e = e.cause;
  }
  return void 0;
}
function isNetworkCode(code) {
  return code !== void 0 && (RETRY_CODES.has(code) || code === "ENOTFOUND" || code.startsWith("UND_ERR"));
}
function describeNetworkError(code, timeoutMs, err) {
  const secs = `${timeoutMs / 1e3}s`;
  switch (code) {
    case "UND_ERR_HEADERS_TIMEOUT":
      return `no response within ${secs}`;
    case "UND_ERR_BODY_TIMEOUT":
      return `the response stalled for more than ${secs}`;
    case "UND_ERR_CONNECT_TIMEOUT":
    case "ETIMEDOUT":
      return `could not connect within ${secs}`;
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
    case "EPIPE":
      return "the connection was reset";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host name does not resolve";
    default:
      return err?.message || String(err);
  }
}
function timeoutError() {
  return Object.assign(new Error("headers timeout"), { code: "UND_ERR_HEADERS_TIMEOUT" });
}
function sleep(ms) {
  return new Promise((resolve2) => setTimeout(resolve2, ms));
}
function isTrustedHost(url, trusted) {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return trusted.some((t) => {
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(t.trim());
    return !!m && m[1].toLowerCase() === host.toLowerCase() && (m[2] === void 0 || m[2] === (url.port || (url.protocol === "https:" ? "443" : "80")));
  });
}
function retryAfterMs(value, now = Date.now()) {
  if (!value) return void 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
function flattenHeaders(h) {
  const out = {};
  for (const [k, v] of Object.entries(h)) if (v !== void 0) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}
async function release(res) {
  const body = res.body;
  body.on("error", () => {
  });
  if (body.readableEnded || body.destroyed) return;
  await body.dump({ limit: 64 * 1024 }).catch(() => {
  });
}
var HttpClient = class {
  constructor(options) {
    this.options = options;
    this.limits = new HostLimits(options.maxConnections);
  }
  options;
  requests = [];
  /** Per-host request limits; exposed so tests and diagnostics can see a back-off. */
  limits;
  agents;
  load() {
    this.agents ??= timedImport().then((undici) => ({
      undici,
      agent: this.makeAgent(undici, true),
      // For --trusted-host hosts only: the same pool, without certificate checks.
      trusted: this.options.trustedHosts?.length ? this.makeAgent(undici, false) : void 0
    }));
    return this.agents;
  }
  makeAgent(undici, verify) {
    const { timeoutMs, maxConnections, proxy } = this.options;
    const pool = { keepAliveTimeout: 3e4, connections: maxConnections };
    const tls = verify ? {} : { rejectUnauthorized: false };
    if (proxy) {
      return new undici.EnvHttpProxyAgent({ ...pool, connect: { timeout: timeoutMs, ...tls }, httpProxy: proxy.http ?? "", httpsProxy: proxy.https ?? "", noProxy: proxy.noProxy ?? "" });
    }
    const connect = undici.buildConnector({ timeout: timeoutMs, ...tls });
    return new undici.Agent({
      ...pool,
      connect: (opts, callback) => {
        const key = hostKey(opts.protocol, opts.hostname, opts.port);
        const started = performance.now();
        countUp("connections");
        connect(opts, (...result) => {
          this.limits.connected(key, performance.now() - started, result[0] !== null);
          callback(...result);
        });
      }
    });
  }
  /**
   * Sends a GET (following redirects) and hands the final response to `handle`, which must consume the
   * body. Retriable statuses and connection failures — also those while `handle` reads the body — are retried
   * from the start; `handle` therefore must tolerate being called again. Other statuses reach `handle`.
   */
  async get(url, headers, handle, method = "GET") {
    const { retries, retryBaseMs, maxRetryDelayMs, timeoutMs } = this.options;
    const start = new URL(url);
    const key = hostKey(start.protocol, start.hostname, start.port);
    for (let attempt = 0; ; attempt++) {
      let waitMs;
      try {
        const outcome = await this.limits.run(key, async () => {
          const res = await this.send(url, headers, method);
          try {
            if (RETRY_STATUSES.has(res.status) && attempt < retries) {
              waitMs = retryAfterMs(res.headers["retry-after"]);
              return { retry: true };
            }
            return { retry: false, value: await handle(res) };
          } finally {
            await release(res);
          }
        });
        if (!outcome.retry) return outcome.value;
      } catch (err) {
        const code = errorCode(err);
        if (err instanceof NetworkError || !isNetworkCode(code)) throw err;
        if (STALL_CODES.has(code)) this.limits.backOff(key);
        if (!RETRY_CODES.has(code) || attempt >= retries) {
          const tries = attempt + 1;
          throw new NetworkError(`${describeNetworkError(code, timeoutMs, err)}${tries > 1 ? ` (after ${tries} attempts)` : ""}`, code);
        }
      }
      const backoff = retryBaseMs * 2 ** attempt * (1 + Math.random() * 0.25);
      await sleep(Math.min(waitMs ?? backoff, maxRetryDelayMs));
    }
  }
  /** One attempt: the request plus any redirects, credentials only for the origin they belong to. */
  async send(startUrl, headers, method) {
    const { undici, agent, trusted } = await this.load();
    let url = new URL(startUrl);
    for (let hop = 0; ; hop++) {
      const auth = this.options.auth.headerFor(url);
      const target = new URL(url);
      target.username = "";
      target.password = "";
      const record = { method, url: redactUrl(target.toString()), status: 0 };
      this.requests.push(record);
      this.options.onRequest?.(record);
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(timeoutError()), this.options.timeoutMs);
      const res = await undici.request(target, {
        method,
        dispatcher: trusted && isTrustedHost(target, this.options.trustedHosts) ? trusted : agent,
        signal: abort.signal,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
        headers: {
          "user-agent": this.options.userAgent,
          ...headers,
          ...auth ? { authorization: auth } : {}
        }
      }).finally(() => clearTimeout(timer));
      record.status = res.statusCode;
      const flat = flattenHeaders(res.headers);
      const location = flat.location;
      if ([301, 302, 303, 307, 308].includes(res.statusCode) && location && hop < MAX_REDIRECTS) {
        await res.body.dump();
        url = new URL(location, target);
        continue;
      }
      return { url: target.toString(), status: res.statusCode, headers: flat, body: res.body };
    }
  }
  async close() {
    if (!this.agents) return;
    const { agent, trusted } = await this.agents;
    await Promise.all([agent.close(), trusted?.close()]);
  }
};
async function readBody(res) {
  const raw = Buffer.from(await res.body.arrayBuffer());
  const encoding = (res.headers["content-encoding"] ?? "").trim().toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return gunzip(raw);
  if (encoding === "deflate") return inflate(raw);
  if (encoding === "br") return brotli(raw);
  return raw;
}

// src/index/simple-html.ts
var NAMED_ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\xA0" };
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 1114111 ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}
function parseAttributes(inside) {
  const attrs = /* @__PURE__ */ new Map();
  const re = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(inside); m; m = re.exec(inside)) {
    const name = m[1].toLowerCase();
    const value = m[2] ?? m[3] ?? m[4];
    if (!attrs.has(name)) attrs.set(name, value === void 0 ? "" : decodeEntities(value));
  }
  return attrs;
}
function parseAnchors(html, pageUrl) {
  const text = html.replace(/<!--[\s\S]*?-->/g, "").replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "");
  let base = pageUrl;
  const baseTag = /<base\b([^>]*)>/i.exec(text);
  if (baseTag) {
    const href = parseAttributes(baseTag[1]).get("href");
    if (href) {
      try {
        base = new URL(href, pageUrl).toString();
      } catch {
      }
    }
  }
  const anchors = [];
  const tagRe = /<a\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
  for (let m = tagRe.exec(text); m; m = tagRe.exec(text)) {
    const attrs = parseAttributes(m[1]);
    const href = attrs.get("href");
    if (!href) continue;
    try {
      anchors.push({ href: new URL(href.trim(), base).toString(), attrs });
    } catch {
    }
  }
  return anchors;
}
function parseHashPair(value) {
  const m = /^\s*([a-z0-9_-]+)=([0-9a-f]+)\s*$/i.exec(value);
  return m ? { [m[1].toLowerCase()]: m[2].toLowerCase() } : void 0;
}
function splitFileUrl(href) {
  const u = new URL(href);
  const hashes = parseHashPair(u.hash.slice(1)) ?? {};
  u.hash = "";
  const segments = u.pathname.split("/");
  let filename = segments[segments.length - 1] ?? "";
  try {
    filename = decodeURIComponent(filename);
  } catch {
  }
  return { url: u.toString(), filename, hashes };
}
function coreMetadataOf(attrs) {
  const value = attrs.get("data-core-metadata") ?? attrs.get("data-dist-info-metadata");
  if (value === void 0) return false;
  if (value.trim().toLowerCase() === "false") return false;
  return parseHashPair(value) ?? true;
}
function parseSimpleHtml(html, pageUrl, index) {
  const files = [];
  for (const { href, attrs } of parseAnchors(html, pageUrl)) {
    const { url, filename, hashes } = splitFileUrl(href);
    if (!isDistributionFile(filename)) continue;
    const yanked = attrs.get("data-yanked");
    const requiresPython = attrs.get("data-requires-python")?.trim();
    files.push({
      filename,
      url,
      hashes,
      ...requiresPython ? { requiresPython } : {},
      yanked: yanked === void 0 ? false : yanked.trim() || "no reason given",
      coreMetadata: coreMetadataOf(attrs),
      index
    });
  }
  return files;
}

// src/index/sdist-metadata.ts
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
var SdistMetadataError = class extends Error {
};
function findInTar(tar, wanted) {
  let at = 0;
  let longName;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, len) => header.subarray(start, start + len).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = String.fromCharCode(header[156] || 48);
    const prefix = field(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = void 0;
    const body = tar.subarray(at + 512, at + 512 + size);
    if (type === "x") {
      const m = /\d+ path=([^\n]*)\n/.exec(body.toString("utf8"));
      if (m) longName = m[1];
    } else if (type === "L") {
      longName = body.toString("utf8").replace(/\0.*$/s, "");
    } else if ((type === "0" || type === "\0" || type === "7") && wanted(name.replace(/^\.\//, ""))) {
      return body;
    }
    at += 512 + Math.ceil(size / 512) * 512;
    name = "";
  }
  return void 0;
}
var TOP_LEVEL_PKG_INFO = (p) => /^[^/]+\/PKG-INFO$/.test(p);
async function readSdistMetadata(file, filename) {
  const data = await readFile(file);
  let pkgInfo;
  try {
    if (/\.zip$/i.test(filename)) {
      const zip = new ZipArchive(data);
      const entry = zip.entries.find((e) => TOP_LEVEL_PKG_INFO(e.name));
      pkgInfo = entry && zip.read(entry);
    } else if (/\.tar\.gz$|\.tgz$/i.test(filename)) {
      pkgInfo = findInTar(gunzipSync(data), TOP_LEVEL_PKG_INFO);
    } else {
      throw new SdistMetadataError(`${filename} is not a .tar.gz or .zip source distribution`);
    }
  } catch (err) {
    if (err instanceof SdistMetadataError) throw err;
    throw new SdistMetadataError(`${filename} cannot be read as an archive (${err.message})`);
  }
  if (!pkgInfo) throw new SdistMetadataError(`${filename} has no PKG-INFO at its top level`);
  const text = pkgInfo.toString("utf8");
  const version = /^Metadata-Version:\s*(\d+)\.(\d+)/im.exec(text);
  if (!version || Number(version[1]) * 100 + Number(version[2]) < 202) {
    throw new SdistMetadataError(`${filename} has metadata version ${version ? `${version[1]}.${version[2]}` : "unknown"}, older than 2.2, so its PKG-INFO may not list its dependencies; only a build would tell`);
  }
  const dynamic = [...text.matchAll(/^Dynamic:\s*(\S+)/gim)].map((m) => m[1].toLowerCase());
  for (const field of ["requires-dist", "requires-python", "provides-extra"]) {
    if (dynamic.includes(field)) throw new SdistMetadataError(`${filename} declares ${field} dynamic, so only a build would tell its dependencies`);
  }
  return text;
}

// src/index/simple-json.ts
var JSON_CONTENT_TYPE = "application/vnd.pypi.simple.v1+json";
function hashesOf(value) {
  const out = {};
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (typeof v === "string" && /^[0-9a-f]+$/i.test(v)) out[k.toLowerCase()] = v.toLowerCase();
  }
  return out;
}
function coreMetadataOf2(value) {
  if (value === true) return true;
  if (value && typeof value === "object") {
    const hashes = hashesOf(value);
    return Object.keys(hashes).length ? hashes : true;
  }
  return false;
}
function parseSimpleJson(body, pageUrl, index) {
  let doc;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    throw new JobError(`The index page ${pageUrl} is not valid JSON (${err.message}). Check that the index URL points at a PEP 503/691 simple index.`);
  }
  const version = doc?.meta?.["api-version"];
  if (typeof version === "string" && !version.startsWith("1.")) {
    throw new JobError(`The index page ${pageUrl} uses simple API version ${version}; pexship reads version 1.x. Use an index that serves PEP 691 v1 or HTML.`);
  }
  if (!Array.isArray(doc?.files)) {
    throw new JobError(`The index page ${pageUrl} has no 'files' list. Check that the index URL points at a PEP 503/691 simple index.`);
  }
  const files = [];
  for (const f of doc.files) {
    if (typeof f?.filename !== "string" || typeof f.url !== "string") continue;
    let url;
    try {
      url = new URL(f.url, pageUrl);
    } catch {
      continue;
    }
    url.hash = "";
    const requiresPython = typeof f["requires-python"] === "string" ? f["requires-python"].trim() : "";
    const yanked = f.yanked === true ? "no reason given" : typeof f.yanked === "string" ? f.yanked.trim() || "no reason given" : false;
    files.push({
      filename: f.filename,
      url: url.toString(),
      hashes: hashesOf(f.hashes),
      ...requiresPython ? { requiresPython } : {},
      yanked,
      coreMetadata: coreMetadataOf2(f["core-metadata"] ?? f["dist-info-metadata"]),
      ...typeof f.size === "number" ? { size: f.size } : {},
      ...typeof f["upload-time"] === "string" ? { uploadTime: f["upload-time"] } : {},
      index
    });
  }
  return files;
}

// src/index/zip-metadata.ts
import { open } from "node:fs/promises";
import { promisify as promisify2 } from "node:util";
import zlib2 from "node:zlib";
var inflateRaw = promisify2(zlib2.inflateRaw);
function withKnownBytes(inner, offset, bytes) {
  return {
    size: inner.size,
    read: (start, end) => start >= offset && end <= offset + bytes.length ? Promise.resolve(bytes.subarray(start - offset, end - offset)) : inner.read(start, end)
  };
}
async function withLocalFile(file, use) {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    return await use({
      size,
      read: async (start, end) => {
        const buf = Buffer.alloc(end - start);
        const { bytesRead } = await handle.read(buf, 0, buf.length, start);
        return buf.subarray(0, bytesRead);
      }
    });
  } finally {
    await handle.close();
  }
}
var TAIL_BYTES = 64 * 1024;
var MAX_METADATA_BYTES = 16 * 1024 * 1024;
var EOCD_SIG = 101010256;
var EOCD64_LOCATOR_SIG = 117853008;
var EOCD64_SIG = 101075792;
var CENTRAL_SIG = 33639248;
var LOCAL_SIG = 67324752;
function u64(buf, at) {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error("a zip64 size or offset is out of range");
  return Number(value);
}
async function locateCentralDirectory(reader) {
  const tailStart = Math.max(0, reader.size - TAIL_BYTES);
  const tail2 = await reader.read(tailStart, reader.size);
  let pos = -1;
  for (let i = tail2.length - 22; i >= Math.max(0, tail2.length - 22 - 65535); i--) {
    if (tail2.readUInt32LE(i) === EOCD_SIG && i + 22 + tail2.readUInt16LE(i + 20) <= tail2.length) {
      pos = i;
      break;
    }
  }
  if (pos < 0) throw new Error("it is not a zip file (no end of central directory record)");
  let size = tail2.readUInt32LE(pos + 12);
  let offset = tail2.readUInt32LE(pos + 16);
  if (size === 4294967295 || offset === 4294967295 || tail2.readUInt16LE(pos + 10) === 65535) {
    const locatorAt = tailStart + pos - 20;
    const locator = await reader.read(locatorAt, locatorAt + 20);
    if (locator.length < 20 || locator.readUInt32LE(0) !== EOCD64_LOCATOR_SIG) throw new Error("its zip64 locator is missing");
    const recordAt = u64(locator, 8);
    const record = await reader.read(recordAt, recordAt + 56);
    if (record.length < 56 || record.readUInt32LE(0) !== EOCD64_SIG) throw new Error("its zip64 end of central directory record is missing");
    size = u64(record, 40);
    offset = u64(record, 48);
  }
  if (offset + size > reader.size) throw new Error("its central directory lies outside the file");
  return { offset, size };
}
function parseCentralDirectory(cd) {
  const entries = [];
  let p = 0;
  while (p + 46 <= cd.length && cd.readUInt32LE(p) === CENTRAL_SIG) {
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const entry = {
      name: cd.toString("utf8", p + 46, p + 46 + nameLength),
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      nameLength,
      extraLength
    };
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = cd.readUInt16LE(e);
      const len = cd.readUInt16LE(e + 2);
      if (id === 1) {
        let q = e + 4;
        if (entry.uncompressedSize === 4294967295 && q + 8 <= e + 4 + len) entry.uncompressedSize = u64(cd, q), q += 8;
        if (entry.compressedSize === 4294967295 && q + 8 <= e + 4 + len) entry.compressedSize = u64(cd, q), q += 8;
        if (entry.localOffset === 4294967295 && q + 8 <= e + 4 + len) entry.localOffset = u64(cd, q);
      }
      e += 4 + len;
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
function pickMetadataEntry(entries, wheelFilename) {
  const candidates = entries.filter((e) => /^[^/]+\.dist-info\/METADATA$/.test(e.name));
  if (candidates.length === 0) throw new Error("it has no .dist-info/METADATA");
  if (candidates.length === 1) return candidates[0];
  const [name, version] = wheelFilename.split("-");
  const wanted = `${normalizeProjectName(name)}-${version}`;
  const match = candidates.find((e) => {
    const dir = e.name.slice(0, -".dist-info/METADATA".length);
    const i = dir.lastIndexOf("-");
    return `${normalizeProjectName(dir.slice(0, i))}-${dir.slice(i + 1)}` === wanted;
  });
  if (!match) throw new Error(`it has several .dist-info directories and none is named for ${wanted}`);
  return match;
}
async function readWheelMetadata(reader, wheelFilename) {
  const { offset, size } = await locateCentralDirectory(reader);
  const cd = await reader.read(offset, offset + size);
  const entry = pickMetadataEntry(parseCentralDirectory(cd), wheelFilename);
  if (entry.flags & 1) throw new Error(`${entry.name} is encrypted`);
  if (entry.uncompressedSize > MAX_METADATA_BYTES || entry.compressedSize > MAX_METADATA_BYTES) throw new Error(`${entry.name} is implausibly large`);
  const guess = 30 + entry.nameLength + entry.extraLength + entry.compressedSize + 256;
  let local = await reader.read(entry.localOffset, Math.min(reader.size, entry.localOffset + guess));
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIG) throw new Error(`the local header of ${entry.name} is missing`);
  const dataStart = 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > local.length) local = await reader.read(entry.localOffset, entry.localOffset + dataEnd);
  if (dataEnd > local.length) throw new Error(`${entry.name} is truncated`);
  const data = local.subarray(dataStart, dataEnd);
  let text;
  if (entry.method === 0) text = data;
  else if (entry.method === 8) text = await inflateRaw(data, { maxOutputLength: MAX_METADATA_BYTES });
  else throw new Error(`${entry.name} uses zip compression method ${entry.method}, which wheels may not use`);
  return text.toString("utf8");
}

// src/index/client.ts
var DEFAULT_INDEX_URL = "https://pypi.org/simple/";
var DEFAULT_MAX_CONNECTIONS = 6;
var PAGE_ACCEPT = `${JSON_CONTENT_TYPE}, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1`;
var SUPPORTED_HASHES = new Set(getHashes().map((h) => h.toLowerCase()));
function toUrl(location, cwd, what) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    let url;
    try {
      url = new URL(location);
    } catch {
      throw new UsageError(`${what} '${redactUrl(location)}' is not a valid URL. Check its spelling.`);
    }
    if (!["http:", "https:", "file:"].includes(url.protocol)) {
      throw new UsageError(`${what} '${redactUrl(location)}' uses ${url.protocol}//; pexship reads http://, https:// and file:// indexes.`);
    }
    return url;
  }
  return pathToFileURL2(path4.resolve(cwd, location));
}
function withTrailingSlash(url) {
  const u = new URL(url);
  if (!u.pathname.endsWith("/")) u.pathname += "/";
  u.search = "";
  u.hash = "";
  return u.toString();
}
function isWheel(file) {
  return file.filename.toLowerCase().endsWith(".whl");
}
function isLocal(file) {
  return file.url.startsWith("file:");
}
async function readIfExists2(file) {
  try {
    return await readFile2(file, "utf8");
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT" || code === "ENOTDIR") return void 0;
    throw err;
  }
}
function parsePage(body, contentType, pageUrl, label) {
  const type = contentType.toLowerCase();
  const looksJson = type.includes("json") || !type.includes("html") && body.trimStart().startsWith("{");
  return looksJson ? parseSimpleJson(body, pageUrl, label) : parseSimpleHtml(body, pageUrl, label);
}
function drainInto(res, file, onChunk) {
  return new Promise((resolve2, reject) => {
    const out = createWriteStream(file);
    let settled = false;
    let finished = false;
    const fail = (err) => {
      if (settled) return;
      settled = true;
      res.body.destroy();
      out.destroy();
      reject(err);
    };
    out.on("error", fail);
    out.on("finish", () => finished = true);
    out.on("close", () => {
      if (settled) return;
      if (!finished) return fail(new Error("the download was cut short"));
      settled = true;
      resolve2();
    });
    res.body.on("error", fail);
    res.body.on("data", (chunk) => {
      onChunk(chunk);
      out.write(chunk);
    });
    res.body.on("end", () => out.end());
  });
}
function parseContentRange(value) {
  const m = /^bytes\s+(\d+)-(\d+)\/(\d+)$/i.exec((value ?? "").trim());
  return m ? { start: Number(m[1]), total: Number(m[3]) } : void 0;
}
function refuseInsecure(url, trusted) {
  if (url.protocol !== "http:") return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host) || isTrustedHost(url, trusted)) return;
  throw new UsageError(
    `${redactUrl(url.toString())} is plain HTTP, which anyone on the way can read and change (pip ignores it too); use https://, or if you trust that network, add --trusted-host ${url.host}.`
  );
}
var IndexClient = class {
  cache;
  sources;
  http;
  auth;
  rootChecks = /* @__PURE__ */ new Map();
  stagingReady;
  secrets;
  listings = /* @__PURE__ */ new Map();
  findLinksPages = /* @__PURE__ */ new Map();
  localIndexDirs = /* @__PURE__ */ new Map();
  metadataInFlight = /* @__PURE__ */ new Map();
  downloadsInFlight = /* @__PURE__ */ new Map();
  onActivity;
  constructor(options = {}) {
    const env = options.env ?? process.env;
    const cwd = options.cwd ?? process.cwd();
    this.onActivity = options.onActivity;
    const indexUrls = options.noIndex ? [] : [options.indexUrl ?? DEFAULT_INDEX_URL, ...options.extraIndexUrls ?? []];
    const findLinks = options.findLinks ?? [];
    this.sources = [
      ...indexUrls.map((raw) => {
        const url = toUrl(raw, cwd, "The index URL");
        return { kind: "index", url: withTrailingSlash(url), label: redactUrl(withTrailingSlash(url)) };
      }),
      ...findLinks.map((raw) => {
        const url = toUrl(raw, cwd, "The find-links location");
        return { kind: "find-links", location: url.toString(), label: redactUrl(url.toString()) };
      })
    ];
    for (const raw of [...indexUrls, ...findLinks]) refuseInsecure(toUrl(raw, cwd, "The index URL"), options.trustedHosts ?? []);
    const netrcFile = options.netrcFile ?? netrcPath(env);
    const allUrls = [...indexUrls, ...findLinks, ...options.directUrls ?? []];
    const proxy = proxyFromEnv(env);
    this.secrets = secretsOf([...allUrls, ...proxy ? [proxy.http ?? "", proxy.https ?? ""] : []], env, netrcFile);
    this.cache = new Cache(path4.resolve(options.cacheDir ?? defaultCacheDir(env)));
    this.auth = new Auth(allUrls, env, netrcFile);
    this.http = new HttpClient({
      auth: this.auth,
      timeoutMs: options.timeoutMs ?? 3e4,
      retries: options.retries ?? 3,
      retryBaseMs: options.retryBaseMs ?? 500,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 3e4,
      maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
      userAgent: `pexship/${PEXSHIP_VERSION}`,
      proxy,
      trustedHosts: options.trustedHosts,
      onRequest: (r) => this.onActivity?.({ kind: "request", method: r.method, url: r.url })
    });
  }
  /** Every HTTP request sent so far, in order (credentials redacted). */
  get requests() {
    return this.http.requests;
  }
  get requestCount() {
    return this.http.requests.length;
  }
  /** Requests allowed at once to the host of `url` now: `maxConnections`, or fewer after stalls. */
  connectionLimit(url) {
    const u = new URL(url);
    return this.http.limits.limitOf(hostKey(u.protocol, u.hostname, u.port));
  }
  /** The configured sources, credentials redacted, in search order. */
  get sourceLabels() {
    return this.sources.map((s) => s.label);
  }
  /** Labels of the package indexes only (not find-links), as `IndexFile.index` names them. */
  get indexLabels() {
    return this.sources.filter((s) => s.kind === "index").map((s) => s.label);
  }
  /** Closes pooled connections; the client is unusable afterwards. */
  async close() {
    await this.http.close();
  }
  /**
   * All files every source lists for `project`, in source order (main index, extra indexes, find-links).
   * A project an index does not have contributes nothing; an unreachable index is an error.
   */
  listFiles(project) {
    const name = normalizeProjectName(project);
    let listing = this.listings.get(name);
    if (!listing) {
      listing = this.guard(async () => (await Promise.all(this.sources.map((s) => this.listFrom(s, name)))).flat());
      this.listings.set(name, listing);
      listing.catch(() => this.listings.delete(name));
    }
    return listing;
  }
  /** The core metadata (METADATA file text) of a distribution file. */
  fetchMetadata(file) {
    let pending = this.metadataInFlight.get(file.url);
    if (!pending) {
      pending = this.guard(() => this.metadataOf(file));
      this.metadataInFlight.set(file.url, pending);
      pending.catch(() => this.metadataInFlight.delete(file.url));
    }
    return pending;
  }
  /** A local path holding the file, hash-checked: the cache entry, or the file itself for local sources. */
  fetchFile(file) {
    let pending = this.downloadsInFlight.get(file.url);
    if (!pending) {
      pending = this.guard(() => this.fileOf(file));
      this.downloadsInFlight.set(file.url, pending);
      pending.catch(() => this.downloadsInFlight.delete(file.url));
    }
    return pending;
  }
  /** Runs `work`, turning failures into our errors with every known secret masked. */
  async guard(work) {
    try {
      return await work();
    } catch (err) {
      const error = err instanceof PexshipError ? err : new JobError(err?.message ?? String(err));
      error.message = redactSecrets(error.message, this.secrets);
      throw error;
    }
  }
  // ---- listing ----
  async listFrom(source, project) {
    if (source.kind === "index") {
      return source.url.startsWith("file:") ? this.listLocalIndex(source, project) : this.listRemoteIndex(source, project);
    }
    if (source.location.startsWith("file:")) {
      const location = fileURLToPath(source.location);
      let isDir = false;
      try {
        isDir = (await stat3(location)).isDirectory();
      } catch {
        throw new UsageError(`The find-links location ${location} does not exist. Check the -f/--find-links path.`);
      }
      if (isDir) return listDirectory(location, project, source.label);
    }
    const all = await this.findLinksPage(source);
    return all.filter((f) => fileBelongsTo(f.filename, project));
  }
  async listRemoteIndex(source, project) {
    const pageUrl = stripCredentials(new URL(`${encodeURIComponent(project)}/`, source.url));
    const files = await this.fetchPage(pageUrl, source.label, "index", true);
    if (files) return files;
    await this.checkIndexRoot(source);
    return [];
  }
  /**
   * A project the index lacks is normal, but a wrong index URL makes every project look missing: on the
   * first 404, ask the root (HEAD, so PyPI's huge root page is not sent) and fail if it is not there either.
   */
  checkIndexRoot(source) {
    let check = this.rootChecks.get(source.url);
    if (!check) {
      const rootUrl = stripCredentials(source.url);
      check = this.request(rootUrl, `the index ${source.label}`, { accept: PAGE_ACCEPT }, async (res) => {
        if (res.status === 404 || res.status === 410) {
          throw new JobError(`The index ${source.label} does not exist (HTTP ${res.status}). Check the -i/--index-url or --extra-index-url: it should name a PEP 503 simple index, e.g. https://pypi.org/simple/.`);
        }
        if (res.status === 401 || res.status === 403) throw this.statusError(res, `the index ${source.label}`);
      }, "HEAD");
      this.rootChecks.set(source.url, check);
    }
    return check;
  }
  /** A file:// index: `<root>/<project>/index.json` or `index.html`; a missing project has no files. */
  async listLocalIndex(source, project) {
    const root = fileURLToPath(source.url);
    let dirs = this.localIndexDirs.get(root);
    if (!dirs) {
      dirs = readdir2(root, { withFileTypes: true }).then(
        (entries) => new Map(entries.filter((e) => e.isDirectory()).map((e) => [normalizeProjectName(e.name), e.name])),
        () => {
          throw new JobError(`The index ${source.label} is not a readable directory. Check the -i/--index-url or --extra-index-url path.`);
        }
      );
      this.localIndexDirs.set(root, dirs);
    }
    const dirName = (await dirs).get(project);
    if (!dirName) return [];
    const dir = path4.join(root, dirName);
    const dirUrl = pathToFileURL2(dir + path4.sep).toString();
    const json = await readIfExists2(path4.join(dir, "index.json"));
    if (json !== void 0) return parseSimpleJson(json, dirUrl, source.label);
    const html = await readIfExists2(path4.join(dir, "index.html"));
    if (html !== void 0) return parseSimpleHtml(html, dirUrl, source.label);
    return [];
  }
  findLinksPage(source) {
    let page = this.findLinksPages.get(source.location);
    if (!page) {
      page = (async () => {
        if (source.location.startsWith("file:")) {
          const html = await readIfExists2(fileURLToPath(source.location));
          if (html === void 0) throw new UsageError(`The find-links page ${source.label} does not exist. Check the -f/--find-links location.`);
          return parseSimpleHtml(html, source.location, source.label);
        }
        const files = await this.fetchPage(stripCredentials(source.location), source.label, "find-links page", false);
        if (!files) throw new JobError(`The find-links page ${source.label} does not exist (HTTP 404). Check the -f/--find-links URL.`);
        return files;
      })();
      this.findLinksPages.set(source.location, page);
    }
    return page;
  }
  /**
   * GETs an index page with the cached validators, returning its files (reused on 304), or undefined on
   * 404/410. The parsed files are what we cache, so a 304 costs no parsing.
   */
  async fetchPage(pageUrl, label, what, jsonFirst) {
    const cached = await this.cache.readResponse("page", pageUrl);
    if (cached?.freshUntil && cached.freshUntil > Date.now()) {
      countUp("pages fresh");
      return cached.value.map((f) => f.index === label ? f : { ...f, index: label });
    }
    const headers = {
      accept: jsonFirst ? PAGE_ACCEPT : "text/html, */*;q=0.1",
      "accept-encoding": "gzip, deflate, br"
    };
    if (cached?.etag) headers["if-none-match"] = cached.etag;
    if (cached?.lastModified) headers["if-modified-since"] = cached.lastModified;
    const done = busyStart("pages");
    return this.request(pageUrl, `the ${what} ${label}`, headers, async (res) => {
      countUp(`pages ${res.status}`);
      if (res.status === 304 && cached) {
        const fresh2 = freshUntil(res.headers["cache-control"]);
        if (fresh2) await this.cache.writeResponse("page", { ...cached, freshUntil: fresh2 });
        return cached.value.map((f) => f.index === label ? f : { ...f, index: label });
      }
      if (res.status === 404 || res.status === 410) return void 0;
      if (res.status !== 200) throw this.statusError(res, `the ${what} ${label}`);
      const body = (await this.readCounted(res)).toString("utf8");
      const files = parsePage(body, res.headers["content-type"] ?? "", res.url, label).filter((f) => /^https?:/.test(f.url));
      const etag = res.headers.etag;
      const lastModified = res.headers["last-modified"];
      const fresh = freshUntil(res.headers["cache-control"]);
      if (etag || lastModified || fresh) await this.cache.writeResponse("page", { url: pageUrl, etag, lastModified, freshUntil: fresh, value: files });
      return files;
    }).finally(done);
  }
  // ---- metadata ----
  async metadataOf(file) {
    const sha256 = file.hashes.sha256;
    const known = sha256 && !isLocal(file) ? await this.cache.readMetadata(sha256) : void 0;
    if (known !== void 0) {
      countUp("metadata cached");
      return known;
    }
    const done = busyStart("metadata");
    try {
      countUp("metadata fetched");
      return await this.metadataFromSource(file);
    } finally {
      done();
    }
  }
  /** Metadata the cache did not have by hash: from a local file, a cached wheel, PEP 658, ranges, or the file. */
  async metadataFromSource(file) {
    const where = `${file.filename} (${redactUrl(file.url)})`;
    if (isLocal(file)) {
      const local = fileURLToPath(file.url);
      if (isWheel(file)) return this.readLocalWheelMetadata(local, file.filename, where);
      const sidecar = await readIfExists2(`${local}.metadata`);
      if (sidecar !== void 0) return sidecar;
      return this.sdistMetadata(local, file);
    }
    const sha256 = file.hashes.sha256;
    if (sha256) {
      const cachedWheel = isWheel(file) ? await this.cache.findWheel(sha256, file.filename).catch(() => void 0) : void 0;
      if (cachedWheel) return this.remember(sha256, await this.readLocalWheelMetadata(cachedWheel, file.filename, where));
    }
    if (file.coreMetadata) {
      const text2 = await this.fetchCoreMetadataFile(file);
      return sha256 ? this.remember(sha256, text2) : text2;
    }
    if (!isWheel(file)) {
      const text2 = await this.sdistMetadata(await this.fileOf(file), file);
      return sha256 ? this.remember(sha256, text2) : text2;
    }
    let text;
    try {
      text = await this.metadataByRanges(file);
    } catch (err) {
      if (err instanceof PexshipError) throw err;
      text = await this.readLocalWheelMetadata(await this.fileOf(file), file.filename, where);
    }
    return sha256 ? this.remember(sha256, text) : text;
  }
  async remember(sha256, text) {
    await this.cache.writeMetadata(sha256, text);
    return text;
  }
  /** An sdist's PKG-INFO when it is reliable (metadata 2.2+, dependencies not dynamic). */
  async sdistMetadata(local, file) {
    try {
      return await readSdistMetadata(local, file.filename);
    } catch (err) {
      if (!(err instanceof SdistMetadataError)) throw err;
      throw new JobError(
        `${err.message} (${file.filename} from ${file.index}). Build a wheel for it (pip wheel) and pass it with -f/--find-links, or pin a version that has a wheel.`
      );
    }
  }
  async readLocalWheelMetadata(local, filename, where) {
    try {
      return await withLocalFile(local, (reader) => readWheelMetadata(reader, filename));
    } catch (err) {
      if (err.code === "ENOENT") throw new JobError(`${where} does not exist. Check the index or find-links source.`);
      throw new JobError(`Could not read the metadata of ${where}: ${err.message}. The wheel is damaged; rebuild or re-download it.`);
    }
  }
  /** PEP 658: `<url>.metadata`, checked against the hash the index gave; kept by validators when it gave none. */
  async fetchCoreMetadataFile(file) {
    const url = `${file.url}.metadata`;
    const expected = file.coreMetadata === true ? {} : file.coreMetadata;
    const hashless = !file.hashes.sha256;
    const cached = hashless ? await this.cache.readResponse("metadata", url) : void 0;
    const headers = { accept: "*/*", "accept-encoding": "gzip, deflate, br" };
    if (cached?.etag) headers["if-none-match"] = cached.etag;
    if (cached?.lastModified) headers["if-modified-since"] = cached.lastModified;
    return this.request(url, `the metadata of ${file.filename}`, headers, async (res) => {
      if (res.status === 304 && cached) return cached.value;
      if (res.status !== 200) throw this.statusError(res, `the metadata of ${file.filename}`);
      const body = await this.readCounted(res);
      this.verify(body, expected, `the metadata file of ${file.filename}`, url);
      const text = body.toString("utf8");
      const etag = res.headers.etag;
      const lastModified = res.headers["last-modified"];
      if (hashless && (etag || lastModified)) await this.cache.writeResponse("metadata", { url, etag, lastModified, value: text });
      return text;
    });
  }
  /** Reads METADATA with HTTP range requests: the file's tail, then (rarely) more. */
  async metadataByRanges(file) {
    const what = `${file.filename}`;
    await this.ensureStaging();
    const first = await this.request(file.url, what, { range: `bytes=-${TAIL_BYTES}`, "accept-encoding": "identity" }, async (res) => {
      if (res.status === 206) {
        const range = parseContentRange(res.headers["content-range"]);
        const bytes = Buffer.from(await res.body.arrayBuffer());
        this.counted(bytes.length);
        if (!range) throw new Error("the server sent a range without a usable Content-Range");
        return { kind: "range", ...range, bytes };
      }
      if (res.status === 200) return { kind: "whole", path: await this.saveDownload(res, file) };
      if (res.status === 416) throw new Error("the server refused the range request");
      throw this.statusError(res, what);
    });
    if (first.kind === "whole") return this.readLocalWheelMetadata(first.path, file.filename, `${what} (${redactUrl(file.url)})`);
    const remote = {
      size: first.total,
      read: (start, end) => this.request(file.url, what, { range: `bytes=${start}-${end - 1}`, "accept-encoding": "identity" }, async (res) => {
        const bytes = Buffer.from(await res.body.arrayBuffer());
        this.counted(bytes.length);
        if (res.status === 206 && parseContentRange(res.headers["content-range"])?.start === start) return bytes;
        if (res.status === 200) return bytes.subarray(start, end);
        throw new Error(`the server answered a range request with HTTP ${res.status}`);
      })
    };
    return readWheelMetadata(withKnownBytes(remote, first.start, first.bytes), file.filename);
  }
  // ---- files ----
  async fileOf(file) {
    if (isLocal(file)) {
      const local = fileURLToPath(file.url);
      const wanted = Object.keys(file.hashes).filter((h) => SUPPORTED_HASHES.has(h));
      if (wanted.length) {
        let actual;
        try {
          actual = await hashLocalFile(local, wanted);
        } catch (err) {
          throw new JobError(`Could not read ${file.filename} at ${local}: ${err.message}. Check the index or find-links source.`);
        }
        for (const h of wanted) if (actual[h] !== file.hashes[h]) throw this.mismatch(file, h, file.hashes[h], actual[h]);
      }
      return local;
    }
    if (!safeFilename(file.filename)) throw new JobError(`The index ${file.index} lists a file with an unsafe name ${JSON.stringify(file.filename)}; refusing to download it.`);
    const sha256 = file.hashes.sha256;
    if (sha256) {
      const cached = await this.cache.findWheel(sha256, file.filename);
      if (cached) return cached;
    }
    await this.ensureStaging();
    return this.request(file.url, file.filename, { "accept-encoding": "identity" }, async (res) => {
      if (res.status !== 200) throw this.statusError(res, file.filename);
      return this.saveDownload(res, file);
    });
  }
  stagingDir() {
    return path4.join(this.cache.root, "wheels", ".incoming");
  }
  /** Made once per client, before any download starts. */
  ensureStaging() {
    this.stagingReady ??= mkdir2(this.stagingDir(), { recursive: true }).then(() => void 0);
    return this.stagingReady;
  }
  /** Streams a 200 response into the cache through the hashes, checks them, and renames into place. */
  async saveDownload(res, file) {
    const algorithms = /* @__PURE__ */ new Set(["sha256", ...Object.keys(file.hashes).filter((h) => SUPPORTED_HASHES.has(h))]);
    const hashers = [...algorithms].map((a) => [a, createHash3(a)]);
    const tmp = tempPathFor(path4.join(this.stagingDir(), "download"));
    try {
      await drainInto(res, tmp, (chunk) => {
        this.counted(chunk.length);
        for (const [, h] of hashers) h.update(chunk);
      });
      const actual = Object.fromEntries(hashers.map(([a, h]) => [a, h.digest("hex")]));
      for (const [name, expected] of Object.entries(file.hashes)) {
        if (SUPPORTED_HASHES.has(name) && actual[name] !== expected) throw this.mismatch(file, name, expected, actual[name]);
      }
      const target = this.cache.wheelPath(actual.sha256, file.filename);
      await mkdir2(path4.dirname(target), { recursive: true });
      await rename2(tmp, target);
      return target;
    } finally {
      await rm2(tmp, { force: true });
    }
  }
  counted(bytes) {
    this.onActivity?.({ kind: "bytes", bytes });
  }
  async readCounted(res) {
    const body = await readBody(res);
    this.counted(body.length);
    return body;
  }
  mismatch(file, algorithm, expected, actual) {
    return new JobError(
      `Hash mismatch for ${file.filename} from ${redactUrl(file.url)}: the index says ${algorithm} ${expected}, the file has ${actual}. The file was altered or corrupted on the way; retry, and if it persists tell the index owner.`
    );
  }
  verify(body, expected, what, url) {
    for (const [name, hex] of Object.entries(expected)) {
      if (!SUPPORTED_HASHES.has(name)) continue;
      const actual = createHash3(name).update(body).digest("hex");
      if (actual !== hex) {
        throw new JobError(`Hash mismatch for ${what} from ${redactUrl(url)}: the index says ${name} ${hex}, the file has ${actual}. Retry; if it persists tell the index owner.`);
      }
    }
  }
  // ---- HTTP plumbing ----
  /** `http.get` with network failures turned into errors that name the URL and what to check. */
  async request(url, what, headers, handle, method = "GET") {
    try {
      return await this.http.get(url, headers, handle, method);
    } catch (err) {
      if (err instanceof NetworkError) {
        throw new JobError(
          `Could not fetch ${what} from ${redactUrl(url)}: ${err.message}. Check the URL, your network or proxy, and that the index is up.`
        );
      }
      throw err;
    }
  }
  statusError(res, what) {
    const url = redactUrl(res.url);
    if (res.status === 401 || res.status === 403) {
      return new JobError(
        `Fetching ${what} from ${url} was refused (HTTP ${res.status}). Check the credentials for ${new URL(res.url).host}: ` + this.describeAuth(res.url) + "."
      );
    }
    return new JobError(`Fetching ${what} from ${url} failed with HTTP ${res.status}. Check the index URL and that the index is up.`);
  }
  describeAuth(url) {
    return this.auth.describeSources(new URL(url));
  }
};

// src/pex/entry-check.ts
import { stat as stat4 } from "node:fs/promises";

// src/python/stdlib-modules.ts
var STDLIB_MODULES = /* @__PURE__ */ new Set([
  "abc",
  "aifc",
  "antigravity",
  "argparse",
  "array",
  "ast",
  "asynchat",
  "asyncio",
  "asyncore",
  "atexit",
  "audioop",
  "base64",
  "bdb",
  "binascii",
  "binhex",
  "bisect",
  "builtins",
  "bz2",
  "cProfile",
  "calendar",
  "cgi",
  "cgitb",
  "chunk",
  "cmath",
  "cmd",
  "code",
  "codecs",
  "codeop",
  "collections",
  "colorsys",
  "compileall",
  "concurrent",
  "configparser",
  "contextlib",
  "contextvars",
  "copy",
  "copyreg",
  "crypt",
  "csv",
  "ctypes",
  "curses",
  "dataclasses",
  "datetime",
  "dbm",
  "decimal",
  "difflib",
  "dis",
  "distutils",
  "doctest",
  "dummy_threading",
  "email",
  "encodings",
  "ensurepip",
  "enum",
  "errno",
  "faulthandler",
  "fcntl",
  "filecmp",
  "fileinput",
  "fnmatch",
  "formatter",
  "fractions",
  "ftplib",
  "functools",
  "gc",
  "genericpath",
  "getopt",
  "getpass",
  "gettext",
  "glob",
  "graphlib",
  "grp",
  "gzip",
  "hashlib",
  "heapq",
  "hmac",
  "html",
  "http",
  "idlelib",
  "imaplib",
  "imghdr",
  "imp",
  "importlib",
  "inspect",
  "io",
  "ipaddress",
  "itertools",
  "json",
  "keyword",
  "lib2to3",
  "linecache",
  "locale",
  "logging",
  "lzma",
  "mailbox",
  "mailcap",
  "marshal",
  "math",
  "mimetypes",
  "mmap",
  "modulefinder",
  "msilib",
  "msvcrt",
  "multiprocessing",
  "netrc",
  "nis",
  "nntplib",
  "nt",
  "ntpath",
  "nturl2path",
  "numbers",
  "opcode",
  "operator",
  "optparse",
  "os",
  "ossaudiodev",
  "parser",
  "pathlib",
  "pdb",
  "pickle",
  "pickletools",
  "pipes",
  "pkgutil",
  "platform",
  "plistlib",
  "poplib",
  "posix",
  "posixpath",
  "pprint",
  "profile",
  "pstats",
  "pty",
  "pwd",
  "py_compile",
  "pyclbr",
  "pydoc",
  "pydoc_data",
  "pyexpat",
  "queue",
  "quopri",
  "random",
  "re",
  "readline",
  "reprlib",
  "resource",
  "rlcompleter",
  "runpy",
  "sched",
  "secrets",
  "select",
  "selectors",
  "shelve",
  "shlex",
  "shutil",
  "signal",
  "site",
  "smtpd",
  "smtplib",
  "sndhdr",
  "socket",
  "socketserver",
  "spwd",
  "sqlite3",
  "sre_compile",
  "sre_constants",
  "sre_parse",
  "ssl",
  "stat",
  "statistics",
  "string",
  "stringprep",
  "struct",
  "subprocess",
  "sunau",
  "symbol",
  "symtable",
  "sys",
  "sysconfig",
  "syslog",
  "tabnanny",
  "tarfile",
  "telnetlib",
  "tempfile",
  "termios",
  "textwrap",
  "this",
  "threading",
  "time",
  "timeit",
  "tkinter",
  "token",
  "tokenize",
  "tomllib",
  "trace",
  "traceback",
  "tracemalloc",
  "tty",
  "turtle",
  "turtledemo",
  "types",
  "typing",
  "unicodedata",
  "unittest",
  "urllib",
  "uu",
  "uuid",
  "venv",
  "warnings",
  "wave",
  "weakref",
  "webbrowser",
  "winreg",
  "winsound",
  "wsgiref",
  "xdrlib",
  "xml",
  "xmlrpc",
  "zipapp",
  "zipfile",
  "zipimport",
  "zlib",
  "zoneinfo"
]);

// src/pex/entry-check.ts
var ENTRY_POINT = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*(:[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*)?$/;
function checkEntryPointSyntax(entryPoint) {
  if (entryPoint !== void 0 && !ENTRY_POINT.test(entryPoint)) {
    throw new UsageError(`entry point '${entryPoint}' is not MODULE or MODULE:FUNCTION (e.g. myapp.cli:main).`);
  }
}
async function checkSourcesDir(dir) {
  const info = await stat4(dir).catch(() => void 0);
  if (!info) throw new UsageError(`--sources-directory ${dir} does not exist; give a folder of your Python code.`);
  if (!info.isDirectory()) throw new UsageError(`--sources-directory ${dir} is not a folder.`);
}
async function checkEntryInputs(entryPoint, sourcesDirs) {
  checkEntryPointSyntax(entryPoint);
  for (const dir of sourcesDirs) await checkSourcesDir(dir);
}
function moduleFiles(module, names, dirs) {
  const base = module.replaceAll(".", "/");
  if (names.has(`${base}/__init__.py`)) return "package";
  if (names.has(`${base}.py`)) return "module";
  const slash = base.lastIndexOf("/");
  const leaf = base.slice(slash + 1);
  const folder = base.slice(0, slash + 1);
  for (const n of names) {
    if (n.startsWith(`${folder}${leaf}.`) && !n.slice(folder.length).includes("/") && /\.(so|pyd|pyc)$/.test(n)) return "module";
  }
  if (dirs.has(base)) return "namespace";
  return void 0;
}
function checkEntryModule(entryPoint, code, targets) {
  const [module, func] = entryPoint.split(":");
  const top = module.split(".")[0];
  for (const t of targets) {
    const names = /* @__PURE__ */ new Set([...code, ...t.files]);
    const dirs = /* @__PURE__ */ new Set();
    for (const n of names) for (let i = n.indexOf("/"); i > 0; i = n.indexOf("/", i + 1)) dirs.add(n.slice(0, i));
    const kind = moduleFiles(module, names, dirs);
    if (kind === void 0) {
      if (STDLIB_MODULES.has(top) && !dirs.has(top) && !names.has(`${top}.py`)) continue;
      const where = code.length ? "your code (-D) or" : "any -D folder (none given) or";
      const topThere = moduleFiles(top, names, dirs);
      throw new UsageError(
        `entry point ${entryPoint}: the module ${module} is not in ${where} the distributions for ${t.label}` + (topThere && top !== module ? ` (${top} is, but has no ${module.slice(top.length + 1).replaceAll(".", "/")}.py)` : "") + "; check the name, add the folder that holds it with -D (for a src/ layout: -D src), or add the distribution that provides it."
      );
    }
    if (func === void 0 && kind !== "module" && !names.has(`${module.replaceAll(".", "/")}/__main__.py`)) {
      throw new UsageError(`entry point ${entryPoint}: ${module} is a package without a __main__.py, so it cannot be run; name a function (${module}.MODULE:FUNCTION) or add ${module}/__main__.py.`);
    }
  }
}

// src/pex/build.ts
import { createHash as createHash6, randomBytes as randomBytes4 } from "node:crypto";
import { chmod, mkdir as mkdir5, open as open2, readdir as readdir3, readFile as readFile5, rename as rename5, stat as stat5, unlink } from "node:fs/promises";
import path7 from "node:path";
import { inflateRawSync } from "node:zlib";

// src/pex/compile.ts
import { execFile } from "node:child_process";
import { createHash as createHash4, randomBytes as randomBytes2 } from "node:crypto";
import { mkdir as mkdir3, readFile as readFile3, rename as rename3, writeFile as writeFile2 } from "node:fs/promises";
import path5 from "node:path";
var COMPILER = `
import base64, importlib.util, json, sys
from importlib._bootstrap_external import _code_to_hash_pyc
items = json.load(sys.stdin)
out = []
for item in items:
    source = base64.b64decode(item['source'])
    try:
        code = compile(source, item['name'], 'exec', dont_inherit=True)
    except (SyntaxError, ValueError):
        out.append(None)
        continue
    pyc = _code_to_hash_pyc(code, importlib.util.source_hash(source), False)
    out.append(base64.b64encode(bytes(pyc)).decode('ascii'))
json.dump({'tag': sys.implementation.cache_tag, 'pycs': out}, sys.stdout)
`;
function runCompiler(python, input) {
  return new Promise((resolve2, reject) => {
    const child = execFile(python, ["-E", "-s", "-c", COMPILER], { maxBuffer: 1024 * 1024 * 1024, timeout: 6e5 }, (err, stdout, stderr) => {
      if (err) reject(new JobError(`--compile: ${python} failed to compile the PEX's sources: ${String(stderr).trim().split("\n").pop() || err.message}`));
      else resolve2(String(stdout));
    });
    child.stdin?.end(input);
  });
}
function pycName(source, tag) {
  const slash = source.lastIndexOf("/");
  const dir = source.slice(0, slash + 1);
  return `${dir}__pycache__/${source.slice(slash + 1, -3)}.${tag}.pyc`;
}
function cacheKey(tag, file) {
  return createHash4("sha256").update(tag).update("\0").update(file.name).update("\0").update(file.content).digest("hex");
}
async function compileFiles(python, files, cacheDir) {
  const tag = JSON.parse(await runCompiler(python, "[]")).tag;
  const dir = cacheDir ? path5.join(cacheDir, "pyc", tag) : void 0;
  const pycs = [];
  const missing = [];
  for (let i = 0; i < files.length; i++) {
    const cached = dir ? await readFile3(path5.join(dir, cacheKey(tag, files[i]))).catch(() => void 0) : void 0;
    pycs.push(cached === void 0 ? null : cached.length ? cached : null);
    if (cached === void 0) missing.push(i);
  }
  if (missing.length) {
    const input = JSON.stringify(missing.map((i) => ({ name: files[i].name, source: files[i].content.toString("base64") })));
    const result = JSON.parse(await runCompiler(python, input));
    if (dir) await mkdir3(dir, { recursive: true });
    for (let k = 0; k < missing.length; k++) {
      const content = result.pycs[k] ? Buffer.from(result.pycs[k], "base64") : Buffer.alloc(0);
      pycs[missing[k]] = content.length ? content : null;
      if (dir) {
        const file = path5.join(dir, cacheKey(tag, files[missing[k]]));
        const temp = `${file}.tmp-${process.pid}-${randomBytes2(4).toString("hex")}`;
        await writeFile2(temp, content).then(() => rename3(temp, file)).catch(() => {
        });
      }
    }
  }
  return { tag, pycs };
}
function isCompilable(name) {
  if (!name.endsWith(".py")) return false;
  const top = name.split("/")[0];
  return !top.endsWith(".data") && !top.endsWith(".dist-info");
}

// src/pex/install.ts
import { createHash as createHash5, randomBytes as randomBytes3 } from "node:crypto";
import { mkdir as mkdir4, readFile as readFile4, rename as rename4, writeFile as writeFile3 } from "node:fs/promises";
import path6 from "node:path";

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
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  let current;
  const flush = () => {
    if (current) headers.add(current.name, current.parts.join("\n"));
    current = void 0;
  };
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") {
      i++;
      break;
    }
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
  return { headers, body: lines.slice(i).join("\n") };
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
  const build2 = headers.get("Build");
  if (build2 !== void 0) info.build = build2.trim();
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
  const byName2 = /* @__PURE__ */ new Map();
  for (const ep of entryPoints) if (ep.group === group) byName2.set(ep.name, ep);
  return [...byName2.values()];
}

// src/pex/install.ts
function scriptKind(content) {
  if (content.subarray(0, 2).toString("latin1") === "#!") {
    const end = content.indexOf(10);
    return /python/.test(content.subarray(0, end < 0 ? content.length : end).toString("latin1")) ? "python" : "program";
  }
  return content.subarray(0, 4096).includes(0) ? "program" : "python";
}
var SIGNATURE_FILES = /* @__PURE__ */ new Set(["RECORD.jws", "RECORD.p7s"]);
var ACCEPTED_HASHES = /* @__PURE__ */ new Set(["sha256", "sha384", "sha512"]);
function parseCsvLine(line) {
  const out = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') field += '"', i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") out.push(field), field = "";
    else field += c;
  }
  out.push(field);
  return out;
}
function csvField(s) {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function unsafePathReason(name) {
  if (name.length === 0) return "an empty name";
  if (name.includes("\0")) return "a NUL byte";
  if (name.includes("\\")) return "a backslash";
  if (name.startsWith("/")) return "an absolute path";
  if (/^[A-Za-z]:/.test(name)) return "a drive letter";
  if (name.split("/").some((part) => part === "..")) return 'a ".." component';
  return null;
}
async function installWheel(wheelPath, options = {}) {
  const filename = path6.basename(wheelPath);
  const fail = (why) => {
    throw new UsageError(`wheel ${filename}: ${why}`);
  };
  const parsed = (() => {
    try {
      return parseWheelFilename(filename);
    } catch (e) {
      return fail(`${e.message}`);
    }
  })();
  let data;
  try {
    data = await readFile4(wheelPath);
  } catch (e) {
    throw new UsageError(`cannot read wheel ${wheelPath}: ${e.code ?? e.message}; check the path.`);
  }
  const sha256 = createHash5("sha256").update(data).digest("hex");
  const manifestFile = options.cacheDir ? manifestPath(options.cacheDir, sha256) : void 0;
  if (manifestFile) {
    const cached = await loadManifest(manifestFile, data, filename);
    if (cached) return cached;
  }
  let zip;
  try {
    zip = new ZipArchive(data);
  } catch (e) {
    return fail(`not a valid zip archive (${e.message}); the file is corrupt or not a wheel, download it again.`);
  }
  const distInfos = /* @__PURE__ */ new Set();
  for (const e of zip.entries) {
    const top = e.name.split("/")[0];
    if (top.endsWith(".dist-info") && e.name.split("/").length === 2 && e.name.endsWith("/WHEEL")) distInfos.add(top);
  }
  if (distInfos.size !== 1) fail(`expected one .dist-info folder with a WHEEL file, found ${distInfos.size ? [...distInfos].join(", ") : "none"}.`);
  const distInfo = [...distInfos][0];
  const dataDir = distInfo.replace(/\.dist-info$/, ".data");
  const byName2 = new Map(zip.entries.map((e) => [e.name, e]));
  if (byName2.size !== zip.entries.length) fail("it has two members with the same name.");
  const readMember = (name) => {
    const e = byName2.get(name);
    if (!e) return fail(`it has no ${name}.`);
    try {
      return zip.read(e);
    } catch (err) {
      return fail(`member ${name} is corrupt: ${err.message}.`);
    }
  };
  const wheelInfo = (() => {
    try {
      return parseWheelInfo(readMember(`${distInfo}/WHEEL`).toString("utf8"), `${distInfo}/WHEEL`);
    } catch (e) {
      return fail(e.message);
    }
  })();
  if (wheelInfo.wheelVersion[0] !== 1) fail(`Wheel-Version ${wheelInfo.wheelVersion.join(".")} is not supported (only 1.x); use a newer pexship.`);
  const recordName = `${distInfo}/RECORD`;
  const record = /* @__PURE__ */ new Map();
  for (const line of readMember(recordName).toString("utf8").split(/\r?\n/)) {
    if (!line.trim()) continue;
    const [p, hash, size] = parseCsvLine(line);
    if (p === recordName || SIGNATURE_FILES.has(p.split("/").pop())) continue;
    const m = /^([a-z0-9]+)=([A-Za-z0-9_-]+)$/.exec(hash ?? "");
    if (!m) fail(`RECORD has no hash for ${p}.`);
    if (!ACCEPTED_HASHES.has(m[1])) fail(`RECORD uses ${m[1]} for ${p}; only sha256 or stronger is accepted.`);
    record.set(p, { algorithm: m[1], digest: m[2], size: size ? Number(size) : null });
  }
  const members = [];
  const sources = /* @__PURE__ */ new Map();
  const installedRecord = [];
  const installedPaths = /* @__PURE__ */ new Set();
  let hasData = false;
  let installedSize = 0;
  const pthFiles = [];
  const dataScripts = {};
  for (const e of zip.entries) {
    const unsafe = unsafePathReason(e.name);
    if (unsafe) fail(`member "${e.name}" has ${unsafe}; refusing a wheel whose files would land outside its folder.`);
    if ((e.unixMode & 61440) === 40960) fail(`member "${e.name}" is a symbolic link; wheels may not contain links.`);
    if (e.isDirectory) continue;
    if (e.name === recordName || e.name.startsWith(`${distInfo}/`) && SIGNATURE_FILES.has(e.name.slice(distInfo.length + 1))) continue;
    const row = record.get(e.name);
    if (!row) fail(`member ${e.name} is not listed in RECORD; the wheel was altered after it was built.`);
    record.delete(e.name);
    let content;
    try {
      content = zip.read(e);
    } catch (err) {
      return fail(`member ${e.name} is corrupt: ${err.message}.`);
    }
    const digest = createHash5(row.algorithm).update(content).digest("base64url");
    if (digest !== row.digest) fail(`member ${e.name} does not match its RECORD hash (${row.algorithm}=${row.digest}, got ${digest}); the wheel is corrupt or was tampered with.`);
    if (row.size !== null && row.size !== content.length) fail(`member ${e.name} is ${content.length} bytes, RECORD says ${row.size}.`);
    let target = e.name;
    if (e.name.startsWith(`${dataDir}/`)) {
      const rest = e.name.slice(dataDir.length + 1);
      const slash = rest.indexOf("/");
      const category = slash < 0 ? rest : rest.slice(0, slash);
      if (category === "purelib" || category === "platlib") target = rest.slice(slash + 1);
      else if (["scripts", "data", "headers"].includes(category)) hasData = true;
      else fail(`member ${e.name} is in an unknown .data category "${category}".`);
      if (!target || unsafePathReason(target)) fail(`member ${e.name} would install outside its folder.`);
    }
    if (installedPaths.has(target)) fail(`two members install to ${target}.`);
    installedPaths.add(target);
    if (!target.includes("/") && target.endsWith(".pth") && !target.startsWith(".")) pthFiles.push(target);
    const script = target.startsWith(`${dataDir}/scripts/`) ? target.slice(dataDir.length + 9) : "";
    if (script && !script.includes("/")) dataScripts[script] = { path: target, kind: scriptKind(content) };
    const executable = (e.unixMode & 73) !== 0 || script !== "";
    const member = { name: target, mode: executable ? 33261 : 33188 };
    if (e.method === METHOD_DEFLATED) member.deflated = { data: zip.rawData(e), crc: e.crc, size: e.size };
    else Object.assign(member, { content, store: true });
    members.push(member);
    sources.set(target, e);
    installedSize += content.length;
    installedRecord.push(`${csvField(target)},${row.algorithm}=${row.digest},${content.length}`);
  }
  if (record.size > 0) fail(`RECORD lists ${[...record.keys()].slice(0, 3).join(", ")}${record.size > 3 ? " \u2026" : ""} but the wheel lacks ${record.size === 1 ? "it" : "them"}.`);
  const installer = Buffer.from("pexship\n");
  const installerName = `${distInfo}/INSTALLER`;
  if (!installedPaths.has(installerName)) {
    members.push({ name: installerName, mode: 33188, content: installer });
    installedRecord.push(`${installerName},sha256=${createHash5("sha256").update(installer).digest("base64url")},${installer.length}`);
  }
  installedRecord.push(`${recordName},,`);
  const recordContent = Buffer.from(installedRecord.sort().join("\n") + "\n");
  members.push({ name: recordName, mode: 33188, content: recordContent });
  members.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const metadataText = readMember(`${distInfo}/METADATA`).toString("utf8");
  const entryPointsName = `${distInfo}/entry_points.txt`;
  const consoleScripts = {};
  let metadata;
  try {
    metadata = parseCoreMetadata(metadataText, `${distInfo}/METADATA`);
    if (byName2.has(entryPointsName)) {
      const entryPoints = parseEntryPoints(readMember(entryPointsName).toString("utf8"), entryPointsName);
      for (const group of ["console_scripts", "gui_scripts"]) {
        for (const ep of entryPointGroup(entryPoints, group)) consoleScripts[ep.name] = ep.attr ? `${ep.module}:${ep.attr}` : ep.module;
      }
    }
  } catch (e) {
    return fail(e.message);
  }
  const installed = {
    filename,
    sha256,
    wheelSize: data.length,
    project: metadata.name,
    version: metadata.version,
    tags: parsed.tags,
    requiresPython: metadata.requiresPython ?? null,
    requiresDist: metadata.requiresDist ?? [],
    consoleScripts,
    hasData,
    pthFiles: pthFiles.sort(),
    dataScripts,
    members,
    installedSize: installedSize + installer.length + recordContent.length
  };
  if (manifestFile) await saveManifest(manifestFile, installed, sources).catch(() => {
  });
  return installed;
}
var MANIFEST_VERSION = 2;
function manifestPath(cacheDir, sha256) {
  return path6.join(cacheDir, "installed", `v${MANIFEST_VERSION}`, sha256.slice(0, 2), `${sha256}.json`);
}
async function saveManifest(file, w, sources) {
  const members = w.members.map((m) => {
    const e = sources.get(m.name);
    if (!e) return { name: m.name, mode: m.mode, base64: m.content.toString("base64") };
    return { name: m.name, mode: m.mode, at: e.localOffset, method: e.method, crc: e.crc, size: e.size, compressedSize: e.compressedSize };
  });
  const { members: _members, ...rest } = w;
  await mkdir4(path6.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${randomBytes3(4).toString("hex")}`;
  await writeFile3(temp, JSON.stringify({ version: MANIFEST_VERSION, wheel: rest, members }));
  await rename4(temp, file);
}
async function loadManifest(file, data, filename) {
  let manifest;
  try {
    manifest = JSON.parse(await readFile4(file, "utf8"));
  } catch {
    return void 0;
  }
  if (manifest.version !== MANIFEST_VERSION || manifest.wheel.filename !== filename) return void 0;
  const members = [];
  try {
    for (const m of manifest.members) {
      if (m.base64 !== void 0) {
        members.push({ name: m.name, mode: m.mode, content: Buffer.from(m.base64, "base64") });
        continue;
      }
      const raw = storedBytes(data, { name: m.name, localOffset: m.at, compressedSize: m.compressedSize });
      members.push(m.method === METHOD_DEFLATED ? { name: m.name, mode: m.mode, deflated: { data: raw, crc: m.crc, size: m.size } } : { name: m.name, mode: m.mode, content: raw, store: true });
    }
  } catch {
    return void 0;
  }
  return { ...manifest.wheel, members };
}

// src/pex/bootstrap/archive.py
var archive_default = `"""The PEX's contents, from its zip or from a folder it was unzipped into (\`unzip app.pex -d app\`), which is
also what \`--layout loose\` writes; \`--layout packed\` is the same with each \`.deps/<wheel>\` a zip file.

Both offer the part of zipfile.ZipFile's interface the runtime uses: infolist(), open(member), read(name),
close(); members carry \`filename\` ('/'-separated) and \`external_attr\` (Unix mode in the high 16 bits).
"""
import os
import zipfile


class _Member(object):
    def __init__(self, filename, path, mode, packed=None):
        self.filename = filename
        self.path = path
        self.external_attr = (mode & 0xFFFF) << 16
        self.packed = packed  # (zip file, ZipInfo) for a member of a packed wheel


def _built_pyc(path):
    """A --compile pyc (PEP 552 hash-based) rather than one Python wrote into the folder (timestamp-based)."""
    try:
        with open(path, 'rb') as f:
            header = f.read(8)
    except OSError:
        return False
    return len(header) == 8 and bool(header[4] & 1)


class DirArchive(object):
    """A PEX unzipped into a folder; compiled-bytecode caches Python left there are not part of it."""

    def __init__(self, folder):
        self.folder = folder
        self._members = []
        self._zips = []
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                if name.endswith('.pyc') and not _built_pyc(path):
                    continue
                relative = os.path.relpath(path, folder).replace(os.sep, '/')
                if relative.count('/') == 1 and relative.startswith('.deps/'):
                    self._add_packed(relative + '/', path)
                    continue
                self._members.append(_Member(relative, path, os.stat(path).st_mode))
        self._by_name = {m.filename: m for m in self._members}

    def _add_packed(self, prefix, path):
        zf = zipfile.ZipFile(path)
        self._zips.append(zf)
        for info in zf.infolist():
            if not info.filename.endswith('/'):
                self._members.append(_Member(prefix + info.filename, path, info.external_attr >> 16, (zf, info)))

    def infolist(self):
        return list(self._members)

    def open(self, member):
        if not isinstance(member, _Member):
            member = self._by_name[member]
        if member.packed:
            return member.packed[0].open(member.packed[1])
        return open(member.path, 'rb')

    def read(self, member):
        with self.open(member) as f:
            return f.read()

    def close(self):
        for zf in self._zips:
            zf.close()
        self._zips = []


def installed_in_place(zf, wheel):
    """The folder of an unzipped (loose) PEX's installed wheel, to run from as it is; None otherwise."""
    if not isinstance(zf, DirArchive):
        return None
    folder = os.path.join(zf.folder, '.deps', wheel)
    return folder if os.path.isdir(folder) else None


def open_pex(pex):
    """The PEX at \`pex\` (a zip file, or a folder holding its unzipped contents)."""
    if os.path.isdir(pex):
        if not os.path.isfile(os.path.join(pex, 'PEX-INFO')):
            raise KeyError('PEX-INFO (the folder %s is not an unzipped PEX)' % pex)
        return DirArchive(pex)
    return zipfile.ZipFile(pex)
`;

// src/pex/bootstrap/boot.py
var boot_default = `"""The cold path: what __main__.py's warm path cannot do alone.

Checks the interpreter (re-execs a fitting one if needed), extracts what the chosen target needs into
PEX_ROOT, writes the warm path's cache file last, and returns a Plan; __main__.py then sets sys.path and
runs it exactly as the warm path would. In venv mode it execs the venv's launcher instead of returning.
"""
import os
import sys
import zipfile

from . import archive, cache, fit, log, pexpath, reexec

_INHERIT = ('false', 'prefer', 'fallback')
_OFF = ('', '0', 'false', 'no', 'off')


class Plan(object):
    def __init__(self, entries, inherit, extra, kind, target, temporary):
        self.entries = entries  # our sys.path entries: sources, then wheels in target order
        self.inherit = inherit  # 'false' | 'prefer' | 'fallback'
        self.extra = extra      # PEX_EXTRA_SYS_PATH entries, appended
        self.kind = kind        # 'entry' | 'script' (Python) | 'program' (anything else) | 'interpreter'
        self.target = target    # 'mod:func' / 'mod' / a script path / None
        self.temporary = temporary  # the cache is this run's temporary one (removed at exit)


def _flag(environ, name):
    return environ.get(name, '').strip().lower() not in _OFF


def _hex(value, what):
    if not isinstance(value, str) or not value or any(c not in '0123456789abcdef' for c in value.lower()):
        raise log.Failure('PEX-INFO has an invalid %s (%r): the PEX is damaged; rebuild it' % (what, value))
    return value


def _group_members(zf):
    by_wheel, sources = {}, []
    for member in zf.infolist():
        name = member.filename
        if name.startswith('.deps/'):
            wheel = name[len('.deps/'):].split('/', 1)[0]
            if wheel:
                by_wheel.setdefault(wheel, []).append(member)
        elif name in ('__main__.py', 'PEX-INFO') or name.startswith('.bootstrap/'):
            continue
        else:
            sources.append(member)
    return by_wheel, sources


def _extract(zf, info, target, root):
    by_wheel, sources = _group_members(zf)
    code_hash = _hex(info.get('code_hash') or info.get('pex_hash'), 'code_hash')
    code_dir = os.path.join(root, 'code', code_hash)
    if cache.install_dir(root, code_dir, lambda temp: cache.extract(zf, sources, '', temp)):
        log.info('extracted sources to %s' % code_dir)
    distributions = info.get('distributions') or {}
    wheel_dirs = []
    for wheel in target.get('wheels', []):
        if '/' in wheel or '\\\\' in wheel or wheel.startswith('.') or wheel not in by_wheel:
            raise log.Failure('the PEX has no .deps/%s/ folder: it is damaged; rebuild it' % wheel)
        sha = _hex(distributions.get(wheel), 'sha256 for %s' % wheel)
        in_place = archive.installed_in_place(zf, wheel)
        if in_place:  # a loose directory PEX runs its wheels where they are, as pex does
            wheel_dirs.append(in_place)
            continue
        wheel_dir = os.path.join(root, 'installed_wheels', sha, wheel)
        prefix = '.deps/%s/' % wheel
        if cache.install_dir(root, wheel_dir, lambda temp, w=wheel, p=prefix: cache.extract(zf, by_wheel[w], p, temp)):
            log.info('extracted %s to %s' % (wheel, wheel_dir))
        wheel_dirs.append(wheel_dir)
    return code_dir, wheel_dirs


def _console_scripts(info, target):
    wheels = (info.get('pexship') or {}).get('wheels') or {}
    scripts = {}
    for wheel in target.get('wheels', []):
        for name, entry in sorted(((wheels.get(wheel) or {}).get('console_scripts') or {}).items()):
            scripts.setdefault(name, entry)
    return scripts


def _recorded_scripts(info, wheel):
    """{name: 'python' | 'program'} of the wheel's .data/scripts, as the build recorded them."""
    return (((info.get('pexship') or {}).get('wheels') or {}).get(wheel) or {}).get('scripts') or {}


def _script_kind(info, wheel, name, path):
    # Recorded at build time; PEXes without the record: read the file's first bytes.
    kind = _recorded_scripts(info, wheel).get(name)
    if kind is None:
        with open(path, 'rb') as f:
            head = f.readline(256)
        kind = 'python' if (b'python' in head if head.startswith(b'#!') else b'\\0' not in head) else 'program'
    return 'script' if kind == 'python' else 'program'


def _data_script(info, target, wheel_dirs, name):
    """(kind, path) of the wheels' \`.data/scripts/NAME\`, the first wheel in target order that has one."""
    for wheel, wheel_dir in zip(target.get('wheels', []), wheel_dirs):
        for folder in sorted(os.listdir(wheel_dir)):
            path = os.path.join(wheel_dir, folder, 'scripts', name)
            if folder.endswith('.data') and os.path.isfile(path):
                return _script_kind(info, wheel, name, path), path
    return None


def _choose_run(environ, info, target, entry_point, script_entry, script_file, scripts, wheel_dirs):
    if _flag(environ, 'PEX_INTERPRETER'):
        return 'interpreter', None
    script = environ.get('PEX_SCRIPT')
    if script:
        if script in scripts:
            return 'entry', scripts[script]
        found = _data_script(info, target, wheel_dirs, script)
        if found:
            return found
        known = set(scripts)
        for wheel in target.get('wheels', []):
            known.update(_recorded_scripts(info, wheel))
        raise log.Failure('PEX_SCRIPT=%s: no console script or script of that name in this PEX (it has: %s)' % (
            script, ', '.join(sorted(known)) or 'none'))
    module = environ.get('PEX_MODULE')
    if module:
        return 'entry', module
    if script_file:
        for wheel_dir in wheel_dirs:
            if os.path.basename(wheel_dir) == script_file[0]:
                return ('script' if script_file[2] == 'python' else 'program'), os.path.join(wheel_dir, *script_file[1].split('/'))
        raise log.Failure('the script %s of %s is not in this PEX: it is damaged; rebuild it' % (script_file[1], script_file[0]))
    if entry_point or script_entry:
        return 'entry', entry_point or script_entry
    return 'interpreter', None


def _write_warm_file(root, pex_hash, interpreter_id, entries):
    final = os.path.join(root, 'pexes', pex_hash, interpreter_id)
    # Entries outside PEX_ROOT (a loose PEX's own wheels) stay absolute; os.path.join(root, abs) is abs.
    rel = [os.path.relpath(e, root) for e in entries]
    rel = [e if r.startswith(os.pardir) else r for e, r in zip(entries, rel)]
    data = ''.join(r.replace(os.sep, '/') + '\\n' for r in rel).encode('utf-8', 'surrogateescape')
    try:
        with open(final, 'rb') as f:
            if f.read() == data:
                return
    except OSError:
        pass
    try:
        cache.write_file(root, final, data)
    except cache.CacheError as e:  # a read-only cache filled by another interpreter: cold starts, still runs
        log.info('no warm-path file: %s' % e)
        return
    log.info('wrote %s' % final)


def _prepare(pex, pex_hash, root, interpreter_id, entry_point, script_entry, script_file, inherit_path, venv, strip_pex_env):
    environ = os.environ
    log.info('cold start: %s with %s (interpreter id %s, PEX_ROOT %s)' % (pex, sys.executable, interpreter_id, root))
    inherit = (environ.get('PEX_INHERIT_PATH') or inherit_path or 'false').strip().lower()
    inherit = {'true': 'prefer'}.get(inherit, inherit)
    if inherit not in _INHERIT:
        raise log.Failure('PEX_INHERIT_PATH=%s is not one of false, prefer, fallback' % environ.get('PEX_INHERIT_PATH'))
    try:
        zf = archive.open_pex(pex)
        info = fit.read_info(zf)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise log.Failure('cannot read %s as a PEX: %s' % (pex, e))

    reexeced_from = environ.get(reexec.REEXEC_MARK)
    if environ.get('PEX_PYTHON') and not reexeced_from:
        python = reexec.resolve_pex_python(environ)
        if python is None:
            raise log.Failure('PEX_PYTHON=%s does not name an interpreter here (searched %s)' % (
                environ['PEX_PYTHON'], 'PEX_PYTHON_PATH' if environ.get('PEX_PYTHON_PATH') else 'PATH'))
        if not reexec._same_file(python, sys.executable):
            reexec.exec_into(python, pex, sys.argv[1:])
    target, misfit = fit.choose(info)
    if misfit is not None:
        if not reexeced_from and not environ.get('PEX_PYTHON'):
            python = reexec.find_fitting(pex, environ, misfit.minor)
            if python:
                reexec.exec_into(python, pex, sys.argv[1:])
        raise log.Failure(misfit.message(sys.executable))
    log.info('target %s fits' % target.get('platform', '(single)'))

    pex_hash = _hex(pex_hash, 'pex_hash')
    scripts = _console_scripts(info, target)
    try:
        code_dir, wheel_dirs, venv_dir = _install(zf, info, target, root, pex_hash, interpreter_id, venv, scripts)
    except cache.CacheError as e:
        root = cache.temporary_root(e)
        code_dir, wheel_dirs, venv_dir = _install(zf, info, target, root, pex_hash, interpreter_id, venv, scripts)
    zf.close()
    kind, run_target = _choose_run(environ, info, target, entry_point, script_entry, script_file, scripts, wheel_dirs)
    extra = [p for p in environ.get('PEX_EXTRA_SYS_PATH', '').split(os.pathsep) if p]
    extra = pexpath.entries(pex, info, root, environ, _extract) + extra
    temporary = cache.using_temporary_root()
    if venv_dir:
        from . import venvs
        if extra:  # the launcher appends these, as it does PEX_EXTRA_SYS_PATH
            environ['PEX_EXTRA_SYS_PATH'] = os.pathsep.join(extra)
        venvs.exec_launcher(venv_dir, sys.argv[0] or pex, kind, run_target, inherit, strip_pex_env, sys.argv[1:], temporary)
    entries = [code_dir] + wheel_dirs
    if not temporary:
        _write_warm_file(root, pex_hash, interpreter_id, entries)
    return Plan(entries, inherit, extra, kind, run_target, temporary)


def _install(zf, info, target, root, pex_hash, interpreter_id, venv, scripts):
    """Extracts what the target needs under root (and makes the venv); (code dir, wheel dirs, venv dir or None)."""
    cache.make_dirs(root, root)
    code_dir, wheel_dirs = _extract(zf, info, target, root)
    venv_dir = None
    if venv:
        from . import venvs
        venv_dir = venvs.ensure(root, pex_hash, interpreter_id, zf, code_dir, wheel_dirs, scripts,
                                bin_path=info.get('venv_bin_path') or 'false')
    return code_dir, wheel_dirs, venv_dir


def prepare(pex, pex_hash, root, interpreter_id, entry_point, script_entry, script_file, inherit_path, venv, strip_pex_env):
    log.enable(_flag(os.environ, 'PEX_VERBOSE'))
    try:
        return _prepare(pex, pex_hash, root, interpreter_id, entry_point, script_entry, script_file, inherit_path, venv,
                        strip_pex_env)
    except log.Failure as e:
        log.fail(str(e))
`;

// src/pex/bootstrap/cache.py
var cache_default = `"""The runtime cache under PEX_ROOT (FORMAT.md, "Runtime cache").

Every folder is built under a temporary name in its final parent and renamed into place, so a folder that
exists is complete. Racing processes each build their own copy; the loser of the rename deletes its copy
and uses the winner's. Temporary folders left by a crash are swept later (owner gone, or older than a day).
"""
import errno
import os
import platform
import shutil
import stat
import sys
import time

from . import log

_TEMP_PREFIX = '.tmp-'
_STALE_AFTER = 24 * 3600
_UNWRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, getattr(errno, 'EDQUOT', errno.ENOSPC)}
_HOST = ''.join(c if c.isalnum() else '_' for c in (platform.node() or 'host'))[:40]


class CacheError(log.Failure):
    def __init__(self, message, problem):
        log.Failure.__init__(self, message)
        self.problem = problem  # 'cannot write to the PEX cache ROOT (PEX_ROOT) at PATH: REASON'


def unwritable(root, path, error):
    reason = error.strerror or str(error)
    where = '' if path == root else ' at %s' % path
    problem = 'cannot write to the PEX cache %s (PEX_ROOT)%s: %s' % (root, where, reason)
    return CacheError('%s; make it writable or set PEX_ROOT to a writable directory' % problem, problem)


_temporary_root = None


def temporary_root(error):
    """A private cache for this run when PEX_ROOT cannot be written (as pex does): one warning line on
    stderr, and the folder is removed when the process that made it exits."""
    global _temporary_root
    import atexit
    import tempfile
    try:
        _temporary_root = tempfile.mkdtemp(prefix='pexship-root-')
    except OSError as e:
        raise log.Failure('%s, and no temporary folder can be made either (%s); set PEX_ROOT to a writable '
                          'directory' % (error.problem, e.strerror or e))
    sys.stderr.write('pexship: warning: %s; using the temporary cache %s for this run (removed at exit); make '
                     'it writable or set PEX_ROOT to a writable directory to start fast\\n' % (error.problem, _temporary_root))
    sys.stderr.flush()
    atexit.register(remove_temporary_root, os.getpid())
    return _temporary_root


def remove_temporary_root(owner=None):
    """Deletes this run's temporary cache; not from a forked child (it exits while its parent still runs)."""
    if _temporary_root and (owner is None or owner == os.getpid()):
        shutil.rmtree(_temporary_root, ignore_errors=True)


def using_temporary_root():
    return _temporary_root is not None


def _temp_name(parent):
    return os.path.join(parent, '%s%d-%s-%s' % (_TEMP_PREFIX, os.getpid(), _HOST, os.urandom(4).hex()))


def _owner_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but is not ours, or we cannot tell
        return True
    return True


def sweep_stale(parent):
    """Removes temporary entries whose owner died (same host) or that are older than a day."""
    try:
        names = os.listdir(parent)
    except OSError:
        return
    now = time.time()
    for name in names:
        if not name.startswith(_TEMP_PREFIX):
            continue
        path = os.path.join(parent, name)
        parts = name[len(_TEMP_PREFIX):].split('-')
        stale = False
        try:
            stale = now - os.lstat(path).st_mtime > _STALE_AFTER
            if not stale and len(parts) == 3 and parts[1] == _HOST and parts[0].isdigit():
                stale = int(parts[0]) != os.getpid() and not _owner_alive(int(parts[0]))
        except OSError:
            continue
        if stale:
            log.info('removing %s left by an interrupted run' % path)
            _remove(path)


def _remove(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            os.unlink(path)
        except OSError:
            pass


def make_dirs(root, path):
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as e:
        raise unwritable(root, path, e)


def install_dir(root, final, populate):
    """Makes \`final\` by calling populate(temp_dir) then renaming; returns True if this process made it."""
    if os.path.isdir(final):
        return False
    parent = os.path.dirname(final)
    make_dirs(root, parent)
    sweep_stale(parent)
    temp = _temp_name(parent)
    try:
        os.mkdir(temp)
    except OSError as e:
        raise unwritable(root, parent, e)
    try:
        populate(temp)
        os.rename(temp, final)
        return True
    except OSError as e:
        _remove(temp)
        if os.path.isdir(final):  # another process won the race: use its copy
            return False
        if e.errno in _UNWRITABLE:
            raise unwritable(root, final, e)
        raise
    except BaseException:
        _remove(temp)
        raise


def write_file(root, final, data):
    """Writes a small file atomically (temp file + rename); concurrent writers of the same content are fine."""
    parent = os.path.dirname(final)
    make_dirs(root, parent)
    temp = _temp_name(parent)
    try:
        with open(temp, 'wb') as f:
            f.write(data)
        os.replace(temp, final)
    except OSError as e:
        _remove(temp)
        raise unwritable(root, final, e)


def _safe_relative(name):
    parts = name.split('/')
    if name.startswith('/') or '\\\\' in name or ':' in parts[0] or any(p in ('..',) for p in parts):
        raise log.Failure('refusing to extract %r: the PEX contains an unsafe path' % name)
    return [p for p in parts if p not in ('', '.')]


def extract(zf, members, prefix, dest):
    """Extracts zip members named \`prefix + relative\` under dest, keeping executable bits."""
    for member in members:
        parts = _safe_relative(member.filename[len(prefix):])
        if not parts:
            continue
        target = os.path.join(dest, *parts)
        if member.filename.endswith('/'):
            os.makedirs(target, exist_ok=True)
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with zf.open(member) as src, open(target, 'wb') as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
        mode = (member.external_attr >> 16) & 0o777
        if mode & stat.S_IXUSR:
            os.chmod(target, 0o755)
`;

// src/pex/bootstrap/fit.py
var fit_default = `"""Does this interpreter fit the PEX? Interpreter constraints, then the first target whose wheels all fit.

Also the probe a candidate interpreter runs before we re-exec into it (\`python -c ... probe(pex)\`).
"""
import json
import sys
import sysconfig
from . import archive, specifiers, tags


class Misfit(object):
    """Why the running interpreter cannot run the PEX, phrased for the user."""

    def __init__(self, need, detail, minor=None):
        self.need = need      # 'CPython 3.11'
        self.detail = detail  # 'wheel markupsafe-...whl does not fit'
        self.minor = minor    # '3.11' when one minor version would fit, to try python3.11 first

    def message(self, executable):
        if self.minor:
            advice = 'run it with python%s or set PEX_PYTHON to a matching interpreter' % self.minor
        else:
            advice = 'run it with a matching interpreter or set PEX_PYTHON to one'
        return 'this PEX needs %s (%s %s, which is %s %s on %s); %s' % (
            self.need, self.detail, executable or 'this interpreter', specifiers.implementation(),
            specifiers.python_version(), sysconfig.get_platform(), advice)


def read_info(zf):
    return json.loads(zf.read('PEX-INFO').decode('utf-8'))


def _constraint_misfit(constraints):
    if not constraints:
        return None
    for constraint in constraints:
        if specifiers.constraint_matches(constraint):
            return None
    minor = None
    if len(constraints) == 1:
        for m in range(13, 5, -1):  # released minors, newest first
            version = '3.%d' % m
            if any(specifiers.constraint_matches(c, 'CPython', version + p) for c in constraints for p in ('.0', '.50')):
                minor = version
                break
    return Misfit(' or '.join(constraints), 'interpreter constraints do not match', minor)


def _wheel_need(wheel_tags, platforms):
    """What a wheel's tags ask for, e.g. ('CPython 3.11', '3.11') or ('a macosx_11_0_arm64 platform', None)."""
    if not any(plat in platforms or plat == 'any' for (_, _, plat) in wheel_tags):
        plats = sorted(set(plat for (_, _, plat) in wheel_tags))
        return 'a %s platform' % ' or '.join(plats), None
    pythons = sorted(set(py for (py, _, _) in wheel_tags))
    cpython = [py for py in pythons if py.startswith('cp') and py[2:].isdigit() and len(py) >= 4]
    if cpython and len(cpython) == len(pythons):
        minors = ['%s.%s' % (py[2], py[3:]) for py in cpython]
        if any(abi == 'abi3' for (_, abi, _) in wheel_tags):
            return 'CPython >= %s' % min(minors, key=lambda v: int(v.split('.')[1])), None
        if len(minors) == 1:
            return 'CPython %s' % minors[0], minors[0]
        return 'CPython %s' % ' or '.join(minors), None
    return 'an interpreter matching %s' % '.'.join(pythons), None


def _target_misfit(target, wheels_meta, supported, platforms):
    for wheel in target.get('wheels', []):
        parsed = tags.parse_wheel_name(wheel)
        if parsed is None:
            return Misfit('a valid wheel', 'wheel %s has a malformed file name and does not fit' % wheel)
        if not (parsed[2] & supported):
            need, minor = _wheel_need(parsed[2], platforms)
            return Misfit(need, 'wheel %s does not fit' % wheel, minor)
        requires = (wheels_meta.get(wheel) or {}).get('requires_python')
        if requires and not specifiers.matches(specifiers.python_version(), requires):
            return Misfit('Python %s' % requires, 'wheel %s requires it and does not fit' % wheel)
    return None


def choose(info):
    """(target, None) for the first target that fits, else (None, Misfit)."""
    misfit = _constraint_misfit(info.get('interpreter_constraints') or [])
    if misfit:
        return None, misfit
    ours = info.get('pexship') or {}
    targets = ours.get('targets') or [{'platform': 'any', 'wheels': sorted(info.get('distributions') or {})}]
    supported = tags.supported_tags()
    platforms = tags.platforms()
    first = None
    for target in targets:
        misfit = _target_misfit(target, ours.get('wheels') or {}, supported, platforms)
        if misfit is None:
            return target, None
        first = first or misfit
    if len(targets) > 1:
        first.detail = 'none of its %d targets (%s) fits: %s' % (
            len(targets), ', '.join(t.get('platform', '?') for t in targets), first.detail)
    return None, first


def probe(pex):
    """Exit status for a candidate interpreter: 0 when it can run the PEX."""
    try:
        zf = archive.open_pex(pex)
        try:
            target, misfit = choose(read_info(zf))
        finally:
            zf.close()
    except Exception as e:  # a probe must answer, never crash
        sys.stderr.write('pexship probe: %s\\n' % e)
        return 2
    return 0 if target is not None else 3
`;

// src/pex/bootstrap/__init__.py
var init_default = `"""pexship's PEX runtime: the cold path of the bootstrap (see src/pex/FORMAT.md)."""
`;

// src/pex/bootstrap/launch.py
var launch_default = `"""The venv launcher's work: \`python pexship_main.py PEX KIND TARGET INHERIT STRIP ARGS...\`.

KIND is 'entry' (TARGET 'mod:func' or 'mod'), 'script' (TARGET a Python script file), 'program' (TARGET a
file executed as a program) or 'interpreter'.
"""
import os
import sys

from . import run


def _inherited_site_dirs():
    import site
    dirs = []
    try:
        dirs.extend(site.getsitepackages([sys.base_prefix, sys.base_exec_prefix]))
    except (AttributeError, TypeError):
        pass
    try:
        dirs.append(site.getusersitepackages())
    except AttributeError:
        pass
    return [d for d in dirs if os.path.isdir(d)]


def _set_path(venv_dir, inherit):
    pythonpath = set()
    if not sys.flags.ignore_environment:
        for p in os.environ.get('PYTHONPATH', '').split(os.pathsep):
            if p:
                pythonpath.update((p, os.path.abspath(p)))
    path = [p for p in sys.path if os.path.abspath(p) != venv_dir]
    if inherit == 'false':
        path = [p for p in path if p not in pythonpath]
    sys.path[:] = path
    if inherit in ('prefer', 'fallback'):
        import site
        before = list(sys.path)
        for d in _inherited_site_dirs():
            site.addsitedir(d)
        added = [p for p in sys.path if p not in before]
        if inherit == 'prefer':
            own = [p for p in before if p.startswith(venv_dir + os.sep)]
            sys.path[:] = [p for p in before if p not in own] + added + own
    extra = os.environ.get('PEX_EXTRA_SYS_PATH')
    if extra:
        sys.path.extend(p for p in extra.split(os.pathsep) if p)


def _set_bin_path(venv_dir, bin_path):
    # pex's --venv prepend|append: the venv's scripts found on PATH by the app and its subprocesses.
    if bin_path not in ('prepend', 'append'):
        return
    bin_dir = os.path.join(venv_dir, 'Scripts' if os.name == 'nt' else 'bin')
    path = [p for p in os.environ.get('PATH', '').split(os.pathsep) if p and p != bin_dir]
    os.environ['PATH'] = os.pathsep.join([bin_dir] + path if bin_path == 'prepend' else path + [bin_dir])


def main(venv_dir, bin_path='false'):
    args = sys.argv[1:]
    if len(args) < 5:
        sys.stderr.write('pexship: %s is started by a PEX, not directly\\n' % os.path.join(venv_dir, 'pexship_main.py'))
        sys.exit(2)
    pex, kind, target, inherit, strip = args[:5]
    sys.argv = [pex] + args[5:]
    _set_path(venv_dir, inherit)
    _set_bin_path(venv_dir, bin_path)
    if strip == '1':
        for key in [k for k in os.environ if k.startswith('PEX_')]:
            del os.environ[key]
    if kind == 'entry':
        run.run_entry(target)
    elif kind in ('script', 'program'):
        run.run_script_file(target, kind)
    else:
        run.interpreter(sys.argv[1:])
`;

// src/pex/bootstrap/log.py
var log_default = `"""What the bootstrap tells the user: progress with PEX_VERBOSE, and errors that end the run."""
import sys
import time

_enabled = False
_start = time.time()


class Failure(Exception):
    """An error the user can act on; boot.main turns it into a message and exit code 1."""


def enable(on):
    global _enabled
    _enabled = bool(on)


def info(message):
    if _enabled:
        sys.stderr.write('pexship[%.3fs]: %s\\n' % (time.time() - _start, message))
        sys.stderr.flush()


def fail(message):
    sys.stderr.write('pexship: %s\\n' % message)
    sys.stderr.flush()
    sys.exit(1)
`;

// src/pex/bootstrap/main.py
var main_default = "# pexship PEX bootstrap (format 1), rendered at build time by src/pex/runtime.ts.\n# The warm path below runs on every start, so it uses only modules the interpreter has already loaded\n# (sys, os, and importlib.util which runpy brought in to run this zip) and reads one small cache file.\n# Everything else (extraction, interpreter checks, re-exec, venv, interpreter mode) lives in\n# .bootstrap/pexship_runtime and is imported from the zip only when the warm path cannot finish.\nimport os\nimport sys\n\nPEX_HASH = '@PEX_HASH@'\nENTRY_POINT = '@ENTRY_POINT@'\nSCRIPT_ENTRY = '@SCRIPT_ENTRY@'\n# -c NAME of a wheel's .data/scripts file: [wheel file name, path inside its folder, 'python' | 'program'].\nSCRIPT_FILE = '@SCRIPT_FILE@'\nINHERIT_PATH = '@INHERIT_PATH@'\nVENV = '@VENV@'\nSTRIP_PEX_ENV = '@STRIP_PEX_ENV@'\nINJECT_ARGS = '@INJECT_ARGS@'\nINJECT_ENV = '@INJECT_ENV@'\nPEX_PATH = '@PEX_PATH@'\n# {wheel file name: [its top-level .pth files, sorted]}: recorded at build time so the warm path lists no folder.\nPTH_FILES = '@PTH_FILES@'\n\n# Any of these set means the cold path decides (they change what runs or where from).\n_OVERRIDES = ('PEX_INTERPRETER', 'PEX_MODULE', 'PEX_SCRIPT', 'PEX_INHERIT_PATH', 'PEX_EXTRA_SYS_PATH',\n              'PEX_VERBOSE', 'PEX_PYTHON', 'PEX_PYTHON_PATH', 'PEX_REEXEC_FROM', 'PEX_PATH')\n\n\ndef _interpreter_id():\n    # Names this interpreter in the cache: its cache tag plus a FNV-1a hash of where and what it is.\n    h = 0xcbf29ce484222325\n    for b in '\\0'.join((sys.executable, sys.version, sys.platform)).encode('utf-8', 'surrogateescape'):\n        h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff\n    return '%s-%016x' % (sys.implementation.cache_tag or sys.implementation.name, h)\n\n\ndef _pex_root():\n    root = os.environ.get('PEX_ROOT')\n    if not root:\n        cache = os.environ.get('XDG_CACHE_HOME') or os.path.join(os.path.expanduser('~'), '.cache')\n        root = os.path.join(cache, 'pexship')\n    return os.path.abspath(os.path.expanduser(root))\n\n\ndef _cached_entries(root, interpreter_id):\n    # The cache file lists our sys.path entries relative to PEX_ROOT; it is written last, so its presence\n    # means they are complete. A stat per entry guards against a cache someone partly deleted.\n    try:\n        with open(os.path.join(root, 'pexes', PEX_HASH, interpreter_id), 'rb') as f:\n            lines = f.read().decode('utf-8', 'surrogateescape').splitlines()\n    except OSError:\n        return None\n    entries = [os.path.join(root, line) for line in lines if line]\n    for entry in entries:\n        if not os.path.isdir(entry):\n            return None\n    return entries\n\n\ndef _scrubbed_path(pex, own, inherit):\n    # sys.path minus this PEX, then (inherit 'false') only the standard library: entries under the\n    # interpreter's base prefixes that are neither site-packages nor from PYTHONPATH.\n    rest = [p for p in sys.path if os.path.abspath(p) != pex]\n    if inherit == 'prefer':\n        return rest + own\n    if inherit == 'fallback':\n        return own + rest\n    pythonpath = set()\n    if not sys.flags.ignore_environment:\n        for p in os.environ.get('PYTHONPATH', '').split(os.pathsep):\n            if p:\n                pythonpath.add(p)\n                pythonpath.add(os.path.abspath(p))\n    prefixes = {sys.base_prefix, sys.base_exec_prefix}\n    stdlib = []\n    for p in rest:\n        if p in pythonpath or 'site-packages' in p or 'dist-packages' in p:\n            continue\n        for prefix in prefixes:\n            if p == prefix or p.startswith(prefix.rstrip(os.sep) + os.sep):\n                stdlib.append(p)\n                break\n    return own + stdlib\n\n\ndef _drop_host_modules(pex, old_path):\n    # A .pth or sitecustomize of the host may have imported modules (six, certifi, ...) from entries we\n    # just took off sys.path; drop them (and meta path finders they installed) so the PEX's copies load.\n    # A module belongs to the longest sys.path entry holding its file; the standard library stays.\n    kept = [os.path.abspath(p) for p in sys.path if p]\n    dropped = [a for a in (os.path.abspath(p) for p in old_path if p) if a not in kept and a != pex]\n    if not dropped:\n        return\n    roots = [(len(a), a, True) for a in dropped] + [(len(a), a, False) for a in kept]\n    roots.sort(reverse=True)\n    gone = set()\n    for name, module in list(sys.modules.items()):\n        try:\n            where = getattr(module, '__file__', None)\n            locations = [where] if where else list(getattr(module, '__path__', None) or ())\n        except Exception:  # a lazy or odd object in sys.modules: leave it alone\n            continue\n        for location in locations:\n            if not os.path.isabs(location):\n                location = os.path.abspath(location)\n            for _, root, outside in roots:\n                if location.startswith(root + os.sep):\n                    if outside and name not in ('__main__', '__mp_main__'):\n                        gone.add(name)\n                    break\n    for name in gone:\n        del sys.modules[name]\n    if gone:\n        sys.meta_path[:] = [f for f in sys.meta_path if getattr(type(f), '__module__', None) not in gone]\n        sys.path_importer_cache.clear()\n\n\ndef _add_pth(sitedir, name):\n    # site.addpackage for one .pth file: `import` lines run (with `sitedir` a local of the calling frame,\n    # as -nspkg.pth files expect), other lines name folders appended to sys.path when they exist.\n    try:\n        with open(os.path.join(sitedir, name), 'rb') as f:\n            data = f.read()\n    except OSError:\n        return\n    try:\n        text = data.decode('utf-8-sig')\n    except UnicodeDecodeError:\n        text = data.decode('latin-1')\n    for n, line in enumerate(text.splitlines(), 1):\n        if line.startswith('#') or not line.strip():\n            continue\n        try:\n            if line.startswith(('import ', 'import\\t')):\n                exec(line)\n                continue\n            folder = os.path.abspath(os.path.join(sitedir, line.rstrip()))\n            if folder not in sys.path and os.path.exists(folder):\n                sys.path.append(folder)\n        except Exception:\n            import traceback\n            sys.stderr.write('Error processing line %d of %s:\\n\\n' % (n, os.path.join(sitedir, name)))\n            for record in traceback.format_exception(*sys.exc_info()):\n                for part in record.splitlines():\n                    sys.stderr.write('  %s\\n' % part)\n            sys.stderr.write('\\nRemainder of file ignored\\n')\n            break\n\n\ndef _process_pth(entries):\n    # What site.addsitedir does for each distribution's folder, in sys.path order, once.\n    if PTH_FILES:\n        for entry in entries:\n            for name in PTH_FILES.get(os.path.basename(entry), ()):\n                _add_pth(entry, name)\n\n\ndef _worker_setup():\n    import site\n    site_dirs = []\n    if hasattr(site, 'getsitepackages'):\n        site_dirs.extend(site.getsitepackages())\n    if hasattr(site, 'getusersitepackages'):\n        site_dirs.append(site.getusersitepackages())\n    _drop_host_modules(os.path.abspath(os.path.dirname(__file__)), site_dirs + sys.path)\n    _process_pth(sys.path)\n\n\ndef _activate(pex, entries, inherit, extra):\n    old_path = list(sys.path)\n    sys.path[:] = _scrubbed_path(pex, entries, inherit) + extra\n    if inherit == 'false':\n        _drop_host_modules(pex, old_path)\n    _process_pth(entries)\n    if STRIP_PEX_ENV:\n        _strip_pex_env()\n\n\ndef _strip_pex_env():\n    for key in [k for k in os.environ if k.startswith('PEX_')]:\n        del os.environ[key]\n\n\ndef _detach_main(pex, origin):\n    # __main__ as `python script.py` leaves it: no __spec__, so re-runs (Django's autoreloader,\n    # multiprocessing spawn) use sys.argv[0] or __file__ rather than `-m __main__`, which cannot find the PEX.\n    main = sys.modules['__main__']\n    main.__spec__ = None\n    main.__file__ = origin or pex\n\n\ndef _run_module_as_main(pex, name):\n    # Like `python -m name`, but sys.argv[0] stays the PEX path.\n    import importlib.util\n    spec = importlib.util.find_spec(name)\n    if spec is not None and spec.submodule_search_locations is not None:\n        spec = importlib.util.find_spec(name + '.__main__')\n    if spec is None or spec.loader is None:\n        sys.stderr.write('pexship: no module named %r (the entry point of %s)\\n' % (name, sys.argv[0]))\n        sys.exit(1)\n    code = spec.loader.get_code(spec.name)\n    module = type(sys)('__main__')\n    module.__dict__.update(__cached__=spec.cached, __loader__=spec.loader, __package__=spec.parent,\n                           __builtins__=__builtins__)\n    sys.modules['__main__'] = module\n    _detach_main(pex, spec.origin)\n    exec(code, module.__dict__)\n\n\ndef _run_entry(pex, entry):\n    module, _, attr = entry.partition(':')\n    if not attr:\n        _run_module_as_main(pex, module)\n        return\n    _detach_main(pex, None)\n    __import__(module)\n    target = sys.modules[module]\n    for part in attr.split('.'):\n        target = getattr(target, part)\n    sys.exit(target())\n\n\ndef _run_script_file(path, kind):\n    if kind == 'program':\n        # A native binary or non-Python script: it becomes this process (argv, env, exit code, signals).\n        sys.stdout.flush()\n        sys.stderr.flush()\n        if os.name == 'nt':\n            import subprocess\n            sys.exit(subprocess.call([path] + sys.argv[1:]))\n        os.execv(path, [path] + sys.argv[1:])\n    import runpy\n    runpy.run_path(path, run_name='__main__')\n\n\ndef _interpreter(pex):\n    # No entry point: behave like `python`; that code is not on the hot path, so it stays in the zip.\n    sys.path.insert(0, os.path.join(pex, '.bootstrap'))\n    try:\n        from pexship_runtime import run\n    finally:\n        del sys.path[0]\n    run.interpreter(sys.argv[1:])\n\n\ndef _exec_venv(pex, venv_dir, argv):\n    python = os.path.join(venv_dir, 'Scripts', 'python.exe') if os.name == 'nt' else os.path.join(venv_dir, 'bin', 'python')\n    entry = ENTRY_POINT or SCRIPT_ENTRY\n    if SCRIPT_FILE:\n        kind = 'script' if SCRIPT_FILE[2] == 'python' else 'program'\n        target = os.path.join(venv_dir, 'Scripts' if os.name == 'nt' else 'bin', os.path.basename(SCRIPT_FILE[1]))\n    else:\n        kind, target = ('entry' if entry else 'interpreter'), entry or ''\n    args = [python, os.path.join(venv_dir, 'pexship_main.py'), sys.argv[0], kind, target,\n            INHERIT_PATH, '1' if STRIP_PEX_ENV else '0'] + argv\n    if os.name == 'nt':\n        import subprocess\n        sys.exit(subprocess.call(args))\n    os.execv(python, args)\n\n\ndef _script_path(entries):\n    for entry in entries:\n        if os.path.basename(entry) == SCRIPT_FILE[0]:\n            return os.path.join(entry, *SCRIPT_FILE[1].split('/'))\n    return None\n\n\ndef _inject(environ):\n    # pex's inject_env (unless already set) and inject_args (before the user's). A re-executed child\n    # already has both from its parent.\n    for name, value in INJECT_ENV.items():\n        environ.setdefault(name, value)\n    if INJECT_ARGS and 'PEX_REEXEC_FROM' not in environ:\n        sys.argv[1:1] = INJECT_ARGS\n\n\ndef _main():\n    pex = os.path.abspath(os.path.dirname(__file__))\n    # Absolute, so a program that changes directory can still re-run [sys.executable, sys.argv[0], ...].\n    sys.argv[0] = os.path.abspath(sys.argv[0]) if sys.argv[0] else pex\n    interpreter_id = _interpreter_id()\n    root = _pex_root()\n    environ = os.environ\n    _inject(environ)\n    if not PEX_PATH and not any(name in environ for name in _OVERRIDES):\n        if VENV:\n            venv_dir = os.path.join(root, 'venvs', PEX_HASH, interpreter_id)\n            if os.path.isfile(os.path.join(venv_dir, 'pexship_main.py')):\n                _exec_venv(pex, venv_dir, sys.argv[1:])\n        else:\n            entries = _cached_entries(root, interpreter_id)\n            script = _script_path(entries) if SCRIPT_FILE and entries else None\n            if entries is not None and (script or not SCRIPT_FILE):\n                if script and SCRIPT_FILE[2] == 'program':  # not Python: nothing to set up but its environment\n                    if STRIP_PEX_ENV:\n                        _strip_pex_env()\n                    _run_script_file(script, 'program')\n                _activate(pex, entries, INHERIT_PATH, [])\n                entry = ENTRY_POINT or SCRIPT_ENTRY\n                if script:\n                    _run_script_file(script, SCRIPT_FILE[2])\n                elif entry:\n                    _run_entry(pex, entry)\n                else:\n                    _interpreter(pex)\n                return\n    sys.path.insert(0, os.path.join(pex, '.bootstrap'))\n    from pexship_runtime import boot\n    del sys.path[0]\n    plan = boot.prepare(pex=pex, pex_hash=PEX_HASH, root=root, interpreter_id=interpreter_id, entry_point=ENTRY_POINT,\n                        script_entry=SCRIPT_ENTRY, script_file=SCRIPT_FILE, inherit_path=INHERIT_PATH, venv=VENV,\n                        strip_pex_env=STRIP_PEX_ENV)\n    if plan.kind == 'program':\n        if STRIP_PEX_ENV:\n            _strip_pex_env()\n        from pexship_runtime import run\n        run.run_script_file(plan.target, plan.kind, plan.temporary)\n    _activate(pex, plan.entries, plan.inherit, plan.extra)\n    if plan.kind == 'entry':\n        _run_entry(pex, plan.target)\n    elif plan.kind == 'script':\n        from pexship_runtime import run\n        run.run_script_file(plan.target, plan.kind)\n    else:\n        _interpreter(pex)\n\n\nif __name__ == '__main__':\n    _main()\nelif __name__ == '__mp_main__':\n    # A multiprocessing spawn/forkserver child re-runs its parent's __main__ (this file) under this name once\n    # it has the parent's sys.path: it must not start the app, but what the host's site imported in this new\n    # interpreter goes again, and the wheels' .pth files run, as in the parent.\n    _worker_setup()\n";

// src/pex/bootstrap/pexpath.py
var pexpath_default = `"""pex_path / PEX_PATH: other PEXes whose code and distributions join this one's sys.path, after its own.

Entries from PEX-INFO's \`pex_path\` are relative to the folder holding this PEX; entries from the PEX_PATH
environment variable (os.pathsep-separated) are relative to the working directory. Each other PEX is
checked against this interpreter like the PEX itself (its first fitting target) and extracted into the
same PEX_ROOT caches.
"""
import os

from . import archive, fit, log


def _listed(pex, info, environ):
    here = os.path.dirname(pex)
    paths = [os.path.join(here, p) for p in info.get('pex_path') or [] if p]
    paths += [os.path.abspath(p) for p in environ.get('PEX_PATH', '').split(os.pathsep) if p]
    return paths


def entries(pex, info, root, environ, extract):
    """sys.path entries of the other PEXes, in order; \`extract(zf, info, target, root)\` is boot's."""
    out = []
    for other in _listed(pex, info, environ):
        if not os.path.exists(other):
            raise log.Failure('pex_path entry %s does not exist; build or copy that PEX there, or fix --pex-path/PEX_PATH' % other)
        try:
            zf = archive.open_pex(other)
            other_info = fit.read_info(zf)
        except Exception as e:  # any unreadable entry is the user's to fix, said plainly
            raise log.Failure('pex_path entry %s is not a PEX (%s)' % (other, e))
        try:
            target, misfit = fit.choose(other_info)
            if misfit is not None:
                raise log.Failure('pex_path entry %s cannot run here: %s' % (other, misfit.message(None)))
            code_dir, wheel_dirs = extract(zf, other_info, target, root)
        finally:
            zf.close()
        log.info('merged %s (%d distributions)' % (other, len(wheel_dirs)))
        for entry in [code_dir] + wheel_dirs:
            if entry not in out:
                out.append(entry)
    return out
`;

// src/pex/bootstrap/reexec.py
var reexec_default = `"""Finding another interpreter that fits the PEX and handing the run over to it.

Candidates come from PEX_PYTHON (a path, or a name looked up on PEX_PYTHON_PATH or PATH), else every
python3.X / python3 / python on PEX_PYTHON_PATH or PATH. Each candidate proves it fits by running our own
fit check (\`fit.probe\`) before we exec it. The child gets PEX_REEXEC_FROM so it never re-execs again.
"""
import os
import subprocess
import sys

from . import log

REEXEC_MARK = 'PEX_REEXEC_FROM'
_PROBE = ('import sys; sys.path.insert(0, sys.argv[1] + "/.bootstrap"); '
          'from pexship_runtime import fit; sys.exit(fit.probe(sys.argv[1]))')
_NAMES = ['python3.%d' % m for m in range(20, 5, -1)] + ['python3', 'python']


def _is_executable(path):
    return os.path.isfile(path) and os.access(path, os.X_OK)


def _search_dirs(environ):
    text = environ.get('PEX_PYTHON_PATH') or environ.get('PATH') or ''
    return [d for d in text.split(os.pathsep) if d]


def _same_file(a, b):
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def resolve_pex_python(environ):
    """The interpreter PEX_PYTHON names, or None when it names nothing runnable."""
    wanted = environ['PEX_PYTHON']
    if os.sep in wanted or (os.altsep and os.altsep in wanted):
        return os.path.abspath(wanted) if _is_executable(wanted) else None
    for entry in _search_dirs(environ):
        if os.path.basename(entry) == wanted and _is_executable(entry):
            return entry
        candidate = os.path.join(entry, wanted)
        if _is_executable(candidate):
            return candidate
    return None


def candidates(environ, prefer_minor=None):
    """Interpreter paths to try, the preferred minor version's names first, the running one excluded."""
    names = list(_NAMES)
    if prefer_minor:
        names.sort(key=lambda n: n != 'python' + prefer_minor)
    found = []
    for entry in _search_dirs(environ):
        if _is_executable(entry):
            found.append(entry)  # PEX_PYTHON_PATH may list interpreters as well as folders
            continue
        for name in names:
            path = os.path.join(entry, name)
            if _is_executable(path):
                found.append(path)
    if prefer_minor:
        found.sort(key=lambda p: os.path.basename(p) != 'python' + prefer_minor)
    result = []
    for path in found:
        if _same_file(path, sys.executable) or any(_same_file(path, seen) for seen in result):
            continue
        result.append(path)
    return result


def fits(python, pex):
    try:
        done = subprocess.run([python, '-E', '-s', '-c', _PROBE, pex], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    log.info('probe %s: %s' % (python, 'fits' if done.returncode == 0 else 'does not fit (%d)' % done.returncode))
    return done.returncode == 0


def find_fitting(pex, environ, prefer_minor=None):
    for python in candidates(environ, prefer_minor):
        if fits(python, pex):
            return python
    return None


def exec_into(python, pex, args):
    """Runs the PEX under \`python\` with the same arguments; does not return."""
    log.info('re-executing with %s' % python)
    os.environ[REEXEC_MARK] = sys.executable or '?'
    argv = [python, pex] + list(args)
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == 'nt':
        sys.exit(subprocess.call(argv))
    try:
        os.execv(python, argv)
    except OSError as e:
        log.fail('could not run %s: %s' % (python, e))
`;

// src/pex/bootstrap/run.py
var run_default = `"""Runs what the PEX was built to run: an entry point, a script file, or the interpreter itself.

main.py keeps a minimal copy of run_entry for the warm path; the two must behave the same.
"""
import os
import sys


def _fail(message):
    sys.stderr.write('pexship: %s\\n' % message)
    sys.exit(1)


def _detach_main(origin):
    """__main__ as \`python script.py\` leaves it (main.py's _detach_main): no __spec__, __file__ a real path."""
    main = sys.modules['__main__']
    main.__spec__ = None
    main.__file__ = origin or sys.argv[0]


def run_module_as_main(name):
    """Like \`python -m name\`, except sys.argv[0] stays what the caller set (the PEX path)."""
    import importlib.util
    spec = importlib.util.find_spec(name)
    if spec is not None and spec.submodule_search_locations is not None:
        spec = importlib.util.find_spec(name + '.__main__')
    if spec is None or spec.loader is None:
        _fail('no module named %r (the entry point of %s)' % (name, sys.argv[0]))
    code = spec.loader.get_code(spec.name)
    module = type(sys)('__main__')
    module.__dict__.update(__cached__=spec.cached, __loader__=spec.loader, __package__=spec.parent,
                           __builtins__=__builtins__)
    sys.modules['__main__'] = module
    _detach_main(spec.origin)
    exec(code, module.__dict__)


def run_entry(entry):
    """\`mod:func\` -> sys.exit(func()); \`mod\` -> run it as __main__."""
    module, _, attr = entry.partition(':')
    if not attr:
        run_module_as_main(module)
        return
    _detach_main(None)
    __import__(module)
    target = sys.modules[module]
    for part in attr.split('.'):
        target = getattr(target, part)
    sys.exit(target())


def exec_or_wait(argv, wait):
    """Becomes argv (exec), or with \`wait\` (a temporary cache to remove at exit; Windows) runs it as a child
    and ends the same way it did: its exit code, or the signal that killed it."""
    sys.stdout.flush()
    sys.stderr.flush()
    if not wait and os.name != 'nt':
        os.execv(argv[0], argv)
    import signal
    import subprocess
    child = subprocess.Popen(argv)
    # As system() does: Ctrl-C reaches the child from the terminal; other termination requests are passed on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ('SIGTERM', 'SIGHUP', 'SIGQUIT'):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda signum, frame: child.send_signal(signum))
    code = child.wait()
    if code < 0 and os.name != 'nt':
        from . import cache
        cache.remove_temporary_root()
        signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
    sys.exit(code)


def run_script_file(path, kind, wait=False):
    """A wheel's \`.data/scripts\` file: Python ('script') runs in-process; anything else ('program': native
    binaries, shell scripts) is executed as a program with this process's argv, environment and exit."""
    if kind == 'program':
        exec_or_wait([path] + sys.argv[1:], wait)
    import runpy
    runpy.run_path(path, run_name='__main__')


def _fresh_main():
    module = type(sys)('__main__')
    module.__dict__['__builtins__'] = __builtins__
    sys.modules['__main__'] = module
    return module.__dict__


def _exec_source(source, filename):
    namespace = _fresh_main()
    exec(compile(source, filename, 'exec'), namespace)


def interpreter(args):
    """Behave like \`python ARGS\` for the forms people use with a PEX: -c, -m, a file, -, or the REPL."""
    import runpy
    if not args or args[0] == '-':
        sys.argv = [''] + args[1:] if args else ['']
        sys.path.insert(0, '')
        if args or not sys.stdin.isatty():
            _exec_source(sys.stdin.read(), '<stdin>')
            return
        _repl()
        return
    first = args[0]
    if first.startswith('-c'):
        if first == '-c':
            if len(args) < 2:
                _fail('argument expected for the -c option')
            source, rest = args[1], args[2:]
        else:
            source, rest = first[2:], args[1:]
        sys.argv = ['-c'] + rest
        sys.path.insert(0, '')
        _exec_source(source, '<string>')
    elif first.startswith('-m'):
        if first == '-m':
            if len(args) < 2:
                _fail('argument expected for the -m option')
            module, rest = args[1], args[2:]
        else:
            module, rest = first[2:], args[1:]
        sys.argv = [module] + rest
        sys.path.insert(0, os.getcwd())
        runpy.run_module(module, run_name='__main__', alter_sys=True)
    elif first.startswith('-'):
        _fail('interpreter option %s is not supported inside a PEX (supported: -c CODE, -m MODULE, FILE, -)' % first)
    else:
        sys.argv = list(args)
        if not os.path.exists(first):
            _fail("can't open file %r: no such file" % first)
        sys.path.insert(0, os.path.dirname(os.path.abspath(first)))
        runpy.run_path(first, run_name='__main__')


def _repl():
    import code
    try:
        import readline  # noqa: F401 (line editing when available)
    except ImportError:
        pass
    namespace = _fresh_main()
    banner = 'Python %s on %s\\n(inside a pexship PEX: its dependencies are importable)' % (sys.version, sys.platform)
    code.interact(banner=banner, local=namespace, exitmsg='')
`;

// src/pex/bootstrap/specifiers.py
var specifiers_default = `"""PEP 440 version specifiers, enough for \`Requires-Python\` and pex-style interpreter constraints."""
import platform
import re
import sys

_VERSION = re.compile(
    r'^\\s*v?(?:(?P<epoch>\\d+)!)?(?P<release>\\d+(?:\\.\\d+)*)'
    r'(?:[-_.]?(?P<pre_l>a|b|c|rc|alpha|beta|pre|preview)[-_.]?(?P<pre_n>\\d*))?'
    r'(?P<post>-(?P<post_n1>\\d+)|[-_.]?(?:post|rev|r)[-_.]?(?P<post_n2>\\d*))?'
    r'(?P<dev>[-_.]?dev[-_.]?(?P<dev_n>\\d*))?'
    r'(?:\\+[a-z0-9._-]+)?\\s*$',
    re.IGNORECASE,
)
_PRE_RANK = {'a': 0, 'alpha': 0, 'b': 1, 'beta': 1, 'c': 2, 'rc': 2, 'pre': 2, 'preview': 2}
_SPEC = re.compile(r'^\\s*(===|==|!=|~=|<=|>=|<|>)\\s*([^\\s]+)\\s*$')
_CONSTRAINT = re.compile(r'^\\s*([A-Za-z][A-Za-z0-9_]*)?\\s*(.*?)\\s*$')


class InvalidSpecifier(ValueError):
    pass


def _parse(text):
    m = _VERSION.match(text)
    if not m:
        raise InvalidSpecifier('not a version: %r' % text)
    epoch = int(m.group('epoch') or 0)
    release = tuple(int(x) for x in m.group('release').split('.'))
    pre = (_PRE_RANK[m.group('pre_l').lower()], int(m.group('pre_n') or 0)) if m.group('pre_l') else None
    post = int(m.group('post_n1') or m.group('post_n2') or 0) if m.group('post') is not None else None
    dev = int(m.group('dev_n') or 0) if m.group('dev') is not None else None
    return epoch, release, pre, post, dev


def _key(parsed):
    epoch, release, pre, post, dev = parsed
    while len(release) > 1 and release[-1] == 0:
        release = release[:-1]
    if pre is not None:
        pre_key = (0,) + pre
    elif dev is not None and post is None:
        pre_key = (-1,)  # 1.0.dev0 sorts before 1.0a0
    else:
        pre_key = (1,)
    post_key = (0, post) if post is not None else (-1,)
    dev_key = (0, dev) if dev is not None else (1,)
    return epoch, release, pre_key, post_key, dev_key


def _padded(release, length):
    return tuple(release) + (0,) * (length - len(release))


def _matches_one(version, op, spec):
    candidate = _parse(version)
    if op == '===':
        return version.strip() == spec
    if spec.endswith('.*'):
        if op not in ('==', '!='):
            raise InvalidSpecifier('%s%s: a wildcard needs == or !=' % (op, spec))
        prefix = _parse(spec[:-2])[1]
        head = _padded(candidate[1], len(prefix))[:len(prefix)]
        equal = candidate[0] == _parse(spec[:-2])[0] and head == prefix
        return equal if op == '==' else not equal
    want = _parse(spec)
    a, b = _key(candidate), _key(want)
    if op == '==':
        return a == b
    if op == '!=':
        return a != b
    if op == '>=':
        return a >= b
    if op == '<=':
        return a <= b
    if op == '>':
        return a > b
    if op == '<':
        return a < b
    if op == '~=':
        if len(want[1]) < 2:
            raise InvalidSpecifier('~=%s needs at least two release numbers' % spec)
        prefix = want[1][:-1]
        return a >= b and _padded(candidate[1], len(prefix))[:len(prefix)] == prefix
    raise InvalidSpecifier('unknown operator %r' % op)


def matches(version, specifier_set):
    """'3.11.7' against '>=3.8,!=3.9.*' -> True. An empty set matches everything."""
    for part in specifier_set.split(','):
        if not part.strip():
            continue
        m = _SPEC.match(part)
        if not m:
            raise InvalidSpecifier('not a version specifier: %r' % part.strip())
        if not _matches_one(version, m.group(1), m.group(2)):
            return False
    return True


def python_version():
    """The running interpreter's release as pip compares it: '3.11.7'."""
    return '%d.%d.%d' % sys.version_info[:3]


def implementation():
    return platform.python_implementation()  # 'CPython', 'PyPy'


def constraint_matches(constraint, impl=None, version=None):
    """pex form: 'CPython>=3.9,<3.14', '>=3.8', 'PyPy', 'CPython==3.11.*'."""
    m = _CONSTRAINT.match(constraint)
    name, specs = m.group(1), m.group(2)
    impl = impl or implementation()
    if name and name.lower() != impl.lower():
        return False
    return matches(version or python_version(), specs)
`;

// src/pex/bootstrap/tags.py
var tags_default = `"""Which wheels the running interpreter can use: its supported tags (PEP 425/600/656) and wheel file names.

Standard library only, so it runs on any interpreter we might re-exec into (3.6 syntax kept on purpose:
an old interpreter must still be able to say why it cannot run the PEX).
"""
import os
import platform
import sys
import sysconfig

# PEP 600 legacy names for the glibc versions they stand for, and the architectures each existed for.
_LEGACY_MANYLINUX = {
    (2, 17): ('manylinux2014', ('x86_64', 'i686', 'aarch64', 'armv7l', 'ppc64', 'ppc64le', 's390x')),
    (2, 12): ('manylinux2010', ('x86_64', 'i686')),
    (2, 5): ('manylinux1', ('x86_64', 'i686')),
}
_INTERPRETER_SHORT = {'cpython': 'cp', 'pypy': 'pp', 'ironpython': 'ip', 'jython': 'jy'}


def parse_wheel_name(filename):
    """'markupsafe-2.1.5-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl' ->
    ('markupsafe', '2.1.5', {('cp311', 'cp311', 'manylinux_2_17_x86_64'), ...}); None when malformed."""
    if not filename.endswith('.whl'):
        return None
    parts = filename[:-4].split('-')
    if len(parts) not in (5, 6):
        return None
    name, version = parts[0], parts[1]
    pys, abis, plats = parts[-3].split('.'), parts[-2].split('.'), parts[-1].split('.')
    tags = set((p, a, pl) for p in pys for a in abis for pl in plats)
    return name, version, tags


def _linux_arch():
    arch = sysconfig.get_platform().split('-', 1)[-1].replace('-', '_').replace('.', '_')
    if sys.maxsize <= 2 ** 32:  # a 32-bit interpreter on a 64-bit kernel
        arch = {'x86_64': 'i686', 'aarch64': 'armv7l'}.get(arch, arch)
    return arch


def glibc_version():
    """(2, 36) on glibc systems, else None."""
    try:
        text = os.confstr('CS_GNU_LIBC_VERSION')  # 'glibc 2.36'
    except (AttributeError, OSError, ValueError):
        return None
    if not text or not text.startswith('glibc '):
        return None
    try:
        major, minor = text.split()[1].split('.')[:2]
        return int(major), int(''.join(c for c in minor if c.isdigit()))
    except ValueError:
        return None


def musl_version():
    """(1, 2) when this interpreter runs on musl libc, else None (asks the musl loader, which prints it)."""
    import glob
    import subprocess
    for loader in sorted(glob.glob('/lib/ld-musl-*.so.1')):
        try:
            out = subprocess.run([loader], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=10).stderr
        except (OSError, subprocess.SubprocessError):
            continue
        for line in out.decode('utf-8', 'replace').splitlines():
            if line.startswith('Version '):
                try:
                    major, minor = line.split()[1].split('.')[:2]
                    return int(major), int(minor)
                except ValueError:
                    return None
    return None


def _linux_platforms():
    arch = _linux_arch()
    plats = []
    glibc = glibc_version()
    if glibc is not None and glibc[0] == 2:
        lowest = 5 if arch in ('x86_64', 'i686') else 17
        for minor in range(glibc[1], lowest - 1, -1):
            plats.append('manylinux_2_%d_%s' % (minor, arch))
            legacy = _LEGACY_MANYLINUX.get((2, minor))
            if legacy and arch in legacy[1]:
                plats.append('%s_%s' % (legacy[0], arch))
    else:
        musl = musl_version()
        if musl is not None and musl[0] == 1:
            for minor in range(musl[1], -1, -1):
                plats.append('musllinux_1_%d_%s' % (minor, arch))
    plats.append('linux_%s' % arch)
    return plats


def _mac_platforms():
    release = platform.mac_ver()[0] or '10.9'
    major, minor = (int(x) for x in (release.split('.') + ['0'])[:2])
    arch = platform.machine()
    # arm64 binaries exist only from macOS 11; x86_64 also accepts the older multi-architecture names.
    formats = ['arm64', 'universal2'] if arch == 'arm64' else [arch, 'intel', 'fat64', 'fat32', 'universal2', 'universal']
    versions = []
    if major >= 11:
        versions += [(m, 0) for m in range(major, 10, -1)]
        if arch != 'arm64':
            versions += [(10, m) for m in range(16, 3, -1)]
    else:
        versions += [(10, m) for m in range(minor, 3, -1)]
    plats = []
    for (vmaj, vmin) in versions:
        for fmt in formats:
            if fmt == 'universal2' and (vmaj, vmin) < (10, 16) and arch != 'arm64':
                continue
            plats.append('macosx_%d_%d_%s' % (vmaj, vmin, fmt))
    return plats


def platforms():
    """Platform tags this machine accepts, most specific first."""
    if sys.platform.startswith('linux'):
        return _linux_platforms()
    if sys.platform == 'darwin':
        return _mac_platforms()
    return [sysconfig.get_platform().replace('-', '_').replace('.', '_')]


def _abi_suffix():
    suffix = ''
    if hasattr(sys, 'gettotalrefcount'):
        suffix += 'd'
    if sysconfig.get_config_var('Py_GIL_DISABLED'):
        suffix += 't'
    return suffix


def supported_tags():
    """Every (python, abi, platform) triple the running interpreter accepts."""
    major, minor = sys.version_info[:2]
    impl = sys.implementation.name
    short = _INTERPRETER_SHORT.get(impl, impl)
    interp = '%s%d%d' % (short, major, minor)
    plats = platforms()
    tags = set()
    if impl == 'cpython':
        suffix = _abi_suffix()
        abis = ['cp%d%d%s' % (major, minor, suffix), 'none']
        for abi in abis:
            for plat in plats:
                tags.add((interp, abi, plat))
        if 't' not in suffix and 'd' not in suffix:
            for older in range(minor, 1, -1):
                for plat in plats:
                    tags.add(('cp%d%d' % (major, older), 'abi3', plat))
    else:
        soabi = sysconfig.get_config_var('SOABI') or ''
        abi = '_'.join(soabi.split('-')[:2]).replace('.', '_') or 'none'
        for plat in plats:
            tags.add((interp, abi, plat))
            tags.add((interp, 'none', plat))
    for plat in plats:
        tags.add(('py%d' % major, 'none', plat))
        for older in range(minor, -1, -1):
            tags.add(('py%d%d' % (major, older), 'none', plat))
    tags.add((interp, 'none', 'any'))
    tags.add(('py%d' % major, 'none', 'any'))
    for older in range(minor, -1, -1):
        tags.add(('py%d%d' % (major, older), 'none', 'any'))
    return tags
`;

// src/pex/bootstrap/venvs.py
var venvs_default = `"""--venv mode: one virtualenv per PEX and interpreter under PEX_ROOT/venvs/<pex_hash>/<interpreter id>/.

Built once with the standard library's venv module (no pip), then every run execs its python. Choices:
- site-packages holds symlinks into the extracted wheels and sources (copies where symlinks fail, e.g.
  Windows without the privilege); folders two wheels share (namespace packages) become real folders.
- include-system-site-packages stays false; inherit_path prefer/fallback is applied by the launcher at
  start-up, so one venv serves every PEX with the same contents whatever its PEX-INFO says.
- console scripts and \`.data/scripts\` go to bin/ with shebangs naming this venv's python.
- the launcher \`pexship_main.py\` and a copy of this runtime (\`pexship/\`) live at the venv root.
"""
import os
import re
import shutil
import sys

from . import cache, log, run

LAUNCHER = 'pexship_main.py'
_LAUNCHER_SOURCE = '''# pexship venv launcher: runs the PEX's entry point inside this virtualenv.
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
# A multiprocessing child re-running its parent's __main__ (as __mp_main__) must not start the app again.
if __name__ == '__main__':
    sys.path.insert(0, os.path.join(_here, 'pexship'))
    from pexship_runtime import launch
    del sys.path[0]
    launch.main(_here%s)
'''
_RUNTIME_PREFIX = '.bootstrap/pexship_runtime/'
# Console scripts become files and code: plain names and dotted identifiers only.
_SCRIPT_NAME = re.compile(r'^[A-Za-z0-9][A-Za-z0-9._-]*$')
_SCRIPT_TARGET = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*:[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$')


def _bin_name():
    return 'Scripts' if os.name == 'nt' else 'bin'


def python_of(venv_dir):
    return os.path.join(venv_dir, _bin_name(), 'python.exe' if os.name == 'nt' else 'python')


def _link(src, dst):
    try:
        os.symlink(src, dst, target_is_directory=os.path.isdir(src))
    except (OSError, NotImplementedError):
        if os.path.isdir(src):
            shutil.copytree(src, dst, symlinks=True)
        else:
            shutil.copy2(src, dst)


def _link_tree(src, dst, skip=None):
    """Symlinks src's entries into dst; when two sources share a folder, it becomes a real merged folder."""
    for name in sorted(os.listdir(src)):
        if skip and skip(name):
            continue
        s, d = os.path.join(src, name), os.path.join(dst, name)
        if not os.path.lexists(d):
            _link(s, d)
        elif os.path.isdir(s) and os.path.isdir(d):
            if os.path.islink(d):
                earlier = os.path.realpath(d)
                os.unlink(d)
                os.mkdir(d)
                _link_tree(earlier, d)
            _link_tree(s, d)
        # else: a file both provide; the first source (user code, then wheels in order) wins


def _find_site_packages(venv_dir):
    for dirpath, dirnames, _ in os.walk(venv_dir):
        if os.path.basename(dirpath) == 'site-packages':
            return dirpath
    raise log.Failure('the venv module made no site-packages folder in %s' % venv_dir)


def _write_script(path, text):
    with open(path, 'w') as f:
        f.write(text)
    os.chmod(path, 0o755)


def _console_script(python, target):
    module, _, attr = target.partition(':')
    head = attr.split('.')[0]
    return ('#!%s\\n# Console script made by pexship.\\nimport sys\\nfrom %s import %s\\n\\n'
            "if __name__ == '__main__':\\n    sys.exit(%s())\\n" % (python, module, head, attr))


def _copy_data_script(src, dst, python):
    with open(src, 'rb') as f:
        content = f.read()
    first, newline, rest = content.partition(b'\\n')
    if first.startswith(b'#!') and b'python' in first:
        content = b'#!' + python.encode('utf-8') + newline + rest
    with open(dst, 'wb') as f:
        f.write(content)
    os.chmod(dst, 0o755)


def _build(temp, final, zf, code_dir, wheel_dirs, console_scripts, bin_path):
    import venv as stdlib_venv
    builder = stdlib_venv.EnvBuilder(symlinks=os.name != 'nt', with_pip=False)
    context = builder.ensure_directories(temp)
    builder.create_configuration(context)
    builder.setup_python(context)
    site_packages = _find_site_packages(temp)
    is_data = lambda name: name.endswith('.data')  # noqa: E731
    for source in [code_dir] + wheel_dirs:
        _link_tree(source, site_packages, skip=is_data)
    bin_dir = os.path.join(temp, _bin_name())
    python = python_of(final)
    for wheel_dir in wheel_dirs:
        for name in sorted(os.listdir(wheel_dir)):
            if not is_data(name):
                continue
            scripts = os.path.join(wheel_dir, name, 'scripts')
            if os.path.isdir(scripts):
                for script in sorted(os.listdir(scripts)):
                    dst = os.path.join(bin_dir, script)
                    if not _SCRIPT_NAME.match(script):
                        continue
                    if not os.path.lexists(dst):
                        _copy_data_script(os.path.join(scripts, script), dst, python)
            data = os.path.join(wheel_dir, name, 'data')
            if os.path.isdir(data):
                _link_tree(data, temp)
    for name, target in sorted(console_scripts.items()):
        if not _SCRIPT_NAME.match(name) or not _SCRIPT_TARGET.match(target.replace(' ', '')):
            log.info('skipping console script %r = %r: not a plain name and module:attribute' % (name, target))
            continue
        target = target.replace(' ', '')
        dst = os.path.join(bin_dir, name)
        if not os.path.lexists(dst):
            _write_script(dst, _console_script(python, target))
    runtime = os.path.join(temp, 'pexship', 'pexship_runtime')
    os.makedirs(runtime)
    for member in zf.infolist():
        name = member.filename
        if name.startswith(_RUNTIME_PREFIX) and name.endswith('.py') and '/' not in name[len(_RUNTIME_PREFIX):]:
            with open(os.path.join(runtime, name[len(_RUNTIME_PREFIX):]), 'wb') as f:
                f.write(zf.read(member))
    # venv_bin_path is part of PEX-INFO, so of pex_hash, so of this venv's name: it can be baked in.
    _write_script(os.path.join(temp, LAUNCHER), _LAUNCHER_SOURCE % ('' if bin_path == 'false' else ', %r' % bin_path))


def ensure(root, pex_hash, interpreter_id, zf, code_dir, wheel_dirs, console_scripts, bin_path='false'):
    """The venv's folder, built if missing."""
    final = os.path.join(root, 'venvs', pex_hash, interpreter_id)
    if os.path.isfile(os.path.join(final, LAUNCHER)):
        return final
    if cache.install_dir(root, final, lambda temp: _build(temp, final, zf, code_dir, wheel_dirs, console_scripts, bin_path)):
        log.info('made venv %s' % final)
    return final


def exec_launcher(venv_dir, pex, kind, target, inherit, strip, args, wait=False):
    python = python_of(venv_dir)
    argv = [python, os.path.join(venv_dir, LAUNCHER), pex, kind, target or '', inherit, '1' if strip else '0'] + list(args)
    log.info('running in venv %s' % venv_dir)
    run.exec_or_wait(argv, wait)
`;

// src/pex/runtime.ts
var RUNTIME_PACKAGE_DIR = ".bootstrap/pexship_runtime";
var PACKAGE = {
  "__init__.py": init_default,
  "archive.py": archive_default,
  "boot.py": boot_default,
  "cache.py": cache_default,
  "fit.py": fit_default,
  "launch.py": launch_default,
  "log.py": log_default,
  "pexpath.py": pexpath_default,
  "reexec.py": reexec_default,
  "run.py": run_default,
  "specifiers.py": specifiers_default,
  "tags.py": tags_default,
  "venvs.py": venvs_default
};
function runtimeFiles() {
  return Object.keys(PACKAGE).sort().map((name) => ({ path: `${RUNTIME_PACKAGE_DIR}/${name}`, content: PACKAGE[name] }));
}
var IDENT = "[A-Za-z_][A-Za-z0-9_]*";
var ENTRY = new RegExp(`^${IDENT}(\\.${IDENT})*(:${IDENT}(\\.${IDENT})*)?$`);
var SCRIPT_ENTRY = new RegExp(`^${IDENT}(\\.${IDENT})*:${IDENT}(\\.${IDENT})*$`);
function pyLiteral(value) {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function renderMain(c) {
  if (!/^[0-9a-f]{40}$/.test(c.pexHash)) throw new Error(`renderMain: pexHash must be 40 lowercase hex digits, got ${JSON.stringify(c.pexHash)}`);
  if (c.entryPoint !== null && !ENTRY.test(c.entryPoint)) {
    throw new UsageError(`entry point ${JSON.stringify(c.entryPoint)} (-e/--entry-point or -m) is not MODULE or MODULE:FUNCTION; use e.g. -e app.cli:main`);
  }
  if (c.scriptEntry !== null && !SCRIPT_ENTRY.test(c.scriptEntry)) {
    throw new UsageError(`console script target ${JSON.stringify(c.scriptEntry)} (-c/--script) is not MODULE:ATTRIBUTE; check the distribution's entry points`);
  }
  if (!["false", "prefer", "fallback"].includes(c.inheritPath)) throw new Error(`renderMain: inheritPath ${JSON.stringify(c.inheritPath)}`);
  const values = {
    PEX_HASH: c.pexHash,
    ENTRY_POINT: c.entryPoint,
    SCRIPT_ENTRY: c.scriptEntry,
    SCRIPT_FILE: c.scriptFile ?? null,
    PTH_FILES: c.pthFiles ?? {},
    INHERIT_PATH: c.inheritPath,
    VENV: c.venv,
    STRIP_PEX_ENV: c.stripPexEnv,
    INJECT_ARGS: c.injectArgs ?? [],
    INJECT_ENV: c.injectEnv ?? {},
    PEX_PATH: c.pexPath ?? []
  };
  let out = main_default;
  for (const [name, value] of Object.entries(values)) {
    const placeholder = `'@${name}@'`;
    if (!out.includes(placeholder)) throw new Error(`renderMain: template has no ${placeholder}`);
    out = out.replace(placeholder, pyLiteral(value));
  }
  return out;
}

// src/pex/sh-boot.ts
var NAME = /^[A-Za-z0-9][\w.+-]*$/;
function shBootScript(names) {
  for (const n of names) if (!NAME.test(n)) throw new Error(`shBootScript: interpreter name ${JSON.stringify(n)}`);
  return `#!/bin/sh
# pexship --sh-boot: find a Python and run this PEX with it; the zip archive follows this script.
pexship_find() {
  if [ -n "$PEX_PYTHON_PATH" ]; then
    (IFS=:; set -f; for entry in $PEX_PYTHON_PATH; do
      if [ -f "$entry" ] && [ -x "$entry" ] && [ "\${entry##*/}" = "$1" ]; then echo "$entry"; exit 0; fi
      if [ -f "$entry/$1" ] && [ -x "$entry/$1" ]; then echo "$entry/$1"; exit 0; fi
    done; exit 1)
  else
    command -v "$1" 2>/dev/null
  fi
}
if [ -n "$PEX_PYTHON" ]; then
  case "$PEX_PYTHON" in
    */*) pexship_python="$PEX_PYTHON" ;;
    *) pexship_python=$(pexship_find "$PEX_PYTHON") ;;
  esac
  if [ -n "$pexship_python" ] && [ -x "$pexship_python" ]; then exec "$pexship_python" "$0" "$@"; fi
  echo "pexship: PEX_PYTHON=$PEX_PYTHON does not name an interpreter here" >&2
  exit 1
fi
for pexship_name in ${names.join(" ")}; do
  pexship_python=$(pexship_find "$pexship_name")
  if [ -n "$pexship_python" ]; then exec "$pexship_python" "$0" "$@"; fi
done
echo "pexship: no Python interpreter (${names.join(", ")}) found on \${PEX_PYTHON_PATH:-PATH}; install one or set PEX_PYTHON" >&2
exit 127
`;
}

// src/pex/build.ts
function byName(a, b) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
async function readSources(dirs) {
  const files = /* @__PURE__ */ new Map();
  for (const dir of dirs) {
    await checkSourcesDir(dir);
    const walk = async (rel) => {
      const entries = await readdir3(path7.join(dir, rel), { withFileTypes: true });
      for (const entry of entries) {
        const name = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.name === "__pycache__" || entry.name.endsWith(".pyc") || entry.name === ".git") continue;
        const full = path7.join(dir, name);
        const st = await stat5(full);
        if (st.isDirectory()) await walk(name);
        else if (st.isFile()) {
          if (name === "__main__.py" || name === "PEX-INFO" || name.startsWith(".deps/") || name.startsWith(".bootstrap/")) {
            throw new UsageError(`${full}: the name ${name} is reserved inside a PEX; rename it, or use -e to name your entry point.`);
          }
          const content = await readFile5(full);
          const prior = files.get(name);
          if (prior && !prior.content.equals(content)) {
            throw new UsageError(`${name} is in both ${prior.from} and ${dir} with different content; keep one.`);
          }
          files.set(name, { name, content, executable: (st.mode & 73) !== 0, from: dir });
        }
      }
    };
    await walk("");
  }
  return [...files.values()].sort(byName);
}
function codeHashOf(sources) {
  const h = createHash6("sha1");
  h.update(sources.map((f) => f.name).join(""));
  for (const f of sources) h.update(f.content);
  return h.digest("hex");
}
function resolveScript(script, wheels) {
  const owners = wheels.filter((w) => script in w.consoleScripts);
  if (owners.length === 0) {
    const file = wheels.find((w) => script in w.dataScripts);
    if (file) return { entry: null, file: [file.filename, file.dataScripts[script].path, file.dataScripts[script].kind] };
    const known = [...new Set(wheels.flatMap((w) => [...Object.keys(w.consoleScripts), ...Object.keys(w.dataScripts)]))].sort();
    throw new UsageError(
      `no distribution in this PEX has a console script or script named '${script}'` + (known.length ? `; available: ${known.join(", ")}.` : "; none of its distributions declares scripts. Use -e MODULE[:FUNC] instead.")
    );
  }
  const targets = new Set(owners.map((w) => w.consoleScripts[script]));
  if (targets.size > 1) {
    throw new UsageError(`console script '${script}' is declared by ${owners.map((w) => w.filename).join(" and ")} with different targets; use -e MODULE:FUNC to choose.`);
  }
  return { entry: owners[0].consoleScripts[script], file: null };
}
function wheelRecord(w) {
  const scripts = Object.fromEntries(Object.entries(w.dataScripts).map(([name, s]) => [name, s.kind]));
  return {
    console_scripts: w.consoleScripts,
    data: w.hasData,
    project: w.project,
    pth_files: w.pthFiles.length ? w.pthFiles : void 0,
    requires_python: w.requiresPython,
    scripts: Object.keys(scripts).length ? scripts : void 0,
    version: w.version
  };
}
async function buildPex(options) {
  if (options.entryPoint && options.script) {
    throw new UsageError("give either an entry point (-e/-m) or a console script (-c), not both.");
  }
  checkEntryPointSyntax(options.entryPoint);
  const wheelPaths = [...new Set(options.wheels.map((w) => path7.resolve(w)))];
  const [installed, sources] = await Promise.all([Promise.all(wheelPaths.map((w) => installWheel(w, { cacheDir: options.cacheDir }))), readSources(options.sourcesDirs ?? [])]);
  installed.sort((a, b) => a.filename < b.filename ? -1 : 1);
  for (let i = 1; i < installed.length; i++) {
    if (installed[i].filename === installed[i - 1].filename) {
      throw new UsageError(`two different files are named ${installed[i].filename}; give each wheel once.`);
    }
  }
  const resolved = options.script ? resolveScript(options.script, installed) : { entry: null, file: null };
  const scriptEntry = resolved.entry;
  const targets = options.targets ?? [{ platform: "current", wheels: installed.map((w) => w.filename) }];
  const known = new Set(installed.map((w) => w.filename));
  for (const t of targets) {
    for (const w of t.wheels) if (!known.has(w)) throw new Error(`target ${t.platform} names ${w}, which is not among the wheels being installed`);
  }
  for (const t of options.script ? targets : []) {
    const owns = (w) => options.script in w.consoleScripts || options.script in w.dataScripts;
    if (!installed.some((w) => t.wheels.includes(w.filename) && owns(w))) {
      throw new UsageError(`console script '${options.script}' is in no distribution for ${t.platform}; add the distribution that declares it for that target, or build that target separately.`);
    }
  }
  if (options.entryPoint) {
    const files = (t) => installed.filter((w) => t.wheels.includes(w.filename)).flatMap((w) => w.members.map((m) => m.name));
    checkEntryModule(options.entryPoint, sources.map((f) => f.name), targets.map((t) => ({ label: t.platform, files: files(t) })));
  }
  const layout = options.layout ?? "zipapp";
  if (options.shBoot && layout !== "zipapp") {
    throw new UsageError(`--sh-boot makes a zipapp start through /bin/sh; a --layout ${layout} directory runs with 'python DIR', so drop one of them.`);
  }
  const runtime = runtimeFiles();
  const pycs = options.compileWith?.length ? await compiledMembers(options.compileWith, installed, sources, options.cacheDir) : /* @__PURE__ */ new Map();
  const wheelMembers = installed.map((w) => ({ filename: w.filename, members: withPycs(w.members, pycs.get(w.filename)) }));
  const sourceMembers = withPycs(
    sources.map((f) => ({ name: f.name, mode: f.executable ? 33261 : 33188, content: f.content })),
    pycs.get("")
  );
  const runtimeMembers = runtime.map((r) => ({ name: r.path, mode: 33188, content: Buffer.from(r.content, "utf8") }));
  const codeHash = codeHashOf(sources);
  const pexHasher = createHash6("sha1");
  for (const r of runtime) pexHasher.update(`${r.path}\0${r.content}\0`);
  for (const w of installed) pexHasher.update(`${w.filename}\0${w.sha256}\0`);
  pexHasher.update(`code\0${codeHash}\0`);
  const inheritPath = options.inheritPath ?? "false";
  const entryPoint = options.entryPoint ?? null;
  const shebangPython = pythonFromShebang(options.shebang);
  const pexInfoObject = {
    build_properties: { pexship_version: PEXSHIP_VERSION, platforms: targets.map((t) => t.platform) },
    code_hash: codeHash,
    distributions: Object.fromEntries(installed.map((w) => [w.filename, w.sha256])),
    entry_point: entryPoint,
    excluded: options.excluded ?? [],
    inherit_path: inheritPath,
    inject_args: options.injectArgs ?? [],
    inject_env: options.injectEnv ?? {},
    interpreter_constraints: options.interpreterConstraints ?? [],
    overridden: options.overridden ?? [],
    pex_path: options.pexPath ?? [],
    pexship: {
      format: 1,
      script_entry: scriptEntry,
      script_file: resolved.file ?? void 0,
      shebang_python: shebangPython,
      targets,
      version: PEXSHIP_VERSION,
      wheels: Object.fromEntries(installed.map((w) => [w.filename, wheelRecord(w)]))
    },
    requirements: options.requirements ?? [],
    script: options.script ?? null,
    strip_pex_env: true,
    venv: options.venv ?? false,
    venv_bin_path: options.venvBinPath ?? "false"
  };
  pexHasher.update(JSON.stringify(sortKeys({ ...pexInfoObject, build_properties: void 0, pexship: { ...pexInfoObject.pexship, version: void 0 } })));
  const pexHash = pexHasher.digest("hex");
  pexInfoObject.pex_hash = pexHash;
  const pexInfo = Buffer.from(JSON.stringify(sortKeys(pexInfoObject)));
  const pthFiles = Object.fromEntries(installed.filter((w) => w.pthFiles.length).map((w) => [w.filename, w.pthFiles]));
  const mainPy = renderMain({
    pexHash,
    entryPoint,
    scriptEntry,
    scriptFile: resolved.file,
    inheritPath,
    venv: options.venv ?? false,
    stripPexEnv: true,
    pthFiles,
    injectArgs: options.injectArgs ?? [],
    injectEnv: options.injectEnv ?? {},
    pexPath: options.pexPath ?? []
  });
  const shebangLine = `#!${options.shebang ?? defaultShebang()}
`;
  let written;
  if (layout === "zipapp") {
    const members = [
      { name: "__main__.py", mode: 33188, content: Buffer.from(mainPy, "utf8") },
      ...runtimeMembers,
      { name: "PEX-INFO", mode: 33188, content: pexInfo },
      ...wheelMembers.flatMap((w) => w.members.map((m) => ({ ...m, name: `.deps/${w.filename}/${m.name}` }))),
      ...sourceMembers
    ];
    const head = Buffer.from(options.shBoot ? shBootScript(shBootNames(shebangPython, targets)) : shebangLine);
    written = await writeAtomically(options.output, writeZip(head, members, options.compress ?? true), options.onWrite);
  } else {
    const head = [
      { name: "__main__.py", mode: 33261, content: Buffer.from(shebangLine + mainPy, "utf8") },
      ...runtimeMembers,
      { name: "PEX-INFO", mode: 33188, content: pexInfo }
    ];
    written = await writeDirPex(options.output, dirFiles(layout, { head, wheels: wheelMembers, sources: sourceMembers }, options.compress ?? true));
  }
  return {
    path: path7.resolve(options.output),
    size: written.size,
    sha256: written.sha256,
    pexHash,
    codeHash,
    entryPoint,
    script: options.script ?? null,
    distributions: installed.map((w) => ({ filename: w.filename, project: w.project, version: w.version, sha256: w.sha256, wheelSize: w.wheelSize })),
    targets,
    pexInfo: pexInfoObject
  };
}
function shBootNames(shebangPython, targets) {
  const names = [];
  if (shebangPython && /^python[\d.]*$/.test(shebangPython)) names.push(shebangPython);
  for (const t of targets) {
    const m = /-cp-?(\d)(\d+)|cp(\d)(\d+)/.exec(t.platform);
    if (m) names.push(`python${m[1] ?? m[3]}.${m[2] ?? m[4]}`);
  }
  return [.../* @__PURE__ */ new Set([...names, "python3", "python"])];
}
async function compiledMembers(interpreters, installed, sources, cacheDir) {
  const groups = [
    { key: "", files: sources.filter((f) => f.name.endsWith(".py")) },
    ...installed.map((w) => ({ key: w.filename, files: w.members.filter((m) => isCompilable(m.name)).map((m) => ({ name: m.name, content: memberContent(m) })) }))
  ];
  const all = groups.flatMap((g) => g.files);
  const out = /* @__PURE__ */ new Map();
  for (const python of [...new Set(interpreters)]) {
    const { tag, pycs } = await compileFiles(python, all, cacheDir);
    let i = 0;
    for (const g of groups) {
      const list = out.get(g.key) ?? [];
      for (const f of g.files) {
        const pyc = pycs[i++];
        if (pyc) list.push({ name: pycName(f.name, tag), mode: 33188, content: pyc });
      }
      out.set(g.key, list);
    }
  }
  return out;
}
function memberContent(m) {
  return m.content ?? (m.deflated ? inflateRawSync(m.deflated.data) : Buffer.alloc(0));
}
function withPycs(members, pycs) {
  if (!pycs?.length) return members;
  return [...members, ...pycs].sort(byName);
}
function defaultShebang() {
  return "/usr/bin/env python3";
}
function pythonFromShebang(shebang) {
  if (!shebang) return null;
  const last = shebang.trim().split(/\s+/).pop() ?? "";
  return path7.posix.basename(last) || null;
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      if (v !== void 0) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}
async function writeAtomically(output, chunks, onWrite) {
  const total = chunks.reduce((sum, c) => sum + c.length, 0);
  const dir = path7.dirname(path7.resolve(output));
  await mkdir5(dir, { recursive: true });
  const temp = path7.join(dir, `.${path7.basename(output)}.tmp-${process.pid}-${randomBytes4(4).toString("hex")}`);
  const hash = createHash6("sha256");
  let size = 0;
  const handle = await open2(temp, "wx", 493);
  try {
    for (let i = 0; i < chunks.length; i += 512) {
      const batch = Buffer.concat(chunks.slice(i, i + 512));
      hash.update(batch);
      size += batch.length;
      await handle.writeFile(batch);
      onWrite?.(batch.length, total);
    }
    await handle.close();
    await chmod(temp, 493);
    await rename5(temp, output);
  } catch (e) {
    await handle.close().catch(() => {
    });
    await unlink(temp).catch(() => {
    });
    throw new UsageError(`could not write ${output}: ${e.message}; check that its folder is writable.`);
  }
  return { size, sha256: hash.digest("hex") };
}

// src/resolve/pyproject.ts
import { readFile as readFile6, stat as stat6 } from "node:fs/promises";
import path8 from "node:path";

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str2 = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str2 = str2.replaceAll("_", "");
  return state > 1 ? parseFloat(str2) : parseInteger(ctx, str2, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str2 = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str2 = str2.replaceAll("_", "");
  return parseInteger(ctx, str2, base, startPtr);
}
function parseInteger(ctx, str2, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str2, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str2) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str2);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str2, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str2, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str2 += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str2);
      case 2:
        return Temporal.PlainDateTime.from(str2);
      case 3:
        return Temporal.PlainDate.from(str2);
      case 4:
        return Temporal.PlainTime.from(str2);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table2, meta, type) {
  let t = table2;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/resolve/pyproject.ts
function parseProjectSpec(spec) {
  const m = /^(.*?)\[([^\][]*)\]\s*$/.exec(spec);
  if (!m || m[1].trim() === "") return { dir: spec, extras: [] };
  const extras = m[2].split(",").map((e) => e.trim()).filter((e) => e !== "");
  for (const e of extras) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(e)) {
      throw new UsageError(`--project ${JSON.stringify(spec)}: ${JSON.stringify(e)} is not a valid extra name; write DIR[extra1,extra2]`);
    }
  }
  return { dir: m[1], extras: [...new Set(extras.map(canonicalExtra))] };
}
async function readProject(spec, options = {}) {
  const { dir: given, extras } = parseProjectSpec(spec);
  let dir = path8.resolve(options.cwd ?? process.cwd(), given);
  if (path8.basename(dir) === "pyproject.toml" && await isFile(dir)) dir = path8.dirname(dir);
  const file = path8.join(dir, "pyproject.toml");
  let text;
  try {
    text = await readFile6(file, "utf8");
  } catch (err) {
    const code = err.code;
    const why = code === "ENOENT" ? "there is no such file" : err.message;
    throw new UsageError(`--project ${given}: cannot read ${file}: ${why}; point --project at the directory that holds pyproject.toml`);
  }
  let doc;
  try {
    doc = parse(text);
  } catch (err) {
    throw new UsageError(`${file} is not valid TOML: ${err.message.split("\n")[0]}; fix the file`);
  }
  const fail = (what) => {
    throw new UsageError(`${file}: ${what}`);
  };
  const project = doc.project;
  if (!isTable(project)) {
    return fail("there is no [project] table (PEP 621); add [project] with name and dependencies, or use -r requirements.txt instead");
  }
  const dynamic = optionalStringArray(project.dynamic, "[project].dynamic", fail);
  const name = project.name;
  if (typeof name !== "string" || name.trim() === "") return fail('[project].name is missing; add name = "your-project"');
  let version;
  if (project.version !== void 0) {
    if (typeof project.version !== "string") return fail("[project].version must be a string");
    version = project.version;
  }
  let requiresPython;
  if (project["requires-python"] !== void 0) {
    if (typeof project["requires-python"] !== "string") return fail('[project].requires-python must be a string like ">=3.9"');
    requiresPython = project["requires-python"];
  }
  const parseList = (value, where) => optionalStringArray(value, where, fail).map((text2, i) => {
    try {
      return parseRequirement(text2);
    } catch (err) {
      return fail(`${where}[${i}] ${JSON.stringify(text2)} is not a valid requirement: ${err.message}`);
    }
  });
  const baseDependencies = parseList(project.dependencies, "[project].dependencies");
  const optional = project["optional-dependencies"];
  if (optional !== void 0 && !isTable(optional)) fail("[project.optional-dependencies] must be a table of extra = [requirements]");
  const optionalByExtra = /* @__PURE__ */ new Map();
  for (const [extra, list] of Object.entries(optional ?? {})) {
    optionalByExtra.set(canonicalExtra(extra), { written: extra, requirements: parseList(list, `[project.optional-dependencies].${extra}`) });
  }
  const dynamicExtras = dynamic.includes("optional-dependencies");
  const self = canonicalName(name);
  const dependencies = [];
  const seenExtras = /* @__PURE__ */ new Set();
  const addSelfExtras = (requirement2, where) => {
    if (requirement2.marker) fail(`${where}: ${requirement2.toString()} refers to this project with a marker, which pexship cannot expand; drop the marker or list the dependencies directly`);
    for (const e of requirement2.extras) addExtra(canonicalExtra(e), where);
  };
  const addList = (list, where) => {
    for (const r of list) {
      if (r.canonicalName === self) addSelfExtras(r, where);
      else dependencies.push(r);
    }
  };
  const addExtra = (extra, where) => {
    if (seenExtras.has(extra)) return;
    seenExtras.add(extra);
    const entry = optionalByExtra.get(extra);
    if (!entry && dynamicExtras) return;
    if (!entry) {
      const known = [...optionalByExtra.values()].map((v) => v.written);
      fail(`${where}: extra ${JSON.stringify(extra)} is not defined in [project.optional-dependencies] (${known.length ? `it defines: ${known.join(", ")}` : "it defines none"}); fix the extra's name`);
    }
    addList(entry.requirements, `[project.optional-dependencies].${entry.written}`);
  };
  addList(baseDependencies, "[project].dependencies");
  for (const extra of extras) addExtra(extra, `--project ${spec}`);
  const scripts = {};
  const scriptTable = project.scripts;
  if (scriptTable !== void 0) {
    if (!isTable(scriptTable)) fail('[project.scripts] must be a table of name = "module:function"');
    for (const [scriptName, target] of Object.entries(scriptTable)) {
      if (typeof target !== "string" || !/^[\w.]+(\s*:\s*[\w.]+)?(\s*\[.*\])?$/.test(target.trim())) {
        fail(`[project.scripts].${scriptName} must be "module:function", got ${JSON.stringify(target)}`);
      }
      scripts[scriptName] = target.trim();
    }
  }
  const dependencyGroups = readDependencyGroups(doc["dependency-groups"], fail);
  return {
    name,
    ...version !== void 0 ? { version } : {},
    dependencies,
    extras,
    ...requiresPython !== void 0 ? { requiresPython } : {},
    scripts,
    dependencyGroups,
    dir,
    file,
    doc
  };
}
function readDependencyGroups(value, fail) {
  if (value === void 0) return {};
  if (!isTable(value)) return fail("[dependency-groups] must be a table of group = [requirements]");
  const raw = /* @__PURE__ */ new Map();
  for (const [group, items] of Object.entries(value)) {
    const key = canonicalName(group);
    if (raw.has(key)) fail(`[dependency-groups] names the group ${group} twice (after normalisation)`);
    raw.set(key, { written: group, items });
  }
  const done = /* @__PURE__ */ new Map();
  const expand = (key, trail) => {
    const finished = done.get(key);
    if (finished) return finished;
    const entry = raw.get(key);
    if (trail.includes(key)) fail(`[dependency-groups] include cycle: ${[...trail, key].join(" -> ")}`);
    if (!Array.isArray(entry.items)) fail(`[dependency-groups].${entry.written} must be an array`);
    const out = [];
    for (const item of entry.items) {
      if (typeof item === "string") {
        try {
          out.push(parseRequirement(item));
        } catch (err) {
          fail(`[dependency-groups].${entry.written}: ${JSON.stringify(item)} is not a valid requirement: ${err.message}`);
        }
      } else if (isTable(item) && typeof item["include-group"] === "string") {
        const included = canonicalName(item["include-group"]);
        if (!raw.has(included)) fail(`[dependency-groups].${entry.written} includes the unknown group ${item["include-group"]}`);
        out.push(...expand(included, [...trail, key]));
      } else {
        fail(`[dependency-groups].${entry.written}: each item must be a requirement string or {include-group = "name"}`);
      }
    }
    done.set(key, out);
    return out;
  };
  const result = {};
  for (const [key, entry] of raw) result[entry.written] = expand(key, []);
  return result;
}
function isTable(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function optionalStringArray(value, where, fail) {
  if (value === void 0) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) return fail(`${where} must be an array of strings`);
  return value;
}
async function isFile(p) {
  try {
    return (await stat6(p)).isFile();
  } catch {
    return false;
  }
}

// src/resolve/sdist-build.ts
import { execFile as execFile2 } from "node:child_process";
import { createHash as createHash7, randomBytes as randomBytes5 } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir as mkdir6, readdir as readdir4, readFile as readFile7, rename as rename6, rm as rm3 } from "node:fs/promises";
import path9 from "node:path";
function run(cmd, args, timeoutMs) {
  return new Promise((resolve2) => {
    execFile2(cmd, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: "1" } }, (err, stdout, stderr) => {
      const code = err ? typeof err.code === "number" ? Number(err.code) : 1 : 0;
      resolve2({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
async function findInterpreterFor(version, given = []) {
  const want = `${version[0]}.${version[1]}`;
  const candidates = [...given, `python${want}`];
  const pyenvVersions = path9.join(process.env.PYENV_ROOT ?? path9.join(process.env.HOME ?? "/root", ".pyenv"), "versions");
  if (existsSync(pyenvVersions)) {
    for (const v of (await readdir4(pyenvVersions)).sort().reverse()) {
      if (v === want || v.startsWith(`${want}.`)) candidates.push(path9.join(pyenvVersions, v, "bin", `python${want}`));
    }
  }
  for (const c of candidates) {
    const r = await run(c, ["-c", 'import sys; print("%d.%d" % sys.version_info[:2])'], 2e4);
    if (r.code === 0 && r.stdout.trim() === want) return c;
  }
  return void 0;
}
function waysOut(req) {
  return `Ways out: pick a version of ${req.project} that has a wheel for ${req.target.label} (pin it), put a wheel for it in a --find-links folder, or build on a machine that matches the target.`;
}
async function buildWheelFromSdist(req) {
  const [major, minor] = req.target.pythonVersion;
  const python = await findInterpreterFor([major, minor], req.interpreters);
  if (!python) {
    throw new JobError(
      `${req.project} ${req.version} has only a source distribution for ${req.target.label}, and building it needs CPython ${major}.${minor} on this machine (python${major}.${minor} on PATH), which was not found. ${waysOut(req)}`
    );
  }
  const sdistHash = createHash7("sha256").update(await readFile7(req.sdist)).digest("hex");
  const cacheKey2 = createHash7("sha256").update(`${sdistHash}\0${python}\0${req.target.label}`).digest("hex").slice(0, 32);
  const outDir = path9.join(req.cacheDir, "built-wheels", cacheKey2);
  const cached = existsSync(outDir) ? (await readdir4(outDir)).filter((f) => f.endsWith(".whl")) : [];
  if (cached.length === 1) return checkFits(path9.join(outDir, cached[0]), req);
  const temp = `${outDir}.tmp-${process.pid}-${randomBytes5(4).toString("hex")}`;
  await mkdir6(temp, { recursive: true });
  try {
    const r = await run(python, ["-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "--wheel-dir", temp, ...req.pipIndexArgs, req.sdist], 15 * 6e4);
    if (r.code !== 0) {
      const tail2 = (r.stderr || r.stdout).trim().split("\n").slice(-12).join("\n");
      throw new JobError(`building ${req.project} ${req.version} from ${path9.basename(req.sdist)} with ${python} failed:
${tail2}
${waysOut(req)}`);
    }
    const built = (await readdir4(temp)).filter((f) => f.endsWith(".whl"));
    if (built.length !== 1) throw new JobError(`building ${path9.basename(req.sdist)} made ${built.length} wheels instead of one.`);
    await mkdir6(path9.dirname(outDir), { recursive: true });
    try {
      await rename6(temp, outDir);
    } catch {
    }
  } finally {
    await rm3(temp, { recursive: true, force: true });
  }
  const files = (await readdir4(outDir)).filter((f) => f.endsWith(".whl"));
  return checkFits(path9.join(outDir, files[0]), req);
}
function checkFits(wheel, req) {
  const name = path9.basename(wheel);
  if (!wheelSupported(name, req.target)) {
    throw new JobError(`${req.project} ${req.version} was built here as ${name}, which does not fit ${req.target.label} (this machine is not that platform). ${waysOut(req)}`);
  }
  return wheel;
}

// src/core/inputs.ts
import { stat as stat7 } from "node:fs/promises";
import path10 from "node:path";
import { pathToFileURL as pathToFileURL3 } from "node:url";

// src/resolve/format-control.ts
var FormatControl = class {
  noBinary = /* @__PURE__ */ new Set();
  onlyBinary = /* @__PURE__ */ new Set();
  /** Applies one `--only-binary VALUE` or `--no-binary VALUE`. */
  apply(option, value) {
    const [target, other] = option === "--no-binary" ? [this.noBinary, this.onlyBinary] : [this.onlyBinary, this.noBinary];
    for (const raw of value.split(",")) {
      const name = raw.trim();
      if (name === "") continue;
      if (name === ":all:") {
        target.clear();
        other.clear();
        target.add(":all:");
      } else if (name === ":none:") {
        target.clear();
      } else {
        const canonical = canonicalName(name);
        other.delete(canonical);
        target.add(canonical);
      }
    }
  }
  /** pip's get_allowed_formats: a name named outright wins over `:all:`, --only-binary over --no-binary. */
  allowed(name) {
    if (this.onlyBinary.has(name)) return { wheel: true, sdist: false };
    if (this.noBinary.has(name)) return { wheel: false, sdist: true };
    if (this.onlyBinary.has(":all:")) return { wheel: true, sdist: false };
    if (this.noBinary.has(":all:")) return { wheel: false, sdist: true };
    return { wheel: true, sdist: true };
  }
};

// src/core/inputs.ts
async function isProjectArg(arg, cwd) {
  const dir = parseProjectSpec(arg).dir;
  if (/^(https?|file):\/\//i.test(dir) || dir.toLowerCase().endsWith(".whl")) return false;
  if (!(dir === "." || dir === ".." || dir.includes("/") || dir.includes(path10.sep))) return false;
  try {
    return (await stat7(path10.resolve(cwd, dir))).isDirectory();
  } catch {
    return false;
  }
}
async function isFile2(p) {
  try {
    return (await stat7(p)).isFile();
  } catch {
    return false;
  }
}
async function positionalRequirement(arg, cwd) {
  const isUrl = /^(https?|file):\/\//i.test(arg);
  if (arg.toLowerCase().endsWith(".whl") && !isDirectReference(arg)) {
    const filename = decodeURIComponent(isUrl ? new URL(arg).pathname.split("/").pop() : path10.basename(arg));
    const wheel = parseWheelFilename(filename);
    let url = arg;
    if (!isUrl) {
      const full = path10.resolve(cwd, arg);
      if (!await isFile2(full)) throw new UsageError(`wheel ${arg} does not exist; check the path.`);
      url = pathToFileURL3(full).href;
    }
    return parseRequirement(`${wheel.name} @ ${url}`);
  }
  try {
    return parseRequirement(arg);
  } catch (e) {
    throw new UsageError(`requirement '${arg}' is not valid: ${e.message.split("\n")[0]}. Write it as PEP 508, e.g. 'flask>=3' or 'name @ https://\u2026/file.whl'.`);
  }
}
function allowHash(mode, name, sha256, where) {
  const set = mode.allowed.get(name) ?? /* @__PURE__ */ new Set();
  set.add(sha256.toLowerCase());
  mode.allowed.set(name, set);
  if (!mode.origin.has(name)) mode.origin.set(name, where);
}
function entryHashes(entries, mode, cwd) {
  for (const e of entries) {
    const where = `${path10.relative(cwd, e.file) || e.file}:${e.line}`;
    for (const h of e.hashes) {
      const [alg, hex] = h.split(":");
      if (alg === "sha256") allowHash(mode, e.requirement.canonicalName, hex, where);
    }
    const fragment = urlSha256(e.requirement);
    if (fragment) allowHash(mode, e.requirement.canonicalName, fragment, where);
  }
}
function urlSha256(r) {
  return r.url ? /[#&]sha256=([0-9a-f]{64})\b/i.exec(r.url)?.[1] : void 0;
}
async function gatherInputs(req) {
  const cwd = req.cwd ?? process.cwd();
  const requirements = [];
  const constraints = [];
  const warnings = [];
  const index = {
    indexUrl: req.index.indexUrl,
    extraIndexUrls: [...req.index.extraIndexUrls ?? []],
    findLinks: [...req.index.findLinks ?? []],
    noIndex: req.index.noIndex ?? false,
    trustedHosts: [...req.index.trustedHosts ?? []]
  };
  const formatControl = new FormatControl();
  for (const f of req.formatOptions ?? []) formatControl.apply(f.option, f.value);
  let preferBinary = req.preferBinary ?? false;
  let pre = req.pre;
  const requested = [...req.requirements];
  let projectSpec = req.project;
  for (const arg of req.requirements) {
    if (await isProjectArg(arg, cwd)) {
      if (projectSpec) throw new UsageError(`two local projects are given (${projectSpec} and ${arg}); build one project per PEX, and list the other's wheel or requirements.`);
      projectSpec = arg;
      requested.splice(requested.indexOf(arg), 1);
    } else requirements.push(await positionalRequirement(arg, cwd));
  }
  const files = [];
  for (const f of req.requirementFiles) files.push(await readRequirementsFile(path10.resolve(cwd, f), { cwd }));
  for (const f of req.constraintFiles) files.push(await readRequirementsFile(path10.resolve(cwd, f), { cwd, constraint: true }));
  const hashReason = req.requireHashes ? "because of --require-hashes" : files.find((f) => f.requireHashes)?.hashModeReason;
  const hashMode = hashReason ? { reason: hashReason, allowed: /* @__PURE__ */ new Map(), origin: /* @__PURE__ */ new Map() } : void 0;
  for (const input of files) {
    if (hashMode) {
      input.requireHashes = true;
      checkHashMode(input, hashMode.reason);
    }
    for (const e of input.requirements) {
      requirements.push(e.wheel && !e.requirement.url ? parseRequirement(`${e.requirement.name} @ ${e.wheel.url}`) : e.requirement);
      requested.push(e.text);
    }
    constraints.push(...input.constraints.map((e) => e.requirement));
    if (hashMode) {
      entryHashes(input.requirements, hashMode, cwd);
      entryHashes(input.constraints, hashMode, cwd);
    }
    index.indexUrl ??= input.indexUrl;
    index.extraIndexUrls.push(...input.extraIndexUrls);
    index.findLinks.push(...input.findLinks);
    index.noIndex ||= input.noIndex;
    index.trustedHosts.push(...input.trustedHosts.filter((h) => !index.trustedHosts.includes(h)));
    for (const f of input.formatOptions) formatControl.apply(f.option, f.value);
    preferBinary ||= input.preferBinary;
    pre ||= input.pre;
    warnings.push(...input.warnings);
  }
  if (hashMode) {
    const commandLine = requirements.slice(0, req.requirements.filter((r) => r !== projectSpec).length);
    const unhashed = commandLine.filter((r) => !urlSha256(r));
    if (unhashed.length) {
      throw new UsageError(`hash-checking mode is on (${hashMode.reason}), so requirements given on the command line (${unhashed.map((r) => redactUrl(r.toString())).join(", ")}) cannot be checked; move them into a requirements file with their --hash, or give name @ URL#sha256=\u2026.`);
    }
    commandLine.forEach((r) => allowHash(hashMode, r.canonicalName, urlSha256(r), "the command line"));
  }
  let project;
  if (projectSpec) {
    project = await readProject(projectSpec, { cwd });
    requested.push(project.extras.length ? `${project.name}[${project.extras.join(",")}]` : project.name);
  }
  if (requirements.length === 0 && !project && !req.allowEmpty) {
    throw new UsageError("nothing to build: give requirements (e.g. flask>=3), -r requirements.txt, a project folder (. or --project DIR), --lock pylock.toml, wheel files, or your code with -D DIR.");
  }
  const urls = /* @__PURE__ */ new Map();
  for (const r of requirements) {
    if (!r.url) continue;
    const prior = urls.get(r.canonicalName);
    if (prior && prior !== r.url) throw new UsageError(`${r.name} is given twice with different locations (${prior} and ${r.url}); keep one.`);
    urls.set(r.canonicalName, r.url);
  }
  return { requirements, constraints, ...hashMode ? { hashMode } : {}, index, pre, formatControl, preferBinary, project, requested: requested.map(redactCredentials), warnings };
}

// src/core/resolve-targets.ts
import { createHash as createHash12 } from "node:crypto";
import { readFile as readFile13 } from "node:fs/promises";
import path18 from "node:path";
import { pathToFileURL as pathToFileURL6 } from "node:url";

// src/project/build.ts
import { randomBytes as randomBytes7 } from "node:crypto";
import { existsSync as existsSync5 } from "node:fs";
import { mkdir as mkdir8, readdir as readdir8, rename as rename8, rm as rm5, writeFile as writeFile5 } from "node:fs/promises";
import path16 from "node:path";

// src/project/files.ts
import { createHash as createHash8 } from "node:crypto";
import { existsSync as existsSync2 } from "node:fs";
import { readdir as readdir5, readFile as readFile8, stat as stat8 } from "node:fs/promises";
import path11 from "node:path";
var SKIPPED_DIRS = /* @__PURE__ */ new Set([".git", ".hg", ".svn", "__pycache__", ".venv", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".pixi", ".hatch"]);
var SKIPPED_TOP_DIRS = /* @__PURE__ */ new Set(["venv", "node_modules", "build", "dist"]);
async function listProjectFiles(root) {
  const files = [];
  const dirs = [];
  const walk = async (rel) => {
    const entries = await readdir5(rel ? path11.join(root, rel) : root, { withFileTypes: true });
    for (const e of entries) {
      const name = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink() && !await stat8(path11.join(root, name)).then((st) => st.isFile(), () => false)) continue;
      if (e.isDirectory()) {
        if (SKIPPED_DIRS.has(e.name) || !rel && SKIPPED_TOP_DIRS.has(e.name) || e.name.endsWith(".egg-info")) continue;
        dirs.push(name);
        await walk(name);
      } else if ((e.isFile() || e.isSymbolicLink()) && !/\.py[cod]$/.test(e.name) && e.name !== ".DS_Store") {
        files.push(name);
      }
    }
  };
  await walk("");
  return { files: files.sort(), dirs: dirs.sort() };
}
async function projectContentHash(root, files, extra) {
  const h = createHash8("sha256");
  h.update(`${extra}\0`);
  for (const f of files) {
    h.update(`${f}\0`);
    h.update(await readFile8(path11.join(root, f)));
    h.update("\0");
  }
  const head = path11.join(root, ".git", "HEAD");
  if (existsSync2(head)) {
    const text = (await readFile8(head, "utf8")).trim();
    h.update(text);
    const ref = /^ref: (.+)$/.exec(text)?.[1];
    if (ref && existsSync2(path11.join(root, ".git", ref))) h.update(await readFile8(path11.join(root, ".git", ref)));
  }
  return h.digest("hex");
}
function globToRegExp(glob) {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      out += ".*";
      i++;
      if (glob[i + 1] === "/") i++;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return out;
}
function parseGitignore(text) {
  const patterns = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, "");
    if (line === "" || line.startsWith("#")) continue;
    if (/^!|[[\]\\]/.test(line)) return `.gitignore line ${JSON.stringify(line)} uses syntax the native builder does not model`;
    let p = line;
    const dirOnly = p.endsWith("/");
    if (dirOnly) p = p.slice(0, -1);
    const anchored = p.startsWith("/") || p.slice(0, -1).includes("/");
    if (p.startsWith("/")) p = p.slice(1);
    const body = globToRegExp(p);
    const prefix = anchored ? "^" : "^(?:.*/)?";
    patterns.push(new RegExp(`${prefix}${body}${dirOnly ? "/" : "(?:/|$)"}`));
  }
  return { ignores: (file) => patterns.some((re) => re.test(file)) };
}
async function readIgnoreRules(root, files) {
  if (files.some((f) => f.includes("/") && f.endsWith("/.gitignore"))) return "a nested .gitignore is not modelled by the native builder";
  if (!files.includes(".gitignore")) return void 0;
  return parseGitignore(await readFile8(path11.join(root, ".gitignore"), "utf8"));
}

// src/project/metadata.ts
import { readFile as readFile9 } from "node:fs/promises";
import path12 from "node:path";
var NotNative = class extends Error {
};
function isTable2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
function strings(v, where) {
  if (v === void 0) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw new NotNative(`${where} is not an array of strings`);
  return v;
}
var LICENSE_GLOB = /^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)/;
var README_TYPES = { ".md": "text/markdown", ".rst": "text/x-rst", ".txt": "text/plain" };
async function readme(value, root) {
  if (value === void 0) return void 0;
  const fromFile = async (file, type) => {
    const t = type ?? README_TYPES[path12.extname(file).toLowerCase()];
    if (!t) throw new NotNative(`the readme ${file} has no known content type`);
    return { text: await readFile9(path12.join(root, file), "utf8"), type: t };
  };
  if (typeof value === "string") return fromFile(value);
  if (isTable2(value)) {
    const type = typeof value["content-type"] === "string" ? value["content-type"] : void 0;
    if (typeof value.file === "string") return fromFile(value.file, type);
    if (typeof value.text === "string" && type) return { text: value.text, type };
  }
  throw new NotNative("[project].readme has a form the native builder does not model");
}
function people(value, style) {
  if (value === void 0) return [];
  if (!Array.isArray(value)) throw new NotNative("[project].authors/maintainers is not an array");
  const names = [];
  const emails = [];
  for (const p of style === "first" ? value.slice(0, 1) : value) {
    if (!isTable2(p)) throw new NotNative("an author is not a table");
    const name = typeof p.name === "string" ? p.name : void 0;
    const email = typeof p.email === "string" ? p.email : void 0;
    if (style === "first") {
      if (name) names.push(name);
      if (email) emails.push(email);
    } else if (style === "uv") {
      if (name) names.push(name);
      if (email) emails.push(name ? `${name} <${email}>` : email);
    } else if (name && email) emails.push(`${name} <${email}>`);
    else if (email) emails.push(email);
    else if (name) names.push(name);
  }
  const out = [];
  if (names.length) out.push({ field: "", value: names.join(", ") });
  if (emails.length) out.push({ field: "-email", value: emails.join(", ") });
  return out;
}
function requirement(text, where) {
  try {
    return parseRequirement(text);
  } catch {
    throw new NotNative(`${where} holds the invalid requirement ${JSON.stringify(text)}`);
  }
}
function withExtra(r, extra, extraFirst) {
  const base = r.toString().split(";")[0].trim();
  const own = r.marker ? `(${r.marker.toString()})` : void 0;
  const marker = own ? extraFirst ? `extra == "${extra}" and ${own}` : `${own} and extra == "${extra}"` : `extra == "${extra}"`;
  return `${base}; ${marker}`;
}
function entryPointsText(project, style) {
  const separator = style.entryPointSeparator;
  let groups = [];
  if (isTable2(project.scripts)) groups.push(["console_scripts", project.scripts]);
  if (isTable2(project["gui-scripts"])) groups.push(["gui_scripts", project["gui-scripts"]]);
  if (project["entry-points"] !== void 0) {
    if (!isTable2(project["entry-points"])) throw new NotNative("[project.entry-points] is not a table");
    for (const [group, table2] of Object.entries(project["entry-points"])) {
      if (!isTable2(table2)) throw new NotNative(`[project.entry-points.${group}] is not a table`);
      groups.push([group, table2]);
    }
  }
  if (style.entryPointsSortedAlways) {
    const all = new Map([["console_scripts", {}], ["gui_scripts", {}], ...groups]);
    groups = [...all].sort((a, b) => a[0] < b[0] ? -1 : 1).map(([g, t]) => [g, Object.fromEntries(Object.entries(t).sort((a, b) => a[0] < b[0] ? -1 : 1))]);
  }
  const sections = groups.filter(([, table2]) => style.entryPointsSortedAlways || Object.keys(table2).length > 0).map(([group, table2]) => {
    const lines = Object.entries(table2).map(([name, value]) => {
      if (typeof value !== "string") throw new NotNative(`entry point ${group}.${name} is not a string`);
      return `${name}${separator}${value}`;
    });
    return `[${group}]
${lines.map((l) => `${l}
`).join("")}`;
  });
  if (!sections.length) return void 0;
  if (style.entryPointsSortedAlways) return sections.map((x) => `${x}
`).join("");
  return sections.join("\n") + (style.entryPointsEndBlank ? "\n" : "");
}
async function projectMetadata(project, root, rootFiles, style, version) {
  const dynamic = strings(project.dynamic, "[project].dynamic").filter((d) => !(d === "version" && version !== void 0));
  if (dynamic.length) throw new NotNative(`[project].dynamic lists ${dynamic.join(", ")}, which only the backend can compute`);
  const name = project.name;
  if (typeof name !== "string") throw new NotNative("[project].name is missing");
  const rawVersion = version ?? project.version;
  if (typeof rawVersion !== "string") throw new NotNative("[project].version is missing");
  let normalVersion;
  try {
    normalVersion = parseVersion(rawVersion).toString();
  } catch {
    throw new NotNative(`the version ${JSON.stringify(rawVersion)} is not PEP 440`);
  }
  const h = [];
  const add = (field, value) => {
    if (value !== void 0 && value !== "") h.push([field, value]);
  };
  add("Metadata-Version", style.metadataVersion);
  add("Name", name);
  add("Version", normalVersion);
  if (project.description !== void 0 && typeof project.description !== "string") throw new NotNative("[project].description is not a string");
  add("Summary", project.description);
  if (project.urls !== void 0) {
    if (!isTable2(project.urls)) throw new NotNative("[project.urls] is not a table");
    for (const [label, url] of Object.entries(project.urls)) add("Project-URL", `${label}, ${String(url)}`);
  }
  for (const p of people(project.authors, style.authors)) add(`Author${p.field}`, p.value);
  for (const p of people(project.maintainers, style.authors)) add(`Maintainer${p.field}`, p.value);
  const license = project.license;
  if (typeof license === "string") add("License-Expression", license);
  else if (isTable2(license) && typeof license.text === "string" && license.file === void 0) add("License", license.text);
  else if (license !== void 0) throw new NotNative("[project].license = {file = \u2026} is read differently by each backend");
  if (project["license-files"] !== void 0) throw new NotNative("[project].license-files globs are left to the backend");
  const licenseFiles = style.noDefaultLicenseFiles ? [] : rootFiles.filter((f) => (style.licenseGlob ?? LICENSE_GLOB).test(f)).sort();
  if (!style.undeclaredLicenseFiles) for (const f of licenseFiles) add("License-File", f);
  const keywords = strings(project.keywords, "[project].keywords");
  if (keywords.length) add("Keywords", keywords.join(","));
  const classifiers = strings(project.classifiers, "[project].classifiers");
  for (const c of style.sortClassifiers ? [...classifiers].sort() : classifiers) add("Classifier", c);
  if (project["requires-python"] !== void 0) add("Requires-Python", String(project["requires-python"]));
  for (const text2 of strings(project.dependencies, "[project].dependencies")) add("Requires-Dist", requirement(text2, "[project].dependencies").toString());
  if (project["optional-dependencies"] !== void 0) {
    if (!isTable2(project["optional-dependencies"])) throw new NotNative("[project.optional-dependencies] is not a table");
    const extras = Object.entries(project["optional-dependencies"]).map(([extra, list]) => [canonicalExtra(extra), list]);
    for (const [extra, list] of extras.sort((a, b) => a[0] < b[0] ? -1 : 1)) {
      add("Provides-Extra", extra);
      for (const text2 of strings(list, `[project.optional-dependencies].${extra}`)) add("Requires-Dist", withExtra(requirement(text2, `extra ${extra}`), extra, style.extraMarkerFirst ?? false));
    }
  }
  for (const n of style.importNames ?? []) add("Import-Name", n);
  const description = await readme(project.readme, root);
  add("Description-Content-Type", description?.type);
  let text = h.map(([f, v]) => `${f}: ${v.replace(/\r?\n/g, " ")}
`).join("");
  if (description) text += `
${description.text}`;
  return { name, version: normalVersion, metadata: text, entryPoints: entryPointsText(project, style), licenseFiles };
}

// src/project/native.ts
import { createHash as createHash9 } from "node:crypto";
import { existsSync as existsSync3 } from "node:fs";
import { readdir as readdir6, readFile as readFile10 } from "node:fs/promises";
import path13 from "node:path";
function isTable3(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
function table(v, where) {
  if (v === void 0) return {};
  if (!isTable3(v)) throw new NotNative(`${where} is not a table`);
  return v;
}
function onlyKeys(t, allowed, where) {
  const other = Object.keys(t).filter((k) => !allowed.includes(k));
  if (other.length) throw new NotNative(`${where} sets ${other.join(", ")}, which the native builder does not model`);
}
var IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
function filesUnder(files, dir, into, out) {
  const prefix = dir ? `${dir}/` : "";
  for (const f of files) if (f.startsWith(prefix)) out.set(`${into}/${f.slice(prefix.length)}`, f);
}
function dropIgnored(out, rules) {
  if (!rules) return;
  for (const [wheelPath, src] of out) if (rules.ignores(src)) out.delete(wheelPath);
}
async function ignoreRules(p) {
  const rules = await readIgnoreRules(p.dir, p.files.files);
  if (typeof rules === "string") throw new NotNative(rules);
  return rules;
}
async function versionFromFile(file) {
  let text;
  try {
    text = await readFile10(file, "utf8");
  } catch {
    throw new NotNative(`cannot read ${file} for the version`);
  }
  const m = /^(?:__version__|VERSION) *= *(['"])v?(.+?)\1/im.exec(text);
  if (!m) throw new NotNative(`${file} has no plain __version__ = "\u2026" line`);
  return m[2];
}
var BASE_STYLE = { authors: "pep621", sortClassifiers: false };
async function hatchling(p, project) {
  const hatch = table(table(p.doc.tool, "[tool]").hatch, "[tool.hatch]");
  onlyKeys(hatch, ["build", "version", "metadata", "envs", "publish"], "[tool.hatch]");
  const metadataConfig = table(hatch.metadata, "[tool.hatch.metadata]");
  onlyKeys(metadataConfig, ["allow-direct-references"], "[tool.hatch.metadata]");
  const build2 = table(hatch.build, "[tool.hatch.build]");
  onlyKeys(build2, ["targets"], "[tool.hatch.build]");
  const targets = table(build2.targets, "[tool.hatch.build.targets]");
  onlyKeys(targets, ["wheel", "sdist"], "[tool.hatch.build.targets]");
  const wheel = table(targets.wheel, "[tool.hatch.build.targets.wheel]");
  onlyKeys(wheel, ["packages"], "[tool.hatch.build.targets.wheel]");
  let version;
  if (hatch.version !== void 0) {
    const v = table(hatch.version, "[tool.hatch.version]");
    onlyKeys(v, ["path"], "[tool.hatch.version]");
    if (typeof v.path !== "string") throw new NotNative("[tool.hatch.version] has no path");
    version = await versionFromFile(path13.join(p.dir, v.path));
  }
  const files = p.files.files;
  const shipped = /* @__PURE__ */ new Map();
  if (wheel.packages !== void 0) {
    if (!Array.isArray(wheel.packages) || wheel.packages.some((x) => typeof x !== "string")) throw new NotNative("packages is not a list of folders");
    for (const pkg of wheel.packages) {
      const dir = pkg.replace(/^\.\//, "").replace(/\/+$/, "");
      if (/[*?[]/.test(dir)) throw new NotNative(`the package ${pkg} is a glob`);
      filesUnder(files, dir, path13.posix.basename(dir), shipped);
    }
  } else {
    const component = (n) => n.replace(/[^\w.]+/gu, "_");
    const raw = String(project.name);
    let found = false;
    for (const n of [component(raw), component(canonicalName(raw))]) {
      if (files.includes(`${n}/__init__.py`)) filesUnder(files, n, n, shipped);
      else if (files.includes(`src/${n}/__init__.py`)) filesUnder(files, `src/${n}`, n, shipped);
      else if (files.includes(`${n}.py`)) shipped.set(`${n}.py`, `${n}.py`);
      else continue;
      found = true;
      break;
    }
    if (!found) throw new NotNative("hatchling would look further (namespace packages) or fail: no package named after the project");
  }
  dropIgnored(shipped, await ignoreRules(p));
  return { backend: "hatchling", style: { ...BASE_STYLE, metadataVersion: "2.5", sortClassifiers: true, entryPointSeparator: " = " }, shipped, version };
}
async function flit(p, project) {
  const flitTool = table(table(p.doc.tool, "[tool]").flit, "[tool.flit]");
  onlyKeys(flitTool, ["module", "sdist"], "[tool.flit]");
  const moduleTable = table(flitTool.module, "[tool.flit.module]");
  onlyKeys(moduleTable, ["name"], "[tool.flit.module]");
  const module = typeof moduleTable.name === "string" ? moduleTable.name : String(project.name).replace(/-/g, "_");
  if (module.includes(".")) throw new NotNative("a namespace module (dotted [tool.flit.module] name) is left to flit");
  const files = p.files.files;
  const candidates = [`${module}/__init__.py`, `${module}.py`, `src/${module}/__init__.py`, `src/${module}.py`].filter((c) => files.includes(c));
  if (candidates.length !== 1) throw new NotNative(`flit would find ${candidates.length} places for the module ${module}`);
  const shipped = /* @__PURE__ */ new Map();
  const found = candidates[0];
  if (found.endsWith("/__init__.py")) filesUnder(files, path13.posix.dirname(found), module, shipped);
  else shipped.set(`${module}.py`, found);
  let version;
  const dynamic = Array.isArray(project.dynamic) ? project.dynamic : [];
  if (dynamic.includes("version")) version = await versionFromFile(path13.join(p.dir, found));
  return { backend: "flit-core", style: { ...BASE_STYLE, metadataVersion: "2.5", entryPointSeparator: "=", entryPointsEndBlank: true, extraMarkerFirst: true, importNames: [module] }, shipped, version };
}
function packageFolder(base, pkg) {
  return [base, ...pkg.split(".")].filter((x) => x && x !== ".").join("/");
}
function findPackages(dirs, where, include, exclude, flat) {
  const prefix = where === "." || where === "" ? "" : `${where}/`;
  const glob = (pattern) => new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  const inc = include.map(glob);
  const exc = exclude.map(glob);
  const out = [];
  for (const d of dirs) {
    if (!d.startsWith(prefix)) continue;
    const parts = d.slice(prefix.length).split("/");
    if (!parts.every((x, i) => IDENTIFIER.test(x) || i === 0 && flat && x.endsWith("-stubs"))) continue;
    const name = parts.join(".");
    if (parts.slice(0, -1).some((_, i) => exclude.includes(`${parts.slice(0, i + 1).join(".")}.*`) || exclude.includes(`${parts.slice(0, i + 1).join(".")}*`))) continue;
    if (inc.some((r) => r.test(name)) && !exc.some((r) => r.test(name))) out.push(name);
  }
  return out;
}
var FLAT_EXCLUDE = ["ci", "bin", "debian", "doc", "docs", "documentation", "manpages", "news", "newsfragments", "changelog", "test", "tests", "unit_test", "unit_tests", "example", "examples", "scripts", "tools", "util", "utils", "python", "build", "dist", "venv", "env", "requirements", "tasks", "fabfile", "site_scons", "benchmark", "benchmarks", "exercise", "exercises", "htmlcov", "[._]*"];
async function setuptools(p) {
  const files = p.files.files;
  for (const f of ["setup.py", "setup.cfg", "MANIFEST.in"]) if (files.includes(f)) throw new NotNative(`${f} configures setuptools in ways only setuptools reads`);
  const requires = Array.isArray(table(p.doc["build-system"], "[build-system]").requires) ? table(p.doc["build-system"], "[build-system]").requires : [];
  if (requires.some((r) => /^setuptools[-_.]?scm/i.test(r))) throw new NotNative("setuptools-scm decides the version and the files");
  const st = table(table(p.doc.tool, "[tool]").setuptools, "[tool.setuptools]");
  onlyKeys(st, ["packages", "package-dir", "package-data", "include-package-data", "py-modules", "zip-safe", "platforms"], "[tool.setuptools]");
  const packageDir = table(st["package-dir"], "[tool.setuptools.package-dir]");
  onlyKeys(packageDir, [""], "[tool.setuptools.package-dir]");
  let base = typeof packageDir[""] === "string" ? packageDir[""].replace(/\/+$/, "") : "";
  let packages = [];
  let modules = [];
  if (Array.isArray(st["py-modules"])) modules = st["py-modules"];
  if (Array.isArray(st.packages)) packages = st.packages;
  else if (isTable3(st.packages)) {
    const find = table(st.packages.find, "[tool.setuptools.packages.find]");
    onlyKeys(find, ["where", "include", "exclude", "namespaces"], "[tool.setuptools.packages.find]");
    const where = Array.isArray(find.where) ? find.where : ["."];
    if (where.length !== 1) throw new NotNative("several find.where folders");
    const w = where[0].replace(/^\.\//, "").replace(/\/+$/, "");
    if (find.namespaces === false) throw new NotNative("find with namespaces = false is left to setuptools");
    packages = findPackages(p.files.dirs, w, Array.isArray(find.include) ? find.include : ["*"], Array.isArray(find.exclude) ? find.exclude : [], false);
    if (w !== "." && w !== "") base = w;
  } else if (st.packages !== void 0) throw new NotNative("[tool.setuptools].packages has an unknown form");
  else if (st["py-modules"] === void 0) {
    const src = base || "src";
    if (p.files.dirs.includes(src)) {
      base = src;
      packages = findPackages(p.files.dirs, src, ["*"], [], false);
      modules = files.filter((f) => f.startsWith(`${src}/`) && !f.slice(src.length + 1).includes("/") && f.endsWith(".py")).map((f) => f.slice(src.length + 1, -3));
    } else {
      const top = (await readdir6(p.dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
      const flatDirs = [.../* @__PURE__ */ new Set([...top, ...p.files.dirs])].sort();
      const excluded = FLAT_EXCLUDE.flatMap((x) => [x, `${x}.*`]);
      packages = findPackages(flatDirs, "", ["*"], excluded, true);
      const topLevel2 = packages.filter((x) => !x.includes("."));
      if (topLevel2.length > 1) throw new NotNative(`setuptools refuses a flat layout with several top-level packages (${topLevel2.join(", ")})`);
      if (topLevel2.length === 0) throw new NotNative("flat-layout modules are left to setuptools");
    }
  }
  for (const m of modules) if (!IDENTIFIER.test(m)) throw new NotNative(`the module name ${m} is not modelled`);
  const shipped = /* @__PURE__ */ new Map();
  const has = new Set(files);
  for (const pkg of packages) {
    const folder = packageFolder(base, pkg);
    const into = pkg.split(".").join("/");
    for (const f of files) {
      if (path13.posix.dirname(f) === folder && f.endsWith(".py")) shipped.set(`${into}/${path13.posix.basename(f)}`, f);
    }
  }
  for (const m of modules) {
    const f = packageFolder(base, m) + ".py";
    if (has.has(f)) shipped.set(`${m}.py`, f);
  }
  const data = table(st["package-data"], "[tool.setuptools.package-data]");
  for (const [key, globs] of Object.entries(data)) {
    if (!Array.isArray(globs)) throw new NotNative(`package-data.${key} is not a list`);
    const targets = key === "*" ? packages : packages.filter((x) => x === key);
    for (const pkg of targets) {
      const folder = packageFolder(base, pkg);
      for (const g of globs) {
        if (/[[\]]/.test(g)) throw new NotNative(`the package-data glob ${g} is not modelled`);
        const re = new RegExp(`^${g.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*\*\//g, "(?:.*/)?").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")}$`);
        for (const f of files) {
          if (!f.startsWith(`${folder}/`)) continue;
          const rel = f.slice(folder.length + 1);
          if (re.test(rel)) shipped.set(`${pkg.split(".").join("/")}/${rel}`, f);
        }
      }
    }
  }
  const topLevel = [.../* @__PURE__ */ new Set([...packages.map((x) => x.split(".")[0]), ...modules])].sort();
  return {
    backend: "setuptools",
    style: { ...BASE_STYLE, metadataVersion: "2.4", entryPointSeparator: " = " },
    shipped,
    distInfo: { "top_level.txt": topLevel.map((t) => `${t}
`).join("") },
    dynamicLicenseFile: true
  };
}
async function poetry(p, project) {
  const tool = table(table(p.doc.tool, "[tool]").poetry, "[tool.poetry]");
  onlyKeys(tool, ["packages", "group", "requires-poetry"], "[tool.poetry]");
  const files = p.files.files;
  const shipped = /* @__PURE__ */ new Map();
  if (tool.packages !== void 0) {
    if (!Array.isArray(tool.packages)) throw new NotNative("[tool.poetry].packages is not a list");
    for (const entry of tool.packages) {
      const e = table(entry, "a [tool.poetry].packages entry");
      onlyKeys(e, ["include", "from", "format"], "a [tool.poetry].packages entry");
      if (typeof e.include !== "string" || /[*?[]/.test(e.include)) throw new NotNative("a package include that is a glob is left to poetry-core");
      if (e.format !== void 0) {
        const formats = Array.isArray(e.format) ? e.format : [e.format];
        if (!formats.includes("wheel")) continue;
      }
      const from = typeof e.from === "string" ? e.from.replace(/^\.\//, "").replace(/\/+$/, "") : "";
      const dir = from ? `${from}/${e.include}` : e.include;
      if (files.includes(`${dir}.py`)) shipped.set(`${e.include}.py`, `${dir}.py`);
      else filesUnder(files, dir, e.include, shipped);
    }
  } else {
    const module = canonicalName(String(project.name)).replace(/-/g, "_");
    if (files.includes(`${module}/__init__.py`)) filesUnder(files, module, module, shipped);
    else if (files.includes(`src/${module}/__init__.py`)) filesUnder(files, `src/${module}`, module, shipped);
    else if (files.includes(`${module}.py`)) shipped.set(`${module}.py`, `${module}.py`);
    else throw new NotNative(`poetry-core would not find a package named ${module}`);
  }
  if (inGitCheckout(p.dir)) dropIgnored(shipped, await ignoreRules(p));
  return { backend: "poetry-core", style: { metadataVersion: "2.4", authors: "first", sortClassifiers: false, entryPointSeparator: "=", entryPointsEndBlank: true }, shipped };
}
async function uvBuild(p, project) {
  const settings = table(table(table(p.doc.tool, "[tool]").uv, "[tool.uv]")["build-backend"], "[tool.uv.build-backend]");
  onlyKeys(settings, ["module-root", "module-name", "source-include"], "[tool.uv.build-backend]");
  const root = typeof settings["module-root"] === "string" ? settings["module-root"].replace(/^\.\/?/, "").replace(/\/+$/, "") : "src";
  const name = settings["module-name"] ?? canonicalName(String(project.name)).replace(/-/g, "_");
  if (typeof name !== "string" || !IDENTIFIER.test(name)) throw new NotNative("a dotted, list or stubs module-name is left to uv_build");
  const dir = root ? `${root}/${name}` : name;
  if (!p.files.files.includes(`${dir}/__init__.py`)) throw new NotNative(`uv_build would fail: ${dir}/__init__.py is missing`);
  const shipped = /* @__PURE__ */ new Map();
  filesUnder(p.files.files, dir, name, shipped);
  const metadataVersion = typeof project.license === "string" ? "2.4" : "2.3";
  return { backend: "uv_build", style: { ...BASE_STYLE, authors: "uv", metadataVersion, entryPointSeparator: " = ", entryPointsEndBlank: true, noDefaultLicenseFiles: true }, shipped };
}
async function pdmBackend(p, project) {
  const pdmTool = table(table(p.doc.tool, "[tool]").pdm, "[tool.pdm]");
  if (pdmTool.version !== void 0) throw new NotNative("[tool.pdm.version] computes the version");
  const build2 = table(pdmTool.build, "[tool.pdm.build]");
  onlyKeys(build2, ["package-dir"], "[tool.pdm.build]");
  const files = p.files.files;
  if (files.includes("pdm_build.py")) throw new NotNative("pdm_build.py is a build hook");
  const base = typeof build2["package-dir"] === "string" ? build2["package-dir"].replace(/\/+$/, "") : p.files.dirs.includes("src") ? "src" : "";
  const prefix = base ? `${base}/` : "";
  const packages = p.files.dirs.filter((d) => d.startsWith(prefix) && !d.slice(prefix.length).includes("/")).map((d) => d.slice(prefix.length)).filter((d) => d !== "__pypackages__" && files.includes(`${prefix}${d}/__init__.py`) && !(base === "" && d === "tests"));
  const shipped = /* @__PURE__ */ new Map();
  for (const pkg of packages) filesUnder(files, `${prefix}${pkg}`, pkg, shipped);
  if (packages.length === 0) {
    for (const f of files) if (f.startsWith(prefix) && !f.slice(prefix.length).includes("/") && f.endsWith(".py")) shipped.set(f.slice(prefix.length), f);
  }
  const metadataVersion = typeof project.license === "string" || project["license-files"] !== void 0 ? "2.4" : "2.3";
  return {
    backend: "pdm-backend",
    style: { ...BASE_STYLE, metadataVersion, entryPointSeparator: " = ", entryPointsSortedAlways: true, licenseGlob: /^(LICEN[CS]E|COPYING|NOTICE)/, undeclaredLicenseFiles: true },
    shipped
  };
}
function inGitCheckout(dir) {
  for (let d = path13.resolve(dir); ; d = path13.dirname(d)) {
    if (existsSync3(path13.join(d, ".git"))) return true;
    if (path13.dirname(d) === d) return false;
  }
}
var PEP621_KEYS = /* @__PURE__ */ new Set(["name", "version", "description", "readme", "requires-python", "license", "license-files", "authors", "maintainers", "keywords", "classifiers", "urls", "scripts", "gui-scripts", "entry-points", "dependencies", "optional-dependencies", "dynamic"]);
var BACKENDS = {
  "hatchling.build": hatchling,
  "flit_core.buildapi": flit,
  "setuptools.build_meta": setuptools,
  "poetry.core.masonry.api": poetry,
  uv_build: uvBuild,
  "pdm.backend": pdmBackend
};
function recordHash(data) {
  return createHash9("sha256").update(data).digest("base64url");
}
async function buildNative(p) {
  const buildSystem = table(p.doc["build-system"], "[build-system]");
  if (buildSystem["backend-path"] !== void 0) throw new NotNative("an in-tree backend (backend-path) is custom code");
  const backendName = typeof buildSystem["build-backend"] === "string" ? buildSystem["build-backend"] : void 0;
  const rule = backendName ? BACKENDS[backendName] : void 0;
  if (!rule) throw new NotNative(backendName ? `the backend ${backendName} is not one the native builder models` : "no [build-system].build-backend (legacy setuptools)");
  const project = table(p.doc.project, "[project]");
  if (Object.keys(project).length === 0) throw new NotNative("there is no [project] table");
  const unknown = Object.keys(project).filter((k) => !PEP621_KEYS.has(k));
  if (unknown.length) throw new NotNative(`[project] sets ${unknown.join(", ")}, which the native builder does not model`);
  if (p.files.files.some((f) => /\.(c|cc|cpp|cxx|pyx|rs|f90)$/i.test(f) && !f.includes("/tests/"))) throw new NotNative("the project holds native sources");
  const plan = await rule(p, project);
  if (plan.shipped.size === 0) throw new NotNative(`${plan.backend} would ship no files`);
  const rootFiles = p.files.files.filter((f) => !f.includes("/"));
  const meta = await projectMetadata(project, p.dir, rootFiles, plan.style, plan.version);
  const dist = `${canonicalName(meta.name).replace(/-/g, "_")}-${meta.version.replace(/-/g, "_")}`;
  const distInfo = `${dist}.dist-info`;
  const entries = [];
  for (const wheelPath of [...plan.shipped.keys()].sort()) {
    if (wheelPath.startsWith(`${distInfo}/`)) throw new NotNative(`the project ships its own ${wheelPath}`);
    entries.push([wheelPath, await readFile10(path13.join(p.dir, plan.shipped.get(wheelPath)))]);
  }
  let metadata = meta.metadata;
  if (plan.dynamicLicenseFile && meta.licenseFiles.length) {
    const split = metadata.indexOf("\n\n");
    const head = split < 0 ? metadata : metadata.slice(0, split + 1);
    metadata = `${head}Dynamic: license-file
${split < 0 ? "" : metadata.slice(split + 1)}`;
  }
  entries.push([`${distInfo}/METADATA`, Buffer.from(metadata)]);
  entries.push([`${distInfo}/WHEEL`, Buffer.from(`Wheel-Version: 1.0
Generator: pexship ${PEXSHIP_VERSION} (as ${plan.backend})
Root-Is-Purelib: true
Tag: py3-none-any
`)]);
  if (meta.entryPoints) entries.push([`${distInfo}/entry_points.txt`, Buffer.from(meta.entryPoints)]);
  for (const f of meta.licenseFiles) entries.push([`${distInfo}/licenses/${f}`, await readFile10(path13.join(p.dir, f))]);
  for (const [name, text] of Object.entries(plan.distInfo ?? {})) entries.push([`${distInfo}/${name}`, Buffer.from(text)]);
  const record = entries.map(([name, data]) => `${name},sha256=${recordHash(data)},${data.length}
`).join("") + `${distInfo}/RECORD,,
`;
  entries.push([`${distInfo}/RECORD`, Buffer.from(record)]);
  const members = entries.map(([name, content]) => ({ name, mode: 33188, content }));
  return { filename: `${dist}-py3-none-any.whl`, backend: plan.backend, chunks: writeZip(Buffer.alloc(0), members, true), shipped: plan.shipped };
}

// src/project/pep517.ts
import { execFile as execFile4 } from "node:child_process";
import { createHash as createHash11, randomBytes as randomBytes6 } from "node:crypto";
import { existsSync as existsSync4 } from "node:fs";
import { copyFile, mkdir as mkdir7, readdir as readdir7, rename as rename7, rm as rm4, symlink, writeFile as writeFile4 } from "node:fs/promises";
import path15 from "node:path";
import { inflateRawSync as inflateRawSync2 } from "node:zlib";

// src/python/platform.ts
import { execFile as execFile3 } from "node:child_process";
import { readFile as readFile11 } from "node:fs/promises";

// src/python/probe-cache.ts
import { createHash as createHash10 } from "node:crypto";
import { accessSync, closeSync, constants, openSync, readFileSync as readFileSync3, readSync, realpathSync, statSync } from "node:fs";
import path14 from "node:path";
function locate(name, env) {
  if (name.includes("/")) return path14.resolve(name);
  for (const dir of (env.PATH ?? "").split(path14.delimiter)) {
    if (!dir) continue;
    const candidate = path14.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return path14.resolve(candidate);
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
    key = { path: file, realpath: realpathSync(file), size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, probe: createHash10("sha256").update(probeScript).digest("hex") };
  } catch {
    return probe();
  }
  const recordFile = path14.join(cacheDir, "interpreters", `${createHash10("sha256").update(key.path).digest("hex")}.json`);
  try {
    const record = JSON.parse(readFileSync3(recordFile, "utf8"));
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
  let os3;
  if (env.sys_platform === "darwin") os3 = "macos";
  else if (env.sys_platform === "win32") os3 = "windows";
  else if (env.sys_platform.startsWith("linux")) os3 = platformTag?.startsWith("musllinux") ? "musllinux" : "linux";
  else os3 = env.sys_platform || "unknown";
  return `${os3}-${machine}-${abi}`.replace(/[^A-Za-z0-9_.-]/g, "_");
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
    text = await readFile11(file, "utf8");
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
import json, os, platform, re, sys, sysconfig

def fmt(info):
    v = "%d.%d.%d" % (info.major, info.minor, info.micro)
    if info.releaselevel != "final":
        v += info.releaselevel[0] + str(info.serial)
    return v

env = {
    "implementation_name": sys.implementation.name,
    "implementation_version": fmt(sys.implementation.version),
    "os_name": os.name,
    "platform_machine": platform.machine(),
    "platform_python_implementation": platform.python_implementation(),
    "platform_release": platform.release(),
    "platform_system": platform.system(),
    "platform_version": platform.version(),
    "python_full_version": platform.python_version(),
    "python_version": ".".join(platform.python_version_tuple()[:2]),
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
        import subprocess
        try:
            p = subprocess.Popen(["ldd", "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            out = p.communicate()[0].decode("utf-8", "replace")
            m = re.search(r"musl libc.*?Version (\d+)\.(\d+)", out, re.S)
            if m:
                musl = [int(m.group(1)), int(m.group(2))]
        except OSError:
            pass
print(json.dumps({
    "marker_environment": env,
    "executable": sys.executable,
    "sysconfig_platform": sysconfig.get_platform(),
    "glibc": glibc,
    "musl": musl,
    "mac_ver": platform.mac_ver()[0],
    "py_debug": bool(sysconfig.get_config_var("Py_DEBUG")),
    "gil_disabled": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
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
    execFile3(interpreter, ["-I", "-S", "-c", PROBE_SCRIPT], { encoding: "utf8", timeout: 6e4, maxBuffer: 1 << 20 }, (error, out, err) => {
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
import { pathToFileURL as pathToFileURL4 } from "node:url";

// src/resolve/dependency-config.ts
var PROJECT = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*=\s*([A-Za-z0-9].*)$/;
function parse2(flag, text) {
  try {
    return parseRequirement(text.trim());
  } catch (e) {
    throw new UsageError(`${flag} '${text}' is not a requirement: ${e.message.split("\n")[0]}. Write it as PEP 508, e.g. ${flag} 'cowsay==5.0'.`);
  }
}
function parseOverride(text) {
  const m = PROJECT.exec(text);
  const requirement2 = parse2("--override", m ? m[2] : text);
  if (requirement2.url !== null) {
    throw new UsageError(`--override '${text}' names a URL; an override is a project name with a version specifier, extras or a marker.`);
  }
  return { project: canonicalName(m ? m[1] : requirement2.name), requirement: requirement2, text: text.trim() };
}
function parseExclude(text) {
  const requirement2 = parse2("--exclude", text);
  if (requirement2.url !== null) throw new UsageError(`--exclude '${text}' names a URL; give the project name (and a version specifier if needed).`);
  return requirement2;
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
  load(file, name, version, isWheel2) {
    const key = isWheel2 ? `${name}==${version.toString()}` : `url:${file.url}`;
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
var SDIST_SUFFIXES2 = [".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tbz", ".txz", ".tar", ".zip"];
function isSdistName(filename) {
  const lower = filename.toLowerCase();
  return SDIST_SUFFIXES2.some((s) => lower.endsWith(s));
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
      const isWheel2 = file.filename.toLowerCase().endsWith(".whl");
      let dist;
      try {
        dist = await this.options.metadata.load(file, c.name, c.version, isWheel2 && c.kind === "index");
      } catch (err) {
        if (err instanceof MetadataProblem || err instanceof InvalidMetadata || !isWheel2) {
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
  if (!/^[a-z][a-z0-9+.-]*:/i.test(href) || /^[a-z]:[\\/]/i.test(href)) href = pathToFileURL4(href).toString();
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
  userRequested = /* @__PURE__ */ new Map();
  conflictCriteria;
  /** The criteria when the last conflict was met (for explaining who asked for what). */
  lastCriteria() {
    return this.conflictCriteria ?? (this.states.length ? this.state.criteria : /* @__PURE__ */ new Map());
  }
  get state() {
    return this.states[this.states.length - 1];
  }
  async resolve(roots) {
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
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const unsatisfied = [...this.state.criteria.entries()].filter(([id, c]) => !this.isCurrentPinSatisfying(id, c)).map(([id]) => id);
      if (unsatisfied.length === 0) return { mapping: this.state.mapping, criteria: this.state.criteria };
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
    return criterion.information.every((i) => this.provider.isSatisfiedBy(i.req, pin));
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
        brokenState = this.states.pop();
        const last = brokenState ? [...brokenState.mapping.entries()].pop() : void 0;
        if (!brokenState || !last) throw new ResolutionImpossible(causes);
        [name, candidate] = last;
        brokenState.mapping.delete(name);
        const current = new Set((candidate.deps ?? []).map((d) => d.identifier));
        incompatibleState = [...current].some((d) => incompatibleDeps.has(d));
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
  const byName2 = /* @__PURE__ */ new Map();
  for (const c of constraints) {
    if (c.marker && !evaluateMarker(c.marker, env)) continue;
    if (c.url !== null) throw new UsageError(`The constraint ${c.toString()} names a URL; constraints can only limit versions (name and specifier).`);
    const name = canonicalName(c.name);
    const prior = byName2.get(name);
    byName2.set(name, prior ? new SpecifierSet([...prior.specifiers, ...c.specifier.specifiers]) : c.specifier);
  }
  return byName2;
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
  const byName2 = /* @__PURE__ */ new Map();
  const entry = (name) => {
    let e = byName2.get(name);
    if (!e) byName2.set(name, e = { extras: /* @__PURE__ */ new Set(), requested: false, requiredBy: /* @__PURE__ */ new Set(), dependencies: /* @__PURE__ */ new Set() });
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
  for (const [name, e] of byName2) {
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
      dependencies: [...e.dependencies].filter((d) => byName2.get(d)?.base).sort(),
      ...c.kind === "url" ? { url: c.file.url } : {},
      ...c.dist?.requiresPythonText ? { requiresPython: c.dist.requiresPythonText } : {}
    });
  }
  return out.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function withoutExcluded(dists, config, env) {
  const versioned = config?.excludes.filter((e) => e.specifier.size > 0 && (!e.marker || evaluateMarker(e.marker, env))) ?? [];
  if (!versioned.length) return dists;
  const byName2 = new Map(dists.map((d) => [d.name, d]));
  const excluded = new Set(dists.filter((d) => versioned.some((e) => e.canonicalName === d.name && e.specifier.contains(d.version, { prereleases: true }))).map((d) => d.name));
  const kept = /* @__PURE__ */ new Set();
  const visit = (name) => {
    if (kept.has(name) || excluded.has(name) || !byName2.has(name)) return;
    kept.add(name);
    byName2.get(name).dependencies.forEach(visit);
  };
  dists.filter((d) => d.requested).forEach((d) => visit(d.name));
  return dists.filter((d) => kept.has(d.name)).map((d) => ({ ...d, requiredBy: d.requiredBy.filter((n) => kept.has(n)), dependencies: d.dependencies.filter((n) => kept.has(n)) }));
}

// src/project/pep517-driver.py
var pep517_driver_default = `"""Calls one PEP 517 hook of a build backend; run by pexship inside an isolated build environment.

usage: driver.py requires|build BACKEND BACKEND_PATH_JSON OUT_DIR
The backend's own output goes to stderr; the hook's result is the last line on stdout, as JSON.
"""
import importlib
import json
import os
import sys


def main():
    command, backend, backend_path, out_dir = sys.argv[1:5]
    for entry in reversed(json.loads(backend_path)):
        sys.path.insert(0, os.path.abspath(entry))
    real_stdout = os.dup(1)
    os.dup2(2, 1)  # backends print freely; keep stdout for the result
    module_name, _, attrs = backend.partition(':')
    hooks = importlib.import_module(module_name)
    for attr in attrs.split('.') if attrs else []:
        hooks = getattr(hooks, attr)
    if command == 'requires':
        hook = getattr(hooks, 'get_requires_for_build_wheel', None)
        result = list(hook({})) if hook else []
    else:
        result = hooks.build_wheel(out_dir, {})
    sys.stdout.flush()
    os.write(real_stdout, (json.dumps(result) + '\\n').encode('utf-8'))


if __name__ == '__main__':
    main()
`;

// src/project/pep517.ts
function run2(cmd, args, cwd, timeoutMs) {
  const env = { ...process.env, PYTHONNOUSERSITE: "1", PIP_DISABLE_PIP_VERSION_CHECK: "1" };
  delete env.PYTHONPATH;
  delete env.PYTHONHOME;
  return new Promise((done) => {
    execFile4(cmd, args, { cwd, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env }, (err, stdout, stderr) => {
      done({ code: err ? typeof err.code === "number" ? Number(err.code) : 1 : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
function tail(r) {
  return (r.stderr || r.stdout).trim().split("\n").slice(-15).join("\n");
}
function buildSystemOf(doc) {
  const bs = doc["build-system"] ?? {};
  const requires = Array.isArray(bs.requires) ? bs.requires : ["setuptools>=40.8.0"];
  const backend = typeof bs["build-backend"] === "string" ? bs["build-backend"] : "setuptools.build_meta:__legacy__";
  const backendPath = Array.isArray(bs["backend-path"]) ? bs["backend-path"] : [];
  return { requires, backend, backendPath };
}
async function buildEnv(python, pyTarget, requirements, req) {
  const resolution = await resolve({ requirements, constraints: [], targets: [pyTarget], pre: false, source: req.client });
  const dists = resolution.targets[0].distributions;
  const needsBuild = dists.filter((d) => d.needsBuild);
  if (needsBuild.length) {
    throw new JobError(`the build requirements of ${req.dir} include ${needsBuild.map((d) => `${d.name} ${d.version}`).join(", ")}, which the index has only as source; put a wheel of it in a --find-links folder.`);
  }
  const wheels = await Promise.all(dists.map((d) => req.client.fetchFile(d.file)));
  const key = createHash11("sha256").update(`${python}\0${wheels.map((w) => path15.basename(w)).sort().join("\0")}`).digest("hex").slice(0, 32);
  const envDir = path15.join(req.cacheDir, "build-envs", key);
  if (existsSync4(path15.join(envDir, ".complete"))) {
    if (existsSync4(path15.join(envDir, "bin", "python"))) return envDir;
    await rm4(envDir, { recursive: true, force: true });
  }
  req.log(`build environment: ${dists.map((d) => `${d.name} ${d.version}`).join(", ") || "empty"}`);
  const temp = `${envDir}.tmp-${process.pid}-${randomBytes6(4).toString("hex")}`;
  await mkdir7(path15.dirname(envDir), { recursive: true });
  try {
    const made = await run2(python, ["-m", "venv", "--without-pip", temp], req.cacheDir, 12e4);
    if (made.code !== 0) throw new JobError(`could not make a build environment with ${python} -m venv: ${tail(made)}`);
    const purelib = (await run2(path15.join(temp, "bin", "python"), ["-c", 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], req.cacheDir, 6e4)).stdout.trim();
    if (!purelib) throw new JobError(`the build environment made by ${python} has no site-packages folder`);
    for (const w of wheels) {
      const installed = await installWheel(w, { cacheDir: req.cacheDir });
      for (const m of installed.members) {
        if (m.name.includes(".data/")) continue;
        const target = path15.join(purelib, m.name);
        await mkdir7(path15.dirname(target), { recursive: true });
        await writeFile4(target, m.content ?? inflateRawSync2(m.deflated.data));
      }
    }
    await writeFile4(path15.join(temp, ".complete"), "");
    try {
      await rename7(temp, envDir);
    } catch {
    }
  } finally {
    await rm4(temp, { recursive: true, force: true });
  }
  return envDir;
}
async function cleanCopy(req, into) {
  for (const f of req.files) {
    const target = path15.join(into, f);
    await mkdir7(path15.dirname(target), { recursive: true });
    await copyFile(path15.join(req.dir, f), target);
  }
  if (existsSync4(path15.join(req.dir, ".git"))) await symlink(path15.join(req.dir, ".git"), path15.join(into, ".git"));
}
async function hook(envDir, command, backend, backendPath, cwd, outDir) {
  const driver = path15.join(envDir, "pexship_pep517_driver.py");
  if (!existsSync4(driver)) await writeFile4(driver, pep517_driver_default);
  const r = await run2(path15.join(envDir, "bin", "python"), [driver, command, backend, JSON.stringify(backendPath), outDir], cwd, 15 * 6e4);
  if (r.code !== 0) return r;
  try {
    return { ...r, result: JSON.parse(r.stdout.trim().split("\n").pop() ?? "") };
  } catch {
    return { ...r, code: 1 };
  }
}
async function buildWithBackend(req) {
  const [major, minor] = req.target.pythonVersion;
  const python = await findInterpreterFor([major, minor], req.interpreters);
  if (!python) {
    throw new JobError(
      `building the project ${req.dir} for ${req.target.label} needs its build backend, run by CPython ${major}.${minor} (python${major}.${minor} on PATH, or --python), which was not found. Install that Python, or use a backend and layout pexship builds natively (see the README).`
    );
  }
  const system = buildSystemOf(req.doc);
  const pyTarget = await currentTarget(python);
  let requirements = system.requires.map((r) => parseRequirement(r));
  const work = path15.join(req.cacheDir, "project-builds", `tmp-${process.pid}-${randomBytes6(4).toString("hex")}`);
  try {
    const src = path15.join(work, "src");
    await mkdir7(src, { recursive: true });
    await cleanCopy(req, src);
    let envDir = await buildEnv(python, pyTarget, requirements, req);
    const asked = await hook(envDir, "requires", system.backend, system.backendPath, src, req.outDir);
    if (asked.code !== 0) throw new JobError(`the build backend ${system.backend} of ${req.dir} failed to start (get_requires_for_build_wheel):
${tail(asked)}`);
    const more = asked.result.map((r) => parseRequirement(r)).filter((r) => !requirements.some((have) => have.canonicalName === r.canonicalName));
    if (more.length) {
      requirements = [...requirements, ...more];
      envDir = await buildEnv(python, pyTarget, requirements, req);
    }
    await mkdir7(req.outDir, { recursive: true });
    const built = await hook(envDir, "build", system.backend, system.backendPath, src, req.outDir);
    if (built.code !== 0) throw new JobError(`building ${req.dir} with ${system.backend} (CPython ${major}.${minor}) failed:
${tail(built)}`);
    const name = String(built.result);
    if (path15.basename(name) !== name || !name.endsWith(".whl") || !(await readdir7(req.outDir)).includes(name)) {
      throw new JobError(`the build backend ${system.backend} of ${req.dir} reported ${JSON.stringify(name)}, which is not a wheel it wrote.`);
    }
    return path15.join(req.outDir, name);
  } finally {
    await rm4(work, { recursive: true, force: true });
  }
}

// src/project/build.ts
function checkRequiresPython(project, targets) {
  if (!project.requiresPython) return;
  let spec;
  try {
    spec = parseSpecifierSet(project.requiresPython);
  } catch {
    throw new UsageError(`${project.file}: requires-python ${JSON.stringify(project.requiresPython)} is not a valid version specifier; fix it (e.g. ">=3.9").`);
  }
  for (const t of targets) {
    const version = t.markerEnvironment.python_full_version;
    if (!spec.contains(version, { prereleases: true })) {
      throw new UsageError(
        `the project ${project.name} requires Python ${project.requiresPython} (requires-python in ${project.file}), but the target ${t.label} (${t.platform}) is Python ${version}; build for a Python it supports, or change requires-python.`
      );
    }
  }
}
async function writeOnce(dir, filename, chunks) {
  const final = path16.join(dir, filename);
  if (existsSync5(final)) return final;
  await mkdir8(dir, { recursive: true });
  const temp = `${final}.tmp-${process.pid}-${randomBytes7(4).toString("hex")}`;
  await writeFile5(temp, Buffer.concat(chunks));
  await rename8(temp, final);
  return final;
}
function fitsAll(wheel, targets, project) {
  const bad = targets.find((t) => !wheelSupported(path16.basename(wheel), t));
  if (bad) {
    throw new JobError(`the project ${project.name} was built here as ${path16.basename(wheel)}, which does not fit the target ${bad.label} (it holds compiled code for this machine); build it on a machine that matches ${bad.label}.`);
  }
}
async function buildProjectWheel(req) {
  const { project, targets } = req;
  checkRequiresPython(project, targets);
  const files = await listProjectFiles(project.dir);
  const system = buildSystemOf(project.doc);
  const hash = await projectContentHash(project.dir, files.files, JSON.stringify([PEXSHIP_VERSION, system]));
  const cacheRoot = path16.join(req.cacheDir, "projects", hash.slice(0, 2), hash);
  let reason;
  if (!req.forcePep517) {
    try {
      const native = await buildNative({ dir: project.dir, doc: project.doc, files });
      return { wheel: await writeOnce(path16.join(cacheRoot, "native"), native.filename, native.chunks), how: "native", backend: native.backend };
    } catch (e) {
      if (!(e instanceof NotNative)) throw e;
      reason = e.message;
      req.log(`${project.name}: built by its backend (${system.backend}): ${reason}`);
    }
  }
  const outDir = path16.join(cacheRoot, `cp${targets[0].pythonVersion.join("")}`);
  const cached = existsSync5(outDir) ? (await readdir8(outDir)).filter((f) => f.endsWith(".whl")) : [];
  if (cached.length === 1) {
    const wheel = path16.join(outDir, cached[0]);
    fitsAll(wheel, targets, project);
    return { wheel, how: "pep517", backend: system.backend, reason };
  }
  const temp = `${outDir}.tmp-${process.pid}-${randomBytes7(4).toString("hex")}`;
  try {
    const built = await buildWithBackend({ dir: project.dir, doc: project.doc, files: files.files, target: targets[0], client: req.client, cacheDir: req.cacheDir, interpreters: req.interpreters, outDir: temp, log: req.log });
    await rm5(outDir, { recursive: true, force: true });
    await rename8(temp, outDir);
    const wheel = path16.join(outDir, path16.basename(built));
    fitsAll(wheel, targets, project);
    return { wheel, how: "pep517", backend: system.backend, reason };
  } finally {
    await rm5(temp, { recursive: true, force: true });
  }
}

// src/resolve/pylock.ts
import { readFile as readFile12 } from "node:fs/promises";
import path17 from "node:path";
import { pathToFileURL as pathToFileURL5 } from "node:url";
var TARGET_MARKER_KEYS = ["implementation_name", "python_version", "sys_platform", "platform_machine"];
function envOf(target) {
  return { ...target.markerEnvironment };
}
function markerAtom(key, value) {
  return `${key} == ${value.includes("'") ? JSON.stringify(value) : `'${value}'`}`;
}
function targetMarker(env) {
  const values = env;
  const atoms = TARGET_MARKER_KEYS.filter((k) => typeof values[k] === "string" && values[k] !== "").map((k) => markerAtom(k, values[k]));
  if (atoms.length === 0) throw new UsageError("a target without marker values (python_version, sys_platform, \u2026) cannot be locked");
  return atoms.join(" and ");
}
function writePylock(resolutions, options) {
  const { targets } = options;
  if (resolutions.length !== targets.length) throw new Error(`writePylock: ${resolutions.length} resolutions for ${targets.length} targets`);
  if (targets.length === 0) throw new UsageError("nothing to lock: give at least one target");
  const targetGroup = [];
  const groupMarkers = [];
  const groupEnvs = [];
  const groupTargets = [];
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
  const entries = /* @__PURE__ */ new Map();
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
        entry = { name, version, groups: /* @__PURE__ */ new Set(), targets: /* @__PURE__ */ new Set(), wheels: /* @__PURE__ */ new Map(), requiresPython: /* @__PURE__ */ new Set(), index: /* @__PURE__ */ new Set() };
        entries.set(key, entry);
      }
      entry.groups.add(targetGroup[t]);
      entry.targets.add(t);
      if (pkg.needsBuild || !pkg.file.filename.toLowerCase().endsWith(".whl")) {
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
        const name = (i) => targets[i].label ?? targets[i].platform ?? `target ${i + 1}`;
        const having = groupTargets[g].filter((t) => entry.targets.has(t));
        throw new JobError(
          `cannot lock ${entry.name} ${entry.version}: targets ${having.map(name).join(", ")} need it but ${missing.map(name).join(", ")} do not, and PEP 751 markers cannot tell these targets apart (same ${TARGET_MARKER_KEYS.join(", ")}); lock them into separate files`
        );
      }
    }
  }
  const sorted = [...entries.values()].sort((a, b) => a.name !== b.name ? a.name < b.name ? -1 : 1 : compareVersionText(a.version, b.version));
  const lines = [];
  lines.push(`lock-version = ${str("1.0")}`);
  lines.push(`environments = ${strArray([...groupMarkers].sort())}`);
  lines.push(`requires-python = ${str(options.requiresPython ?? derivedRequiresPython(groupEnvs))}`);
  lines.push("extras = []");
  lines.push("dependency-groups = []");
  lines.push("default-groups = []");
  lines.push(`created-by = ${str(options.createdBy ?? "pexship")}`);
  for (const entry of sorted) {
    lines.push("", "[[packages]]");
    lines.push(`name = ${str(entry.name)}`);
    lines.push(`version = ${str(entry.version)}`);
    if (entry.groups.size < groupMarkers.length) lines.push(`marker = ${str(subsetMarker(entry.groups, groupEnvs, groupMarkers))}`);
    const requiresPython = smallest(entry.requiresPython);
    if (requiresPython) lines.push(`requires-python = ${str(requiresPython)}`);
    const index = smallest(entry.index);
    if (index) lines.push(`index = ${str(index)}`);
    if (entry.sdist) lines.push(`sdist = ${fileTable(entry.sdist)}`);
    if (entry.wheels.size > 0) {
      lines.push("wheels = [");
      for (const name of [...entry.wheels.keys()].sort()) lines.push(`    ${fileTable(entry.wheels.get(name))},`);
      lines.push("]");
    }
  }
  lines.push("", "[tool.pexship]");
  lines.push(`requirements = ${strArray(options.requirements ?? [])}`);
  lines.push(`targets = ${strArray(targets.map((t) => t.platform ?? t.label ?? ""))}`);
  return `${lines.join("\n")}
`;
}
function smallest(values) {
  return [...values].sort()[0];
}
function subsetMarker(present, envs, markers) {
  for (const key of TARGET_MARKER_KEYS) {
    const inside = new Set([...present].map((g) => envs[g][key]));
    const outside = new Set(envs.filter((_, g) => !present.has(g)).map((env) => env[key]));
    if ([...inside].every((v) => v !== void 0 && v !== "" && !outside.has(v))) {
      const atoms = [...inside].sort().map((v) => markerAtom(key, v));
      return atoms.join(" or ");
    }
  }
  return [...present].map((g) => markers[g]).sort().map((m) => `(${m})`).join(" or ");
}
function derivedRequiresPython(envs) {
  const versions = [...new Set(envs.map((e) => e.python_version).filter((v) => /^\d+\.\d+$/.test(v ?? "")))].sort(compareVersions);
  if (versions.length === 0) return ">=3";
  if (versions.length === 1) return `==${versions[0]}.*`;
  const [major, minor] = versions[versions.length - 1].split(".").map(Number);
  return `>=${versions[0]},<${major}.${minor + 1}`;
}
function normaliseVersion(version) {
  return tryParseVersion(version)?.toString() ?? version;
}
function compareVersionText(a, b) {
  if (tryParseVersion(a) && tryParseVersion(b)) return compareVersions(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}
function fileTable(file) {
  const parts = [`name = ${str(file.filename)}`, `url = ${str(file.url)}`];
  if (file.size !== void 0) parts.push(`size = ${file.size}`);
  const hashes = Object.keys(file.hashes).sort().map((alg) => `${alg} = ${str(file.hashes[alg].toLowerCase())}`);
  parts.push(`hashes = { ${hashes.join(", ")} }`);
  return `{ ${parts.join(", ")} }`;
}
function str(value) {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0);
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "	") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (code < 32 || code === 127) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}
function strArray(values) {
  if (values.length === 0) return "[]";
  return `[
${values.map((v) => `    ${str(v)},`).join("\n")}
]`;
}
async function readPylock(file) {
  let text;
  try {
    text = await readFile12(file, "utf8");
  } catch (err) {
    const code = err.code;
    throw new UsageError(`cannot read the lock file ${file}: ${code === "ENOENT" ? "no such file" : err.message}; check --lock, or create one with pexship lock`);
  }
  return parsePylock(text, path17.resolve(file));
}
function parsePylock(text, file) {
  const fail = (what) => {
    throw new UsageError(`lock file ${file}: ${what}`);
  };
  let doc;
  try {
    doc = parse(text);
  } catch (err) {
    return fail(`not valid TOML: ${err.message.split("\n")[0]}; fix it or re-create it with pexship lock`);
  }
  const warnings = [];
  const lockVersion = doc["lock-version"];
  if (typeof lockVersion !== "string") return fail("lock-version is missing; this is not a PEP 751 lock file (pylock.toml)");
  const versionMatch = /^(\d+)\.(\d+)$/.exec(lockVersion);
  if (!versionMatch) return fail(`lock-version ${JSON.stringify(lockVersion)} is not MAJOR.MINOR`);
  if (versionMatch[1] !== "1") {
    return fail(`lock-version ${lockVersion} is not supported (pexship reads lock-version 1.x); re-create the lock with a tool that writes PEP 751 1.x, e.g. pexship lock`);
  }
  if (versionMatch[2] !== "0") warnings.push(`lock file ${file}: lock-version ${lockVersion} is newer than 1.0; fields pexship does not know are ignored`);
  const stringList = (value, where) => {
    if (value === void 0) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) return fail(`${where} must be an array of strings`);
    return value;
  };
  const environments = stringList(doc.environments, "environments");
  environments.forEach((m, i) => {
    try {
      parseMarker(m);
    } catch (err) {
      fail(`environments[${i}] is not a valid marker: ${err.message}`);
    }
  });
  const requiresPython = optionalString(doc["requires-python"], "requires-python", fail);
  if (requiresPython !== void 0) checkSpecifier(requiresPython, "requires-python", fail);
  const packagesRaw = doc.packages;
  if (packagesRaw === void 0) return fail("[[packages]] is missing");
  if (!Array.isArray(packagesRaw)) return fail("packages must be an array of tables ([[packages]])");
  const dir = path17.dirname(file);
  const packages = packagesRaw.map((raw, i) => readPackage(raw, i, dir, fail));
  const tool = isTable4(doc.tool) ? doc.tool : void 0;
  const ours = tool && isTable4(tool.pexship) ? tool.pexship : void 0;
  return {
    file,
    lockVersion,
    createdBy: typeof doc["created-by"] === "string" ? doc["created-by"] : "",
    ...requiresPython !== void 0 ? { requiresPython } : {},
    environments,
    defaultGroups: stringList(doc["default-groups"], "default-groups"),
    packages,
    ...ours ? { pexship: { requirements: stringList(ours.requirements, "tool.pexship.requirements"), targets: stringList(ours.targets, "tool.pexship.targets") } } : {},
    warnings
  };
}
function readPackage(raw, position, dir, fail) {
  if (!isTable4(raw)) return fail(`packages[${position}] is not a table`);
  if (typeof raw.name !== "string" || raw.name === "") return fail(`packages[${position}] has no name`);
  const name = canonicalizeName(raw.name);
  const version = optionalString(raw.version, `package ${name}: version`, fail);
  const label = version ? `${name} ${version}` : name;
  const where = `package ${label}`;
  let marker;
  const markerText = optionalString(raw.marker, `${where}: marker`, fail);
  if (markerText !== void 0) {
    try {
      marker = parseMarker(markerText);
    } catch (err) {
      fail(`${where}: marker is not valid: ${err.message}`);
    }
  }
  const requiresPython = optionalString(raw["requires-python"], `${where}: requires-python`, fail);
  if (requiresPython !== void 0) checkSpecifier(requiresPython, `${where}: requires-python`, fail);
  const index = optionalString(raw.index, `${where}: index`, fail);
  const wheels = [];
  if (raw.wheels !== void 0) {
    if (!Array.isArray(raw.wheels)) fail(`${where}: wheels must be an array of tables`);
    raw.wheels.forEach((w, i) => wheels.push(readFileEntry(w, `${where}: wheels[${i}]`, dir, fail)));
  }
  let sdist;
  if (raw.sdist !== void 0) sdist = readFileEntry(raw.sdist, `${where}: sdist`, dir, fail);
  let unsupportedSource;
  if (raw.archive !== void 0) {
    const archive = readFileEntry(raw.archive, `${where}: archive`, dir, fail);
    if (archive.filename.toLowerCase().endsWith(".whl")) wheels.push(archive);
    else unsupportedSource = "archive";
  }
  if (raw.vcs !== void 0) unsupportedSource = "vcs";
  if (raw.directory !== void 0) unsupportedSource = "directory";
  for (const w of wheels) {
    try {
      parseWheelFilename(w.filename);
    } catch (err) {
      fail(`${where}: ${err.message}`);
    }
  }
  return {
    name,
    ...version !== void 0 ? { version } : {},
    ...marker ? { marker } : {},
    ...requiresPython !== void 0 ? { requiresPython } : {},
    ...index !== void 0 ? { index } : {},
    wheels,
    ...sdist ? { sdist } : {},
    ...unsupportedSource && wheels.length === 0 && !sdist ? { unsupportedSource } : {}
  };
}
function readFileEntry(raw, where, dir, fail) {
  if (!isTable4(raw)) return fail(`${where} is not a table`);
  const url = optionalString(raw.url, `${where}.url`, fail);
  const filePath = optionalString(raw.path, `${where}.path`, fail);
  if (url === void 0 && filePath === void 0) return fail(`${where} has neither url nor path; pexship needs one to fetch the file`);
  let absolute;
  let location;
  if (url !== void 0) {
    location = url;
    if (url.startsWith("file:")) absolute = decodeURIComponent(new URL(url).pathname);
  } else {
    absolute = path17.resolve(dir, filePath);
    location = pathToFileURL5(absolute).toString();
  }
  let filename = optionalString(raw.name, `${where}.name`, fail);
  if (filename === void 0) {
    const fromLocation = url !== void 0 ? decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "") : path17.basename(filePath);
    if (!fromLocation) return fail(`${where} has no name and its url does not end in a file name`);
    filename = fromLocation;
  }
  const size = raw.size;
  if (size !== void 0 && (typeof size !== "number" || !Number.isInteger(size) || size < 0)) fail(`${where}.size must be a whole number of bytes`);
  if (!isTable4(raw.hashes)) return fail(`${where} (${filename}) has no hashes; pexship build --lock requires a sha256 for every file: re-create the lock with hashes (pexship lock)`);
  const hashes = {};
  for (const [alg, digest] of Object.entries(raw.hashes)) {
    if (typeof digest !== "string") fail(`${where}.hashes.${alg} must be a string`);
    hashes[alg.toLowerCase()] = digest.toLowerCase();
  }
  const sha256 = hashes.sha256;
  if (!sha256) return fail(`${where} (${filename}) has no sha256 hash; pexship build --lock requires a sha256 for every file: re-create the lock with sha256 hashes (pexship lock)`);
  if (!/^[0-9a-f]{64}$/.test(sha256)) return fail(`${where} (${filename}): hashes.sha256 is not 64 hex digits`);
  return {
    filename,
    url: location,
    ...absolute !== void 0 ? { path: absolute } : {},
    ...size !== void 0 ? { size } : {},
    hashes,
    sha256
  };
}
function selectForTarget(lock, target) {
  const env = { ...envOf(target), extras: [], dependency_groups: [...lock.defaultGroups] };
  const label = target.label ?? target.platform ?? targetMarker(envOf(target));
  const fail = (what) => {
    throw new UsageError(`lock file ${lock.file}: ${what}`);
  };
  const fullVersion = String(env.python_full_version ?? env.python_version ?? "");
  if (lock.environments.length > 0 && !lock.environments.some((m) => evaluate(m, env, "environments", fail))) {
    fail(`it was not made for target ${label}; its environments are: ${lock.environments.join(" | ")}. Re-create the lock including this target (pexship lock --platform \u2026)`);
  }
  if (lock.requiresPython && !new SpecifierSet(lock.requiresPython).contains(fullVersion, { prereleases: true })) {
    fail(`it requires Python ${lock.requiresPython}, but target ${label} is Python ${fullVersion}; re-create the lock for this target`);
  }
  const chosen = /* @__PURE__ */ new Map();
  for (const pkg of lock.packages) {
    if (pkg.marker && !evaluate(pkg.marker, env, `package ${pkg.name}: marker`, fail)) continue;
    const selection = pick(pkg);
    const list = chosen.get(pkg.name) ?? [];
    list.push(selection ? { pkg, selection } : { pkg });
    chosen.set(pkg.name, list);
  }
  const out = [];
  for (const [name, candidates] of [...chosen.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    const fitting = candidates.filter((c) => c.selection);
    if (fitting.length === 1) {
      out.push(fitting[0].selection);
      continue;
    }
    if (fitting.length > 1) {
      const versions = fitting.map((c) => c.pkg.version ?? "(no version)").join(", ");
      fail(`package ${name} is listed more than once for target ${label} (versions ${versions}); give the entries markers that exclude each other`);
    }
    const pkg = candidates[0].pkg;
    const what = `${pkg.name}${pkg.version ? ` ${pkg.version}` : ""}`;
    if (pkg.unsupportedSource) {
      fail(`package ${what} comes from a ${pkg.unsupportedSource === "vcs" ? "version-control checkout" : pkg.unsupportedSource === "directory" ? "local directory" : "source archive"}, which pexship cannot put in a PEX; lock a wheel of it instead`);
    }
    const offered = candidates.flatMap((c) => c.pkg.wheels.map((w) => w.filename));
    fail(
      `package ${what} has no wheel for target ${label} (best tags: ${target.tags.slice(0, 3).join(", ")}${target.tags.length > 3 ? ", \u2026" : ""}); its wheels: ${offered.length ? offered.join(", ") : "none"}. Re-create the lock including this target (pexship lock --platform \u2026)`
    );
  }
  for (const s of out) {
    if (s.requiresPython && !new SpecifierSet(s.requiresPython).contains(fullVersion, { prereleases: true })) {
      fail(`package ${s.name} ${s.version ?? ""} requires Python ${s.requiresPython}, but target ${label} is Python ${fullVersion}; re-create the lock for this target`);
    }
  }
  return out;
  function pick(pkg) {
    const base = {
      name: pkg.name,
      ...pkg.version !== void 0 ? { version: pkg.version } : {},
      ...pkg.requiresPython !== void 0 ? { requiresPython: pkg.requiresPython } : {},
      ...pkg.index !== void 0 ? { index: pkg.index } : {}
    };
    const fits = pkg.wheels.filter((w) => wheelSupported(w.filename, target));
    if (fits.length > 0) {
      const best = fits.sort((a, b) => compareWheelsForTarget(a.filename, b.filename, target))[0];
      return { ...base, file: best, needsBuild: false };
    }
    if (pkg.sdist) return { ...base, file: pkg.sdist, needsBuild: true };
    return void 0;
  }
}
function evaluate(marker, env, where, fail) {
  try {
    return evaluateMarker(marker, env);
  } catch (err) {
    return fail(`${where}: ${err.message}`);
  }
}
function checkSpecifier(text, where, fail) {
  try {
    new SpecifierSet(text);
  } catch (err) {
    fail(`${where} ${JSON.stringify(text)} is not a version specifier: ${err.message}`);
  }
}
function optionalString(value, where, fail) {
  if (value === void 0) return void 0;
  if (typeof value !== "string") return fail(`${where} must be a string`);
  return value;
}
function isTable4(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

// src/core/hash-mode.ts
function mismatchLine(mode, name, version, file, got) {
  const expected = [...mode.allowed.get(name)].join(" or ");
  return `    ${mode.origin.get(name) ?? name}: ${name}==${version} (${file.filename} from ${redactUrl(file.url)})
        expected sha256 ${expected}
        got      sha256 ${got}`;
}
function mismatchError(lines) {
  return new JobError(
    `hash mismatch: these files do not have the hashes your requirements give:
${lines.join("\n")}
If you changed the versions, update the hashes (pip hash FILE prints one); otherwise the file may have been tampered with.`
  );
}
function checkRequiredHashes(mode, resolution) {
  const missing = /* @__PURE__ */ new Map();
  const mismatched = /* @__PURE__ */ new Map();
  for (const t of resolution.targets) {
    for (const d of t.distributions) {
      const allowed = mode.allowed.get(d.name);
      const sha256 = d.file.hashes.sha256?.toLowerCase();
      if (!allowed) {
        const hash = sha256 ? ` --hash=sha256:${sha256}` : " --hash=sha256:\u2026";
        const why = d.requiredBy.length ? `needed by ${d.requiredBy.join(", ")}` : "requested";
        missing.set(d.name, `    ${d.url ? `${d.name} @ ${redactUrl(d.url)}` : `${d.name}==${d.version}`}${hash}    # ${why}`);
      } else if (sha256 && !allowed.has(sha256)) {
        mismatched.set(`${d.name} ${d.file.url}`, mismatchLine(mode, d.name, d.version, d.file, sha256));
      }
    }
  }
  if (mismatched.size) throw mismatchError([...mismatched.values()]);
  if (missing.size) {
    throw new UsageError(
      `hash-checking mode is on (${mode.reason}), so every distribution installed, dependencies included, must be pinned with == and hashed; these are not:
${[...missing.values()].join("\n")}
Add these lines to your requirements file (the hashes are what the index publishes now: check them against a source you trust), or remove every --hash.`
    );
  }
}
async function checkDownloadedHashes(mode, downloaded) {
  const lines = [];
  for (const d of downloaded) {
    const allowed = mode.allowed.get(d.name);
    if (!allowed || d.file.hashes.sha256) continue;
    const { sha256 } = await hashLocalFile(d.path);
    if (!allowed.has(sha256)) lines.push(mismatchLine(mode, d.name, d.version, d.file, sha256));
  }
  if (lines.length) throw mismatchError(lines);
}

// src/core/resolve-targets.ts
async function resolveTargets(req, cacheDir) {
  const specs = req.platforms.length || req.completePlatforms.length ? req.platforms : ["current"];
  for (const spec of specs) {
    if (/[,\s]/.test(spec.trim())) {
      const parts = spec.split(/[,\s]+/).filter(Boolean);
      throw new UsageError(
        `the platform '${spec}' holds ${spec.includes(",") ? "a comma" : "a space"}: give one platform per --platform flag (${parts.map((p) => `--platform ${p}`).join(" ")}), or one per line in the action's platforms input.`
      );
    }
  }
  const targets = [];
  for (const spec of specs) targets.push(await resolveTarget(spec, { python: req.python, cacheDir }));
  for (const file of req.completePlatforms) targets.push(await loadCompletePlatform(file));
  const seen = /* @__PURE__ */ new Set();
  for (const t of targets) {
    if (seen.has(t.label)) t.label = `${t.label}-${(t.platformTag ?? String(seen.size)).replace(/[^\w.-]+/g, "_")}`;
    if (seen.has(t.label)) throw new UsageError(`the target ${t.platform} is given twice; give each --platform once.`);
    seen.add(t.label);
  }
  return targets;
}
function makeIndexClient(index, req, progress, directUrls = []) {
  return new IndexClient({
    ...index,
    directUrls,
    // -v shows each request; the bytes feed the status line of whatever step is running.
    onActivity: (e) => {
      if (e.kind === "bytes") return progress.bytes(e.bytes);
      progress.request();
      progress.detail(`${e.method} ${e.url}`);
    },
    cacheDir: req.cacheDir,
    cwd: req.cwd,
    ...req.timeoutMs !== void 0 ? { timeoutMs: req.timeoutMs } : {},
    ...req.retries !== void 0 ? { retries: req.retries } : {},
    ...req.maxConnections !== void 0 ? { maxConnections: req.maxConnections } : {}
  });
}
async function resolveInputs(req, pendingTargets, progress) {
  pendingTargets.catch(() => {
  });
  const dependencies = parseDependencyConfig(req.excludes ?? [], req.overrides ?? [], req.transitive ?? true);
  const inputs = await gatherInputs(req);
  for (const w of inputs.warnings) progress.warn(w);
  const client = makeIndexClient(
    inputs.index,
    req,
    progress,
    inputs.requirements.flatMap((r) => r.url ? [r.url] : [])
  );
  try {
    for (const r of inputs.requirements) if (!r.url) client.listFiles(r.name).catch(() => {
    });
    const targets = await pendingTargets;
    if (inputs.project) await addProjectWheel(inputs, targets, client, req, progress);
    progress.step(`resolve ${inputs.requirements.length} requirement${inputs.requirements.length === 1 ? "" : "s"} for ${targets.map((t) => t.label).join(", ")}`);
    const pinned = progress.task("resolve", "versions chosen");
    const resolution = await resolve({
      requirements: inputs.requirements,
      constraints: inputs.constraints,
      targets,
      pre: inputs.pre,
      source: client,
      hashes: inputs.hashMode?.allowed,
      formatControl: inputs.formatControl,
      preferBinary: inputs.preferBinary,
      dependencies,
      onProgress: (e) => {
        if (e.kind === "pinned") {
          pinned.advance();
          progress.detail(`${e.target}: chose ${e.name} ${e.version}`);
        }
        if (e.kind === "done") progress.detail(`${e.target}: ${e.pinned} distributions`);
      }
    });
    pinned.done();
    if (inputs.hashMode) checkRequiredHashes(inputs.hashMode, resolution);
    return { inputs, client, resolution, targets };
  } catch (e) {
    await client.close();
    throw e;
  }
}
async function addProjectWheel(inputs, targets, client, req, progress) {
  const { wheelName, sha256, built } = await buildProject(inputs.project, targets, client, req, progress);
  const extras = inputs.project.extras.length ? `[${inputs.project.extras.join(",")}]` : "";
  inputs.requirements.push(parseRequirement(`${wheelName}${extras} @ ${pathToFileURL6(built.wheel).href}#sha256=${sha256}`));
  if (inputs.hashMode) {
    inputs.hashMode.allowed.set(canonicalName(wheelName), /* @__PURE__ */ new Set([sha256]));
    inputs.hashMode.origin.set(canonicalName(wheelName), `the project ${inputs.project.name}`);
  }
}
async function buildProject(project, targets, client, req, progress) {
  progress.step(`build the project ${project.name} (${path18.relative(req.cwd ?? process.cwd(), project.dir) || "."})`);
  const built = await buildProjectWheel({
    project,
    targets,
    client,
    cacheDir: req.cacheDir ?? defaultCacheDir(),
    interpreters: req.python ? [req.python] : [],
    log: (line) => progress.detail(line)
  });
  progress.detail(`${path18.basename(built.wheel)} (${built.how === "native" ? `written natively as ${built.backend} would` : `built by ${built.backend}`})`);
  const wheelName = parseWheelFilename(path18.basename(built.wheel)).name;
  const sha256 = createHash12("sha256").update(await readFile13(built.wheel)).digest("hex");
  return { built, wheelName, sha256 };
}
async function addProjectToLock(project, lockFile, selections, targets, client, req, progress) {
  const { built, wheelName, sha256 } = await buildProject(project, targets, client, req, progress);
  const filename = path18.basename(built.wheel);
  const metadata = parseCoreMetadata(await withLocalFile(built.wheel, (reader) => readWheelMetadata(reader, filename)), filename);
  for (let i = 0; i < targets.length; i++) {
    const pinned = new Map(selections[i].map((s) => [canonicalName(s.name), s.version]));
    for (const text of metadata.requiresDist) {
      const r = parseRequirement(text);
      if (r.marker && !evaluateMarker(r.marker, targets[i].markerEnvironment, project.extras.length ? project.extras : void 0)) continue;
      const version = pinned.get(r.canonicalName);
      if (version === void 0 || !r.specifier.contains(version, { prereleases: true })) {
        throw new UsageError(
          `${lockFile} does not hold ${r.toString()}, which the project ${project.name} needs for ${targets[i].label}${version === void 0 ? "" : ` (it pins ${version})`}; lock again (pexship lock ${path18.relative(req.cwd ?? process.cwd(), project.dir) || "."} \u2026).`
        );
      }
    }
    selections[i].push({
      name: canonicalName(wheelName),
      version: metadata.version,
      file: { filename, url: pathToFileURL6(built.wheel).href, hashes: { sha256 }, yanked: false, coreMetadata: false, index: "local project" },
      needsBuild: false
    });
  }
}
function selectedFromResolution(d) {
  return { name: d.name, version: d.version, file: d.file, needsBuild: d.needsBuild };
}
function indexFileOfLocked(f, index) {
  return { filename: f.filename, url: f.url, hashes: f.hashes, yanked: false, coreMetadata: false, size: f.size, index: index ?? "pylock.toml" };
}
async function selectFromLock(lockFile, targets, progress) {
  const lock = await readPylock(lockFile);
  for (const w of lock.warnings) progress.warn(w);
  return targets.map(
    (t) => selectForTarget(lock, t).map((s) => ({ name: s.name, version: s.version ?? "", file: indexFileOfLocked(s.file, s.index), needsBuild: s.needsBuild }))
  );
}
async function fetchSelections(selections, targets, client, ctx, progress) {
  const unique = /* @__PURE__ */ new Map();
  for (const list of selections) for (const s of list) unique.set(s.file.url, s.file);
  progress.step(`fetch ${unique.size} file${unique.size === 1 ? "" : "s"}`);
  const fetched = progress.task("fetch", "files", unique.size);
  const local = /* @__PURE__ */ new Map();
  await Promise.all(
    [...unique.values()].map(async (f) => {
      local.set(f.url, await client.fetchFile(f));
      fetched.advance();
      progress.detail(`${f.filename}${f.size !== void 0 ? ` (${formatBytes(f.size)})` : ""}`);
    })
  );
  fetched.done();
  if (ctx.hashMode) {
    const fetched2 = selections.flat().map((s) => ({ ...s, path: local.get(s.file.url) }));
    await checkDownloadedHashes(ctx.hashMode, fetched2);
  }
  const out = [];
  for (let i = 0; i < targets.length; i++) {
    const wheels = [];
    for (const s of selections[i]) {
      const path20 = local.get(s.file.url);
      if (!s.needsBuild) {
        wheels.push(path20);
        continue;
      }
      progress.step(`build ${s.name} ${s.version} from source for ${targets[i].label}`);
      wheels.push(
        await buildWheelFromSdist({
          sdist: path20,
          project: s.name,
          version: s.version,
          target: targets[i],
          cacheDir: ctx.cacheDir,
          pipIndexArgs: ctx.pipIndexArgs,
          interpreters: ctx.python ? [ctx.python] : []
        })
      );
    }
    out.push(wheels);
  }
  return out;
}
function pipIndexArgs(index) {
  const args = [];
  if (index.noIndex) args.push("--no-index");
  else {
    if (index.indexUrl) args.push("--index-url", index.indexUrl);
    for (const u of index.extraIndexUrls) args.push("--extra-index-url", u);
  }
  for (const f of index.findLinks) args.push("--find-links", f);
  for (const h of index.trustedHosts ?? []) args.push("--trusted-host", h);
  return args;
}

// src/core/build.ts
var LOCK_ONLY = "--lock builds exactly what the lock holds (plus your project, . or --project DIR); drop the requirements and -r files, or drop --lock.";
var INTERPRETER_CONSTRAINT = /^(CPython|PyPy)?\s*((?:~=|===|==|!=|<=|>=|<|>)\s*[\w.*+!-]+\s*(?:,\s*(?:~=|===|==|!=|<=|>=|<|>)\s*[\w.*+!-]+\s*)*)?$/;
function checkRequest(req) {
  for (const ic of req.interpreterConstraints) {
    if (ic.trim() === "" || !INTERPRETER_CONSTRAINT.test(ic.trim())) {
      throw new UsageError(`--interpreter-constraint '${ic}' is not of the form CPython>=3.9,<3.14 (an implementation name and/or PEP 440 specifiers).`);
    }
  }
  if (req.entryPoint && req.script) throw new UsageError("give either an entry point (-e/-m) or a console script (-c), not both.");
  if (req.lock && (req.requirements.length > 1 || req.requirementFiles.length || req.project && req.requirements.length)) {
    throw new UsageError(LOCK_ONLY);
  }
  if (req.lock && (req.excludes?.length || req.overrides?.length || req.transitive === false)) {
    throw new UsageError("--exclude, --override and --no-transitive change a resolve; --lock builds exactly what the lock holds. Drop them, or drop --lock.");
  }
  if (req.layout !== void 0 && !LAYOUTS.includes(req.layout)) {
    throw new UsageError(`--layout takes ${LAYOUTS.join(", ")}, got '${req.layout}'.`);
  }
  if (req.venvBinPath !== void 0 && !["false", "prepend", "append"].includes(req.venvBinPath)) {
    throw new UsageError(`--venv takes no value, prepend or append, got '${req.venvBinPath}'.`);
  }
  if (req.shBoot && req.layout && req.layout !== "zipapp") {
    throw new UsageError(`--sh-boot makes a zipapp start through /bin/sh; a --layout ${req.layout} directory runs with 'python DIR', so drop one of them.`);
  }
}
function injectedEnv(entries) {
  const env = {};
  for (const e of entries) {
    const eq = e.indexOf("=");
    const name = e.slice(0, eq);
    if (eq <= 0 || !/^[^\0=]+$/.test(name)) throw new UsageError(`--inject-env '${e}' is not NAME=VALUE (e.g. --inject-env PORT=8000).`);
    if (e.includes("\0")) throw new UsageError(`--inject-env '${name}' holds a NUL character, which no environment can.`);
    env[name] = e.slice(eq + 1);
  }
  return env;
}
async function compilers(targets, python) {
  const found = [];
  for (const t of targets) {
    const exe = t.interpreter ?? await findInterpreterFor(t.pythonVersion, python ? [python] : []);
    if (!exe) {
      const v = t.pythonVersion.join(".");
      throw new UsageError(
        `--compile needs a local CPython ${v} to make byte-code for the target ${t.label} (byte-code depends on the Python version, not the platform), and none was found (python${v} on PATH or pyenv, or --python). Install python${v}, or drop --compile.`
      );
    }
    found.push(exe);
  }
  return found;
}
function pexName(req, projectName) {
  const raw = projectName ?? req.script ?? (req.entryPoint ? req.entryPoint.split(/[.:]/)[0] : "app");
  return raw.replace(/[^\w.-]+/g, "_");
}
function defaultShebang2(targets) {
  const minors = new Set(targets.map((t) => t.pythonVersion.join(".")));
  return minors.size === 1 ? `/usr/bin/env python${[...minors][0]}` : "/usr/bin/env python3";
}
async function build(req, progress) {
  checkRequest(req);
  const injectArgs = (req.injectArgs ?? []).flatMap(
    (a) => shellWords(a, (why) => {
      throw new UsageError(`--inject-args '${a}' ${why}.`);
    })
  );
  const injectEnv = injectedEnv(req.injectEnv ?? []);
  const pexPath = (req.pexPath ?? []).flatMap((p) => p.split(":")).filter((p) => p !== "");
  const venvBinPath = req.venvBinPath ?? "false";
  const cwd = req.cwd ?? process.cwd();
  await checkEntryInputs(req.entryPoint, req.sourcesDirs.map((d) => path19.resolve(cwd, d)));
  const cacheDir = req.cacheDir ?? defaultCacheDir();
  const pendingTargets = resolveTargets(req, cacheDir);
  let targets;
  let client;
  let selections;
  let requested;
  let projectName;
  let index;
  let hashMode;
  if (req.lock) {
    index = { extraIndexUrls: [], findLinks: [], noIndex: false, ...req.index };
    targets = await pendingTargets;
    selections = await selectFromLock(path19.resolve(cwd, req.lock), targets, progress);
    client = makeIndexClient(index, { ...req, cacheDir, cwd }, progress);
    requested = [];
    const projectSpec = req.project ?? req.requirements[0];
    if (projectSpec !== void 0) {
      if (!req.project && !await isProjectArg(projectSpec, cwd)) throw new UsageError(LOCK_ONLY);
      const project = await readProject(projectSpec, { cwd });
      await addProjectToLock(project, req.lock, selections, targets, client, { ...req, cacheDir, cwd }, progress).catch(async (e) => {
        await client.close();
        throw e;
      });
      projectName = project.name;
      requested = [project.name];
    }
  } else {
    const resolved = await resolveInputs({ ...req, cacheDir, cwd, allowEmpty: req.sourcesDirs.length > 0 || Boolean(req.entryPoint) }, pendingTargets, progress);
    targets = resolved.targets;
    client = resolved.client;
    index = resolved.inputs.index;
    selections = resolved.resolution.targets.map((t) => t.distributions.map(selectedFromResolution));
    requested = resolved.inputs.requested;
    projectName = resolved.inputs.project?.name;
    hashMode = resolved.inputs.hashMode;
    const projectDir = resolved.inputs.project?.dir;
    for (const d of req.sourcesDirs) {
      const full = path19.resolve(cwd, d);
      if (projectDir && (full === projectDir || full.startsWith(projectDir + path19.sep))) {
        progress.warn(`-D ${d} is inside the project ${projectName}, whose code the PEX already holds as a wheel; drop -D ${d} (its loose copy, stale *.egg-info included, would shadow the wheel).`);
      }
    }
  }
  try {
    const wheelsPerTarget = await fetchSelections(selections, targets, client, { cacheDir, pipIndexArgs: pipIndexArgs(index), python: req.python, hashMode }, progress);
    const entryPoint = req.entryPoint;
    const script = req.script;
    const name = pexName(req, projectName);
    const template = req.output ?? path19.join("dist", "{name}-{platform}.pex");
    const perTarget = template.includes("{platform}") || targets.length === 1;
    const groups = perTarget ? targets.map((t, i) => ({ targets: [t], wheels: [wheelsPerTarget[i]] })) : [{ targets, wheels: wheelsPerTarget }];
    const pexes = [];
    for (const group of groups) {
      const label = group.targets.map((t) => t.label).join("+");
      const output = path19.resolve(cwd, template.replaceAll("{platform}", label).replaceAll("{name}", name));
      const allWheels = [...new Set(group.wheels.flat())];
      progress.step(`write ${path19.relative(cwd, output) || output} (${label}, ${allWheels.length} distributions)`);
      const started = performance.now();
      const compileWith = req.compile ? await compilers(group.targets, req.python) : void 0;
      let writing;
      const result = await buildPex({
        onWrite: (bytes, total) => {
          writing ??= progress.task("write", "bytes", total);
          writing.advance(bytes);
        },
        wheels: allWheels,
        sourcesDirs: req.sourcesDirs.map((d) => path19.resolve(cwd, d)),
        entryPoint,
        script,
        output,
        shebang: req.shebang ?? defaultShebang2(group.targets),
        interpreterConstraints: req.interpreterConstraints,
        inheritPath: req.inheritPath,
        venv: req.venv || venvBinPath !== "false",
        venvBinPath,
        compress: req.compress,
        layout: req.layout,
        compileWith,
        injectArgs,
        injectEnv,
        pexPath,
        shBoot: req.shBoot,
        excluded: req.excludes ?? [],
        overridden: req.overrides ?? [],
        requirements: requested,
        cacheDir,
        targets: group.targets.map((t, i) => ({ platform: t.platform, wheels: group.wheels[i].map((w) => path19.basename(w)) }))
      });
      writing?.done();
      pexes.push({ ...result, platform: label, seconds: (performance.now() - started) / 1e3 });
    }
    return { pexes, targets, requests: client.requestCount };
  } finally {
    await client.close();
  }
}

export {
  stripCredentials,
  secretsOf,
  CACHE_FORMAT,
  defaultCacheDir,
  hashLocalFile,
  parseProjectSpec,
  currentTarget,
  writePylock,
  createReporter,
  stderrProgress,
  resolveTargets,
  resolveInputs,
  build
};

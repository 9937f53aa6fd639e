import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  Cache,
  defaultCacheDir,
  freshUntil,
  loadCompletePlatform,
  missingFreshUntil,
  resolveTarget,
  safeFilename,
  sha256Hex,
  tempPathFor,
  writeFileAtomic
} from "./chunk-BQ32VOEA.js";
import {
  PEXSHIP_VERSION,
  busyStart,
  countUp,
  markNow
} from "./chunk-7BMIS5AO.js";
import {
  checkHashMode,
  readRequirementsFile
} from "./chunk-EV2EOPE5.js";
import {
  ZipArchive
} from "./chunk-Z5MTOKTQ.js";
import {
  parseCoreMetadata,
  parseDependencyConfig
} from "./chunk-JGUVN7JE.js";
import {
  canonicalExtra,
  canonicalName,
  evaluateMarker,
  isDirectReference,
  parseMarker,
  parseRequirement
} from "./chunk-ZU7UPI3D.js";
import {
  SpecifierSet,
  canonicalizeName,
  compareVersions,
  compareWheelsForTarget,
  parseWheelFilename,
  tryParseVersion,
  wheelSupported
} from "./chunk-6J3BLQ7R.js";
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
    const origin = url.origin;
    if (this.byOrigin.has(origin)) return this.byOrigin.get(origin);
    const found = this.lookUp(url);
    this.byOrigin.set(origin, found);
    return found;
  }
  lookUp(url) {
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
  const early = { bytes: 0, requests: 0 };
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
      step = { label: message, since: Date.now(), bytes: step ? 0 : early.bytes, requests: step ? 0 : early.requests };
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
      (step ?? early).bytes += n;
    },
    request() {
      (step ?? early).requests += 1;
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

// src/index/find-links.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path2 from "node:path";
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
  const hashers = algorithms.map((a) => [a, createHash(a)]);
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
      const file = path2.join(dir, filename);
      const [info, hashes] = await Promise.all([stat(file), hashLocalFile(file)]);
      return { filename, url: pathToFileURL(file).toString(), hashes, yanked: false, coreMetadata: false, size: info.size, index };
    })
  );
}

// src/index/client.ts
import { createHash as createHash2, getHashes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir as readdir2, readFile as readFile2, rename, rm, stat as stat2 } from "node:fs/promises";
import path3 from "node:path";
import { fileURLToPath, pathToFileURL as pathToFileURL2 } from "node:url";

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
    if (this.active >= this.current) await new Promise((resolve) => this.waiting.push(resolve));
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
var LoopBlockMeter = class _LoopBlockMeter {
  static TICK_MS = 20;
  watching = 0;
  ticker;
  lastTick = 0;
  longest = 0;
  start() {
    if (this.watching++ > 0) return;
    this.lastTick = performance.now();
    this.longest = 0;
    this.ticker = setInterval(() => this.tick(), _LoopBlockMeter.TICK_MS).unref();
  }
  end() {
    if (--this.watching === 0) clearInterval(this.ticker);
  }
  /** Counts the block going on now too, as when an event came in late in a long turn of the loop. */
  longestMs() {
    this.tick();
    return this.longest;
  }
  tick() {
    const now = performance.now();
    this.longest = Math.max(this.longest, now - this.lastTick - _LoopBlockMeter.TICK_MS);
    this.lastTick = now;
  }
};
var loopBlocks = new LoopBlockMeter();
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
  /** Times a connect `socket` makes to `key`; one that stalls backs the host off (a failed one backs off as it fails). */
  watchConnect(key, socket) {
    const started = performance.now();
    loopBlocks.start();
    let watching = true;
    const stop = () => {
      if (watching) loopBlocks.end();
      watching = false;
    };
    socket.once("close", stop);
    socket.once("connect", () => {
      this.connected(key, performance.now() - started - loopBlocks.longestMs(), false);
      stop();
    });
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
    return await import("./undici-parts-R625T537.js");
  } finally {
    markNow("undici at");
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
function codedError(message, code) {
  return Object.assign(new Error(message), { code });
}
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
function readAll(body) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let ended = false;
    body.on("data", (chunk) => chunks.push(chunk));
    body.on("error", reject);
    body.on("end", () => {
      ended = true;
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
    body.on("close", () => {
      if (!ended) reject(codedError("the connection closed before the response ended", "ECONNRESET"));
    });
  });
}
function release(res) {
  const body = res.body;
  body.on("error", () => {
  });
  if (body.readableEnded || body.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let left = 64 * 1024;
    body.on("data", (chunk) => {
      left -= chunk.length;
      if (left < 0) body.destroy();
    });
    body.on("end", resolve);
    body.on("close", resolve);
    body.resume();
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
  proxied;
  plain;
  secure;
  keepAlive() {
    return { keepAlive: true, maxSockets: this.options.maxConnections, scheduling: "lifo" };
  }
  /** Node's http, or https (only once an https URL is asked for: it loads TLS). */
  nodeTransport(tls) {
    if (!tls) {
      this.plain ??= import("node:http").then((http) => {
        markNow("http client at");
        return { request: http.request, agent: new http.Agent(this.keepAlive()) };
      });
      return this.plain;
    }
    this.secure ??= import("node:https").then((https) => {
      markNow("http client at");
      const trusted = this.options.trustedHosts?.length ? new https.Agent({ ...this.keepAlive(), rejectUnauthorized: false }) : void 0;
      return { request: https.request, agent: new https.Agent(this.keepAlive()), trusted };
    });
    return this.secure;
  }
  proxyAgents() {
    this.proxied ??= timedImport().then((undici) => ({
      agent: this.makeProxyAgent(undici, true),
      // For --trusted-host hosts only: the same pool, without certificate checks.
      trusted: this.options.trustedHosts?.length ? this.makeProxyAgent(undici, false) : void 0
    }));
    return this.proxied;
  }
  makeProxyAgent(undici, verify) {
    const { timeoutMs, maxConnections, proxy } = this.options;
    const tls = verify ? {} : { rejectUnauthorized: false };
    return new undici.EnvHttpProxyAgent({
      keepAliveTimeout: 3e4,
      connections: maxConnections,
      connect: { timeout: timeoutMs, ...tls },
      httpProxy: proxy?.http ?? "",
      httpsProxy: proxy?.https ?? "",
      noProxy: proxy?.noProxy ?? ""
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
    let url = new URL(startUrl);
    for (let hop = 0; ; hop++) {
      const auth = this.options.auth.headerFor(url);
      const target = new URL(url);
      if (target.username || target.password) {
        target.username = "";
        target.password = "";
      }
      const record = { method, url: target.toString(), status: 0 };
      this.requests.push(record);
      this.options.onRequest?.(record);
      const allHeaders = { "user-agent": this.options.userAgent, ...headers, ...auth ? { authorization: auth } : {} };
      const trusted = !!this.options.trustedHosts?.length && isTrustedHost(target, this.options.trustedHosts);
      const res = this.options.proxy ? await this.sendProxied(target, method, allHeaders, trusted) : await this.sendDirect(target, method, allHeaders, trusted);
      record.status = res.status;
      const location = res.headers.location;
      if ([301, 302, 303, 307, 308].includes(res.status) && location && hop < MAX_REDIRECTS) {
        await release(res);
        url = new URL(location, target);
        continue;
      }
      return res;
    }
  }
  /**
   * A request on Node's keep-alive agents. Timeouts: `timeoutMs` for the connect and the response headers
   * together, then for each pause in the body. A connect that stalls backs the host off (limiter.ts).
   */
  async sendDirect(target, method, headers, trusted) {
    const transport = await this.nodeTransport(target.protocol === "https:");
    const agent = trusted && transport.trusted || transport.agent;
    const { timeoutMs } = this.options;
    const key = hostKey(target.protocol, target.hostname, target.port);
    return new Promise((resolve, reject) => {
      let connecting = false;
      const req = transport.request({ protocol: target.protocol, hostname: target.hostname.replace(/^\[|\]$/g, ""), port: target.port, path: `${target.pathname}${target.search}`, method, headers, agent }, (res) => {
        clearTimeout(timer);
        req.setTimeout(timeoutMs, () => res.destroy(codedError(`the response stalled for more than ${timeoutMs / 1e3}s`, "UND_ERR_BODY_TIMEOUT")));
        resolve({ url: target.toString(), status: res.statusCode ?? 0, headers: flattenHeaders(res.headers), body: res });
      });
      const timer = setTimeout(() => req.destroy(connecting ? codedError("connect timeout", "UND_ERR_CONNECT_TIMEOUT") : codedError("headers timeout", "UND_ERR_HEADERS_TIMEOUT")), timeoutMs);
      req.on("socket", (socket) => {
        if (!socket.connecting) return;
        connecting = true;
        countUp("connections");
        this.limits.watchConnect(key, socket);
        socket.once("connect", () => connecting = false);
      });
      req.on("error", (err) => {
        clearTimeout(timer);
        if (req.reusedSocket && err.code === "ECONNRESET") err.code = "UND_ERR_CLOSED";
        reject(err);
      });
      req.end();
    });
  }
  /** A request through undici's proxy agent. */
  async sendProxied(target, method, headers, trusted) {
    const agents = await this.proxyAgents();
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(codedError("headers timeout", "UND_ERR_HEADERS_TIMEOUT")), this.options.timeoutMs);
    const res = await (trusted && agents.trusted ? agents.trusted : agents.agent).request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method,
      signal: abort.signal,
      headersTimeout: this.options.timeoutMs,
      bodyTimeout: this.options.timeoutMs,
      headers
    }).finally(() => clearTimeout(timer));
    return { url: target.toString(), status: res.statusCode, headers: flattenHeaders(res.headers), body: res.body };
  }
  async close() {
    for (const transport of await Promise.all([this.plain, this.secure])) {
      transport?.agent.destroy();
      transport?.trusted?.destroy();
    }
    if (this.proxied) {
      const { agent, trusted } = await this.proxied;
      await Promise.all([agent.close(), trusted?.close()]);
    }
  }
};
async function readBody(res) {
  const raw = await readAll(res.body);
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
import { inflateRawSync } from "node:zlib";
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
var TAIL_BYTES = 32 * 1024;
var EOCD_SEARCH_BYTES = 22 + 65535;
var MAX_METADATA_BYTES = 16 * 1024 * 1024;
var EOCD_SIG = 101010256;
var EOCD64_LOCATOR_SIG = 117853008;
var EOCD64_SIG = 101075792;
var LOCAL_SIG = 67324752;
function u64(buf, at) {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error("a zip64 size or offset is out of range");
  return Number(value);
}
function findEndRecord(tail) {
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - EOCD_SEARCH_BYTES); i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) return i;
  }
  return -1;
}
async function locateCentralDirectory(reader) {
  let tailStart = Math.max(0, reader.size - TAIL_BYTES);
  let tail = await reader.read(tailStart, reader.size);
  let pos = findEndRecord(tail);
  if (pos < 0 && tailStart > 0 && tail.length < EOCD_SEARCH_BYTES) {
    tailStart = Math.max(0, reader.size - EOCD_SEARCH_BYTES);
    tail = await reader.read(tailStart, reader.size);
    pos = findEndRecord(tail);
  }
  if (pos < 0) throw new Error("it is not a zip file (no end of central directory record)");
  let size = tail.readUInt32LE(pos + 12);
  let offset = tail.readUInt32LE(pos + 16);
  if (size === 4294967295 || offset === 4294967295 || tail.readUInt16LE(pos + 10) === 65535) {
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
var METADATA_SUFFIX = Buffer.from(".dist-info/METADATA");
var SLASH = 47;
function isMetadataName(cd, start, end) {
  const dirEnd = end - METADATA_SUFFIX.length;
  if (dirEnd <= start) return false;
  for (let i = METADATA_SUFFIX.length - 1; i >= 0; i--) if (cd[dirEnd + i] !== METADATA_SUFFIX[i]) return false;
  for (let i = start; i < dirEnd; i++) if (cd[i] === SLASH) return false;
  return true;
}
function metadataEntries(cd) {
  const entries = [];
  let p = 0;
  while (p + 46 <= cd.length && cd[p] === 80 && cd[p + 1] === 75 && cd[p + 2] === 1 && cd[p + 3] === 2) {
    const nameLength = cd[p + 28] | cd[p + 29] << 8;
    const extraLength = cd[p + 30] | cd[p + 31] << 8;
    const commentLength = cd[p + 32] | cd[p + 33] << 8;
    const nameStart = p + 46;
    if (isMetadataName(cd, nameStart, Math.min(cd.length, nameStart + nameLength))) entries.push(centralEntry(cd, p, nameLength, extraLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
function centralEntry(cd, p, nameLength, extraLength) {
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
  return entry;
}
function pickMetadataEntry(candidates, wheelFilename) {
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
  const entry = pickMetadataEntry(metadataEntries(cd), wheelFilename);
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
  else if (entry.method === 8) text = inflateRawSync(data, { maxOutputLength: MAX_METADATA_BYTES });
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
  return pathToFileURL2(path3.resolve(cwd, location));
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
async function readIfExists(file) {
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
  return new Promise((resolve, reject) => {
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
      resolve();
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
  refresh;
  pageBasis = /* @__PURE__ */ new Map();
  unprovable;
  keyedLocalFiles = /* @__PURE__ */ new Set();
  constructor(options = {}) {
    const env = options.env ?? process.env;
    const cwd = options.cwd ?? process.cwd();
    this.onActivity = options.onActivity;
    this.refresh = options.refresh ?? false;
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
    this.cache = new Cache(path3.resolve(options.cacheDir ?? defaultCacheDir(env)));
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
  /**
   * The page records the answers so far came from, or why some answer rests on more: a local
   * directory or file, metadata not keyed by a sha256, a page the index does not let us keep, a failure.
   */
  answerBasis() {
    if (this.unprovable) return { unprovable: this.unprovable };
    const pages = [...this.pageBasis];
    return { pages: pages.map(([url, p]) => [url, p.stamp]), freshUntil: Math.min(...pages.map(([, p]) => p.freshUntil)) };
  }
  /** A local file whose metadata the caller keys what it keeps by (resolution-memo.ts): reading it proves nothing less. */
  keyedByCaller(url) {
    this.keyedLocalFiles.add(url);
  }
  /** Call right after reading or writing the page's record, so the stamp names what was read or written. */
  restsOnPage(url, freshUntil2) {
    const stamp = freshUntil2 ? this.cache.responseStamp("page", url) : void 0;
    if (stamp && freshUntil2) this.pageBasis.set(url, { stamp, freshUntil: freshUntil2 });
    else this.unprovable ??= `the page ${url} cannot be kept fresh`;
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
  /**
   * Lets every fetch still running finish (a prefetch the resolution did not wait for may still add to the
   * cache: the CLI exits as soon as its verb returns), writes the cache's records, then closes pooled
   * connections. The client is unusable afterwards.
   */
  async close() {
    const pending = [this.listings, this.metadataInFlight, this.downloadsInFlight, this.rootChecks].flatMap((m) => [...m.values()]);
    await Promise.allSettled(pending);
    try {
      this.cache.flush();
    } catch (err) {
      throw new JobError(`Could not write the cache in ${this.cache.root}: ${err.message}. Check that it is writable, or pass another --cache-dir.`);
    } finally {
      await this.http.close();
    }
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
      listing.catch(() => {
        this.listings.delete(name);
        this.unprovable ??= `listing ${name} failed`;
      });
    }
    return listing;
  }
  /** The core metadata (METADATA file text) of a distribution file. */
  fetchMetadata(file) {
    let pending = this.metadataInFlight.get(file.url);
    if (!pending) {
      pending = this.guard(() => this.metadataOf(file));
      this.metadataInFlight.set(file.url, pending);
      pending.catch(() => {
        this.metadataInFlight.delete(file.url);
        this.unprovable ??= `the metadata of ${file.filename} failed`;
      });
      if (isLocal(file) ? !this.keyedLocalFiles.has(file.url) : !file.hashes.sha256) this.unprovable ??= `the metadata of ${file.filename} is not kept by hash`;
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
    if (source.kind === "index" && !source.url.startsWith("file:")) return this.listRemoteIndex(source, project);
    this.unprovable ??= `${source.label} is read each time`;
    if (source.kind === "index") return this.listLocalIndex(source, project);
    if (source.location.startsWith("file:")) {
      const location = fileURLToPath(source.location);
      let isDir = false;
      try {
        isDir = (await stat2(location)).isDirectory();
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
    const page = await this.fetchPage(pageUrl, source.label, "index", true);
    if (page.files) return page.files;
    await this.checkIndexRoot(source);
    if (page.missingUntil) await this.cache.writeResponse("page", { url: pageUrl, freshUntil: page.missingUntil, missing: true, value: [] });
    this.restsOnPage(pageUrl, page.missingUntil);
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
    const dir = path3.join(root, dirName);
    const dirUrl = pathToFileURL2(dir + path3.sep).toString();
    const json = await readIfExists(path3.join(dir, "index.json"));
    if (json !== void 0) return parseSimpleJson(json, dirUrl, source.label);
    const html = await readIfExists(path3.join(dir, "index.html"));
    if (html !== void 0) return parseSimpleHtml(html, dirUrl, source.label);
    return [];
  }
  findLinksPage(source) {
    let page = this.findLinksPages.get(source.location);
    if (!page) {
      page = (async () => {
        if (source.location.startsWith("file:")) {
          const html = await readIfExists(fileURLToPath(source.location));
          if (html === void 0) throw new UsageError(`The find-links page ${source.label} does not exist. Check the -f/--find-links location.`);
          return parseSimpleHtml(html, source.location, source.label);
        }
        const { files } = await this.fetchPage(stripCredentials(source.location), source.label, "find-links page", false);
        if (!files) throw new JobError(`The find-links page ${source.label} does not exist (HTTP 404). Check the -f/--find-links URL.`);
        return files;
      })();
      this.findLinksPages.set(source.location, page);
    }
    return page;
  }
  /**
   * GETs an index page with the cached validators, returning its files (reused on 304), or no files on
   * 404/410 with how long that answer may be believed (see MISSING_FRESH_MS). The parsed files are what we
   * cache, so a 304 costs no parsing.
   */
  async fetchPage(pageUrl, label, what, jsonFirst) {
    const cached = await this.cache.readResponse("page", pageUrl);
    const relabel = (files) => files.map((f) => f.index === label ? f : { ...f, index: label });
    if (cached?.freshUntil && cached.freshUntil > Date.now() && !this.refresh) {
      countUp(cached.missing ? "pages missing fresh" : "pages fresh");
      this.restsOnPage(pageUrl, cached.freshUntil);
      return { files: relabel(cached.value) };
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
      if (res.status === 304 && cached && !cached.missing) {
        const fresh2 = freshUntil(res.headers);
        if (fresh2) await this.cache.writeResponse("page", { ...cached, freshUntil: fresh2 });
        this.restsOnPage(pageUrl, fresh2);
        return { files: relabel(cached.value) };
      }
      if (res.status === 404 || res.status === 410) {
        return { missingUntil: missingFreshUntil(res.headers) };
      }
      if (res.status !== 200) throw this.statusError(res, `the ${what} ${label}`);
      const body = (await this.readCounted(res)).toString("utf8");
      const files = parsePage(body, res.headers["content-type"] ?? "", res.url, label).filter((f) => /^https?:/.test(f.url));
      const etag = res.headers.etag;
      const lastModified = res.headers["last-modified"];
      const fresh = freshUntil(res.headers);
      if (etag || lastModified || fresh) await this.cache.writeResponse("page", { url: pageUrl, etag, lastModified, freshUntil: fresh, value: files });
      this.restsOnPage(pageUrl, fresh);
      return { files };
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
      const sidecar = await readIfExists(`${local}.metadata`);
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
        const bytes = await readAll(res.body);
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
        const bytes = await readAll(res.body);
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
    return path3.join(this.cache.root, "wheels", ".incoming");
  }
  /** Made once per client, before any download starts. */
  ensureStaging() {
    this.stagingReady ??= mkdir(this.stagingDir(), { recursive: true }).then(() => void 0);
    return this.stagingReady;
  }
  /** Streams a 200 response into the cache through the hashes, checks them, and renames into place. */
  async saveDownload(res, file) {
    const algorithms = /* @__PURE__ */ new Set(["sha256", ...Object.keys(file.hashes).filter((h) => SUPPORTED_HASHES.has(h))]);
    const hashers = [...algorithms].map((a) => [a, createHash2(a)]);
    const tmp = tempPathFor(path3.join(this.stagingDir(), "download"));
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
      await mkdir(path3.dirname(target), { recursive: true });
      await rename(tmp, target);
      return target;
    } finally {
      await rm(tmp, { force: true });
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
      const actual = createHash2(name).update(body).digest("hex");
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

// src/resolve/pyproject.ts
import { readFile as readFile3, stat as stat3 } from "node:fs/promises";
import path4 from "node:path";

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
function peekTable(ctx, key, table, meta, type) {
  let t = table;
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
  let dir = path4.resolve(options.cwd ?? process.cwd(), given);
  if (path4.basename(dir) === "pyproject.toml" && await isFile(dir)) dir = path4.dirname(dir);
  const file = path4.join(dir, "pyproject.toml");
  let text;
  try {
    text = await readFile3(file, "utf8");
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
  const addSelfExtras = (requirement, where) => {
    if (requirement.marker) fail(`${where}: ${requirement.toString()} refers to this project with a marker, which pexship cannot expand; drop the marker or list the dependencies directly`);
    for (const e of requirement.extras) addExtra(canonicalExtra(e), where);
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
    return (await stat3(p)).isFile();
  } catch {
    return false;
  }
}

// src/core/inputs.ts
import { stat as stat4 } from "node:fs/promises";
import path5 from "node:path";
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
  /** The settings as a string: equal strings, equal answers. */
  key() {
    return JSON.stringify([[...this.onlyBinary].sort(), [...this.noBinary].sort()]);
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
  if (!(dir === "." || dir === ".." || dir.includes("/") || dir.includes(path5.sep))) return false;
  try {
    return (await stat4(path5.resolve(cwd, dir))).isDirectory();
  } catch {
    return false;
  }
}
async function isFile2(p) {
  try {
    return (await stat4(p)).isFile();
  } catch {
    return false;
  }
}
async function positionalRequirement(arg, cwd) {
  const isUrl = /^(https?|file):\/\//i.test(arg);
  if (arg.toLowerCase().endsWith(".whl") && !isDirectReference(arg)) {
    const filename = decodeURIComponent(isUrl ? new URL(arg).pathname.split("/").pop() : path5.basename(arg));
    const wheel = parseWheelFilename(filename);
    let url = arg;
    if (!isUrl) {
      const full = path5.resolve(cwd, arg);
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
    const where = `${path5.relative(cwd, e.file) || e.file}:${e.line}`;
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
  for (const f of req.requirementFiles) files.push(await readRequirementsFile(path5.resolve(cwd, f), { cwd }));
  for (const f of req.constraintFiles) files.push(await readRequirementsFile(path5.resolve(cwd, f), { cwd, constraint: true }));
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

// src/resolve/pylock.ts
import { readFile as readFile4 } from "node:fs/promises";
import path6 from "node:path";
import { pathToFileURL as pathToFileURL4 } from "node:url";
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
  if (!/["\\\x00-\x1f\x7f]/.test(value)) return `"${value}"`;
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
    text = await readFile4(file, "utf8");
  } catch (err) {
    const code = err.code;
    throw new UsageError(`cannot read the lock file ${file}: ${code === "ENOENT" ? "no such file" : err.message}; check --lock, or create one with pexship lock`);
  }
  return parsePylock(text, path6.resolve(file));
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
  const dir = path6.dirname(file);
  const packages = packagesRaw.map((raw, i) => readPackage(raw, i, dir, fail));
  const tool = isTable2(doc.tool) ? doc.tool : void 0;
  const ours = tool && isTable2(tool.pexship) ? tool.pexship : void 0;
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
  if (!isTable2(raw)) return fail(`packages[${position}] is not a table`);
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
  if (!isTable2(raw)) return fail(`${where} is not a table`);
  const url = optionalString(raw.url, `${where}.url`, fail);
  const filePath = optionalString(raw.path, `${where}.path`, fail);
  if (url === void 0 && filePath === void 0) return fail(`${where} has neither url nor path; pexship needs one to fetch the file`);
  let absolute;
  let location;
  if (url !== void 0) {
    location = url;
    if (url.startsWith("file:")) absolute = decodeURIComponent(new URL(url).pathname);
  } else {
    absolute = path6.resolve(dir, filePath);
    location = pathToFileURL4(absolute).toString();
  }
  let filename = optionalString(raw.name, `${where}.name`, fail);
  if (filename === void 0) {
    const fromLocation = url !== void 0 ? decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "") : path6.basename(filePath);
    if (!fromLocation) return fail(`${where} has no name and its url does not end in a file name`);
    filename = fromLocation;
  }
  const size = raw.size;
  if (size !== void 0 && (typeof size !== "number" || !Number.isInteger(size) || size < 0)) fail(`${where}.size must be a whole number of bytes`);
  if (!isTable2(raw.hashes)) return fail(`${where} (${filename}) has no hashes; pexship build --lock requires a sha256 for every file: re-create the lock with hashes (pexship lock)`);
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
function isTable2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

// src/core/resolve-targets.ts
import { readFile as readFile5 } from "node:fs/promises";
import path8 from "node:path";
import { pathToFileURL as pathToFileURL5 } from "node:url";

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

// src/core/resolution-memo.ts
import { readFileSync as readFileSync2, statSync } from "node:fs";
import { readdir as readdir3, rm as rm2, utimes, writeFile } from "node:fs/promises";
import path7 from "node:path";
var MEMO_FORMAT = 1;
function placeholders(text, locals, back = false) {
  return locals.reduce((t, local, i) => {
    const pairs = [
      [local.url, `pexship-local-${i}-url`],
      [local.sha256, `pexship-local-${i}-sha256`]
    ];
    return pairs.reduce((u, [own, held]) => back ? u.split(held).join(own) : u.split(own).join(held), t);
  }, text);
}
function fileStamp(file) {
  const s = statSync(file, { throwIfNoEntry: false });
  return s && `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
}
function inputsKey(request, sources, locals) {
  const deps = request.dependencies;
  return JSON.stringify({
    // This code itself: a release or a rebundle (which rewrites the program's main file) may resolve differently.
    pexship: [MEMO_FORMAT, PEXSHIP_VERSION, process.argv[1] ? fileStamp(process.argv[1]) : null],
    sources,
    requirements: request.requirements.map((r) => placeholders(String(r), locals)),
    locals: locals.map((l) => l.identity),
    constraints: (request.constraints ?? []).map(String),
    // The whole target (tags, marker values; for `current` what the interpreter probe said).
    targets: request.targets,
    pre: request.pre ?? false,
    hashes: [...request.hashes ?? []].map(([name, digests]) => [name, [...digests].sort()]).sort(),
    formatControl: request.formatControl?.key() ?? null,
    preferBinary: request.preferBinary ?? false,
    allowSdists: request.allowSdists ?? true,
    dependencies: deps ? [deps.excludes.map(String), deps.overrides.map((o) => [o.project, String(o.requirement)]), deps.transitive] : null
  });
}
var ResolutionMemo = class {
  constructor(request, client, locals = []) {
    this.client = client;
    this.locals = locals;
    for (const local of locals) client.keyedByCaller(local.url);
    this.file = path7.join(client.cache.root, "resolutions", `${sha256Hex(inputsKey(request, client.sourceLabels, locals))}.json`);
  }
  client;
  locals;
  file;
  /** The kept resolution for these inputs when every page it rests on is unchanged and fresh now. */
  reuse(targets) {
    try {
      const stored = JSON.parse(placeholders(readFileSync2(this.file, "utf8"), this.locals, true));
      if (!(Date.now() < stored.freshUntil) || stored.distributions.length !== targets.length) return void 0;
      for (const [url, stamp] of stored.pages) if (this.client.cache.responseStamp("page", url) !== stamp) return void 0;
      return { targets: targets.map((target, i) => ({ target, distributions: stored.distributions[i] })) };
    } catch {
      return void 0;
    }
  }
  /**
   * Keeps `resolution` when everything it rests on can be checked later, and now and then drops kept ones a
   * day old (their pages are long stale). Returns why it was not kept. A cache that can't be written is no error.
   */
  async keep(resolution) {
    const basis = this.client.answerBasis();
    if ("unprovable" in basis) return basis.unprovable;
    const stored = { ...basis, distributions: resolution.targets.map((t) => t.distributions) };
    await writeFileAtomic(this.file, placeholders(JSON.stringify(stored), this.locals)).catch(() => {
    });
    await sweepOldResolutions(path7.dirname(this.file));
    return void 0;
  }
};
var DAY_MS = 864e5;
async function sweepOldResolutions(dir, now = Date.now()) {
  const stamp = path7.join(dir, ".swept");
  const last = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs;
  if (last !== void 0 && now - last < DAY_MS && last <= now) return;
  try {
    await writeFile(stamp, "");
    await utimes(stamp, now / 1e3, now / 1e3);
  } catch {
    return;
  }
  for (const name of await readdir3(dir).catch(() => [])) {
    const file = path7.join(dir, name);
    if (file !== stamp && (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < now - DAY_MS) await rm2(file, { force: true }).catch(() => {
    });
  }
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
    ...req.maxConnections !== void 0 ? { maxConnections: req.maxConnections } : {},
    refresh: req.refresh
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
    const known = await Promise.race([pendingTargets.then(() => true, () => true), new Promise((r) => setTimeout(() => r(false), 1))]);
    let targetsKnown = known;
    let metadata;
    if (!known) {
      for (const r of inputs.requirements) if (!r.url) client.listFiles(r.name).catch(() => {
      });
      const [{ MetadataStore }, { fetchBeforeTargets }] = await Promise.all([import("./provider-YTTJACVC.js"), import("./early-metadata-EGRUBOR3.js")]);
      metadata = new MetadataStore(client);
      fetchBeforeTargets(metadata, inputs.requirements, { constraints: inputs.constraints, dependencies, formatControl: inputs.formatControl, targetsKnown: () => targetsKnown });
    }
    const targets = await pendingTargets;
    targetsKnown = true;
    markNow("targets at");
    const project = inputs.project ? await addProjectWheel(inputs, targets, client, req, progress) : void 0;
    if (project) markNow("project built at");
    progress.step(`resolve ${inputs.requirements.length} requirement${inputs.requirements.length === 1 ? "" : "s"} for ${targets.map((t) => t.label).join(", ")}`);
    const pinned = progress.task("resolve", "versions chosen");
    const request = {
      requirements: inputs.requirements,
      constraints: inputs.constraints,
      targets,
      pre: inputs.pre,
      hashes: inputs.hashMode?.allowed,
      formatControl: inputs.formatControl,
      preferBinary: inputs.preferBinary,
      dependencies
    };
    const memo = new ResolutionMemo(request, client, [...project ? [project] : [], ...await localWheelsOf(inputs.requirements, project)]);
    let resolution = req.refresh ? void 0 : memo.reuse(targets);
    if (resolution) {
      countUp("resolution reused");
      for (const t of resolution.targets) progress.detail(`${t.target.label}: ${t.distributions.length} distributions (the last resolution: same inputs, its index pages unchanged and fresh)`);
    } else {
      const { resolve } = await import("./resolver-72XVF3LE.js");
      resolution = await resolve({
        ...request,
        source: client,
        metadata,
        onProgress: (e) => {
          if (e.kind === "pinned") {
            pinned.advance();
            progress.detail(`${e.target}: chose ${e.name} ${e.version}`);
          }
          if (e.kind === "done") progress.detail(`${e.target}: ${e.pinned} distributions`);
        }
      });
      const notKept = await memo.keep(resolution);
      if (notKept) progress.detail(`the resolution is not kept for reuse: ${notKept}`);
    }
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
  const url = pathToFileURL5(built.wheel).href;
  inputs.requirements.push(parseRequirement(`${wheelName}${extras} @ ${url}#sha256=${sha256}`));
  if (inputs.hashMode) {
    inputs.hashMode.allowed.set(canonicalName(wheelName), /* @__PURE__ */ new Set([sha256]));
    inputs.hashMode.origin.set(canonicalName(wheelName), `the project ${inputs.project.name}`);
  }
  const { metadataVersion, name, version, requiresPython, requiresDist, providesExtra } = await builtMetadata(built);
  return { url, sha256, identity: JSON.stringify([path8.basename(built.wheel), metadataVersion, name, version, requiresPython, requiresDist, providesExtra]) };
}
async function localWheelsOf(requirements, project) {
  const wheels = requirements.flatMap((r) => {
    if (!r.url?.startsWith("file:")) return [];
    const url = new URL(r.url);
    url.hash = "";
    return url.pathname.toLowerCase().endsWith(".whl") && url.href !== project?.url ? [url] : [];
  });
  const keyed = await Promise.all(
    wheels.map(async (url) => {
      const data = await readFile5(url).catch(() => void 0);
      const sha256 = data && sha256Hex(data);
      return sha256 ? [{ url: url.href, sha256, identity: sha256 }] : [];
    })
  );
  return keyed.flat();
}
function builtMetadata(built) {
  const filename = path8.basename(built.wheel);
  return withLocalFile(built.wheel, async (reader) => parseCoreMetadata(await readWheelMetadata(reader, filename), filename));
}
async function buildProject(project, targets, client, req, progress) {
  progress.step(`build the project ${project.name} (${path8.relative(req.cwd ?? process.cwd(), project.dir) || "."})`);
  const { buildProjectWheel } = await import("./build-72J2MPK7.js");
  const built = await buildProjectWheel({
    project,
    targets,
    client,
    cacheDir: req.cacheDir ?? defaultCacheDir(),
    interpreters: req.python ? [req.python] : [],
    log: (line) => progress.detail(line)
  });
  progress.detail(`${path8.basename(built.wheel)} (${built.how === "native" ? `written natively as ${built.backend} would` : `built by ${built.backend}`})`);
  const wheelName = parseWheelFilename(path8.basename(built.wheel)).name;
  const sha256 = sha256Hex(await readFile5(built.wheel));
  return { built, wheelName, sha256 };
}
async function addProjectToLock(project, lockFile, selections, targets, client, req, progress) {
  const { built, wheelName, sha256 } = await buildProject(project, targets, client, req, progress);
  const filename = path8.basename(built.wheel);
  const metadata = await builtMetadata(built);
  for (let i = 0; i < targets.length; i++) {
    const pinned = new Map(selections[i].map((s) => [canonicalName(s.name), s.version]));
    for (const text of metadata.requiresDist) {
      const r = parseRequirement(text);
      if (r.marker && !evaluateMarker(r.marker, targets[i].markerEnvironment, project.extras.length ? project.extras : void 0)) continue;
      const version = pinned.get(r.canonicalName);
      if (version === void 0 || !r.specifier.contains(version, { prereleases: true })) {
        throw new UsageError(
          `${lockFile} does not hold ${r.toString()}, which the project ${project.name} needs for ${targets[i].label}${version === void 0 ? "" : ` (it pins ${version})`}; lock again (pexship lock ${path8.relative(req.cwd ?? process.cwd(), project.dir) || "."} \u2026).`
        );
      }
    }
    selections[i].push({
      name: canonicalName(wheelName),
      version: metadata.version,
      file: { filename, url: pathToFileURL5(built.wheel).href, hashes: { sha256 }, yanked: false, coreMetadata: false, index: "local project" },
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
      const path9 = local.get(s.file.url);
      if (!s.needsBuild) {
        wheels.push(path9);
        continue;
      }
      progress.step(`build ${s.name} ${s.version} from source for ${targets[i].label}`);
      wheels.push(
        await (await import("./sdist-build-F6KRC6WH.js")).buildWheelFromSdist({
          sdist: path9,
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

export {
  stripCredentials,
  secretsOf,
  hashLocalFile,
  parseProjectSpec,
  readProject,
  isProjectArg,
  writePylock,
  createReporter,
  stderrProgress,
  resolveTargets,
  makeIndexClient,
  resolveInputs,
  addProjectToLock,
  selectedFromResolution,
  selectFromLock,
  fetchSelections,
  pipIndexArgs
};

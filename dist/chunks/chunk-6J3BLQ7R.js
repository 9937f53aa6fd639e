import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/python/pep440.ts
var InvalidVersionError = class extends UsageError {
  constructor(input) {
    super(`Invalid version: ${JSON.stringify(input)} is not a PEP 440 version (like 1.2, 2.0b1, 1!3.0.post2+local).`);
    this.input = input;
    this.name = "InvalidVersionError";
  }
  input;
};
var InvalidSpecifierError = class extends UsageError {
  constructor(input, detail = 'expected an operator (~=, ==, !=, <=, >=, <, >, ===) followed by a version, e.g. ">=1.2,<2"') {
    super(`Invalid specifier: ${JSON.stringify(input)}: ${detail}.`);
    this.input = input;
    this.name = "InvalidSpecifierError";
  }
  input;
};
var SUFFIX_NO_LOCAL = "(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\\d+)?)?(?:-(\\d+)|[-_.]?(post|rev|r)[-_.]?(\\d+)?)?(?:[-_.]?(dev)[-_.]?(\\d+)?)?";
var LOCAL = "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?";
var VERSION_BODY = "v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)" + SUFFIX_NO_LOCAL + LOCAL;
var VERSION_RE = new RegExp(`^\\s*${VERSION_BODY}\\s*$`, "i");
var PRE_LETTERS = {
  a: "a",
  alpha: "a",
  b: "b",
  beta: "b",
  c: "rc",
  rc: "rc",
  pre: "rc",
  preview: "rc"
};
var PRE_RANK = { a: 0, b: 1, rc: 2 };
function toInt(digits, input) {
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) throw new InvalidVersionError(input);
  return n;
}
var Version = class {
  epoch;
  release;
  pre;
  post;
  dev;
  /** Normalised local label (lower case, "." separators), or null. */
  local;
  localSegments;
  normalised;
  /** @internal use parseVersion */
  constructor(parts) {
    this.epoch = parts.epoch;
    this.release = Object.freeze([...parts.release]);
    this.pre = parts.pre ? Object.freeze([parts.pre[0], parts.pre[1]]) : null;
    this.post = parts.post;
    this.dev = parts.dev;
    this.local = parts.local;
    this.localSegments = parts.local === null ? null : parts.local.split(".").map((s) => /^\d+$/.test(s) ? Number(s) : s);
  }
  get isPrerelease() {
    return this.pre !== null || this.dev !== null;
  }
  get isPostrelease() {
    return this.post !== null;
  }
  get isDevrelease() {
    return this.dev !== null;
  }
  get major() {
    return this.release[0] ?? 0;
  }
  get minor() {
    return this.release[1] ?? 0;
  }
  get micro() {
    return this.release[2] ?? 0;
  }
  /** The version without its local label. */
  get public() {
    const s = this.toString();
    const plus = s.indexOf("+");
    return plus === -1 ? s : s.slice(0, plus);
  }
  /** Epoch and release only ("1!2.0" for "1!2.0rc1.post3+x"). */
  get baseVersion() {
    return (this.epoch ? `${this.epoch}!` : "") + this.release.join(".");
  }
  toString() {
    if (this.normalised === void 0) {
      let s = this.epoch ? `${this.epoch}!` : "";
      s += this.release.join(".");
      if (this.pre) s += `${this.pre[0]}${this.pre[1]}`;
      if (this.post !== null) s += `.post${this.post}`;
      if (this.dev !== null) s += `.dev${this.dev}`;
      if (this.local !== null) s += `+${this.local}`;
      this.normalised = s;
    }
    return this.normalised;
  }
  /** PEP 440 ordering against another version. */
  compare(other) {
    return compareParsed(this, other);
  }
  equals(other) {
    return compareParsed(this, other) === 0;
  }
  /** @internal: the local label split for comparison */
  get _localSegments() {
    return this.localSegments;
  }
};
function cmpNum(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function preRank(v) {
  if (v.pre) return PRE_RANK[v.pre[0]];
  return v.post === null && v.dev !== null ? -1 : 3;
}
function preNumber(v) {
  return v.pre ? v.pre[1] : 0;
}
function compareParsed(a, b) {
  if (a === b) return 0;
  let c = cmpNum(a.epoch, b.epoch);
  if (c) return c;
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) {
    c = cmpNum(a.release[i] ?? 0, b.release[i] ?? 0);
    if (c) return c;
  }
  c = cmpNum(preRank(a), preRank(b)) || cmpNum(preNumber(a), preNumber(b));
  if (c) return c;
  c = cmpNum(a.post ?? -1, b.post ?? -1);
  if (c) return c;
  c = cmpNum(a.dev ?? Infinity, b.dev ?? Infinity);
  if (c) return c;
  const la = a._localSegments;
  const lb = b._localSegments;
  if (la === null || lb === null) return la === lb ? 0 : la === null ? -1 : 1;
  const m = Math.min(la.length, lb.length);
  for (let i = 0; i < m; i++) {
    const x = la[i];
    const y = lb[i];
    if (typeof x === "number" && typeof y === "number") c = cmpNum(x, y);
    else if (typeof x === "number") c = 1;
    else if (typeof y === "number") c = -1;
    else c = x < y ? -1 : x > y ? 1 : 0;
    if (c) return c;
  }
  return cmpNum(la.length, lb.length);
}
var cache = /* @__PURE__ */ new Map();
var CACHE_LIMIT = 2e5;
var scanEnd = 0;
function scanNumber(s, at) {
  let i = at;
  let value = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
  }
  scanEnd = i;
  return i === at || i - at > 15 ? -1 : value;
}
function scanPlainVersion(s, wildcard) {
  const release = [];
  let i = 0;
  for (; ; ) {
    const n = scanNumber(s, i);
    if (n < 0) return void 0;
    release.push(n);
    i = scanEnd;
    if (s.charCodeAt(i) !== 46) break;
    const next = s.charCodeAt(i + 1);
    if (next < 48 || next > 57) break;
    i++;
  }
  const out = { release, pre: null, post: null, dev: null, wildcard: false };
  if (wildcard && i === s.length - 2 && s.charCodeAt(i) === 46 && s.charCodeAt(i + 1) === 42) {
    out.wildcard = true;
    return out;
  }
  const c = s.charCodeAt(i);
  const letter = c === 97 ? "a" : c === 98 ? "b" : c === 114 && s.charCodeAt(i + 1) === 99 ? "rc" : void 0;
  if (letter) {
    const n = scanNumber(s, i + letter.length);
    if (n < 0) return void 0;
    out.pre = [letter, n];
    i = scanEnd;
  }
  if (s.startsWith(".post", i)) {
    out.post = scanNumber(s, i + 5);
    if (out.post < 0) return void 0;
    i = scanEnd;
  }
  if (s.startsWith(".dev", i)) {
    out.dev = scanNumber(s, i + 4);
    if (out.dev < 0) return void 0;
    i = scanEnd;
  }
  return i === s.length ? out : void 0;
}
function parseVersionByRegex(input) {
  const m = VERSION_RE.exec(input);
  if (!m) return null;
  const [, epoch, release, preL, preN, postImplicit, postL, postN, devL, devN, local] = m;
  return new Version({
    epoch: epoch ? toInt(epoch, input) : 0,
    release: release.split(".").map((d) => toInt(d, input)),
    pre: preL ? [PRE_LETTERS[preL.toLowerCase()], preN ? toInt(preN, input) : 0] : null,
    post: postImplicit !== void 0 ? toInt(postImplicit, input) : postL ? postN ? toInt(postN, input) : 0 : null,
    dev: devL ? devN ? toInt(devN, input) : 0 : null,
    local: local ? local.toLowerCase().replace(/[-_]/g, ".") : null
  });
}
function startsLikeVersion(s) {
  const c = s.charCodeAt(0) | 32;
  return !(c >= 97 && c <= 122) || c === 118;
}
function parseUncached(input) {
  const plain = scanPlainVersion(input, false);
  if (!plain) return startsLikeVersion(input) ? parseVersionByRegex(input) : null;
  return new Version({ epoch: 0, release: plain.release, pre: plain.pre, post: plain.post, dev: plain.dev, local: null });
}
function tryParseVersion(input) {
  let v = cache.get(input);
  if (v === void 0) {
    try {
      v = parseUncached(input);
    } catch {
      v = null;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(input, v);
  }
  return v;
}
function parseVersion(input) {
  if (typeof input !== "string") throw new InvalidVersionError(String(input));
  const v = tryParseVersion(input);
  if (!v) throw new InvalidVersionError(input);
  return v;
}
function asVersion(v) {
  return typeof v === "string" ? parseVersion(v) : v;
}
function compareVersions(a, b) {
  return compareParsed(asVersion(a), asVersion(b));
}
function canonicalizeVersion(v, stripTrailingZero = true) {
  const parsed = typeof v === "string" ? tryParseVersion(v) : v;
  if (!parsed) return String(v);
  if (!stripTrailingZero) return parsed.toString();
  const release = [...parsed.release];
  while (release.length > 1 && release[release.length - 1] === 0) release.pop();
  return new Version({ ...parsed, release }).toString();
}
var RELEASE = "v?(?:\\d+!)?\\d+(?:\\.\\d+)*";
var FULL_NO_LOCAL = RELEASE + SUFFIX_NO_LOCAL;
var SPEC_VERSION_RE = {
  "==": new RegExp(`^(?:${RELEASE}\\.\\*|${VERSION_BODY})$`, "i"),
  "!=": new RegExp(`^(?:${RELEASE}\\.\\*|${VERSION_BODY})$`, "i"),
  "~=": new RegExp(`^v?(?:\\d+!)?\\d+(?:\\.\\d+)+${SUFFIX_NO_LOCAL}$`, "i"),
  "<=": new RegExp(`^${FULL_NO_LOCAL}$`, "i"),
  ">=": new RegExp(`^${FULL_NO_LOCAL}$`, "i"),
  "<": new RegExp(`^${FULL_NO_LOCAL}$`, "i"),
  ">": new RegExp(`^${FULL_NO_LOCAL}$`, "i"),
  "===": /^[^\s;)]+$/
};
var SPEC_RE = /^\s*(===|~=|==|!=|<=|>=|<|>)\s*(.*?)\s*$/s;
var Specifier = class {
  operator;
  /** The version text as written (e.g. "2.1.*", "lolwat" for ===). */
  version;
  explicitPrereleases;
  namesPrerelease;
  parsed;
  wildcard;
  constructor(text, prereleases = null) {
    const [op, version] = plainSpecifier(text) ?? splitSpecifierByRegex(text);
    this.operator = op;
    this.version = version;
    this.explicitPrereleases = prereleases;
  }
  /** Whether pre-releases are accepted by default: explicit setting, else whether the clause names one. */
  get prereleases() {
    if (this.explicitPrereleases !== null) return this.explicitPrereleases;
    this.namesPrerelease ??= this.computeNamesPrerelease();
    return this.namesPrerelease;
  }
  computeNamesPrerelease() {
    if (this.operator === "==" || this.operator === ">=" || this.operator === "<=" || this.operator === "~=" || this.operator === "===") {
      const base = this.version.endsWith(".*") ? this.version.slice(0, -2) : this.version;
      return tryParseVersion(base)?.isPrerelease ?? false;
    }
    return false;
  }
  set prereleases(value) {
    this.explicitPrereleases = value;
  }
  toString() {
    return `${this.operator}${this.version}`;
  }
  /** Key under which two specifiers are the same clause (==2.8.0 and ==2.8). */
  get canonicalKey() {
    if (this.operator === "===") return `===${this.version.toLowerCase()}`;
    if (this.version.endsWith(".*")) return `${this.operator}${canonicalizeVersion(this.version.slice(0, -2), false)}.*`;
    return `${this.operator}${canonicalizeVersion(this.version, this.operator !== "~=")}`;
  }
  equals(other) {
    const o = typeof other === "string" ? tryNewSpecifier(other) : other;
    return o !== null && o.canonicalKey === this.canonicalKey;
  }
  spec() {
    if (this.parsed === void 0) this.parsed = parseVersion(this.version);
    return this.parsed;
  }
  /** Whether `item` satisfies this clause. Unparsable strings only ever match `===`. */
  contains(item, options = {}) {
    const prereleases = options.prereleases ?? this.prereleases;
    if (this.operator === "===") {
      const text = typeof item === "string" ? item : item.toString();
      if (text.toLowerCase() !== this.version.toLowerCase()) return false;
      const v2 = typeof item === "string" ? tryParseVersion(item) : item;
      return !(v2?.isPrerelease && !prereleases);
    }
    const v = typeof item === "string" ? tryParseVersion(item) : item;
    if (!v) return false;
    if (v.isPrerelease && !prereleases) return false;
    return this.matches(v);
  }
  /** The operator's comparison alone, ignoring the pre-release policy. */
  matches(v) {
    switch (this.operator) {
      case "==":
        return this.equalTo(v);
      case "!=":
        return !this.equalTo(v);
      case "<=":
        return compareParsed(withoutLocal(v), this.spec()) <= 0;
      case ">=":
        return compareParsed(withoutLocal(v), this.spec()) >= 0;
      case "<": {
        const spec = this.spec();
        if (compareParsed(v, spec) >= 0) return false;
        return !(!spec.isPrerelease && v.isPrerelease && sameBase(v, spec));
      }
      case ">": {
        const spec = this.spec();
        if (compareParsed(v, spec) <= 0) return false;
        if (!spec.isPostrelease && v.isPostrelease && sameBase(v, spec)) return false;
        return !(v.local !== null && sameBase(v, spec));
      }
      case "~=": {
        const spec = this.spec();
        if (compareParsed(withoutLocal(v), spec) < 0) return false;
        const prefix = spec.release.slice(0, -1);
        return v.epoch === spec.epoch && prefix.every((n, i) => (v.release[i] ?? 0) === n);
      }
      case "===":
        return v.toString().toLowerCase() === this.version.toLowerCase();
    }
  }
  equalTo(v) {
    if (this.version.endsWith(".*")) {
      if (!this.wildcard) this.wildcard = parseVersion(this.version.slice(0, -2));
      const prefix = this.wildcard;
      return v.epoch === prefix.epoch && prefix.release.every((n, i) => (v.release[i] ?? 0) === n);
    }
    const spec = this.spec();
    return compareParsed(spec.local === null ? withoutLocal(v) : v, spec) === 0;
  }
  /** Items that satisfy the clause, with the pre-release fallback of packaging 24.1's Specifier.filter. */
  filter(items, options = {}) {
    const prereleases = options.prereleases ?? null;
    const key = options.key ?? ((x) => x);
    const out = [];
    const heldBack = [];
    for (const item of items) {
      const k = key(item);
      const v = typeof k === "string" ? tryParseVersion(k) : k;
      if (!this.contains(k, { prereleases: prereleases ?? true })) continue;
      if (v?.isPrerelease && !(prereleases || this.prereleases)) heldBack.push(item);
      else out.push(item);
    }
    return out.length === 0 ? heldBack : out;
  }
};
function splitSpecifierByRegex(text) {
  const m = SPEC_RE.exec(text);
  if (!m || !m[2]) throw new InvalidSpecifierError(text);
  const op = m[1];
  const version = m[2];
  if (!SPEC_VERSION_RE[op].test(version)) throw new InvalidSpecifierError(text, specifierProblem(op, version));
  return [op, version];
}
var PLAIN_OPERATORS = ["~=", "==", "!=", "<=", ">=", "<", ">"];
function plainSpecifier(text) {
  if (text.startsWith("===")) return void 0;
  const op = PLAIN_OPERATORS.find((o) => text.startsWith(o));
  if (!op) return void 0;
  let start = op.length;
  while (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9) start++;
  const version = text.slice(start);
  const plain = scanPlainVersion(version, op === "==" || op === "!=");
  if (!plain || op === "~=" && plain.release.length < 2) return void 0;
  return [op, version];
}
function specifierProblem(op, version) {
  if (/\.\*/.test(version) && op !== "==" && op !== "!=") return `the wildcard ".*" can only be used with == and !=`;
  if (/\.\*./.test(version) || /\.\*$/.test(version) && !new RegExp(`^${RELEASE}\\.\\*$`, "i").test(version)) {
    return 'the wildcard ".*" must directly follow the release numbers (not a pre, post, dev or local part)';
  }
  if (version.includes("+") && op !== "==" && op !== "!=") return "a local version label (+...) can only be used with == and !=";
  if (op === "~=" && /^v?(?:\d+!)?\d+$/i.test(version)) return "~= needs at least two release numbers (like ~=1.4)";
  return `${JSON.stringify(version)} is not a valid PEP 440 version`;
}
function tryNewSpecifier(text) {
  try {
    return new Specifier(text);
  } catch {
    return null;
  }
}
var publicCache = /* @__PURE__ */ new WeakMap();
function withoutLocal(v) {
  if (v.local === null) return v;
  let p = publicCache.get(v);
  if (!p) {
    p = new Version({ ...v, local: null });
    publicCache.set(v, p);
  }
  return p;
}
function sameBase(a, b) {
  if (a.epoch !== b.epoch) return false;
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) if ((a.release[i] ?? 0) !== (b.release[i] ?? 0)) return false;
  return true;
}
var SpecifierSet = class _SpecifierSet {
  specifiers;
  explicitPrereleases;
  constructor(text = "", prereleases = null) {
    if (typeof text === "string") {
      this.specifiers = text.split(",").map((s) => s.trim()).filter((s) => s !== "").map((s) => {
        try {
          return new Specifier(s);
        } catch (e) {
          if (e instanceof InvalidSpecifierError && text.includes(",")) {
            throw new InvalidSpecifierError(text, `in ${JSON.stringify(s)}: ${e.message.replace(/^Invalid specifier: "[^"]*": /, "").replace(/\.$/, "")}`);
          }
          throw e;
        }
      });
    } else {
      this.specifiers = [...text];
    }
    this.explicitPrereleases = prereleases;
  }
  get size() {
    return this.specifiers.length;
  }
  [Symbol.iterator]() {
    return this.specifiers[Symbol.iterator]();
  }
  /** Explicit setting, else null for an empty set, else whether any clause names a pre-release. */
  get prereleases() {
    if (this.explicitPrereleases !== null) return this.explicitPrereleases;
    if (this.specifiers.length === 0) return null;
    return this.specifiers.some((s) => s.prereleases);
  }
  set prereleases(value) {
    this.explicitPrereleases = value;
  }
  /** Sorted and de-duplicated, like packaging's str(SpecifierSet). */
  toString() {
    const seen = /* @__PURE__ */ new Set();
    const out = [];
    for (const s of [...this.specifiers].sort((a, b) => cmpStr(a.toString(), b.toString()))) {
      if (seen.has(s.canonicalKey)) continue;
      seen.add(s.canonicalKey);
      out.push(s.toString());
    }
    return out.join(",");
  }
  /** Order-independent key: equal for sets that are the same clauses (">=1.0,<2" and "<2.0,>=1"). */
  get canonicalKey() {
    return [...new Set(this.specifiers.map((s) => s.canonicalKey))].sort().join(",");
  }
  equals(other) {
    let o;
    if (typeof other === "string") {
      try {
        o = new _SpecifierSet(other);
      } catch {
        return false;
      }
    } else o = other instanceof Specifier ? new _SpecifierSet([other]) : other;
    return o.canonicalKey === this.canonicalKey;
  }
  /** Intersection; the pre-release overrides must not contradict. */
  and(other) {
    const o = typeof other === "string" ? new _SpecifierSet(other) : other;
    const a = this.explicitPrereleases;
    const b = o.explicitPrereleases;
    if (a !== null && b !== null && a !== b) {
      throw new UsageError("Cannot combine specifier sets with contradicting pre-release settings (true and false).");
    }
    return new _SpecifierSet([...this.specifiers, ...o.specifiers], a ?? b);
  }
  /** Whether `item` satisfies every clause (pip 24's pre-release rules, see module doc). */
  contains(item, options = {}) {
    let v = typeof item === "string" ? tryParseVersion(item) : item;
    if (!v) {
      return this.specifiers.every((s) => s.operator === "===" && s.contains(item));
    }
    const prereleases = options.prereleases ?? this.prereleases;
    if (!prereleases && v.isPrerelease) {
      if (!options.installed) return false;
    }
    if (options.installed && v.isPrerelease) v = parseVersion(v.baseVersion);
    const parsed = v;
    return this.specifiers.every((s) => s.contains(s.operator === "===" && !options.installed ? item : parsed, { prereleases: !!prereleases }));
  }
  /**
   * The items whose version satisfies the set, in input order. With `prereleases` unset: clauses apply with
   * pre-releases off unless one names a pre-release; an empty set keeps pre-releases only when no final release
   * (or non-PEP 440 string) is present.
   */
  filter(items, options = {}) {
    const key = options.key ?? ((x) => x);
    const prereleases = options.prereleases ?? this.prereleases;
    if (this.specifiers.length > 0) {
      let current = [...items];
      for (const spec of this.specifiers) current = spec.filter(current, { prereleases: !!prereleases, key });
      return current;
    }
    const all = [...items];
    const isPre = all.map((item) => {
      const k = key(item);
      return (typeof k === "string" ? tryParseVersion(k) : k)?.isPrerelease ?? null;
    });
    const keepPre = prereleases === true || prereleases === null && !isPre.includes(false);
    return all.filter((_, i) => isPre[i] !== true || keepPre);
  }
};
function cmpStr(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var setCache = /* @__PURE__ */ new Map();
function parseSpecifierSet(text) {
  let s = setCache.get(text);
  if (!s) {
    s = new SpecifierSet(text);
    if (setCache.size >= 5e4) setCache.clear();
    setCache.set(text, s);
  }
  return s;
}

// src/python/tags.ts
var priorityCache = /* @__PURE__ */ new WeakMap();
function tagPriority(tags) {
  let map = priorityCache.get(tags);
  if (!map) {
    const built = /* @__PURE__ */ new Map();
    tags.forEach((tag, index) => {
      const key = tag.toLowerCase();
      if (!built.has(key)) built.set(key, index);
    });
    priorityCache.set(tags, built);
    map = built;
  }
  return map;
}
function expandTagSet(tag) {
  const parts = tag.split("-");
  if (parts.length !== 3) return tag.split(".");
  const [pys, abis, plats] = parts.map((p) => p.split("."));
  const out = [];
  for (const py of pys) for (const abi of abis) for (const plat of plats) out.push(`${py}-${abi}-${plat}`);
  return out;
}
function parseTag(tag) {
  const parts = tag.split("-");
  if (parts.length !== 3) throw new Error(`invalid tag ${JSON.stringify(tag)}: expected PYTHON-ABI-PLATFORM`);
  const [pys, abis, plats] = parts.map((p) => p.toLowerCase().split("."));
  for (const component of [...pys, ...abis, ...plats]) {
    if (component === "") throw new Error(`invalid tag ${JSON.stringify(tag)}: empty component`);
  }
  for (const py of pys) {
    if (!/^[a-z_][a-z0-9_]*$/.test(py)) throw new Error(`invalid tag ${JSON.stringify(tag)}: bad interpreter ${JSON.stringify(py)}`);
  }
  for (const part of [...abis, ...plats]) {
    if (!/^[a-z0-9_]+$/.test(part)) throw new Error(`invalid tag ${JSON.stringify(tag)}: bad component ${JSON.stringify(part)}`);
  }
  return expandTagSet(parts.map((_, i) => [pys, abis, plats][i].join(".")).join("-"));
}
var LEGACY_MANYLINUX = {
  manylinux1: [2, 5],
  manylinux2010: [2, 12],
  manylinux2014: [2, 17]
};
var LEGACY_ALIAS_ARCHES = [
  { glibc: [2, 17], name: "manylinux2014", arches: /* @__PURE__ */ new Set(["x86_64", "i686", "aarch64", "armv7l", "ppc64", "ppc64le", "s390x"]) },
  { glibc: [2, 12], name: "manylinux2010", arches: /* @__PURE__ */ new Set(["x86_64", "i686"]) },
  { glibc: [2, 5], name: "manylinux1", arches: /* @__PURE__ */ new Set(["x86_64", "i686"]) }
];
var DEFAULT_LINUX_GLIBC = [2, 17];
function parsePlatformTag(platform) {
  const tag = platform.trim().toLowerCase().replace(/[-.]/g, "_");
  let m;
  if (m = /^manylinux_(\d+)_(\d+)_(.+)$/.exec(tag)) {
    return { tag, family: "manylinux", arch: m[3], glibc: [Number(m[1]), Number(m[2])] };
  }
  if (m = /^(manylinux1|manylinux2010|manylinux2014)_(.+)$/.exec(tag)) {
    return { tag, family: "manylinux", arch: m[2], glibc: LEGACY_MANYLINUX[m[1]] };
  }
  if (m = /^musllinux_(\d+)_(\d+)_(.+)$/.exec(tag)) {
    return { tag, family: "musllinux", arch: m[3], musl: [Number(m[1]), Number(m[2])] };
  }
  if (m = /^linux_(.+)$/.exec(tag)) return { tag, family: "linux", arch: m[1], glibc: DEFAULT_LINUX_GLIBC };
  if (m = /^macosx_(\d+)_(\d+)_(.+)$/.exec(tag)) {
    return { tag, family: "macos", arch: m[3], macos: [Number(m[1]), Number(m[2])] };
  }
  if (tag === "win32") return { tag, family: "windows", arch: "win32" };
  if (m = /^win_(.+)$/.exec(tag)) return { tag, family: "windows", arch: m[1] };
  return { tag, family: "other", arch: tag };
}
function manylinuxPlatforms(glibc, arch) {
  const [major, minor] = glibc;
  const oldest = arch === "x86_64" || arch === "i686" ? 5 : 17;
  const out = [];
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
function musllinuxPlatforms(musl, arch) {
  const out = [];
  for (let m = musl[1]; m >= 0; m--) out.push(`musllinux_${musl[0]}_${m}_${arch}`);
  out.push(`linux_${arch}`);
  return out;
}
function macBinaryFormats(version, arch) {
  const atLeast = (major, minor) => version[0] > major || version[0] === major && version[1] >= minor;
  switch (arch) {
    case "x86_64":
      return atLeast(10, 4) ? ["x86_64", "intel", "fat64", "fat3", "universal2", "universal"] : [];
    case "i386":
      return atLeast(10, 4) ? ["i386", "intel", "fat3", "fat", "universal"] : [];
    case "ppc64":
      return atLeast(10, 4) && !atLeast(10, 6) ? ["ppc64", "fat64", "universal"] : [];
    case "ppc":
      return !atLeast(10, 7) ? ["ppc", "fat3", "fat", "universal"] : [];
    case "intel":
      return ["intel", "universal"];
    case "arm64":
      return ["arm64", "universal2"];
    default:
      return [arch];
  }
}
function macPlatforms(version, arch) {
  const out = [];
  const add = (major, minor, formats) => {
    for (const f of formats) out.push(`macosx_${major}_${minor}_${f}`);
  };
  let tenMinor = version[1];
  if (version[0] >= 11) {
    for (let major = version[0]; major >= 11; major--) add(major, 0, macBinaryFormats([major, 0], arch));
    tenMinor = 16;
  } else if (version[0] !== 10) {
    return out;
  }
  for (let minor = tenMinor; minor >= 0; minor--) {
    const formats = arch === "arm64" ? macBinaryFormats([10, minor], "x86_64").filter((f) => f === "universal2") : macBinaryFormats([10, minor], arch);
    add(10, minor, formats);
  }
  return out;
}
function platformTags(platform) {
  const info = parsePlatformTag(platform);
  switch (info.family) {
    case "manylinux":
    case "linux":
      return manylinuxPlatforms(info.glibc, info.arch);
    case "musllinux":
      return musllinuxPlatforms(info.musl, info.arch);
    case "macos":
      return macPlatforms(info.macos, info.arch);
    default:
      return [info.tag];
  }
}
var pyVersion = (major, minor) => minor === void 0 ? `${major}` : `${major}${minor}`;
function abi3Applies(version, abis) {
  const freeThreaded = abis.some((a) => /^cp\d+t$/.test(a));
  return version[0] === 3 && version[1] >= 2 && !freeThreaded;
}
function cpythonTags(version, abis, platforms) {
  const interpreter = `cp${pyVersion(version[0], version[1])}`;
  const ownAbis = abis.map((a) => a.toLowerCase()).filter((a) => a !== "abi3" && a !== "none");
  const withAbi3 = abi3Applies(version, ownAbis);
  const out = [];
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
function pyInterpreterRange(version) {
  const out = [`py${pyVersion(version[0], version[1])}`, `py${version[0]}`];
  for (let minor = version[1] - 1; minor >= 0; minor--) out.push(`py${pyVersion(version[0], minor)}`);
  return out;
}
function compatibleTags(version, interpreter, platforms) {
  const range = pyInterpreterRange(version);
  const out = [];
  for (const py of range) for (const p of platforms) out.push(`${py}-none-${p}`);
  if (interpreter) out.push(`${interpreter}-none-any`);
  for (const py of range) out.push(`${py}-none-any`);
  return out;
}
function supportedTags(target) {
  const [major, minor] = target.pythonVersion;
  const platforms = typeof target.platform === "string" ? platformTags(target.platform) : [...target.platform];
  const abis = target.abis ?? [target.abi ?? `cp${major}${minor}`];
  const interpreter = `cp${major}${minor}`;
  const tags = [...cpythonTags(target.pythonVersion, abis, platforms), ...compatibleTags(target.pythonVersion, interpreter, platforms)];
  return [...new Set(tags)];
}

// src/python/wheel.ts
var InvalidWheelFilename = class extends UsageError {
  constructor(filename, reason) {
    super(`invalid wheel file name ${JSON.stringify(filename)}: ${reason} (expected NAME-VERSION[-BUILD]-PYTHON-ABI-PLATFORM.whl, e.g. requests-2.32.3-py3-none-any.whl)`);
    this.filename = filename;
    this.name = "InvalidWheelFilename";
  }
  filename;
};
var InvalidSdistFilename = class extends UsageError {
  constructor(filename, reason) {
    super(`invalid source distribution file name ${JSON.stringify(filename)}: ${reason} (expected NAME-VERSION.tar.gz or NAME-VERSION.zip)`);
    this.filename = filename;
    this.name = "InvalidSdistFilename";
  }
  filename;
};
function canonicalizeName(name) {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}
var PROJECT_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
function isValidProjectName(name) {
  return PROJECT_NAME.test(name);
}
var PEP440_VERSION = /^v?(?:\d+!)?\d+(?:\.\d+)*(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?\d*)?(?:-\d+|[-_.]?(?:post|rev|r)[-_.]?\d*)?(?:[-_.]?dev[-_.]?\d*)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$/i;
function looksLikeVersion(version) {
  const text = version.trim();
  return scanPlainVersion(text, false) !== void 0 || PEP440_VERSION.test(text);
}
var TAG_PART = /^[A-Za-z0-9_]+$/;
function basename(filename) {
  const cut = Math.max(filename.lastIndexOf("/"), filename.lastIndexOf("\\"));
  return cut >= 0 ? filename.slice(cut + 1) : filename;
}
function parseWheelFilename(filename) {
  const base = basename(filename);
  if (!base.toLowerCase().endsWith(".whl")) throw new InvalidWheelFilename(base, "it does not end in .whl");
  const parts = base.slice(0, -4).split("-");
  if (parts.length !== 5 && parts.length !== 6) {
    throw new InvalidWheelFilename(base, `it has ${parts.length} dash-separated parts, a wheel name has 5 or 6`);
  }
  const [distName, version] = parts;
  if (!distName || !/^[A-Za-z0-9._]+$/.test(distName) || distName.includes("__") || !isValidProjectName(distName)) {
    throw new InvalidWheelFilename(base, `${JSON.stringify(distName)} is not a valid project name`);
  }
  if (!looksLikeVersion(version)) throw new InvalidWheelFilename(base, `${JSON.stringify(version)} is not a valid version`);
  let build;
  if (parts.length === 6) {
    const text = parts[2];
    const m = /^(\d+)(.*)$/.exec(text);
    if (!m) throw new InvalidWheelFilename(base, `build tag ${JSON.stringify(text)} must start with a digit`);
    if (!/^[A-Za-z0-9_.]*$/.test(m[2])) throw new InvalidWheelFilename(base, `build tag ${JSON.stringify(text)} has invalid characters`);
    build = { number: Number(m[1]), suffix: m[2], text };
  }
  const [pyPart, abiPart, platPart] = parts.slice(-3);
  const split = (what, value) => {
    const items = value.split(".");
    if (items.some((t) => !TAG_PART.test(t))) throw new InvalidWheelFilename(base, `${what} tag ${JSON.stringify(value)} is malformed`);
    return items;
  };
  const pythonTags = split("python", pyPart);
  const abiTags = split("abi", abiPart);
  const platformTags2 = split("platform", platPart);
  const tags = [];
  const seen = /* @__PURE__ */ new Set();
  for (const py of pythonTags)
    for (const abi of abiTags)
      for (const plat of platformTags2) {
        const tag = `${py}-${abi}-${plat}`.toLowerCase();
        if (!seen.has(tag)) {
          seen.add(tag);
          tags.push(tag);
        }
      }
  return {
    filename: base,
    name: canonicalizeName(distName),
    distName,
    version,
    ...build ? { build } : {},
    tags,
    pythonTags,
    abiTags,
    platformTags: platformTags2
  };
}
var SDIST_EXTENSIONS = [".tar.gz", ".zip", ".tar.bz2", ".tar.xz", ".tgz", ".tbz", ".tar"];
function sdistExtension(filename) {
  const lower = filename.toLowerCase();
  return SDIST_EXTENSIONS.find((ext) => lower.endsWith(ext));
}
function parseSdistFilename(filename, projectName) {
  const base = basename(filename);
  const extension = sdistExtension(base);
  if (!extension) throw new InvalidSdistFilename(base, `unknown archive extension (known: ${SDIST_EXTENSIONS.join(", ")})`);
  const stem = base.slice(0, -extension.length);
  let cut = -1;
  if (projectName !== void 0) {
    const want = canonicalizeName(projectName);
    for (let i = stem.indexOf("-"); i >= 0; i = stem.indexOf("-", i + 1)) {
      if (canonicalizeName(stem.slice(0, i)) === want) {
        cut = i;
        break;
      }
    }
    if (cut < 0) throw new InvalidSdistFilename(base, `it does not start with the project name ${JSON.stringify(projectName)}`);
  } else {
    cut = stem.lastIndexOf("-");
    if (cut <= 0) throw new InvalidSdistFilename(base, "there is no dash between name and version");
  }
  const distName = stem.slice(0, cut);
  const version = stem.slice(cut + 1);
  if (!isValidProjectName(distName)) throw new InvalidSdistFilename(base, `${JSON.stringify(distName)} is not a valid project name`);
  if (!looksLikeVersion(version)) throw new InvalidSdistFilename(base, `${JSON.stringify(version)} is not a valid version`);
  return { filename: base, name: canonicalizeName(distName), distName, version, extension };
}
function asWheel(wheel) {
  return typeof wheel === "string" ? parseWheelFilename(wheel) : wheel;
}
function wheelRank(wheel, target) {
  const priority = tagPriority(target.tags);
  let best;
  for (const tag of asWheel(wheel).tags) {
    const rank = priority.get(tag);
    if (rank !== void 0 && (best === void 0 || rank < best)) best = rank;
  }
  return best;
}
function wheelSupported(wheel, target) {
  return wheelRank(wheel, target) !== void 0;
}
function compareWheelsForTarget(a, b, target) {
  const wa = asWheel(a);
  const wb = asWheel(b);
  const ra = wheelRank(wa, target) ?? Number.POSITIVE_INFINITY;
  const rb = wheelRank(wb, target) ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra < rb ? -1 : 1;
  const ba = wa.build?.number ?? -1;
  const bb = wb.build?.number ?? -1;
  if (ba !== bb) return bb - ba;
  const sa = wa.build?.suffix ?? "";
  const sb = wb.build?.suffix ?? "";
  if (sa !== sb) return sa < sb ? 1 : -1;
  return wa.filename < wb.filename ? -1 : wa.filename > wb.filename ? 1 : 0;
}

export {
  InvalidSpecifierError,
  tryParseVersion,
  parseVersion,
  compareVersions,
  Specifier,
  plainSpecifier,
  SpecifierSet,
  parseSpecifierSet,
  tagPriority,
  parseTag,
  parsePlatformTag,
  platformTags,
  supportedTags,
  canonicalizeName,
  parseWheelFilename,
  sdistExtension,
  parseSdistFilename,
  wheelSupported,
  compareWheelsForTarget
};
